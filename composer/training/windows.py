"""Cut a training window out of a song grid: some bars, some lanes, transposed.

Working on `Grid`s (built once per song) instead of songs keeps a training
example to a few milliseconds: slicing cells and shifting pitches is cheap,
re-quantizing a song is not. Transposition moves pitches, chord roots, slash
basses and the key together and never touches drum lanes (their pitches are
instruments, not notes).
"""
from __future__ import annotations

from dataclasses import replace

from composer.tokens.grid import ChordMark, Grid, NoteEvent


def window(grid: Grid, start: int, bars: int, lanes: list[int] | None = None) -> Grid:
    """Bars [start, start + bars) of `grid`, keeping only the lane indices `lanes` (default all), in order."""
    lanes = list(range(len(grid.lanes))) if lanes is None else lanes
    steps = grid.bar_steps[start:start + bars + 1]
    return Grid(lanes=tuple(grid.lanes[i] for i in lanes),
                bar_steps=tuple(s - steps[0] for s in steps),
                meters=grid.meters[start:start + bars],
                keys=grid.keys[start:start + bars],
                tempo_bpm=grid.tempo_bpm,
                cells=tuple(tuple(row[i] for i in lanes) for row in grid.cells[start:start + bars]))


def pitch_bounds(grid: Grid) -> tuple[int, int] | None:
    """Lowest and highest pitch of the grid's pitched (non-drum) lanes, None when it has none."""
    pitches = [event.pitch for row in grid.cells for lane, cell in zip(grid.lanes, row)
               if not lane.is_chords and not lane.drums for event in cell]
    return (min(pitches), max(pitches)) if pitches else None


def transposition_range(grid: Grid, low: int, high: int) -> range:
    """The shifts in [low, high] that keep every pitched note inside MIDI 0..127."""
    bounds = pitch_bounds(grid)
    if bounds is not None:
        low, high = max(low, -bounds[0]), min(high, 127 - bounds[1])
    return range(low, high + 1)


def transpose(grid: Grid, semitones: int) -> Grid:
    """The grid moved by `semitones`: notes of pitched lanes, chords and keys; drums stay."""
    if semitones == 0:
        return grid

    def cell(lane, events):
        if lane.drums:
            return events
        if lane.is_chords:
            return tuple(ChordMark(m.pos, None if m.chord is None else m.chord.transposed(semitones)) for m in events)
        return tuple(NoteEvent(e.pos, e.pitch + semitones, e.duration, e.velocity) for e in events)

    keys = tuple(None if k is None else ((k[0] + semitones) % 12, k[1]) for k in grid.keys)
    cells = tuple(tuple(cell(lane, events) for lane, events in zip(grid.lanes, row)) for row in grid.cells)
    return replace(grid, keys=keys, cells=cells)
