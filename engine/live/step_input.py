"""Step input: press a key (or a chord) and it is written at the cursor, which moves on by the note length.

What counts as one chord: keys whose note-ons arrive within `chord_window`
seconds of the first (50 ms by default: a played chord is never perfectly
together, a played melody is rarely that fast). The step is written at the
first of: a chord key is released, a key arrives after the window, `flush(now)`
finds the window over (the editor calls it from a timer, so a held chord shows
up at once), or `rest()`. With `chord_window=None` a chord is instead every key
pressed before the first release (slow, spread chords).

Each written step is one `NotesEdit` (one undo); a rest moves the cursor and
writes nothing. Feed it on the thread that applies edits (the editor's UI
thread): it keeps plain state and no lock.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import mido

from engine.edits import NotesEdit
from engine.live.errors import MidiInputError
from engine.live.note_messages import is_note_off, is_note_on
from engine.notes import Note

DEFAULT_CHORD_WINDOW = 0.05


@dataclass
class _Chord:
    first: float
    velocities: dict[int, int] = field(default_factory=dict)  # pitch -> velocity, in press order


class StepInput:
    """Writes steps into track `track_id` starting at `cursor`, each `length` ticks long."""

    def __init__(self, track_id: int, cursor: int = 0, length: int = 480,
                 chord_window: float | None = DEFAULT_CHORD_WINDOW) -> None:
        if cursor < 0 or length < 1:
            raise MidiInputError(f"step input needs a cursor >= 0 and a length >= 1 tick, got {cursor} and {length}")
        self.track_id = track_id
        self.cursor = cursor
        self.length = length
        self.chord_window = chord_window
        self._chord: _Chord | None = None

    def feed(self, message: mido.Message, timestamp: float) -> NotesEdit | None:
        """Take one message; the edit of a step it completes, if any."""
        if is_note_on(message):
            done = None
            chord = self._chord
            if chord is not None and self.chord_window is not None and timestamp - chord.first > self.chord_window:
                done = self._write()
            if self._chord is None:
                self._chord = _Chord(timestamp)
            self._chord.velocities.setdefault(message.note, message.velocity)
            return done
        if is_note_off(message) and self._chord and message.note in self._chord.velocities:
            return self._write()
        return None

    def flush(self, now: float) -> NotesEdit | None:
        """Write the pending chord once its window is over (nothing to do with `chord_window=None`)."""
        if self._chord is not None and self.chord_window is not None and now - self._chord.first > self.chord_window:
            return self._write()
        return None

    def rest(self) -> NotesEdit | None:
        """Advance the cursor by one length without notes (writing a pending chord first: its edit)."""
        done = self._write()
        self.cursor += self.length
        return done

    def _write(self) -> NotesEdit | None:
        chord, self._chord = self._chord, None
        if chord is None:
            return None
        notes = tuple(sorted(Note(self.cursor, pitch, self.length, velocity)
                             for pitch, velocity in chord.velocities.items()))
        self.cursor += self.length
        return NotesEdit(self.track_id, added=notes, label="Step input")
