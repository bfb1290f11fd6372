"""The fill grammar as a state machine: after SEP, which tokens may come next.

The sampler asks `FillGrammar.allowed()` before every token and samples only
among those, so whatever the model prefers, the result is what
composer.tokens.decode parses, with exactly the masked cells in order, and in
the canonical form composer.tokens.encode writes:

    per masked cell:  BAR_b TRK_x [DENS POLY RANGE] events FILL_END
    note events:      POS strictly increasing inside the bar's meter; after a
                      POS a note follows (VEL only when the velocity changes,
                      then PITCH); pitches rise within an onset; DUR after each
                      PITCH except on drum lanes
    chord events:     POS strictly increasing, then ROOT QUAL [CBASS != root]
                      or NOCHORD (only as a change after a chord)

The cell controls are kept honest: the note count stays inside the DENS bin
(FILL_END is refused below it while a note can still be added, and a new
onset must leave enough steps for the notes still needed), notes per
onset stay within the POLY bin, and the pitch span within the RANGE bin
(upper bounds). DENS_0 forces POLY_0 RANGE_0 and an empty cell.

When the token budget (the model's context) runs short, the grammar closes:
every remaining cell becomes empty, so the output still decodes.
`state` exposes what a user constraint needs (lane, group being chosen,
onset, notes so far) to narrow `allowed` further; see composer/constraints.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import torch

from composer.tokens.decode import Decoded
from composer.tokens.grid import Lane
from composer.tokens.vocab import (
    DENSITY_EDGES,
    POLYPHONY_EDGES,
    RANGE_EDGES,
    STEPS_PER_QUARTER,
    VOCAB,
    Vocabulary,
)

_UNBOUNDED = 10**6


def _part(group: range, first: int = 0, stop: int | None = None) -> slice:
    """Members first..stop-1 of a token group as a slice of the vocabulary (one tensor op)."""
    return slice(group.start + first, group.start + (len(group) if stop is None else stop))


def _upper(edges: tuple[int, ...], index: int) -> int:
    """The largest value of bin `index` (bins are [edge_i, edge_i+1))."""
    return edges[index + 1] - 1 if index + 1 < len(edges) else _UNBOUNDED


@dataclass
class CellState:
    """Where generation stands inside one fill: what a constraint may look at."""

    bar: int
    lane_index: int
    lane: Lane
    bar_steps: int
    phase: str = "bar"            # bar, lane, dens, poly, range, events, after_pos, after_vel, after_pitch, root, qual
    pos: int | None = None        # the current onset (note cells) or the last chord mark's step
    velocity: int | None = None   # bin index of the velocity in force
    onset_pitches: list[int] = field(default_factory=list)
    pitches: list[int] = field(default_factory=list)
    controls: list[int] = field(default_factory=list)
    root: int | None = None       # chord cells: the root just chosen
    last_was_chord: bool = False  # chord cells: the last mark was a chord (so NOCHORD may follow)

    @property
    def density_bounds(self) -> tuple[int, int]:
        if not self.controls:
            return 0, _UNBOUNDED
        return DENSITY_EDGES[self.controls[0]], _upper(DENSITY_EDGES, self.controls[0])

    @property
    def max_polyphony(self) -> int:
        return _upper(POLYPHONY_EDGES, self.controls[1]) if len(self.controls) > 1 else _UNBOUNDED

    @property
    def max_span(self) -> int:
        return _upper(RANGE_EDGES, self.controls[2]) if len(self.controls) > 2 else _UNBOUNDED


class FillGrammar:
    """Allowed next tokens for the fills of one prompt (the context up to and including SEP)."""

    def __init__(self, context: Decoded, vocab: Vocabulary = VOCAB) -> None:
        self.vocab, self.groups = vocab, vocab.groups
        self.cells = []
        for bar, lane_index in context.masked:
            numerator, denominator = context.meters[bar]
            lane = context.lanes[lane_index]
            self.cells.append(CellState(bar, lane_index, lane, numerator * 4 * STEPS_PER_QUARTER // denominator))
        self.index = 0
        self.closing = False
        self.ids = {name: vocab.id(name) for name in ("FILL_END", "NOCHORD", "TRK_CHORDS")}

    @property
    def done(self) -> bool:
        return self.index >= len(self.cells)

    @property
    def state(self) -> CellState | None:
        return None if self.done else self.cells[self.index]

    def tokens_to_finish(self) -> int:
        """The fewest tokens that close the current cell and every cell after it (all left empty)."""
        if self.done:
            return 0
        rest = sum(3 if c.lane.is_chords else 6 for c in self.cells[self.index + 1:])
        cell = self.cells[self.index]
        closing = {"bar": 6, "lane": 5, "dens": 4, "poly": 3, "range": 2, "events": 1, "after_pos": 4,
                   "after_vel": 3, "after_pitch": 2, "root": 3, "qual": 2}[cell.phase]
        if cell.lane.is_chords and cell.phase in ("bar", "lane"):
            closing -= 3
        if cell.lane.drums and cell.phase in ("after_pos", "after_vel"):
            closing -= 1
        return rest + closing

    # --- what may come -------------------------------------------------------
    def allowed(self) -> torch.Tensor:
        """A bool vector over the vocabulary: True where the next token is grammatical."""
        mask = torch.zeros(len(self.vocab), dtype=torch.bool)
        cell = self.state
        if cell is None:
            return mask
        g, phase = self.groups, cell.phase
        if phase == "bar":
            mask[self.vocab.id(f"BAR_{cell.bar}")] = True
        elif phase == "lane":
            lane = cell.lane
            mask[self.ids["TRK_CHORDS"] if lane.is_chords else g["TRK"][lane.track_id]] = True
        elif phase == "dens":
            mask[_part(g["DENS"], 0, 1) if self.closing else _part(g["DENS"])] = True
        elif phase in ("poly", "range"):
            group = g["POLY" if phase == "poly" else "RANGE"]
            mask[_part(group, 0, 1) if cell.controls[0] == 0 else _part(group)] = True
        elif cell.lane.is_chords:
            self._chord_allowed(cell, mask)
        else:
            self._note_allowed(cell, mask)
        return mask

    def _note_allowed(self, cell: CellState, mask: torch.Tensor) -> None:
        g = self.groups
        low_count, high_count = cell.density_bounds
        if self.closing:
            low_count = high_count = len(cell.pitches) if cell.phase == "events" else high_count
        if cell.phase == "after_pitch":
            mask[_part(g["DUR"])] = True
            return
        can_add_note = len(cell.pitches) < high_count
        pitch_low, pitch_high = 0, 127
        if cell.pitches:
            pitch_low = max(0, max(cell.pitches) - cell.max_span)
            pitch_high = min(127, min(cell.pitches) + cell.max_span)
        if cell.phase == "after_pos":  # a note must follow: its VEL (if it changes) or its PITCH
            self._pitches(mask, pitch_low, pitch_high, cell, velocity_known=cell.velocity is not None)
            self._velocities(mask, cell)
            return
        if cell.phase == "after_vel":
            self._pitches(mask, pitch_low, pitch_high, cell, velocity_known=True)
            return
        # events: between notes; another note at this onset (with a VEL if it changes) needs a higher pitch
        if can_add_note and len(cell.onset_pitches) < cell.max_polyphony and cell.pos is not None:
            self._pitches(mask, pitch_low, pitch_high, cell, velocity_known=True)
            if mask.any():
                self._velocities(mask, cell)
        # a new onset no later than leaves room for the notes the density still needs
        first_pos = 0 if cell.pos is None else cell.pos + 1
        needed = max(0, low_count - len(cell.pitches))
        per_onset = max(1, min(cell.max_polyphony, cell.max_span + 1))
        stop = cell.bar_steps - (needed + per_onset - 1) // per_onset + (1 if needed else 0)
        if can_add_note and first_pos < stop:
            mask[_part(g["POS"], first_pos, min(stop, cell.bar_steps))] = True
        if len(cell.pitches) >= low_count or not mask.any():
            mask[self.ids["FILL_END"]] = True

    def _pitches(self, mask, low: int, high: int, cell: CellState, velocity_known: bool) -> None:
        if not velocity_known:
            return
        if cell.onset_pitches:
            low = max(low, cell.onset_pitches[-1] + 1)
        if low <= high:
            mask[_part(self.groups["PITCH"], low, high + 1)] = True

    def _velocities(self, mask, cell: CellState) -> None:
        velocities = self.groups["VEL"]
        mask[_part(velocities)] = True
        if cell.velocity is not None:
            mask[velocities[cell.velocity]] = False

    def _chord_allowed(self, cell: CellState, mask: torch.Tensor) -> None:
        g = self.groups
        if cell.phase == "after_pos":
            mask[_part(g["ROOT"])] = True
            mask[self.ids["NOCHORD"]] = cell.last_was_chord
        elif cell.phase == "root":
            mask[_part(g["QUAL"])] = True
        elif cell.phase == "qual":
            mask[_part(g["CBASS"])] = True
            mask[g["CBASS"][cell.root]] = False
            self._chord_boundary(cell, mask)
        else:
            self._chord_boundary(cell, mask)

    def _chord_boundary(self, cell: CellState, mask: torch.Tensor) -> None:
        first_pos = 0 if cell.pos is None else cell.pos + 1
        if not self.closing and first_pos < cell.bar_steps:
            mask[_part(self.groups["POS"], first_pos, cell.bar_steps)] = True
        mask[self.ids["FILL_END"]] = True

    # --- taking a token ------------------------------------------------------
    def advance(self, token: int) -> None:
        """Move past `token` (which must have been allowed)."""
        cell = self.state
        if cell is None:
            raise ValueError("the fills are complete; nothing more may follow")
        group = self.vocab.group_of(token)
        index = token - self.groups[group].start
        phase = cell.phase
        if token == self.ids["FILL_END"]:
            self.index += 1
        elif phase == "bar":
            cell.phase = "lane"
        elif phase == "lane":
            cell.phase = "events" if cell.lane.is_chords else "dens"
        elif phase in ("dens", "poly", "range"):
            cell.controls.append(index)
            cell.phase = {"dens": "poly", "poly": "range", "range": "events"}[phase]
        elif group == "POS":
            cell.pos, cell.onset_pitches = index, []
            cell.phase = "after_pos"
        elif group == "VEL":
            cell.velocity = index
            cell.phase = "after_vel"
        elif group == "PITCH":
            cell.onset_pitches.append(index)
            cell.pitches.append(index)
            cell.phase = "events" if cell.lane.drums else "after_pitch"
        elif group == "DUR":
            cell.phase = "events"
        elif group == "ROOT":
            cell.root, cell.phase = index, "root"
        elif group == "QUAL":
            cell.phase, cell.last_was_chord = "qual", True
        elif group == "CBASS":
            cell.phase = "events"
        elif token == self.ids["NOCHORD"]:
            cell.phase, cell.last_was_chord = "events", False
        else:
            raise ValueError(f"token {self.vocab.name(token)} does not belong in a fill")
