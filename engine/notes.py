"""The immutable `Note`: the atom every track, edit and operation is made of.

Notes are values, not objects with identity: an edit replaces a note with a new
one (`note.with_(start=...)`), so a song snapshot can be shared freely between
the editor, the player and a generation thread without copies or locks.

What is attached to a note travels *in* the note, so nothing outside the song
has to re-find a note by value after an edit: `locked` (the user locked it
against AI proposals) is a field, kept by `with_` when a note is moved,
transposed or resized, lost with the note when it is deleted and back with it
on undo. Locking is therefore an ordinary undoable edit of the song.
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
    locked: bool = False     # kept as it is by AI proposals (a copy, a pasted or a recorded note starts unlocked)

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
        """A copy with the given fields changed (validated like a new note); a lock stays unless changed."""
        return replace(self, **changes)

    def copied(self, **changes: int) -> "Note":
        """A new note made from this one (paste, duplicate, a copy-drag): never locked, whatever this one is."""
        return replace(self, locked=False, **changes)
