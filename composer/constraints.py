"""User constraints on proposals, as logit masks on top of the fill grammar.

A constraint narrows the grammar's allowed tokens for the cell being filled:
`restrict(cell, mask)` clears entries of `mask` (a bool vector over the
vocabulary) given the `CellState` (which lane, which phase, onset, notes so
far). The sampler applies constraints after the grammar; if they would leave
nothing allowed at some step (a constraint that cannot be met there), that
step falls back to the grammar alone, so a proposal always completes.

New constraints (chord tones under the current chord, rhythm density per beat,
a melody contour) are one small class each with the same method.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable

import torch

from composer.grammar import CellState
from composer.tokens.vocab import VOCAB
from engine.keys import Key

_PITCH = VOCAB.groups["PITCH"]
_CONTROL_GROUPS = {"dens": VOCAB.groups["DENS"], "poly": VOCAB.groups["POLY"], "range": VOCAB.groups["RANGE"]}
GM_DRUM_PITCHES = range(35, 82)  # General MIDI percussion key map: Acoustic Bass Drum .. Open Triangle


class PitchSet:
    """Only these MIDI pitches, on the given lanes (window lane indices; None: every note lane)."""

    def __init__(self, pitches: Iterable[int], lanes: Collection[int] | None = None) -> None:
        self.lanes = lanes
        self.forbidden = torch.ones(len(_PITCH), dtype=torch.bool)
        self.forbidden[[p for p in pitches if 0 <= p <= 127]] = False

    def restrict(self, cell: CellState, mask: torch.Tensor) -> None:
        if cell.lane.is_chords or (self.lanes is not None and cell.lane_index not in self.lanes):
            return
        mask[_PITCH.start:_PITCH.stop] &= ~self.forbidden


def in_key(key: Key, low: int = 0, high: int = 127, lanes: Collection[int] | None = None) -> PitchSet:
    """Pitches of `key`'s scale (any engine mode) between `low` and `high`."""
    return PitchSet((p for p in range(low, high + 1) if key.contains(p)), lanes)


def gm_drums(lanes: Collection[int] | None = None) -> PitchSet:
    """Drum lanes keep to the General MIDI percussion map."""
    return PitchSet(GM_DRUM_PITCHES, lanes)


class FixedControls:
    """Fix a cell's control bins (composer.tokens.vocab DENSITY/POLYPHONY/RANGE_EDGES indices).

    `FixedControls(polyphony=1)` makes a lane monophonic; `density` sets how busy a
    cell is; `span` its pitch range. None leaves that control to the model.
    """

    def __init__(self, density: int | None = None, polyphony: int | None = None, span: int | None = None,
                 lanes: Collection[int] | None = None) -> None:
        self.fixed = {"dens": density, "poly": polyphony, "range": span}
        self.lanes = lanes

    def restrict(self, cell: CellState, mask: torch.Tensor) -> None:
        if self.lanes is not None and cell.lane_index not in self.lanes:
            return
        value = self.fixed.get(cell.phase)
        if value is not None:
            group = _CONTROL_GROUPS[cell.phase]
            keep = mask[group.start + value].item()
            mask[group.start:group.stop] = False
            mask[group.start + value] = keep
