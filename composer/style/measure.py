"""How close a model sits to the user's held-out pieces: the fill loss, and what its proposals look like.

Two measures, before (base model) and after (styled), on the pieces the style
never learned from:

- `heldout_loss`: mean cross-entropy of the fill tokens of fixed windows of
  the held-out pieces, built by training's own example code
  (composer.training.examples.make_batch) and scored by training's own
  validation function (composer.train.validation_losses).
- `proposal_stats`: the product path (`composer.proposals.propose`, the
  defaults of `cadenza generate`) rewriting 4-bar regions of the held-out
  pieces' main part, base and styled on the same regions and seeds, scored
  against the original bars with composer/metrics.py (CellScores: chord tones
  on strong beats where the piece has chord symbols, in-key rate, notes per
  bar, range, and their errors against the original bar; `repetition`: share
  of bars that restate an earlier one), plus the distance between the
  pitch-class histogram of the proposed notes and of the original notes of
  the same bars (`pitch_class_distance`: half the L1 distance, 0 same, 1
  disjoint). The originals' own figures are reported beside them.
  `degree_distance_to_pieces` is the statistic docs/STYLES.md leads with: a
  style is a distribution, so all of a model's proposed notes, as pitch
  classes relative to their bar's key-signature tonic, are pooled and compared
  with the held-out pieces' whole main parts (each piece weighing the same).
  `region_cells` gives the proposals region by region, for a benchmark's
  paired intervals (benchmarks/bench_learn_style.py evaluate).
"""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import torch

from composer.data.common import CorpusSong
from composer.metrics import CellScores, repetition
from composer.proposals.context import lane_index, working_grid
from composer.proposals.generate import propose
from composer.proposals.loader import LoadedModel
from composer.proposals.spec import Controls, ProposalError, Region, Task
from composer.proposals.tasks import task_for_role
from composer.tokens.grid import Grid, song_grid
from composer.training.config import DataSection
from composer.training.examples import Corpus, make_batch

REGION_BARS = 4
REPEAT_LOOKBACK = 4  # bars before a region whose restatement counts as a repeat (as bench_proposal_quality)


def heldout_batches(corpus: Corpus, data: DataSection, block_size: int, sequences: int, seed: int) -> list:
    """Fixed (inputs, targets, weights) batches of the held-out pieces: the same windows before and after."""
    rng = random.Random(f"{seed}:heldout")
    return [make_batch(corpus, "validation", data, rng, min(4, sequences - i), block_size)
            for i in range(0, sequences, 4)]


@torch.no_grad()
def heldout_loss(model, batches: list) -> float:
    """Mean fill-token cross-entropy of `model` over `batches` (bf16 autocast, as training measures)."""
    from composer.train import validation_losses
    was_training = model.training
    model.eval()
    loss, _ = validation_losses(model, batches, [{} for _ in batches], bf16=True)
    model.train(was_training)
    return round(loss, 4)


def pitch_class_distance(proposed: Counter, original: Counter) -> float | None:
    """Half the L1 distance between two pitch-class histograms (as shares): 0 the same, 1 disjoint."""
    total_a, total_b = sum(proposed.values()), sum(original.values())
    if not total_a or not total_b:
        return None
    return round(sum(abs(proposed[pc] / total_a - original[pc] / total_b) for pc in range(12)) / 2, 4)


def _main_track(song):
    """The part a region is rewritten in: the melody, else the pitched part with the most notes."""
    pitched = [t for t in song.tracks if t.notes and not t.is_drums]
    melody = [t for t in pitched if t.role.value == "melody"]
    return max(melody or pitched, key=lambda t: len(t.notes), default=None)


def pick_regions(pieces: list[CorpusSong], count: int, seed: int) -> list[tuple[CorpusSong, Region, Task]]:
    """Up to `count` 4-bar regions, taken in turn from each piece, where its main part plays in 3 of 4 bars."""
    rng = random.Random(f"{seed}:regions")
    starts: dict[str, list[int]] = {}
    found = []
    for round_number in range(count):
        for piece in pieces:
            track = _main_track(piece.song)
            if track is None:
                continue
            if piece.song_id not in starts:
                grid = song_grid(piece.song)
                lane = lane_index(grid)[track.id]
                options = [b for b in range(grid.bar_count - REGION_BARS + 1)
                           if sum(bool(grid.cells[x][lane]) for x in range(b, b + REGION_BARS)) >= 3]
                rng.shuffle(options)
                starts[piece.song_id] = options
            if starts[piece.song_id]:
                first = starts[piece.song_id].pop()
                task = task_for_role(track.role.value)
                found.append((piece, Region(first, first + REGION_BARS - 1, (track.id,)), task))
            if len(found) == count:
                return found
        if not any(starts.values()):
            break
    return found


@dataclass
class RegionCells:
    """One rewritten region: the original grid, the lane and bars, and each side's takes, a take being its
    cells of those bars ("original": one take, the bars as they are; a model: its takes, none where its
    proposal failed)."""
    piece: CorpusSong
    truth: Grid
    lane: int
    bars: range
    takes: dict[str, list[list]]


def measured_grid(song) -> Grid:
    """The whole song's grid as the proposals see it: a song without any key signature (most MIDI files) gets
    the key its notes suggest in every bar, the key the model is told (composer.proposals.context.working_grid).
    Without it, the in-key rate and the key-relative degrees would leave such songs out altogether."""
    return working_grid(song, [t.id for t in song.tracks], bool(song.chords), None)


def region_cells(models: dict[str, LoadedModel], pieces: list[CorpusSong], cases: int, seed: int,
                 should_stop: Callable[[], bool] | None = None, takes: int = 1) -> list[RegionCells] | None:
    """Each model's `takes` proposals into the same regions of `pieces` with the same seeds (None when stopped).
    More takes a region cost less than more regions (the takes decode side by side) and steady the figures."""
    found = []
    for number, (piece, region, task) in enumerate(pick_regions(pieces, cases, seed)):
        truth = measured_grid(piece.song)
        lane = lane_index(truth)[region.track_ids[0]]
        sides: dict[str, list[list]] = {"original": [[truth.cells[b][lane] for b in region.bars]]}
        for name, model in models.items():
            if should_stop is not None and should_stop():
                return None
            try:
                candidates = propose(piece.song, region, task, Controls(seed=seed + number, candidates=takes), model)
            except ProposalError:
                candidates = []
            results = [song_grid(c.to_edit(piece.song).apply(piece.song)) for c in candidates]
            sides[name] = [[result.cells[b][lane] for b in region.bars] for result in results]
        found.append(RegionCells(piece, truth, lane, region.bars, sides))
    return found


def degree_counts(grid: Grid, bars: range, cells: list) -> Counter:
    """Pitch classes of the notes in `cells` (one per bar of `bars`) relative to the tonic of their bar's key
    signature, so that pieces in different keys pool; bars without a key are left out."""
    found: Counter = Counter()
    for b, cell in zip(bars, cells):
        if grid.keys[b] is not None:
            found.update((e.pitch - grid.keys[b][0]) % 12 for e in cell)
    return found


def piece_degrees(pieces: list[CorpusSong]) -> Counter:
    """The pieces' main parts' `degree_counts` over every bar, as shares, each piece weighing the same."""
    total: Counter = Counter()
    for piece in pieces:
        track = _main_track(piece.song)
        if track is None:
            continue
        grid = measured_grid(piece.song)
        lane = lane_index(grid)[track.id]
        counts = degree_counts(grid, range(grid.bar_count), [grid.cells[b][lane] for b in range(grid.bar_count)])
        notes = sum(counts.values())
        total.update({degree: count / notes for degree, count in counts.items()} if notes else {})
    return total


class _Side:
    """One side's totals (a model, or the original bars)."""

    def __init__(self) -> None:
        self.cells = CellScores()
        self.filled = self.repeats = 0
        self.pitch_classes: Counter = Counter()
        self.degrees: Counter = Counter()
        self.failures = 0

    def add(self, lane: int, bars: range, cells: list, truth_grid) -> None:
        for b, cell in zip(bars, cells):
            self.cells.add(truth_grid, b, lane, cell, truth_grid.cells[b][lane])
            self.pitch_classes.update(e.pitch % 12 for e in cell)
        self.degrees.update(degree_counts(truth_grid, bars, cells))
        before = [truth_grid.cells[b][lane] for b in range(max(0, bars.start - REPEAT_LOOKBACK), bars.start)]
        filled, repeats = repetition(cells, before)
        self.filled, self.repeats = self.filled + filled, self.repeats + repeats

    def summary(self, original: Counter, pieces: Counter) -> dict:
        row = {k: v for k, v in self.cells.summary().items() if k not in ("cells", "notes")}
        row["repeated_bar_share"] = round(self.repeats / self.filled, 3) if self.filled else None
        row["pitch_class_distance"] = pitch_class_distance(self.pitch_classes, original)
        row["degree_distance_to_pieces"] = pitch_class_distance(self.degrees, pieces)
        if self.failures:
            row["failures"] = self.failures
        return row


def proposal_stats(models: dict[str, LoadedModel], pieces: list[CorpusSong], cases: int, seed: int,
                   should_stop: Callable[[], bool] | None = None) -> dict:
    """Each model's proposals into the same regions of `pieces`, scored against the originals (module docstring);
    {"cases": n, "original": {...}, name: {...} for each model}."""
    regions = region_cells(models, pieces, cases, seed, should_stop)
    if regions is None:
        return {}
    sides = {name: _Side() for name in (*models, "original")}
    for region in regions:
        for name, takes in region.takes.items():
            sides[name].failures += not takes
            for cells in takes:
                sides[name].add(region.lane, region.bars, cells, region.truth)
    original, reference = sides["original"].pitch_classes, piece_degrees(pieces)
    return {"cases": len(regions), **{name: side.summary(original, reference) for name, side in sides.items()}}
