"""Velocity scaling: make a passage louder, softer, or compress its dynamics.

Each velocity becomes round(velocity * factor + offset), clamped to MIDI's
1..127 (0 would be a note-off, not a quiet note). A factor below 1 with a
positive offset narrows the dynamic range around a level; above 1 widens it.
"""
from __future__ import annotations

from collections.abc import Sequence

from engine.notes import Note
from engine.operations.common import OperationError


def scale_velocity(notes: Sequence[Note], factor: float, offset: int = 0) -> tuple[Note, ...]:
    """Notes with velocities scaled by `factor`, shifted by `offset`, clamped to 1..127."""
    if not factor >= 0:  # also refuses NaN
        raise OperationError(f"velocity factor must be >= 0, got {factor:g}")
    return tuple(note.with_(velocity=min(127, max(1, round(note.velocity * factor + offset)))) for note in notes)
