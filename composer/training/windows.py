"""Cut a training window out of a song grid: some bars, some lanes, transposed.

Working on `Grid`s (built once per song) instead of songs keeps a training
example to a few milliseconds: slicing cells and shifting pitches is cheap,
re-quantizing a song is not. Transposition moves pitches, chord roots, slash
basses and the key together and never touches drum lanes (their pitches are
instruments, not notes).
"""
from __future__ import annotations

import random
from dataclasses import replace

from composer.tokens.grid import ChordMark, Grid, NoteEvent
from composer.tokens.vocab import TEMPOS_BPM, VELOCITIES


def window(grid: Grid, start: int, bars: int, lanes: list[int] | None = None) -> Grid:
    """Bars [start, start + bars) of `grid`, keeping only the lane indices `lanes` (default all), in order."""
    lanes = list(range(len(grid.lanes))) if lanes is None else lanes
    steps = grid.bar_steps[start:start + bars + 1]
    return Grid(lanes=tuple(grid.lanes[i] for i in lanes),
                bar_steps=tuple(s - steps[0] for s in steps),
                meters=grid.meters[start:start + bars],
                keys=grid.keys[start:start + bars],
                tempo_bpm=grid.tempo_bpm,
                cells=tuple(tuple(row[i] for i in lanes) for row in grid.cells[start:start + bars]),
                style=grid.style)


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


# Drum sounds a drummer trades for one another without changing the groove: the
# time-keeper (closed hi-hat, pedal hi-hat, ride) and the accent cymbals.
_TIME_KEEPERS = (42, 44, 51)
_CRASHES = (49, 57)


def vary_groove(grid: Grid, rng: random.Random) -> Grid:
    """The window with its drum lanes varied the way the same groove varies between takes.

    Groove MIDI is ~1M training tokens and is never transposed, so a model that
    sees it many times learns the takes by heart (validation drum loss rose in
    every long run). These variations keep what makes a groove (which steps
    carry kick, snare and the time-keeper) and change what does not: the
    time-keeping cymbal (hi-hat <-> ride), the crash, the overall dynamics (one
    velocity bin up or down) and the tempo (up to two tempo bins).
    """
    keeper = dict(zip(_TIME_KEEPERS, rng.sample(_TIME_KEEPERS, len(_TIME_KEEPERS)))) if rng.random() < 0.5 else {}
    crash = dict(zip(_CRASHES, reversed(_CRASHES))) if rng.random() < 0.5 else {}
    sounds = {**keeper, **crash}
    loudness = rng.choice((-1, 0, 0, 1))

    def louder(velocity: int) -> int:
        index = min(range(len(VELOCITIES)), key=lambda i: abs(VELOCITIES[i] - velocity))
        return VELOCITIES[max(0, min(len(VELOCITIES) - 1, index + loudness))]

    def cell(lane, events):
        if not lane.drums:
            return events
        varied = {}
        for e in events:  # two sounds mapped onto one at a step: keep one hit (cells hold one per pitch and step)
            varied[(e.pos, sounds.get(e.pitch, e.pitch))] = NoteEvent(e.pos, sounds.get(e.pitch, e.pitch),
                                                                      e.duration, louder(e.velocity))
        return tuple(sorted(varied.values(), key=lambda e: (e.pos, e.pitch)))

    tempo_index = min(range(len(TEMPOS_BPM)), key=lambda i: abs(TEMPOS_BPM[i] - grid.tempo_bpm))
    tempo_index = max(0, min(len(TEMPOS_BPM) - 1, tempo_index + rng.randint(-2, 2)))
    cells = tuple(tuple(cell(lane, events) for lane, events in zip(grid.lanes, row)) for row in grid.cells)
    return replace(grid, cells=cells, tempo_bpm=TEMPOS_BPM[tempo_index])
