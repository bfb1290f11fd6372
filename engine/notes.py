"""The immutable `Note`: the atom every track, edit and operation is made of.

Notes are values, not objects with identity: an edit replaces a note with a new
one (`note.with_(start=...)`), so a song snapshot can be shared freely between
the editor, the player and a generation thread without copies or locks.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

MIDI_PITCHES = range(128)
MIDI_VELOCITIES = range(1, 128)


@dataclass(frozen=True, slots=True, order=True)
class Note:
    """A sounding note. Times are in the song's ticks.

    Ordering is (start, pitch, duration, velocity), the order tracks keep their
    notes in. A duration of 0 is legal: MIDI files in the wild contain
    note-on/note-off pairs at the same tick and we keep them rather than lose
    them (they export back as the same zero-length pair). Velocity 0 is not a
    note in MIDI (it means note-off), so velocities run 1..127.
    """

    start: int
    pitch: int
    duration: int
    velocity: int = 96

    def __post_init__(self) -> None:
        if self.start < 0:
            raise ValueError(f"note start must be >= 0, got {self.start}")
        if self.duration < 0:
            raise ValueError(f"note duration must be >= 0, got {self.duration}")
        if self.pitch not in MIDI_PITCHES:
            raise ValueError(f"note pitch must be 0..127, got {self.pitch}")
        if self.velocity not in MIDI_VELOCITIES:
            raise ValueError(f"note velocity must be 1..127, got {self.velocity}")

    @property
    def end(self) -> int:
        return self.start + self.duration

    def with_(self, **changes: int) -> "Note":
        """A copy with the given fields changed (validated like a new note)."""
        return replace(self, **changes)
