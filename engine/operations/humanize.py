"""Humanize: small seeded random shifts of timing and velocity, so programmed parts breathe.

Deterministic: the same notes with the same seed give the same result, in any
input order (random draws are handed out in the notes' sorted order), so an
undo/redo or a re-run with the seed stored in the project reproduces it.
Each start moves by a whole number of ticks drawn uniformly from
[-timing_ticks, +timing_ticks] and keeps its duration; a start that would go
below 0 stops at 0. Each velocity moves by an amount drawn uniformly from
[-velocity_amount, +velocity_amount], clamped to 1..127.
"""
from __future__ import annotations

import random
from collections.abc import Sequence

from engine.notes import Note
from engine.operations.common import OperationError


def humanize(notes: Sequence[Note], seed: int, timing_ticks: int, velocity_amount: int) -> tuple[Note, ...]:
    """Notes with seeded random timing and velocity offsets (see the module docstring)."""
    if timing_ticks < 0 or velocity_amount < 0:
        raise OperationError(f"humanize amounts must be >= 0, got timing {timing_ticks} and velocity {velocity_amount}")
    rng = random.Random(seed)
    order = sorted(range(len(notes)), key=lambda i: notes[i])
    result: list[Note | None] = [None] * len(notes)
    for i in order:
        note = notes[i]
        shift = rng.randint(-timing_ticks, timing_ticks)
        accent = rng.randint(-velocity_amount, velocity_amount)
        result[i] = note.with_(start=max(0, note.start + shift), velocity=min(127, max(1, note.velocity + accent)))
    return tuple(result)  # type: ignore[arg-type]
