"""Quantize: pull note starts (and optionally ends) towards a grid, with strength and swing.

The grid runs from tick 0 in steps of `grid_ticks`. Swing delays every second
grid line (the odd ones: 1, 3, 5, ... counted from tick 0) by
`round(swing * grid_ticks / 2)` ticks, so a pair of steps is split
(1 + swing/2) : (1 - swing/2):

    swing 0    straight      1 : 1
    swing 2/3  triplet feel  2 : 1
    swing 1    dotted        3 : 1

Each note moves `strength` of the way to its nearest grid line (1: onto it,
0: not at all), rounded to whole ticks. A note exactly halfway between two grid
lines goes to the earlier one. Grid lines are never negative, so starts never
become negative.
"""
from __future__ import annotations

from collections.abc import Sequence

from engine.notes import Note
from engine.operations.common import OperationError


class _Grid:
    """Grid lines of one (grid, swing) setting: nearest line and next line after a tick."""

    def __init__(self, grid_ticks: int, swing: float) -> None:
        self.step = grid_ticks
        self.delay = round(swing * grid_ticks / 2)

    def _lines_around(self, tick: int) -> tuple[int, int, int]:
        pair = tick // (2 * self.step) * 2 * self.step
        return pair, pair + self.step + self.delay, pair + 2 * self.step

    def nearest(self, tick: int) -> int:
        # min() keeps the first of equal distances: ties go to the earlier line.
        return min(self._lines_around(tick), key=lambda line: abs(line - tick))

    def after(self, tick: int) -> int:
        """The first grid line strictly after `tick`."""
        return next(line for line in self._lines_around(tick) if line > tick)


def quantize(notes: Sequence[Note], grid_ticks: int, strength: float = 1.0, swing: float = 0.0,
             quantize_ends: bool = False) -> tuple[Note, ...]:
    """Notes moved towards the grid (see the module docstring for grid and swing).

    With `quantize_ends` False a note keeps its duration (it moves whole). With
    True its end is pulled to the nearest grid line too; an end that would land
    on or before the note's own grid start goes to the next grid line instead,
    so quantizing never swallows a short note.
    """
    if grid_ticks < 1:
        raise OperationError(f"quantize grid must be at least 1 tick, got {grid_ticks}")
    if not 0.0 <= strength <= 1.0:
        raise OperationError(f"quantize strength must be between 0 and 1, got {strength:g}")
    if not 0.0 <= swing <= 1.0:
        raise OperationError(f"swing must be between 0 and 1, got {swing:g}")
    grid = _Grid(grid_ticks, swing)

    def pulled(tick: int, target: int) -> int:
        return tick + round(strength * (target - tick))

    result = []
    for note in notes:
        target_start = grid.nearest(note.start)
        start = pulled(note.start, target_start)
        if quantize_ends:
            target_end = grid.nearest(note.end)
            if target_end <= target_start:
                target_end = grid.after(target_start)
            duration = max(0, pulled(note.end, target_end) - start)
        else:
            duration = note.duration
        result.append(note.with_(start=start, duration=duration))
    return tuple(result)
