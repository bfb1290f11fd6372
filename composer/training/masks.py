"""Mask policies: which cells of a training window the model must fill.

Every composing task in the app is one of these shapes, so training draws from
all of them (weights in the config, `data.masks`):

- `cells`: scattered single cells (regenerate this bar of that track)
- `lane`: one whole lane (write the bass / drums / melody for this passage)
- `lane_span`: a run of bars of one lane (a fill, a new ending for the melody)
- `bars`: every lane over a run of bars (infill between two sections)
- `continue`: every lane from some bar to the end (continue the song)
- `all_but_one`: everything except one lane (arrange around a melody)
- `chords`: the chord lane alone (harmonize)

Masked cells may be empty in the song: the model must also learn when a lane
stays silent. A mask is a set of (window bar, lane index).
"""
from __future__ import annotations

import random

from composer.tokens.grid import Grid

MASK_POLICIES = ("cells", "lane", "lane_span", "bars", "continue", "all_but_one", "chords")


def _span(rng: random.Random, bars: int) -> range:
    length = rng.randint(1, bars)
    start = rng.randint(0, bars - length)
    return range(start, start + length)


def make_mask(policy: str, grid: Grid, rng: random.Random) -> set[tuple[int, int]]:
    """The cells (window bar, lane index) `policy` masks in `grid`; never empty."""
    bars, lanes = grid.bar_count, len(grid.lanes)
    chord_lanes = [i for i, lane in enumerate(grid.lanes) if lane.is_chords]
    if policy == "chords" and not chord_lanes:
        policy = "lane"
    if policy == "all_but_one" and lanes < 2:
        policy = "lane"
    if policy == "cells":
        share = rng.uniform(0.1, 0.5)
        mask = {(b, i) for b in range(bars) for i in range(lanes) if rng.random() < share}
        return mask or {(rng.randrange(bars), rng.randrange(lanes))}
    if policy == "lane":
        lane = rng.randrange(lanes)
        return {(b, lane) for b in range(bars)}
    if policy == "lane_span":
        lane = rng.randrange(lanes)
        return {(b, lane) for b in _span(rng, bars)}
    if policy == "bars":
        return {(b, i) for b in _span(rng, bars) for i in range(lanes)}
    if policy == "continue":
        first = rng.randint(1, bars - 1) if bars > 1 else 0
        return {(b, i) for b in range(first, bars) for i in range(lanes)}
    if policy == "all_but_one":
        kept = rng.randrange(lanes)
        return {(b, i) for b in range(bars) for i in range(lanes) if i != kept}
    if policy == "chords":
        return {(b, chord_lanes[0]) for b in range(bars)}
    raise ValueError(f"unknown mask policy {policy!r}; known: {', '.join(MASK_POLICIES)}")
