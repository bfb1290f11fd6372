"""Transpose: chromatically by semitones, or by degrees of a key's scale.

Out-of-range policy (both functions): refuse, never clip. Clipping would
silently fold a melody's top notes onto 127 and change the music; instead the
whole operation raises one `OperationError` that says how many notes would
leave MIDI's 0..127, and nothing changes.

In-scale transposition moves every note by `steps` scale degrees of `key`
(C major, +2: C->E, B->D an octave up). A note outside the scale sits between
two degrees; its first step goes to the scale neighbour in the direction of
travel (C major, C#: +1 -> D, -1 -> C, +2 -> E). With `steps` 0 nothing moves,
out-of-scale notes included. So in-scale notes come back with -steps, while an
out-of-scale note comes back as an in-scale one (its chromatic inflection is a
choice the user made about one position in the scale, not a degree to keep).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from engine.keys import Key
from engine.notes import MIDI_PITCHES, Note
from engine.operations.common import OperationError


def _refuse_out_of_range(targets: Sequence[int | None], what: str) -> None:
    outside = sum(1 for pitch in targets if pitch is None or pitch not in MIDI_PITCHES)
    if outside:
        raise OperationError(f"{what} would move {outside} note(s) outside MIDI's pitch range 0..127; nothing was changed")


def transpose(notes: Sequence[Note], semitones: int) -> tuple[Note, ...]:
    """Notes moved by `semitones` (positive: up); refuses if any note would leave 0..127."""
    targets = [note.pitch + semitones for note in notes]
    _refuse_out_of_range(targets, f"transposing by {semitones:+d} semitones")
    return tuple(note.with_(pitch=pitch) for note, pitch in zip(notes, targets))


def _scale_pitches(key: Key) -> list[int]:
    return [pitch for pitch in MIDI_PITCHES if key.contains(pitch)]


def _degree_target(scale: list[int], pitch: int, steps: int) -> int | None:
    """The pitch `steps` scale degrees from `pitch`, or None if that is off the keyboard."""
    if steps == 0:
        return pitch
    if steps > 0:
        # In scale: index of the pitch itself; outside: index of the neighbour below,
        # so the first step up lands on the neighbour above.
        index = bisect_right(scale, pitch) - 1 + steps
    else:
        index = bisect_left(scale, pitch) + steps
    return scale[index] if 0 <= index < len(scale) else None


def transpose_in_scale(notes: Sequence[Note], steps: int, key: Key) -> tuple[Note, ...]:
    """Notes moved by `steps` degrees of `key`'s scale (see the module docstring)."""
    scale = _scale_pitches(key)
    targets = [_degree_target(scale, note.pitch, steps) for note in notes]
    _refuse_out_of_range(targets, f"moving {steps:+d} scale steps in {key}")
    return tuple(note.with_(pitch=pitch) for note, pitch in zip(notes, targets))
