"""The fill grammar with the user's constraints: which tokens may come next, per candidate.

`composer.tokens.decode` is the grammar's parser; this is its generator side.
After SEP the model writes, for each masked cell in order, `BAR_k TRK_x
[DENS POLY RANGE] events FILL_END`. A `FillWriter` walks that layout for one
candidate and, before every token, says either "this token, forced" (the bar
and lane tokens, locked notes, a kept rhythm) or "sample among these, with
these biases". Because every sampled token is drawn from that allowed set,
the output always parses, has exactly the masked cells, and respects the hard
rules (pitch set, monophony, drum sounds, note count of the chosen density
bin, token budget); soft rules (key preference, chord tones) are biases.

The walk over the cells (budget, forced tokens, what earlier cells wrote) is
here; inside a cell, a `NoteWriter` (composer.proposals.grammar_notes) or a
`ChordWriter` (composer.proposals.grammar_chords) says what may come next,
from the cell's `NoteRule` or `ChordRule` (composer.proposals.grammar_rules,
with the token costs the budget is kept by).

Rules that could leave nothing to sample are layered: the hard pitch set is
checked non-empty before decoding (`NoteRule` is built that way), and the
softer layers (range control, contour, strict chord tones) are dropped, one by
one, at a step where they would leave no pitch at all.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from composer.proposals.grammar_chords import ChordState, ChordWriter
from composer.proposals.grammar_notes import NoteState, NoteWriter
from composer.proposals.grammar_rules import CellRule, ChordRule, NoteRule
from composer.tokens.grid import ChordMark, NoteEvent
from composer.tokens.vocab import VOCAB

__all__ = ["CellRule", "ChordRule", "Choice", "FillWriter", "NoteRule"]

V = len(VOCAB)
G = VOCAB.groups
FILL_END = VOCAB.id("FILL_END")
TRK_CHORDS = VOCAB.id("TRK_CHORDS")


@dataclass
class Choice:
    forced: int | None = None
    mask: np.ndarray | None = None   # (V,) bool
    bias: np.ndarray | None = None   # (V,) float or None
    temperature_factor: float = 1.0  # the cell's share of the sampling temperature (CellRule.temperature_factor)


@dataclass
class FillWriter:
    """One candidate's walk through the fills; `next_choice()` then `feed(token)`, until `done`."""

    rules: list[CellRule]
    budget: int                                  # tokens it may write in all
    used: int = 0
    cell: int = -1
    done: bool = False
    truncated: list[int] = field(default_factory=list)   # cells closed early by the budget
    fills: list[tuple] = field(default_factory=list)     # events written, per cell
    ids: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.busy: dict[int, int] = {}       # lane token -> absolute step before which its single line sounds
        self.forced: list[int] = []          # the tokens that must come next, in order
        self.chord_fills: dict[tuple[int, int], tuple[ChordMark, ...]] = {}
        self.note_fills: dict[tuple[int, int], tuple[NoteEvent, ...]] = {}
        self.writer: NoteWriter | ChordWriter | None = None
        self._next_cell()

    @property
    def state(self) -> NoteState | ChordState:
        """Where the current cell's walk stands."""
        return self.writer.state

    # --- cell bookkeeping -------------------------------------------------
    def _next_cell(self) -> None:
        self.cell += 1
        if self.cell == len(self.rules):
            self.done = True
            return
        rule = self.rules[self.cell]
        self.rule = rule
        self.forced = [G["BAR"][rule.bar], rule.lane_token]
        if rule.chords:
            self.writer = ChordWriter(self, rule)
            if rule.require_chord:
                self.forced.append(G["POS"][0])
        else:
            self.writer = NoteWriter(self, rule)

    def _reserve(self) -> int:
        """Tokens the cells after this one need at the least (headers, locked notes, FILL_END)."""
        return sum(rule.least_tokens() for rule in self.rules[self.cell + 1:])

    def room(self) -> int:
        """Tokens this cell may still write, keeping back what the later cells need."""
        return self.budget - self.used - self._reserve()

    # --- what may come next -----------------------------------------------
    def next_choice(self) -> Choice:
        if self.forced:
            return Choice(forced=self.forced[0])
        mask = np.zeros(V, dtype=bool)
        bias = self.writer.options(mask)
        if not mask.any():  # cannot happen by construction; a plain error beats a silent wrong note
            raise RuntimeError(f"fill grammar: nothing allowed in state {self.state} of cell {self.cell}")
        return Choice(mask=mask, bias=bias, temperature_factor=self.writer.temperature_factor())

    # --- taking a token ---------------------------------------------------
    def feed(self, token: int) -> None:
        if self.forced and token == self.forced[0]:
            self.forced.pop(0)
        self.ids.append(token)
        self.used += 1
        group = VOCAB.group_of(token)
        if token == FILL_END:
            if self.room() < 0 or self.writer.short():
                self.truncated.append(self.cell)
            fill = self.writer.fill()
            self.fills.append(fill)
            (self.chord_fills if self.rule.chords else self.note_fills)[(self.rule.bar, self.rule.lane_token)] = fill
            self._next_cell()
            return
        if group in ("BAR", "TRK") or token == TRK_CHORDS:
            return
        self.writer.feed(group, token)
