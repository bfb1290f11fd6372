"""Project <-> JSON document (format version 3), complete and exact.

Every field of the song survives: resolution, title, end, tempo/meter/key maps,
chord lane (as symbol text, e.g. "Am7", "F/C", "N.C."), markers and every
track field, with notes as compact [start, pitch, duration, velocity] rows.
Reading checks every value (see engine.project.fields) and raises `Invalid`
with the place and the problem; it never half-builds a project.

Version 2 added `state.locks` (tracks and notes locked against AI proposals);
a version-1 file has no such field and reads with no locks. Version 3 added
`state.video` (the picture the cue is scored to: path and offset, or null);
older files read with no video. Version 4 added `song.timecode` (frame rate
and SMPTE start label) and a third value in marker rows, the seconds of a hit
point or null; older files read at 24 fps from 00:00:00:00 with no hit points.
Version 5 added `state.mix` (balance by role, reverb and chorus; the
defaults for older files). Version 6 added `state.style` (the learned style
proposals use, by name, or null); older files read with none. Version 7 moved
the locks into the song, where undo and redo reach them: a track's `locked`
field, and a fifth value 1 in a locked note's row ([start, pitch, duration,
velocity, 1]); `state.locks` is gone; and `state.video` gained the video's
own sound as the user left it (`sound_muted`, `sound_level_db`). An older file's `state.locks` are read
and put on its song's tracks and notes, so nothing the user locked is lost.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from engine.chords import ChordEvent, ChordParseError, chord_name, parse_chord
from engine.keys import KeyParseError, KeySignature, parse_key
from engine.notes import Note
from engine.project.fields import (Invalid, array, boolean, build, integer, number, obj, optional, row, text)
from engine.audio.mix import DEFAULT_MIX, MixSettings
from engine.project.model import LoopRegion, Project, ProjectState, VideoLink, ViewState
from engine.song import Marker, Song
from engine.timecode import SongTimecode, song_timecode
from engine.timing import TempoChange, TimeSignature
from engine.track import ControlChange, PitchBend, ProgramChange, Track, TrackRole

FORMAT_NAME = "cadenza-project"
FORMAT_VERSION = 7

_TOP_FIELDS = ("format", "version", "song", "state")
_SONG_FIELDS_V3 = ("title", "ticks_per_quarter", "end_tick", "tempos", "meters", "keys", "chords", "markers", "tracks")
_SONG_FIELDS = _SONG_FIELDS_V3 + ("timecode",)
_TIMECODE_FIELDS = ("frame_rate", "start")
_TRACK_FIELDS_V6 = ("id", "name", "role", "program", "bank", "channel", "volume", "pan", "mute", "solo",
                    "notes", "controls", "pitch_bends", "program_changes")
_TRACK_FIELDS = _TRACK_FIELDS_V6 + ("locked",)
_STATE_FIELDS_V1 = ("loop", "soundfont", "selected_track_id", "view", "snap_ticks", "takes")
_STATE_FIELDS_V2 = _STATE_FIELDS_V1 + ("locks",)
_STATE_FIELDS_V3 = _STATE_FIELDS_V2 + ("video",)
_STATE_FIELDS_V5 = _STATE_FIELDS_V3 + ("mix",)
_STATE_FIELDS_V6 = _STATE_FIELDS_V5 + ("style",)
_STATE_FIELDS = tuple(name for name in _STATE_FIELDS_V6 if name != "locks")
_MIX_FIELDS = ("balance", "reverb", "reverb_amount", "reverb_room", "chorus", "chorus_amount")
_VIDEO_FIELDS_V6 = ("path", "offset_seconds")
_VIDEO_FIELDS = _VIDEO_FIELDS_V6 + ("sound_muted", "sound_level_db")
_LOCKS_FIELDS = ("tracks", "notes")
_VIEW_FIELDS = ("zoom_x", "zoom_y", "scroll_tick", "scroll_pitch")
_LOOP_FIELDS = ("start", "end", "enabled")

# Row layouts of the compact event lists: (JSON names, model class).
_NOTE = ("start", "pitch", "duration", "velocity")
_LOCKED_NOTE = _NOTE + ("locked",)
_TEMPO = ("tick", "us_per_quarter")
_METER = ("tick", "numerator", "denominator")
_CONTROL = ("tick", "controller", "value")
_BEND = ("tick", "value")
_PROGRAM = ("tick", "program")


# --- writing ----------------------------------------------------------------
def project_to_json(project: Project) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION,
            "song": song_to_json(project.song), "state": state_to_json(project.state)}


def song_to_json(song: Song) -> dict[str, Any]:
    return {
        "title": song.title,
        "ticks_per_quarter": song.ticks_per_quarter,
        "end_tick": song.end_tick,
        "timecode": {"frame_rate": song.timecode.rate.name, "start": song.timecode.start.text(song.timecode.rate)},
        "tempos": [[t.tick, t.us_per_quarter] for t in song.tempos],
        "meters": [[m.tick, m.numerator, m.denominator] for m in song.meters],
        "keys": [[k.tick, k.key.name()] for k in song.keys],
        "chords": [[c.tick, chord_name(c.chord)] for c in song.chords],
        "markers": [[m.tick, m.text, m.seconds] for m in song.markers],
        "tracks": [_track_to_json(track) for track in song.tracks],
    }


def _track_to_json(track: Track) -> dict[str, Any]:
    return {
        "id": track.id, "name": track.name, "role": track.role.value, "program": track.program,
        "bank": track.bank, "channel": track.channel, "volume": track.volume, "pan": track.pan,
        "mute": track.mute, "solo": track.solo, "locked": track.locked,
        "notes": [note_row(n) for n in track.notes],
        "controls": [[c.tick, c.controller, c.value] for c in track.controls],
        "pitch_bends": [[b.tick, b.value] for b in track.pitch_bends],
        "program_changes": [[p.tick, p.program] for p in track.program_changes],
    }


def note_row(note: Note) -> list[int]:
    """[start, pitch, duration, velocity], with a fifth value 1 when the note is locked."""
    row = [note.start, note.pitch, note.duration, note.velocity]
    return row + [1] if note.locked else row


def note_from_row(item: Any, where: str) -> Note:
    """A note from its row (four values, or five with the lock flag 0 or 1); raises `Invalid`."""
    names = _LOCKED_NOTE if isinstance(item, list) and len(item) == len(_LOCKED_NOTE) else _NOTE
    values = [integer(v, f"{where}.{name}") for v, name in zip(row(item, where, names), names)]
    if len(values) == len(_LOCKED_NOTE) and values[-1] not in (0, 1):
        raise Invalid(f"{where}.locked: expected 0 or 1, got {values[-1]}")
    return build(where, Note, *values[:4], locked=len(values) == len(_LOCKED_NOTE) and values[-1] == 1)


def state_to_json(state: ProjectState) -> dict[str, Any]:
    loop = state.loop
    view = state.view
    return {
        "loop": None if loop is None else {"start": loop.start, "end": loop.end, "enabled": loop.enabled},
        "soundfont": state.soundfont,
        "selected_track_id": state.selected_track_id,
        "view": {"zoom_x": view.zoom_x, "zoom_y": view.zoom_y, "scroll_tick": view.scroll_tick,
                 "scroll_pitch": view.scroll_pitch},
        "snap_ticks": state.snap_ticks,
        "takes": state.takes,
        "video": None if state.video is None else {name: getattr(state.video, name) for name in _VIDEO_FIELDS},
        "mix": {name: getattr(state.mix, name) for name in _MIX_FIELDS},
        "style": state.style,
    }


# --- reading ----------------------------------------------------------------
def project_from_json(document: Any) -> Project:
    """The project a decoded document describes; raises `Invalid`.

    Format and version are checked before anything else, so a file from a
    newer Cadenza is reported as such rather than as a pile of unknown fields.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise Invalid(f"not a Cadenza project (no \"format\": \"{FORMAT_NAME}\")")
    version = integer(document.get("version"), "version")
    if version > FORMAT_VERSION:
        raise Invalid(f"saved by a newer Cadenza (project format {version}; this version reads up to "
                            f"{FORMAT_VERSION}): please update Cadenza")
    if version < 1:
        raise Invalid(f"version: unknown project format {version}")
    fields = obj(document, "project", _TOP_FIELDS)
    song = song_from_json(fields["song"], "song", version)
    state = state_from_json(fields["state"], "state", version)
    if 2 <= version < 7:
        song = _with_old_locks(song, obj(fields["state"], "state", _state_fields(version))["locks"], "state.locks")
    return Project(song, state)


def _rows(value: Any, where: str, names: tuple[str, ...], make: Any, tick_first: bool = True) -> list[Any]:
    """A list of all-integer rows, each built into one model event."""
    events = []
    for i, item in enumerate(array(value, where)):
        place = f"{where}[{i}]"
        values = [integer(v, f"{place}.{name}") for v, name in zip(row(item, place, names), names)]
        events.append(build(place, make, *values))
    return events


def _tick_text_rows(value: Any, where: str, make: Any) -> list[Any]:
    """A list of [tick, text] rows (keys, chords, markers), each built by `make(tick, text, place)`."""
    events = []
    for i, item in enumerate(array(value, where)):
        place = f"{where}[{i}]"
        tick, label = row(item, place, ("tick", "text"))
        events.append(make(integer(tick, f"{place}.tick"), text(label, f"{place}.text"), place))
    return events


def _key_event(tick: int, label: str, place: str) -> KeySignature:
    return build(place, KeySignature, tick, _parsed(parse_key, KeyParseError, label, place))


def _chord_event(tick: int, label: str, place: str) -> ChordEvent:
    return build(place, ChordEvent, tick, _parsed(parse_chord, ChordParseError, label, place))


def _parsed(parse, error_type: type[ValueError], label: str, place: str):
    """`parse(label)`, with its error reported at `place` in the file."""
    try:
        return parse(label)
    except error_type as error:
        raise Invalid(f"{place}: {error}") from None


def song_from_json(value: Any, where: str, version: int = FORMAT_VERSION) -> Song:
    fields = obj(value, where, _SONG_FIELDS if version >= 4 else _SONG_FIELDS_V3)
    tracks = [_track_from_json(item, f"{where}.tracks[{i}]", version)
              for i, item in enumerate(array(fields["tracks"], f"{where}.tracks"))]
    return build(
        where, Song,
        tracks=tuple(tracks),
        ticks_per_quarter=integer(fields["ticks_per_quarter"], f"{where}.ticks_per_quarter"),
        tempos=tuple(_rows(fields["tempos"], f"{where}.tempos", _TEMPO, TempoChange)),
        meters=tuple(_rows(fields["meters"], f"{where}.meters", _METER, TimeSignature)),
        keys=tuple(_tick_text_rows(fields["keys"], f"{where}.keys", _key_event)),
        chords=tuple(_tick_text_rows(fields["chords"], f"{where}.chords", _chord_event)),
        markers=tuple(_markers_from_json(fields["markers"], f"{where}.markers", version)),
        title=text(fields["title"], f"{where}.title"),
        end_tick=integer(fields["end_tick"], f"{where}.end_tick"),
        timecode=_timecode_from_json(fields["timecode"], f"{where}.timecode") if version >= 4 else SongTimecode(),
    )


def _markers_from_json(value: Any, where: str, version: int) -> list[Marker]:
    """[tick, text] rows before format 4; [tick, text, seconds of a hit point or null] since."""
    if version < 4:
        return _tick_text_rows(value, where, lambda tick, label, place: build(place, Marker, tick, label))
    markers = []
    for i, item in enumerate(array(value, where)):
        place = f"{where}[{i}]"
        tick, label, seconds = row(item, place, ("tick", "text", "seconds"))
        markers.append(build(place, Marker, integer(tick, f"{place}.tick"), text(label, f"{place}.text"),
                             optional(seconds, f"{place}.seconds", number)))
    return markers


def _timecode_from_json(value: Any, where: str) -> SongTimecode:
    f = obj(value, where, _TIMECODE_FIELDS)
    return build(where, song_timecode, text(f["frame_rate"], f"{where}.frame_rate"), text(f["start"], f"{where}.start"))


def _track_from_json(value: Any, where: str, version: int) -> Track:
    f = obj(value, where, _TRACK_FIELDS if version >= 7 else _TRACK_FIELDS_V6)
    role = text(f["role"], f"{where}.role")
    if role not in {r.value for r in TrackRole}:
        raise Invalid(f"{where}.role: unknown role {role!r} (known: {', '.join(r.value for r in TrackRole)})")
    ints = {name: integer(f[name], f"{where}.{name}") for name in ("id", "program", "bank", "channel", "volume", "pan")}
    return build(
        where, Track,
        name=text(f["name"], f"{where}.name"),
        role=TrackRole(role),
        mute=boolean(f["mute"], f"{where}.mute"),
        solo=boolean(f["solo"], f"{where}.solo"),
        locked=boolean(f["locked"], f"{where}.locked") if version >= 7 else False,
        notes=tuple(note_from_row(item, f"{where}.notes[{i}]") for i, item in enumerate(array(f["notes"], f"{where}.notes"))),
        controls=tuple(_rows(f["controls"], f"{where}.controls", _CONTROL, ControlChange)),
        pitch_bends=tuple(_rows(f["pitch_bends"], f"{where}.pitch_bends", _BEND, PitchBend)),
        program_changes=tuple(_rows(f["program_changes"], f"{where}.program_changes", _PROGRAM, ProgramChange)),
        **ints,
    )


def _state_fields(version: int) -> tuple[str, ...]:
    return (_STATE_FIELDS if version >= 7 else _STATE_FIELDS_V6 if version >= 6 else _STATE_FIELDS_V5 if version >= 5
            else _STATE_FIELDS_V3 if version >= 3 else _STATE_FIELDS_V2 if version >= 2 else _STATE_FIELDS_V1)


def state_from_json(value: Any, where: str, version: int = FORMAT_VERSION) -> ProjectState:
    f = obj(value, where, _state_fields(version))
    view = obj(f["view"], f"{where}.view", _VIEW_FIELDS)
    return build(
        where, ProjectState,
        loop=optional(f["loop"], f"{where}.loop", _loop_from_json),
        soundfont=optional(f["soundfont"], f"{where}.soundfont", text),
        selected_track_id=optional(f["selected_track_id"], f"{where}.selected_track_id", integer),
        view=build(f"{where}.view", ViewState,
                   zoom_x=number(view["zoom_x"], f"{where}.view.zoom_x"),
                   zoom_y=number(view["zoom_y"], f"{where}.view.zoom_y"),
                   scroll_tick=integer(view["scroll_tick"], f"{where}.view.scroll_tick"),
                   scroll_pitch=integer(view["scroll_pitch"], f"{where}.view.scroll_pitch")),
        snap_ticks=integer(f["snap_ticks"], f"{where}.snap_ticks"),
        takes=array(f["takes"], f"{where}.takes"),
        video=optional(f["video"], f"{where}.video", lambda v, w: _video_from_json(v, w, version)) if version >= 3 else None,
        mix=_mix_from_json(f["mix"], f"{where}.mix") if version >= 5 else DEFAULT_MIX,
        style=optional(f["style"], f"{where}.style", text) if version >= 6 else None,
    )


def _mix_from_json(value: Any, where: str) -> MixSettings:
    f = obj(value, where, _MIX_FIELDS)
    switches = {name: boolean(f[name], f"{where}.{name}") for name in ("balance", "reverb", "chorus")}
    amounts = {name: number(f[name], f"{where}.{name}") for name in ("reverb_amount", "reverb_room", "chorus_amount")}
    return build(where, MixSettings, **switches, **amounts)


def _with_old_locks(song: Song, value: Any, where: str) -> Song:
    """`song` with the locks a format 2-6 file kept beside it (`state.locks`) put on its tracks and notes.

    Those files named locked notes by value; each one locks one equal note of its track (a note or track
    the song no longer has is skipped, as the editor did when it opened such a file)."""
    f = obj(value, where, _LOCKS_FIELDS)
    tracks = {integer(t, f"{where}.tracks[{i}]") for i, t in enumerate(array(f["tracks"], f"{where}.tracks"))}
    notes_by_track = f["notes"]
    if not isinstance(notes_by_track, dict):
        raise Invalid(f"{where}.notes: expected an object (track id: notes), got a {type(notes_by_track).__name__}")
    locked_notes: dict[int, Counter] = {}
    for key, rows in notes_by_track.items():
        if not re.fullmatch(r"-?[1-9][0-9]*|0", key):
            raise Invalid(f"{where}.notes: {key!r} is not a track id")
        locked_notes[int(key)] = Counter(note_from_row(item, f"{where}.notes.{key}[{i}]")
                                         for i, item in enumerate(array(rows, f"{where}.notes.{key}")))
    new_tracks = []
    for track in song.tracks:
        wanted = locked_notes.get(track.id, Counter())
        notes = []
        for note in track.notes:
            if wanted[note]:
                wanted[note] -= 1
                note = note.with_(locked=True)
            notes.append(note)
        new_tracks.append(track.with_(notes=tuple(notes), locked=track.id in tracks))
    return song.with_(tracks=tuple(new_tracks))


def _video_from_json(value: Any, where: str, version: int) -> VideoLink:
    f = obj(value, where, _VIDEO_FIELDS if version >= 7 else _VIDEO_FIELDS_V6)
    sound = {} if version < 7 else {"sound_muted": boolean(f["sound_muted"], f"{where}.sound_muted"),
                                    "sound_level_db": number(f["sound_level_db"], f"{where}.sound_level_db")}
    return build(where, VideoLink, text(f["path"], f"{where}.path"), number(f["offset_seconds"], f"{where}.offset_seconds"),
                 **sound)


def _loop_from_json(value: Any, where: str) -> LoopRegion:
    f = obj(value, where, _LOOP_FIELDS)
    return build(where, LoopRegion, integer(f["start"], f"{where}.start"), integer(f["end"], f"{where}.end"),
                 boolean(f["enabled"], f"{where}.enabled"))
