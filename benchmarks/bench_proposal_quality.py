"""Benchmark: what `cadenza generate` writes into held-out songs, scored against the original and a baseline.

    nice -n 10 .venv/bin/python benchmarks/bench_proposal_quality.py [--cases 8] [--compare] [--model PATH]

This is the product path end to end (`composer.proposals.propose`, the same
defaults as `cadenza generate`), on songs of the fixed validation split that
the model never trained on: POP909 (melody, bass, accompaniment and chord
infills), Groove (drums), OpenEWLD and Nottingham lead sheets (melody and
chords). Each case is a seeded region of 4 or 8 bars where the original
track has notes. For every task it prints, side by side:
- model / ground_truth / random_in_key: in-key rate, chord-tone rate on
  strong beats, notes per bar and pitch range with their error against the
  original bar (composer/metrics.py), and repetition (share of non-empty
  region bars that repeat a bar of the region or of the 4 bars before it);
- for chords tasks, how well the chords fit the (unchanged) melody: the
  melody's chord-tone rate on strong beats under the proposed chords, under
  the original ones and under random diatonic triads, and the share of
  strong beats whose chord root matches the original;
- changed_outside: notes or chords outside the region that differ from the
  input (must be 0), failures (ProposalError), and the median seconds.
With --no-chord-lane the songs lose their chord symbols before the proposal
(as a plain MIDI file arrives), with --no-key their key signatures; the
scores still read the original chords and keys.
With --compare it also runs the decoding variants in VARIANTS on the same
cases (chord following off/strict, a cooler temperature) so defaults are
chosen from numbers.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from composer.data.cache import load_source
from composer.metrics import STRONG_BEAT_STEPS, CellScores, random_in_key_cell
from composer.proposals import Controls, ProposalError, Region, Task
from composer.proposals.context import lane_index
from composer.proposals.generate import propose
from composer.proposals.loader import DEFAULT_CHECKPOINT, load_model
from composer.tokens.encode import CHORD_LANE
from composer.tokens.grid import ChordMark, Grid, song_grid
from engine.chords import Chord
from engine.keys import Key
from engine.song import Song

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
# source -> (task, role of the track it rewrites; None for the chord lane)
CASES = {
    "pop909": [(Task.MELODY, "melody"), (Task.BASS, "bass"), (Task.ACCOMPANIMENT, "accompaniment"),
               (Task.CHORDS, None)],
    "groove": [(Task.DRUMS, "drums")],
    "openewld": [(Task.MELODY, "melody"), (Task.CHORDS, None)],
    "nottingham": [(Task.MELODY, "melody"), (Task.CHORDS, None)],
}
VARIANTS = {"default": {}, "chords_off": {"chord_following": "off"}, "chords_strict": {"chord_following": "strict"},
            "temperature_0.8": {"temperature": 0.8}}
REPEAT_LOOKBACK = 4


def pick_cases(songs, task: Task, role: str | None, count: int, rng: random.Random):
    """(song, region) pairs: a region of 4 or 8 bars where the original part (or chord lane) is mostly filled."""
    found = []
    pool = sorted(songs, key=lambda s: s.key)
    rng.shuffle(pool)
    for corpus_song in pool:
        song = corpus_song.song
        try:
            grid = song_grid(song)
        except ValueError:
            continue
        lanes = lane_index(grid)
        if role is None:
            if not song.chords or not any(t.role.value == "melody" for t in song.tracks):
                continue
            target, track_ids = CHORD_LANE, ()
        else:
            track = next((t for t in song.tracks if t.role.value == role), None)
            if track is None:
                continue
            target, track_ids = track.id, (track.id,)
        for length in (8, 4):
            starts = [b for b in range(0, grid.bar_count - length + 1)
                      if sum(bool(grid.cells[x][lanes[target]]) for x in range(b, b + length)) >= length * 3 // 4]
            if starts:
                first = rng.choice(starts)
                found.append((corpus_song.key, song, Region(first, first + length - 1, track_ids)))
                break
        if len(found) == count:
            break
    return found


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


def repetition(cells: list[tuple], before: list[tuple]) -> tuple[int, int]:
    """(non-empty cells, of them those equal to an earlier cell of the region or of the bars before it)."""
    seen = [frozenset((e.pos, e.pitch) for e in c) for c in before if c]
    filled = repeats = 0
    for cell in cells:
        if not cell:
            continue
        shape = frozenset((e.pos, e.pitch) for e in cell)
        filled += 1
        repeats += shape in seen
        seen.append(shape)
    return filled, repeats


def random_chords(grid: Grid, bar: int, rng: random.Random) -> tuple[ChordMark, ...]:
    """Two random diatonic triads a bar (on its two halves): what a chord lane that only knows the key gives."""
    key = grid.keys[bar]
    scale = Key(key[0], key[1]).scale if key is not None else (0, 2, 4, 5, 7, 9, 11)
    triads = [Chord(root, "maj" if (scale[(i + 2) % 7] - root) % 12 == 4 else "min")
              for i, root in enumerate(scale)]
    steps = grid.bar_steps[bar + 1] - grid.bar_steps[bar]
    return tuple(ChordMark(pos, rng.choice(triads)) for pos in range(0, steps, max(STRONG_BEAT_STEPS, steps // 2)))


class TaskScores:
    """Totals for one task across its cases, per side (model, ground truth, baseline)."""

    def __init__(self) -> None:
        self.sides = {"model": CellScores(), "ground_truth": CellScores(), "random_in_key": CellScores()}
        self.repeats = {side: [0, 0] for side in self.sides}
        self.root_match = [0, 0]
        self.changed_outside = 0
        self.failures: list[str] = []
        self.seconds: list[float] = []

    def add_notes(self, truth: Grid, result: Grid, lane: int, bars: range, rng: random.Random) -> None:
        baseline = {b: random_in_key_cell(truth, b, lane, set(bars), rng) for b in bars}
        cells = {"model": [result.cells[b][lane] for b in bars], "ground_truth": [truth.cells[b][lane] for b in bars],
                 "random_in_key": [baseline[b] for b in bars]}
        before = [truth.cells[b][lane] for b in range(max(0, bars.start - REPEAT_LOOKBACK), bars.start)]
        for side, scores in self.sides.items():
            for b, cell in zip(bars, cells[side]):
                scores.add(truth, b, lane, cell, truth.cells[b][lane])
            filled, repeats = repetition(cells[side], before)
            self.repeats[side][0] += filled
            self.repeats[side][1] += repeats

    def add_chords(self, truth: Grid, result: Grid, melody: int, chords: int, bars: range, rng: random.Random) -> None:
        """Score the unchanged melody against each side's chord lane."""
        random_rows = [tuple(random_chords(truth, b, rng) if i == chords else c for i, c in enumerate(row))
                       if b in bars else row for b, row in enumerate(truth.cells)]
        grids = {"model": result, "ground_truth": truth, "random_in_key": replace(truth, cells=tuple(random_rows))}
        for side, grid in grids.items():
            for b in bars:
                self.sides[side].add(grid, b, melody, truth.cells[b][melody], truth.cells[b][melody])
        for b in bars:
            steps = truth.bar_steps[b + 1] - truth.bar_steps[b]
            for pos in range(0, steps, STRONG_BEAT_STEPS):
                original, proposed = (_chord_at(g.cells[b][chords], pos) for g in (truth, result))
                if original is not None:
                    self.root_match[0] += 1
                    self.root_match[1] += proposed is not None and proposed.root == original.root

    def summary(self, chords_task: bool) -> dict:
        out = {}
        for side, scores in self.sides.items():
            row = scores.summary()
            if chords_task:
                row = {"melody_chord_tone_rate_strong_beats": row["chord_tone_rate_strong_beats"],
                       "strong_beats": scores.strong}
            else:
                filled, repeats = self.repeats[side]
                row["repeated_bar_share"] = round(repeats / filled, 3) if filled else None
            out[side] = row
        if chords_task:
            total, same = self.root_match
            out["model"]["root_matches_original"] = round(same / total, 3) if total else None
        out.update(cases=len(self.seconds) + len(self.failures), failures=self.failures,
                   changed_outside=self.changed_outside,
                   median_seconds=round(statistics.median(self.seconds), 3) if self.seconds else None)
        return out


def _chord_at(marks, pos: int) -> Chord | None:
    return next((m.chord for m in reversed(marks) if m.pos <= pos), None)


def run_case(model, scores: TaskScores, song: Song, region: Region, task: Task, controls: Controls,
             rng: random.Random, chord_lane: bool = True, key: bool = True) -> None:
    started = time.perf_counter()
    given = song.with_(chords=song.chords if chord_lane else (), keys=song.keys if key else ())
    try:
        (candidate,) = propose(given, region, task, controls, model)
    except ProposalError as error:
        scores.failures.append(str(error))
        return
    scores.seconds.append(time.perf_counter() - started)
    result = candidate.to_edit(song).apply(song)
    scores.changed_outside += changed_outside(song, result, candidate.ticks)
    truth, proposed = song_grid(song), song_grid(result)
    lanes = lane_index(truth)
    if task is Task.CHORDS:
        melody = next(t.id for t in song.tracks if t.role.value == "melody")
        scores.add_chords(truth, proposed, lanes[melody], lanes[CHORD_LANE], region.bars, rng)
    else:
        scores.add_notes(truth, proposed, lanes[region.track_ids[0]], region.bars, rng)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_CHECKPOINT)
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument("--cases", type=int, default=8, help="regions per task and source")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--compare", action="store_true", help="also run the decoding variants on the same cases")
    parser.add_argument("--tasks", help="only these tasks, e.g. melody,chords (default: all)")
    parser.add_argument("--no-key", action="store_true",
                        help="propose into the songs without their key signatures (scores still use them)")
    parser.add_argument("--fp32", action="store_true", help="the full-precision model, not the shipped int8 one")
    parser.add_argument("--no-chord-lane", action="store_true",
                        help="propose into the songs without their chord symbols, as a MIDI file arrives "
                             "(scores still use the original chords); chords tasks are skipped")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    model = load_model(args.model, quantized=not args.fp32)
    variants = VARIANTS if args.compare else {"default": {}}
    report: dict = {"model": str(args.model), "step": model.info.get("step"), "cases_per_task": args.cases,
                    "seed": args.seed, "chord_lane": not args.no_chord_lane, "key": not args.no_key,
                    "weights": "fp32" if args.fp32 else "int8"}
    started = time.perf_counter()
    for source, tasks in CASES.items():
        if args.tasks and not any(task.value in args.tasks.split(",") for task, _ in tasks):
            continue
        songs = [s for s in load_source(source, args.datasets).songs if s.split == "validation"]
        for task, role in tasks:
            if (args.tasks and task.value not in args.tasks.split(",")) or (args.no_chord_lane and role is None):
                continue
            cases = pick_cases(songs, task, role, args.cases, random.Random(f"{args.seed}:{source}:{task.value}"))
            for variant, overrides in variants.items():
                scores = TaskScores()
                for n, (_, song, region) in enumerate(cases):
                    controls = Controls(seed=args.seed + n, **overrides)
                    run_case(model, scores, song, region, task, controls, random.Random(f"{args.seed}:{n}:baseline"),
                             not args.no_chord_lane, not args.no_key)
                report.setdefault(f"{source}/{task.value}", {})[variant] = scores.summary(task is Task.CHORDS)
                print(f"{source}/{task.value} {variant}: done", file=sys.stderr, flush=True)
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
