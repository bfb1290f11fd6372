"""A new sketch from nothing: an empty song in a key, tempo and meter, then each part proposed over the ones before.

Order matters: chords first (everything else follows the harmony), then the
melody over the chords, then bass and accompaniment under both, drums last.
Each part is one `propose` call on the song so far, applied through its edit,
so a sketch is built exactly the way a user would build it in the editor.
"""
from __future__ import annotations

from collections.abc import Callable

from composer.proposals.generate import propose
from composer.proposals.spec import PARTS, Controls, ProposalError, Region, Task
from engine.edits import InsertTrack
from engine.keys import Key, KeySignature
from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import Track, TrackRole

# General MIDI programs a new part starts with: piano melody, electric bass (finger), electric piano, drum kit.
PROGRAMS = {"melody": 0, "bass": 33, "accompaniment": 4, "drums": 0}


def empty_song(bars: int, key: Key, tempo: float, meter: tuple[int, int]) -> Song:
    song = Song(tempos=(TempoChange.from_bpm(0, tempo),), meters=(TimeSignature(0, *meter),),
                keys=(KeySignature(0, key),))
    return song.with_(end_tick=song.meter_map.bar_start(bars))


def add_part_track(song: Song, role: str) -> tuple[Song, int]:
    """The song with a new, empty track for `role` at the end, and its id."""
    track_role = TrackRole(role)
    track = Track(song.next_track_id, role.capitalize(), track_role, program=PROGRAMS.get(role, 0),
                  channel=song.free_channel(track_role))
    return InsertTrack(len(song.tracks), track, f"Add {role} track").apply(song), track.id


def compose_song(bars: int, key: Key, tempo: float, meter: tuple[int, int], parts: tuple[str, ...] = PARTS,
                 seed: int = 0, model=None, temperature: float = 1.0, cancel=None,
                 on_part: Callable[[str, dict], None] | None = None, style: str | None = None) -> Song:
    """A `bars`-bar sketch with `parts` (a subset of PARTS, written in PARTS order). `on_part(part, stats)` after each."""
    unknown = [p for p in parts if p not in PARTS]
    if unknown or not parts:
        raise ProposalError(f"unknown part(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(PARTS)}")
    if not 1 <= bars <= 128:
        raise ProposalError(f"{bars} bars: a sketch has 1..128 bars")
    song = empty_song(bars, key, tempo, meter)
    for number, part in enumerate(p for p in PARTS if p in parts):
        track_ids: tuple[int, ...] = ()
        if part != "chords":
            song, track_id = add_part_track(song, part)
            track_ids = (track_id,)
        controls = Controls(seed=seed + 101 * number, key=key, key_strict=True, temperature=temperature, style=style)
        candidate = propose(song, Region(0, bars - 1, track_ids), Task(part), controls, model, cancel)[0]
        song = candidate.to_edit(song).apply(song)
        if on_part is not None:
            on_part(part, {"seed": candidate.seed, **candidate.stats.to_dict(), "warnings": list(candidate.warnings)})
    return song
