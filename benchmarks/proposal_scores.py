"""How bench_proposal_quality.py scores one task's cases: each model, the ground truth and the baselines.

Why beside the benchmark and not inside it: the benchmark's own job is choosing cases, running the product
path and printing the table; what a proposal is scored with (the composer/metrics.py measures gathered per
side, the baselines a model must beat, the check that nothing outside the region changed) is the part that
other benchmarks and readers of the numbers need to find and reuse on its own.

The sides of a TaskScores: every model, `ground_truth` (the original part, scored the same way) and the
baselines: `random_in_key` for every task, `random_hits` (drum hits drawn from the context) for drums, and
`always_tonic` and `repeat_previous` for chords.
"""
from __future__ import annotations

import random
import statistics
from dataclasses import replace

from composer.metrics import (
    STRONG_BEAT_STEPS,
    CellScores,
    context_has_backbeat,
    groove_similarity,
    has_backbeat,
    pitch_class_entropy,
    random_hits_cell,
    random_in_key_cell,
    repeat_previous_chords,
    repeated_note_share,
    repetition,
    root_agreement,
    tonic_chord_cell,
    top_pitch_share,
)
from composer.proposals import Task
from composer.tokens.grid import ChordMark, Grid
from engine.chords import Chord
from engine.keys import Key
from engine.song import Song

REPEAT_LOOKBACK = 4  # bars before a region whose restatement counts as a repeat


def changed_outside(song: Song, result: Song, ticks: tuple[int, int]) -> int:
    """Notes outside [start, end), and chord changes outside it, that differ between the input and the result."""
    start, end = ticks
    changed = 0
    for before in song.tracks:
        after = result.track(before.id)
        outside = [set(n for n in t.notes if not start <= n.start < end) for t in (before, after)]
        changed += len(outside[0] ^ outside[1])
    # The chord lane is compared by the chord in force (a proposal may restate the chord in force at the end).
    ticks = {c.tick for s in (song, result) for c in s.chords if not start <= c.tick < end}
    return changed + sum(_chord_in_force(song, t) != _chord_in_force(result, t) for t in ticks)


def _chord_in_force(song: Song, tick: int) -> Chord | None:
    event = song.chord_at(tick)
    return event.chord if event is not None else None


def random_chords(grid: Grid, bar: int, rng: random.Random) -> tuple[ChordMark, ...]:
    """Two random diatonic triads a bar (on its two halves): what a chord lane that only knows the key gives."""
    key = grid.keys[bar]
    scale = Key(key[0], key[1]).scale if key is not None else (0, 2, 4, 5, 7, 9, 11)
    triads = [Chord(root, "maj" if (scale[(i + 2) % 7] - root) % 12 == 4 else "min")
              for i, root in enumerate(scale)]
    steps = grid.bar_steps[bar + 1] - grid.bar_steps[bar]
    return tuple(ChordMark(pos, rng.choice(triads)) for pos in range(0, steps, max(STRONG_BEAT_STEPS, steps // 2)))


CONTEXT_BARS = 8   # drum context: unmasked bars of the lane this far either side of the region


def _stats(values: list[float]) -> dict | None:
    """Mean and the per-case min / median / max, so "within the songs' range" can be read."""
    if not values:
        return None
    return {"mean": round(statistics.fmean(values), 3), "min": round(min(values), 3),
            "median": round(statistics.median(values), 3), "max": round(max(values), 3), "n": len(values)}


class TaskScores:
    """Totals for one task across its cases, per side: each model, the ground truth and the baselines."""

    def __init__(self, models: list[str], task: Task) -> None:
        self.models, self.task = models, task
        baselines = ["random_in_key"]
        if task is Task.DRUMS:
            baselines.append("random_hits")
        if task is Task.CHORDS:
            baselines += ["always_tonic", "repeat_previous"]
        self.names = [*models, "ground_truth", *baselines]
        self.sides = {side: CellScores() for side in self.names}
        self.repeats = {side: [0, 0] for side in self.names}
        self.entropy: dict[str, list[float]] = {side: [] for side in self.names}
        self.top_share: dict[str, list[float]] = {side: [] for side in self.names}
        self.note_repeats: dict[str, list[float]] = {side: [] for side in self.names}
        self.groove: dict[str, list[float]] = {side: [] for side in self.names}
        self.backbeat = {side: [0, 0] for side in self.names}  # [4/4 bars judged, with a backbeat]
        self.backbeat_cases = 0
        self.root_match = {side: [0, 0] for side in self.names}
        self.cases = 0
        self.changed_outside = {m: 0 for m in models}
        self.failures: dict[str, list[str]] = {m: [] for m in models}
        self.seconds: dict[str, list[float]] = {m: [] for m in models}

    def add_notes(self, truth: Grid, results: dict[str, Grid], lane: int, bars: range, rng: random.Random) -> None:
        cells = {side: [grid.cells[b][lane] for b in bars] for side, grid in results.items()}
        cells["ground_truth"] = [truth.cells[b][lane] for b in bars]
        cells["random_in_key"] = [random_in_key_cell(truth, b, lane, set(bars), rng) for b in bars]
        context = [b for b in range(max(0, bars.start - CONTEXT_BARS), min(truth.bar_count, bars.stop + CONTEXT_BARS))
                   if b not in bars]
        context_cells = [truth.cells[b][lane] for b in context]
        if self.task is Task.DRUMS:
            cells["random_hits"] = [random_hits_cell(context_cells, truth.bar_steps[b + 1] - truth.bar_steps[b], rng)
                                    for b in bars]
        backbeat_case = self.task is Task.DRUMS and context_has_backbeat(context_cells, [truth.meters[b] for b in context])
        self.backbeat_cases += backbeat_case
        before = [truth.cells[b][lane] for b in range(max(0, bars.start - REPEAT_LOOKBACK), bars.start)]
        for side, side_cells in cells.items():
            for b, cell in zip(bars, side_cells):
                self.sides[side].add(truth, b, lane, cell, truth.cells[b][lane])
            filled, repeats = repetition(side_cells, before)
            self.repeats[side][0] += filled
            self.repeats[side][1] += repeats
            if self.task is Task.DRUMS and side != "random_in_key":  # pitched notes of the key: no groove to score
                for b, cell in zip(bars, side_cells):
                    similarity = groove_similarity(cell, context_cells)
                    if similarity is not None:
                        self.groove[side].append(similarity)
                    if backbeat_case and tuple(truth.meters[b]) == (4, 4):
                        self.backbeat[side][0] += 1
                        self.backbeat[side][1] += has_backbeat(cell, truth.meters[b])
            else:
                notes = [e for cell in side_cells for e in cell]
                if notes:
                    self.entropy[side].append(pitch_class_entropy(notes))
                    self.top_share[side].append(top_pitch_share(notes))
                repeated = repeated_note_share(side_cells)
                if repeated is not None:
                    self.note_repeats[side].append(repeated)

    def add_chords(self, truth: Grid, results: dict[str, Grid], melody: int, chords: int, bars: range,
                   rng: random.Random) -> None:
        """Score the unchanged melody against each side's chord lane, and each side's chord roots, beat by beat."""
        lanes = {side: {b: grid.cells[b][chords] for b in bars} for side, grid in results.items()}
        lanes["ground_truth"] = {b: truth.cells[b][chords] for b in bars}
        lanes["random_in_key"] = {b: random_chords(truth, b, rng) for b in bars}
        lanes["always_tonic"] = {b: tonic_chord_cell(truth.keys[b]) for b in bars}
        lanes["repeat_previous"] = repeat_previous_chords(truth, chords, bars)
        for side, lane in lanes.items():
            rows = tuple(tuple(lane[b] if i == chords else c for i, c in enumerate(row)) if b in lane else row
                         for b, row in enumerate(truth.cells))
            grid = replace(truth, cells=rows)
            for b in bars:
                self.sides[side].add(grid, b, melody, truth.cells[b][melody], truth.cells[b][melody])
                beats, same = root_agreement(lane[b], truth.cells[b][chords], truth.bar_steps[b + 1] - truth.bar_steps[b])
                self.root_match[side][0] += beats
                self.root_match[side][1] += same

    def summary(self) -> dict:
        chords_task, drums = self.task is Task.CHORDS, self.task is Task.DRUMS
        out = {}
        for side in self.names:
            scores = self.sides[side]
            row = scores.summary()
            if chords_task:
                total, same = self.root_match[side]
                row = {"melody_chord_tone_rate_strong_beats": row["chord_tone_rate_strong_beats"],
                       "strong_beats": scores.strong,
                       "root_matches_original_per_beat": round(same / total, 3) if total else None, "beats": total}
            else:
                filled, repeats = self.repeats[side]
                row["repeated_bar_share"] = round(repeats / filled, 3) if filled else None
                if drums:
                    row["groove_similarity"] = _stats(self.groove[side])
                    judged, with_backbeat = self.backbeat[side]
                    row["backbeat_share"] = round(with_backbeat / judged, 3) if judged else None
                else:
                    row["pitch_class_entropy_bits"] = _stats(self.entropy[side])
                    row["top_pitch_share"] = _stats(self.top_share[side])
                    row["repeated_note_share"] = _stats(self.note_repeats[side])
            out[side] = row
        out.update(sides=self.names, cases=self.cases, failures=self.failures, changed_outside=self.changed_outside,
                   median_seconds={m: round(statistics.median(s), 3) if s else None for m, s in self.seconds.items()})
        if drums:
            out["backbeat_cases"] = self.backbeat_cases
        return out
