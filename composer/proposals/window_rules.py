"""The raw model's fills of a token window, through the product's constrained decoder, with structural rules only.

    prompt = window_prompt(grid, cells)                       # encode(grid, mask) up to and including SEP
    writers = fill_window(model, grid, cells, candidates=4, seed=7)
    decode(prompt + writers[k].ids).fills                     # {(bar, lane index): events}

Evaluation and the benchmarks sample here: a window `Grid` (composer.tokens,
e.g. cut by composer.training.windows.window) and its masked cells as (bar,
lane index). The rules are those of composer.proposals.plan.cell_rules with
no user controls: the fill grammar, drums on General MIDI drum sounds, melody
and bass lanes as single lines (kept clear of the lane's notes before and
after the masked run), and nothing else: every pitch 0..127, no key, no chord
bias, no density bins. Not the product's instrument range
(composer.proposals.ranges): that is a default the user can change, and a
held-out evaluation of the model should measure the pitches it writes (its
range and key numbers), not hide the out-of-range ones.
"""
from __future__ import annotations

from collections.abc import Collection

import numpy as np

from composer.model import Composer
from composer.proposals.decoding import decode
from composer.proposals.grammar import CellRule, FillWriter
from composer.proposals.plan import cell_rule
from composer.proposals.rules import lane_edges
from composer.proposals.spec import Controls
from composer.tokens.encode import CHORD_LANE, encode
from composer.tokens.grid import Grid
from composer.tokens.vocab import VOCAB

SEP = VOCAB.id("SEP")
RAW_CONTROLS = Controls(pitch_range=(0, 127), chord_following="off")   # no key, no density, no range


def window_prompt(grid: Grid, cells: Collection[tuple[int, int]]) -> list[int]:
    """The context of the fills: `encode(grid, mask)` of the whole window up to and including SEP."""
    mask = {(b, CHORD_LANE if grid.lanes[i].is_chords else grid.lanes[i].track_id) for b, i in cells}
    ids = encode(grid, mask)
    return ids[:ids.index(SEP) + 1]


def window_rules(grid: Grid, cells: Collection[tuple[int, int]]) -> list[CellRule]:
    """One rule per masked cell in fill order (bar-major, then lane order: as encode writes the fills)."""
    cells = set(cells)
    rules = []
    for bar, lane in sorted(cells):
        rule = cell_rule(grid, bar, lane, 0, RAW_CONTROLS)
        if not rule.chords and rule.mono:
            rule.busy_until, rule.next_onset = lane_edges(grid, lane, _masked_run(cells, bar, lane))
        rules.append(rule)
    return rules


def _masked_run(cells: Collection[tuple[int, int]], bar: int, lane: int) -> range:
    """The consecutive masked bars of `lane` around `bar`: the notes before and after them are fixed."""
    first, last = bar, bar
    while (first - 1, lane) in cells:
        first -= 1
    while (last + 1, lane) in cells:
        last += 1
    return range(first, last + 1)


def fill_window(model: Composer, grid: Grid, cells: Collection[tuple[int, int]], candidates: int = 1,
                temperature: float = 1.0, top_p: float = 0.95, seed: int = 0,
                budget: int | None = None) -> list[FillWriter]:
    """`candidates` finished writers (`.ids`: the tokens after SEP, `.fills`: events per cell in fill order).

    Candidate k draws from `np.random.default_rng([seed + k, 0])`, as the product's first attempt of
    candidate k of `Controls(seed=seed)` does: one seed gives the same candidates whatever K is.
    `budget`: fill tokens each candidate may write (default: what the model's context leaves after the prompt).
    ValueError when the prompt leaves no room for the fills.
    """
    prompt = window_prompt(grid, cells)
    rules = window_rules(grid, cells)
    room = model.config.block_size - len(prompt)
    budget = room if budget is None else min(budget, room)
    if budget < sum(rule.least_tokens() for rule in rules):  # empty cells: headers and FILL_END
        raise ValueError(f"the window takes {len(prompt)} tokens; with its fills it must fit in "
                         f"{model.config.block_size}: use fewer bars or lanes of context")
    writers = [FillWriter(rules, budget) for _ in range(candidates)]
    rngs = [np.random.default_rng([seed + k, 0]) for k in range(candidates)]
    decode(model, prompt, writers, rngs, temperature, top_p)
    return writers
