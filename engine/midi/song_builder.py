"""Raw SMF tracks -> `Song`: pair notes, split channels, gather song-level events.

The policies (docs/MIDI_IMPORT.md says the same for users):

- Notes pair first-in-first-out per MIDI track, channel and pitch: a note-off,
  or a note-on with velocity 0, closes the oldest open note of that pitch. A
  note-off with no open note is ignored.
- Zero-length notes (on and off at the same tick) are kept, duration 0: they
  are in the file on purpose or by accident, and dropping them would lose data
  the user may want to see; the writer puts them back as the same on/off pair.
- A note still open when its track ends is closed at that track's end (its
  end-of-track tick, or its last event when end-of-track is missing).
- One song track per (MIDI track, channel) that carries notes, programs,
  controllers or pitch bends, in order of first appearance, so every note keeps
  its channel. A split track's name gets " (ch N)" (N counted from 1).
- Track setup: the first program change, bank select (CC 0/32), volume (CC 7)
  and pan (CC 10) at or before the track's first note (anywhere, for a track
  without notes) become `Track.program/bank/volume/pan`; all others are kept in
  `program_changes` and `controls`. Aftertouch is dropped.
- Programs and bank selects belong to the channel, as a sequencer plays them,
  for a track that sets none of its own: in a file Cadenza did not write, a
  program change (CC 0/32 likewise) on channel N in any MIDI track applies,
  from its tick on, to every track that plays on N and has no program change
  (bank select) of its own (many files set every instrument on a conductor
  track). Each such track gets the one in force at its first note (same tick:
  the later track, then the later event, wins) and those that fall among its
  notes; a track left with only such events (the conductor's share) is not
  kept. A track that sets its own program keeps it: notation programs export
  more parts than there are channels and share one between two parts, each
  naming its own instrument (MuseScore's Beethoven 1: Flute 2 and Violin 2 on
  channel 2), and a sequencer's "last program wins" would make a flute a
  violin, its name, role and range with it. Cadenza's own files give each
  track its own synth channel, so there a track keeps exactly its own programs.
- Tempo, meter, key signature and marker events count from any track, in tick
  order (same tick: track order, then file order; the tempo map lets the last
  one win). Text events in a track named "Chords" become the chord lane.
- Format 2 files (independent sequences) are laid out in parallel from tick 0,
  like format 1: a song has one timeline.
- SMPTE timing (frames x ticks per frame, no quarter notes): ticks are kept
  as they are; ticks_per_quarter becomes fps x ticks per frame and the tempo is
  fixed at one quarter per second (1.001 s at 29.97 fps), so each tick lasts
  exactly as long as the file says. Tempo events in such files are ignored.
- Roles: Cadenza's own tag, else a guess per track from its name, channel and
  program (engine.midi.roles); a file that names no part's role and has two
  or more pitched parts (an orchestral score, a mockup) gets roles from what
  each part plays instead (engine.ensemble). Then every track without a name
  is called after its instrument, numbered where several share one
  ("Violin 1", "Violin 2": engine.instruments.name_unnamed_tracks); the
  writer keeps the name. A file Cadenza wrote (its tracks carry the tag) keeps
  its roles and names exactly, an empty name included.
- A song past engine.limits (bars, tracks, notes, ticks, hours) is refused
  with one line before anything scales with its length.
- The title is the name of the first MIDI track when it has no channel events
  (a conductor track). `Song.end_tick` is the last track's end.
- Defensive clamps, each a warning: tempo 0, time-signature numerator 0 or a
  denominator above 2**6, key signatures outside -7..7 or with a mode byte other
  than 0/1, channel events with data bytes above 127, unparseable chord text.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from engine.chords import ChordEvent, ChordParseError, parse_chord
from engine.keys import Key, KeySignature
from engine.instruments import name_unnamed_tracks
from engine.limits import check_song
from engine.midi.roles import guess_role, import_roles
from engine.midi.smf_reader import RawTrack, SmfFile
from engine.midi.track_tag import SEQUENCER_SPECIFIC, decode_tag
from engine.notes import Note
from engine.markers import marker_from_midi
from engine.song import Marker, Song
from engine.timecode import (SMPTE_OFFSET, FrameRate, SongTimecode, TimecodeError, frame_rate_from_tag,
                             timecode_from_smpte_offset)
from engine.timing import TempoChange, TimeSignature
from engine.track import ControlChange, PitchBend, ProgramChange, Track

TEXT, TRACK_NAME, MARKER = 0x01, 0x03, 0x06
TEMPO, TIME_SIGNATURE, KEY_SIGNATURE = 0x51, 0x58, 0x59
CHORDS_TRACK_NAME = "Chords"
BANK_MSB, BANK_LSB, VOLUME, PAN = 0, 32, 7, 10
_SETUP_CONTROLLERS = (BANK_MSB, BANK_LSB, VOLUME, PAN)
_SMPTE_US_PER_QUARTER = {29: 1_001_000}  # 29.97 drop-frame runs 1.001 times slower than 30
_INFINITY = float("inf")


@dataclass(slots=True)
class _ChannelPart:
    """What one channel of one MIDI track collected, before it becomes a Track."""

    notes: list[tuple[int, int, int, int]] = field(default_factory=list)  # start, pitch, duration, velocity
    controls: list[tuple[int, int, int]] = field(default_factory=list)
    programs: list[tuple[int, int]] = field(default_factory=list)
    bends: list[tuple[int, int]] = field(default_factory=list)


def decode_text(payload: bytes) -> str:
    """Meta text: UTF-8 when it is valid (our writer's choice), else Latin-1 (mido's)."""
    payload = payload.rstrip(b"\0")
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("latin-1")


def build_song(smf: SmfFile, source: str = "<bytes>") -> tuple[Song, list[str]]:
    """The Song a parsed file describes, and warnings about what was skipped or repaired.

    A song past engine.limits (a note lasting millions of bars, 300 tracks) raises SongTooLargeError naming
    `source` before the role analysis, whose work grows with the song's bars."""
    warnings: Counter[str] = Counter()
    if smf.smpte:
        fps, ticks_per_frame = smf.smpte
        ticks_per_quarter = (30 if fps == 29 else fps) * ticks_per_frame
        smpte_tempo = TempoChange(0, _SMPTE_US_PER_QUARTER.get(fps, 1_000_000))
    else:
        ticks_per_quarter, smpte_tempo = smf.division, None

    names = [_track_name(raw) for raw in smf.tracks]
    song_events = _SongEvents(warnings)
    tracks: list[Track] = []
    tags = [_track_tag(raw) for raw in smf.tracks]
    tagged = any(tag is not None for tag in tags)
    track_parts = [_split_channels(raw, warnings) for raw in smf.tracks]
    if not tagged:
        _apply_programs_by_channel(track_parts)
    for index, raw in enumerate(smf.tracks):
        song_events.collect(raw, names[index].lower() == CHORDS_TRACK_NAME.lower())
        parts, tag = track_parts[index], tags[index]
        for channel, part in parts.items():
            name = names[index] if len(parts) == 1 else f"{names[index]} (ch {channel + 1})".lstrip()
            tracks.append(_make_track(len(tracks) + 1, name, channel, part, tag))

    if smpte_tempo is not None:
        if song_events.tempos:
            warnings["tempo events ignored: the file uses SMPTE (absolute) timing"] += 1
        song_events.tempos = [smpte_tempo]
    title = names[0] if smf.tracks and not smf.tracks[0].channel_events else ""
    song = Song(
        tracks=tuple(tracks),
        ticks_per_quarter=ticks_per_quarter,
        tempos=tuple(song_events.tempos),
        meters=tuple(song_events.meters),
        keys=tuple(song_events.keys),
        chords=tuple(song_events.chords),
        markers=tuple(song_events.markers),
        timecode=song_events.timecode(),
        title=title,
        end_tick=max((raw.end_tick for raw in smf.tracks), default=0),
    )
    check_song(song, source)
    song = import_roles(song, tagged)
    if not tagged:  # a Cadenza file comes back as it was saved, an unnamed track included
        song = name_unnamed_tracks(song)
    lines = list(smf.warnings)
    lines += [text if count == 1 else f"{text} (x{count})" for text, count in warnings.items()]
    return song, lines


def _track_name(raw: RawTrack) -> str:
    for _, kind, payload in raw.meta_events:
        if kind == TRACK_NAME:
            return decode_text(payload)
    return ""


def _track_tag(raw: RawTrack):
    for _, kind, payload in raw.meta_events:
        if kind == SEQUENCER_SPECIFIC and (tag := decode_tag(payload)) is not None:
            return tag
    return None


def _split_channels(raw: RawTrack, warnings: Counter[str]) -> dict[int, _ChannelPart]:
    """Channel events of one MIDI track, per channel, with notes paired FIFO."""
    parts: dict[int, _ChannelPart] = {}
    open_notes: dict[int, list[tuple[int, int]]] = {}  # channel << 7 | pitch -> [(start, velocity), ...]
    malformed = 0
    for tick, status, data1, data2 in raw.channel_events:
        if (data1 | data2) > 127:
            malformed += 1
            continue
        channel = status & 0x0F
        part = parts.get(channel)
        if part is None:
            part = parts[channel] = _ChannelPart()
        kind = status & 0xF0
        if kind == 0x90 and data2:
            key = channel << 7 | data1
            queue = open_notes.get(key)
            if queue is None:
                open_notes[key] = [(tick, data2)]
            else:
                queue.append((tick, data2))
        elif kind <= 0x90:
            queue = open_notes.get(channel << 7 | data1)
            if queue:
                start, velocity = queue.pop(0)
                part.notes.append((start, data1, tick - start, velocity))
        elif kind == 0xB0:
            part.controls.append((tick, data1, data2))
        elif kind == 0xC0:
            part.programs.append((tick, data1))
        elif kind == 0xE0:
            part.bends.append((tick, (data2 << 7 | data1) - 8192))
    unclosed = 0
    for key, queue in open_notes.items():
        for start, velocity in queue:
            parts[key >> 7].notes.append((start, key & 0x7F, raw.end_tick - start, velocity))
            unclosed += 1
    if malformed:
        warnings[f"skipped {malformed} channel event(s) with data bytes above 127"] += 1
    if unclosed:
        warnings["closed notes that were still sounding at the end of their track"] += unclosed
    return {channel: part for channel, part in parts.items()
            if part.notes or part.controls or part.programs or part.bends}


def _apply_programs_by_channel(track_parts: list[dict[int, _ChannelPart]]) -> None:
    """Give each part with notes the programs and bank selects its channel receives from any MIDI track.

    Changes the parts in place (see the module docstring's policy); a part
    whose channel hears no program or bank from another track is untouched.
    """
    by_channel: dict[int, list[tuple[int, _ChannelPart]]] = {}
    for index, parts in enumerate(track_parts):
        for channel, part in parts.items():
            by_channel.setdefault(channel, []).append((index, part))
    for channel, members in by_channel.items():
        if len(members) < 2:
            continue
        programs = sorted((tick, index, order, (tick, program)) for index, part in members
                          for order, (tick, program) in enumerate(part.programs))
        banks = sorted((tick, index, order, (tick, controller, value)) for index, part in members
                       for order, (tick, controller, value) in enumerate(part.controls)
                       if controller in (BANK_MSB, BANK_LSB))
        for index, part in members:
            if not part.notes:
                continue
            first = min(note[0] for note in part.notes)
            last = max(note[0] for note in part.notes)
            if not part.programs and any(other != index for _, other, _, _ in programs):
                part.programs = _as_played(programs, first, last)
            if not _sets_bank(part) and any(other != index for _, other, _, _ in banks):
                chosen = _as_played([e for e in banks if e[3][1] == BANK_MSB], first, last) + \
                    _as_played([e for e in banks if e[3][1] == BANK_LSB], first, last)
                others = [c for c in part.controls if c[1] not in (BANK_MSB, BANK_LSB)]
                part.controls = sorted(others + chosen, key=lambda c: c[0])  # stable: file order within a tick
        if any(part.notes for _, part in members):
            for index, part in members:
                if not (part.notes or part.bends) and all(c[1] in (BANK_MSB, BANK_LSB) for c in part.controls):
                    del track_parts[index][channel]  # its programs now live in the tracks that play them


def _sets_bank(part: _ChannelPart) -> bool:
    return any(controller in (BANK_MSB, BANK_LSB) for _, controller, _ in part.controls)


def _as_played(events: list[tuple], first: int, last: int) -> list:
    """Of (tick, track, order, payload) events in play order: the payloads of the one in force at tick `first`
    and of those after it up to tick `last`."""
    before = [event[3] for event in events if event[0] <= first]
    return before[-1:] + [event[3] for event in events if first < event[0] <= last]


def _make_track(track_id: int, name: str, channel: int, part: _ChannelPart, tag) -> Track:
    part.notes.sort()
    notes = tuple(Note(start=s, pitch=p, duration=d, velocity=v) for s, p, d, v in part.notes)
    first_note = notes[0].start if notes else _INFINITY
    setup: dict[int, int] = {}
    controls = []
    for tick, controller, value in part.controls:
        if controller in _SETUP_CONTROLLERS and controller not in setup and tick <= first_note:
            setup[controller] = value
        else:
            controls.append(ControlChange(tick, controller, value))
    program, program_changes = 0, part.programs
    if program_changes and program_changes[0][0] <= first_note:
        program, program_changes = program_changes[0][1], program_changes[1:]
    role = tag.role if tag else guess_role(name, channel, program)
    return Track(
        id=track_id, name=name, role=role, program=program, channel=channel,
        volume=setup.get(VOLUME, 100), pan=setup.get(PAN, 64),
        mute=bool(tag and tag.mute), solo=bool(tag and tag.solo),
        notes=notes, controls=tuple(controls),
        pitch_bends=tuple(PitchBend(t, v) for t, v in part.bends),
        program_changes=tuple(ProgramChange(t, p) for t, p in program_changes),
        bank=setup.get(BANK_MSB, 0) << 7 | setup.get(BANK_LSB, 0),
    )


class _SongEvents:
    """Tempo, meter, key, marker and chord events gathered from every track."""

    def __init__(self, warnings: Counter[str]) -> None:
        self.warnings = warnings
        self.tempos: list[TempoChange] = []
        self.meters: list[TimeSignature] = []
        self.keys: list[KeySignature] = []
        self.markers: list[Marker] = []
        self.smpte_offset: bytes | None = None
        self.tagged_rate: FrameRate | None = None
        self.chords: list[ChordEvent] = []

    def collect(self, raw: RawTrack, is_chord_track: bool) -> None:
        for tick, kind, payload in raw.meta_events:
            if kind == TEMPO:
                self._tempo(tick, payload)
            elif kind == TIME_SIGNATURE:
                self._meter(tick, payload)
            elif kind == KEY_SIGNATURE:
                self._key(tick, payload)
            elif kind == MARKER:
                self.markers.append(marker_from_midi(tick, decode_text(payload)))
            elif kind == SMPTE_OFFSET and tick == 0:
                self.smpte_offset = payload
            elif kind == SEQUENCER_SPECIFIC and tick == 0:
                self.tagged_rate = frame_rate_from_tag(payload) or self.tagged_rate
            elif kind == TEXT and is_chord_track:
                self._chord(tick, decode_text(payload))

    def timecode(self) -> SongTimecode:
        """The SMPTE start the file names (at tick 0), at the rate a Cadenza tag names exactly."""
        if self.smpte_offset is None:
            return SongTimecode()
        try:
            return timecode_from_smpte_offset(self.smpte_offset, self.tagged_rate)
        except TimecodeError as error:
            self.warnings[f"skipped an SMPTE offset that is not a timecode ({error})"] += 1
            return SongTimecode()

    def _tempo(self, tick: int, payload: bytes) -> None:
        us_per_quarter = int.from_bytes(payload[:3], "big")
        if len(payload) < 3 or us_per_quarter == 0:
            self.warnings["skipped tempo events of 0 or with fewer than 3 bytes"] += 1
        else:
            self.tempos.append(TempoChange(tick, us_per_quarter))

    def _meter(self, tick: int, payload: bytes) -> None:
        if len(payload) < 2 or payload[0] == 0 or payload[1] > 6:
            self.warnings["skipped time signatures with a zero numerator or a denominator above 64"] += 1
        else:
            self.meters.append(TimeSignature(tick, payload[0], 1 << payload[1]))

    def _key(self, tick: int, payload: bytes) -> None:
        sharps = payload[0] - 256 if payload[:1] >= b"\x80" else int.from_bytes(payload[:1], "big")
        if len(payload) < 2 or not -7 <= sharps <= 7 or payload[1] > 1:
            self.warnings["skipped key signatures outside -7..7 accidentals or major/minor"] += 1
        else:
            self.keys.append(KeySignature(tick, Key.from_signature(sharps, payload[1] == 1)))

    def _chord(self, tick: int, text: str) -> None:
        try:
            self.chords.append(ChordEvent(tick, parse_chord(text)))
        except ChordParseError:
            self.warnings["skipped chord-track text that is not a chord symbol"] += 1
