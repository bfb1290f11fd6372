"""A track: one instrument's notes plus its mixer and controller state.

A track plays on exactly one MIDI channel. Importing a MIDI track whose notes use
several channels yields one song track per channel, so every note's channel
survives a round trip through the song model.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from enum import Enum

from engine.notes import Note

DRUM_CHANNEL = 9  # MIDI channel 10, counted from zero


class TrackRole(str, Enum):
    """What a track does in the arrangement; the composer conditions on it."""

    MELODY = "melody"
    CHORDS = "chords"
    BASS = "bass"
    ACCOMPANIMENT = "accompaniment"
    DRUMS = "drums"
    OTHER = "other"


@dataclass(frozen=True, slots=True, order=True)
class ControlChange:
    """A MIDI controller value (CC 0..127) at a tick, e.g. 64 sustain, 11 expression."""

    tick: int
    controller: int
    value: int

    def __post_init__(self) -> None:
        if self.tick < 0 or not 0 <= self.controller <= 127 or not 0 <= self.value <= 127:
            raise ValueError(f"control change needs controller and value 0..127 and tick >= 0, "
                             f"got controller {self.controller}, value {self.value}, tick {self.tick}")


@dataclass(frozen=True, slots=True, order=True)
class PitchBend:
    """Pitch wheel at a tick: -8192..8191, 0 is centre."""

    tick: int
    value: int

    def __post_init__(self) -> None:
        if self.tick < 0 or not -8192 <= self.value <= 8191:
            raise ValueError(f"invalid pitch bend {self.value} at tick {self.tick}")


@dataclass(frozen=True, slots=True, order=True)
class ProgramChange:
    """An instrument change in the middle of a track (the first program is `Track.program`)."""

    tick: int
    program: int

    def __post_init__(self) -> None:
        if self.tick < 0 or not 0 <= self.program <= 127:
            raise ValueError(f"invalid program change {self.program} at tick {self.tick}")


def _check_range(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise ValueError(f"track {name} must be {low}..{high}, got {value}")


@dataclass(frozen=True, slots=True)
class Track:
    """An immutable track. Change it with `with_(...)` or the edits in engine.edits.

    `id` is stable for the track's life in a song (edits refer to tracks by id,
    so reordering tracks does not confuse undo). `notes` is always sorted.
    `volume` and `pan` are the mixer's CC 7 and CC 10 at the start of the track;
    later CC 7/10 moves stay in `controls`.
    """

    id: int
    name: str = ""
    role: TrackRole = TrackRole.OTHER
    program: int = 0
    channel: int = 0
    volume: int = 100
    pan: int = 64
    mute: bool = False
    solo: bool = False
    notes: tuple[Note, ...] = ()
    controls: tuple[ControlChange, ...] = ()
    pitch_bends: tuple[PitchBend, ...] = ()
    program_changes: tuple[ProgramChange, ...] = ()
    bank: int = 0
    locked: bool = False     # AI proposals keep the whole track as it is (it conditions the others)

    def __post_init__(self) -> None:
        _check_range("program", self.program, 0, 127)
        _check_range("channel", self.channel, 0, 15)
        _check_range("volume", self.volume, 0, 127)
        _check_range("pan", self.pan, 0, 127)
        _check_range("bank", self.bank, 0, 16383)
        if not isinstance(self.role, TrackRole):
            object.__setattr__(self, "role", TrackRole(self.role))
        for name in ("notes", "controls", "pitch_bends", "program_changes"):
            events = getattr(self, name)
            if not isinstance(events, tuple) or any(events[i] > events[i + 1] for i in range(len(events) - 1)):
                object.__setattr__(self, name, tuple(sorted(events)))

    @property
    def is_drums(self) -> bool:
        return self.channel == DRUM_CHANNEL or self.role is TrackRole.DRUMS

    @property
    def end_tick(self) -> int:
        """Where the last note, controller or bend of this track ends."""
        ends = [max((n.end for n in self.notes), default=0)]
        for events in (self.controls, self.pitch_bends, self.program_changes):
            if events:
                ends.append(events[-1].tick)
        return max(ends)

    def notes_between(self, start: int, end: int) -> tuple[Note, ...]:
        """Notes that start in [start, end) (fast: the notes are sorted by start)."""
        lo = bisect_left(self.notes, start, key=lambda n: n.start)
        hi = bisect_left(self.notes, end, key=lambda n: n.start)
        return self.notes[lo:hi]

    def with_(self, **changes) -> "Track":
        return replace(self, **changes)
