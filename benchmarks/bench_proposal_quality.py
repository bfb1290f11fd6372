"""Benchmark: what `cadenza generate` writes into held-out songs, scored against the original and a baseline.

    nice -n 10 .venv/bin/python benchmarks/bench_proposal_quality.py [--cases 8] [--compare] \
        [--model PATH | --models A.pt,B.pt] [--sources pop909,groove,...] [--tasks melody,chords]

`--models` runs every checkpoint on the SAME cases (same regions, seeds and
baseline draws) and prints one column per model beside ground_truth and the
baselines: the JSON on stdout, a side-by-side table on stderr. New corpus
sources (lieder, orchestra, quartets, mutopia, freedoom) are used when
composer.data.sources registers them.
Added columns (composer/metrics.py): pitch-class entropy and top-pitch share
per case (mean and min/median/max, to read "within the songs' range"); for
drums, groove similarity against the context (random_hits baseline) and the
backbeat share among cases whose context has one; for chords, the root
agreement on every quarter-note beat with the always_tonic and
repeat_previous baselines beside the model's.

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
With --ablate echo,chord_fit,... the last model also runs with each decoding
rule switched off (benchmarks/rule_ablation.py), one column per rule, on the
same cases: a rule stays only where its column is further from the truth.
With --compare it also runs the decoding variants in VARIANTS on the same
cases (chord following off/strict, a cooler temperature) so defaults are
chosen from numbers.
This file picks the cases, runs the product path and prints; how a case is
scored (TaskScores, the baselines, changed_outside) is benchmarks/proposal_scores.py.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.proposal_scores import TaskScores, changed_outside
from benchmarks.rule_ablation import ABLATIONS, rules_off
from composer.data.cache import load_source
from composer.data.sources import SOURCES
from composer.proposals import Controls, ProposalError, Region, Task
from composer.proposals.context import lane_index
from composer.proposals.generate import propose
from composer.proposals.loader import DEFAULT_CHECKPOINT, load_model
from composer.tokens.encode import CHORD_LANE
from composer.tokens.grid import song_grid
from engine.song import Song

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
# source -> (task, role of the track it rewrites; None for the chord lane)
CASES = {
    "pop909": [(Task.MELODY, "melody"), (Task.BASS, "bass"), (Task.ACCOMPANIMENT, "accompaniment"),
               (Task.CHORDS, None)],
    "groove": [(Task.DRUMS, "drums")],
    "openewld": [(Task.MELODY, "melody"), (Task.CHORDS, None)],
    "nottingham": [(Task.MELODY, "melody"), (Task.CHORDS, None)],
    # New corpus sources: used when composer.data.sources registers them (skipped otherwise). A task
    # whose role no validation song of the source has is skipped with a note.
    "lieder": [(Task.MELODY, "melody"), (Task.BASS, "bass"), (Task.ACCOMPANIMENT, "accompaniment")],
    "orchestra": [(Task.MELODY, "melody"), (Task.BASS, "bass")],
    "quartets": [(Task.MELODY, "melody"), (Task.BASS, "bass")],
    "mutopia": [(Task.MELODY, "melody"), (Task.BASS, "bass")],
    "freedoom": [(Task.DRUMS, "drums"), (Task.MELODY, "melody"), (Task.BASS, "bass")],
}
VARIANTS = {"default": {}, "chords_off": {"chord_following": "off"}, "chords_strict": {"chord_following": "strict"},
            "temperature_0.8": {"temperature": 0.8}}


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


def run_case(models: dict, scores: TaskScores, song: Song, region: Region, task: Task, controls: Controls,
             rng: random.Random, chord_lane: bool = True, key: bool = True, ablated: dict | None = None) -> None:
    """Every model proposes into the same case; the truth and the baselines are scored once beside them.
    `ablated`: column name -> the rules (rule_ablation.ABLATIONS) switched off for that column."""
    given = song.with_(chords=song.chords if chord_lane else (), keys=song.keys if key else ())
    results = {}
    scores.cases += 1
    for name, model in models.items():
        started = time.perf_counter()
        try:
            with rules_off((ablated or {}).get(name, ())):
                (candidate,) = propose(given, region, task, controls, model)
        except ProposalError as error:
            scores.failures[name].append(str(error))
            continue
        scores.seconds[name].append(time.perf_counter() - started)
        result = candidate.to_edit(song).apply(song)
        scores.changed_outside[name] += changed_outside(song, result, candidate.ticks)
        results[name] = song_grid(result)
    truth = song_grid(song)
    lanes = lane_index(truth)
    if task is Task.CHORDS:
        melody = next(t.id for t in song.tracks if t.role.value == "melody")
        scores.add_chords(truth, results, lanes[melody], lanes[CHORD_LANE], region.bars, rng)
    else:
        scores.add_notes(truth, results, lanes[region.track_ids[0]], region.bars, rng)


TABLE_ROWS = [  # (label, summary key, sub-key of a min/median/max dict or None)
    ("chord tones, strong beats", "chord_tone_rate_strong_beats", None),
    ("in key", "in_key_rate", None),
    ("notes a bar", "notes_per_cell", None),
    ("notes-a-bar error", "density_abs_error_vs_truth", None),
    ("range error", "range_abs_error_vs_truth", None),
    ("repeated bars", "repeated_bar_share", None),
    ("pc entropy (bits)", "pitch_class_entropy_bits", "all"),
    ("top pitch share", "top_pitch_share", "all"),
    ("repeated notes", "repeated_note_share", "all"),
    ("groove similarity", "groove_similarity", "all"),
    ("backbeat share", "backbeat_share", None),
    ("melody ct under chords", "melody_chord_tone_rate_strong_beats", None),
    ("root = song's, per beat", "root_matches_original_per_beat", None),
]


W = 17  # table column width


def table(report: dict, variant: str = "default") -> str:
    """The report's sides in columns, one block per task: what the side-by-side comparison is read from."""
    lines = []
    for task, variants in report.items():
        if not isinstance(variants, dict) or variant not in variants:
            continue
        result = variants[variant]
        sides = result["sides"]
        lines.append(f"\n{task} ({result['cases']} cases; failures "
                     f"{ {m: len(f) for m, f in result['failures'].items()} }; changed outside {result['changed_outside']})")
        lines.append(f"{'':26}" + "".join(f"{s[:W - 1]:>{W}}" for s in sides))
        for label, key, sub in TABLE_ROWS:
            values = [result[s].get(key) for s in sides]
            if all(v is None for v in values):
                continue
            if sub:
                means = [f"{v['mean']:.3f}" if v else "-" for v in values]
                spans = [f"{v['min']:.2f}/{v['median']:.2f}/{v['max']:.2f}" if v else "-" for v in values]
                lines.append(f"{label:26}" + "".join(f"{c:>{W}}" for c in means))
                lines.append(f"{'  min/median/max per case':26}" + "".join(f"{c:>{W}}" for c in spans))
            else:
                lines.append(f"{label:26}" + "".join(f"{'-' if v is None else v:>{W}}" for v in values))
    return "\n".join(lines)


def model_labels(paths: list[Path]) -> dict[str, Path]:
    """A short name per checkpoint (its file stem; the whole path where two stems clash)."""
    stems = [p.stem for p in paths]
    return {(p.stem if stems.count(p.stem) == 1 else str(p)): p for p in paths}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="one checkpoint (default: the shipped resources/composer.pt)")
    parser.add_argument("--models", help="comma-separated checkpoints, all run on the same cases, side by side")
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument("--cases", type=int, default=8, help="regions per task and source")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--compare", action="store_true", help="also run the decoding variants on the same cases")
    parser.add_argument("--tasks", help="only these tasks, e.g. melody,chords (default: all)")
    parser.add_argument("--sources", help=f"only these sources (default: those of {','.join(CASES)} registered "
                                          "in composer.data.sources)")
    parser.add_argument("--ablate", help="also run the last model with one of these rules off, one column per rule: "
                                         f"{','.join(ABLATIONS)}")
    parser.add_argument("--no-key", action="store_true",
                        help="propose into the songs without their key signatures (scores still use them)")
    parser.add_argument("--fp32", action="store_true", help="the full-precision model, not the shipped int8 one")
    parser.add_argument("--no-chord-lane", action="store_true",
                        help="propose into the songs without their chord symbols, as a MIDI file arrives "
                             "(scores still use the original chords); chords tasks are skipped")
    args = parser.parse_args(argv)
    if args.model and args.models:
        parser.error("--model and --models: give one of them")
    paths = [Path(p) for p in args.models.split(",")] if args.models else [args.model or DEFAULT_CHECKPOINT]
    sources = args.sources.split(",") if args.sources else [s for s in CASES if s in SOURCES]
    unknown = [s for s in sources if s not in CASES or s not in SOURCES]
    if unknown:
        parser.error(f"unknown or unregistered sources: {','.join(unknown)} "
                     f"(known: {','.join(s for s in CASES if s in SOURCES)})")
    torch.set_num_threads(1)
    loaded = {name: load_model(path, quantized=not args.fp32) for name, path in model_labels(paths).items()}
    models = {name: entry.model for name, entry in loaded.items()}
    ablated = {}
    for name in list(models)[-1:] if args.ablate else ():  # the last model: the one whose rules are chosen
        for rule in args.ablate.split(","):
            if rule not in ABLATIONS:
                parser.error(f"--ablate: unknown rule {rule!r} (known: {','.join(ABLATIONS)})")
            models[f"{name}-no_{rule}"] = models[name]
            ablated[f"{name}-no_{rule}"] = (rule,)
    variants = VARIANTS if args.compare else {"default": {}}
    report: dict = {"models": {name: {"path": str(entry.path), "step": entry.info.get("step")}
                               for name, entry in loaded.items()},
                    "cases_per_task": args.cases, "seed": args.seed, "chord_lane": not args.no_chord_lane,
                    "key": not args.no_key, "weights": "fp32" if args.fp32 else "int8", "sources": sources}
    tasks_wanted = args.tasks.split(",") if args.tasks else None
    started = time.perf_counter()
    for source in sources:
        tasks = CASES[source]
        if tasks_wanted and not any(task.value in tasks_wanted for task, _ in tasks):
            continue
        songs = [s for s in load_source(source, args.datasets).songs if s.split == "validation"]
        for task, role in tasks:
            if (tasks_wanted and task.value not in tasks_wanted) or (args.no_chord_lane and role is None):
                continue
            cases = pick_cases(songs, task, role, args.cases, random.Random(f"{args.seed}:{source}:{task.value}"))
            if not cases:
                print(f"{source}/{task.value}: no validation song has such a region, skipped", file=sys.stderr)
                continue
            for variant, overrides in variants.items():
                scores = TaskScores(list(models), task)
                for n, (_, song, region) in enumerate(cases):
                    controls = Controls(seed=args.seed + n, **overrides)
                    run_case(models, scores, song, region, task, controls, random.Random(f"{args.seed}:{n}:baseline"),
                             not args.no_chord_lane, not args.no_key, ablated)
                report.setdefault(f"{source}/{task.value}", {})[variant] = scores.summary()
                print(f"{source}/{task.value} {variant}: done", file=sys.stderr, flush=True)
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=1))
    for variant in variants:
        print(f"\n== {variant} ==" + table(report, variant), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
