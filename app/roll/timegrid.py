"""Bar, beat and grid lines for the visible time range, following meter changes.

The ruler, the roll and the lanes draw the same vertical lines; they all ask
here. Lines closer than a few pixels are skipped (and whole bars are thinned
out when zoomed far out) so a long song at low zoom costs no more than a short one.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Iterator

from app.roll.snap import Snap
from app.roll.view import RollView
from engine.song import Song

MIN_LINE_SPACING_PX = 6
MIN_BAR_LABEL_SPACING_PX = 40


class LineKind(IntEnum):
    GRID = 0
    BEAT = 1
    BAR = 2


@dataclass(frozen=True, slots=True)
class GridLine:
    tick: int
    x: float
    kind: LineKind
    bar: int  # 0-based bar the line belongs to


def visible_lines(song: Song, view: RollView, snap: Snap, width: float) -> Iterator[GridLine]:
    """Lines from the left edge to `width` pixels, leftmost first."""
    meters = song.meter_map
    tpq = song.ticks_per_quarter
    first_bar = meters.position(int(view.tick_at(0))).bar
    last_tick = view.tick_at(width)
    grid_step = snap.step(tpq)
    bar = first_bar
    bar_stride = 1
    while True:
        start = meters.bar_start(bar)
        if start > last_tick:
            return
        meter = meters.meter_at(start)
        bar_len, beat_len = meter.bar_ticks(tpq), meter.beat_ticks(tpq)
        bar_px = bar_len * view.px_per_tick
        if bar_px * bar_stride < MIN_LINE_SPACING_PX:
            bar_stride = max(1, int(MIN_LINE_SPACING_PX * 4 // max(bar_px, 1e-6)))
            bar_stride = 1 << (bar_stride - 1).bit_length()  # powers of two keep bar 1, 5, 9... aligned
        yield GridLine(start, view.x_of(start), LineKind.BAR, bar)
        if bar_px >= MIN_LINE_SPACING_PX * 2:
            yield from _inside_bar(start, bar_len, beat_len, grid_step, view, bar)
        bar += bar_stride if bar % bar_stride == 0 else bar_stride - bar % bar_stride


def _inside_bar(start: int, bar_len: int, beat_len: int, grid_step: int, view: RollView,
                bar: int) -> Iterator[GridLine]:
    step = grid_step if grid_step * view.px_per_tick >= MIN_LINE_SPACING_PX else beat_len
    if step * view.px_per_tick < MIN_LINE_SPACING_PX:
        return
    offset = step
    while offset < bar_len:
        kind = LineKind.BEAT if offset % beat_len == 0 else LineKind.GRID
        yield GridLine(start + offset, view.x_of(start + offset), kind, bar)
        offset += step
