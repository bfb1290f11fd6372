"""Benchmark: a 4-bar melody asked for in the part that carries the tune, the rest of the ensemble kept.

    .venv/bin/python benchmarks/bench_ensemble_proposals.py [--datasets DIR] [--model PATH]
        [--per-movement N] [--quartets N] [--seed S]

Passages: held-out movements only (composer/data/validation_ids.txt: never
trained on). Orchestra: 4 bars where the main-theme annotation
(benchmarks/hauptstimme.py) stays in one part that plays in at least 3 of
them, `--per-movement` spread through each movement. String quartets (no
annotations): 4 bars where the first violin plays in every bar, the first
violin being the quartet's tune part by convention. Each file is imported as a
user would (engine.midi: names, roles from what the parts play).

Each passage's part is emptied and asked for a melody (composer.proposals,
default controls: the instrument range narrowed to the part's register), and
scored over the region, beside the composer's own line, the same proposal
without each rule named in --ablate (default: the octave placement,
composer.proposals.ranges.place_in_register), the old default (the piano's
88 keys as the range) and a random line (the composer's rhythm,
pitches drawn from the composer's lowest..highest note among the pitch classes
the other parts play there):

- consonance: the share of beats where the line sounds a pitch class the other
  (pitched) parts sound at that beat, among beats where both sound;
- mean pitch error: |mean pitch - the composer's mean pitch|, semitones;
- note-count error: |notes - the composer's notes| / the composer's notes.

The issue's targets: consonance >= the composer's - 0.05, mean pitch within 3
semitones, notes within 30%. Prints one JSON object (means over passages).
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import hauptstimme  # noqa: E402
from benchmarks.rule_ablation import rules_off  # noqa: E402
from composer.data.split import split_of  # noqa: E402
from composer.proposals import Controls, ProposalError, Region, Task, load_model, propose  # noqa: E402
from engine.instruments import is_drum_kit  # noqa: E402
from engine.midi import read_midi  # noqa: E402
from engine.notes import Note  # noqa: E402
from engine.song import Song  # noqa: E402

DEFAULT_DATASETS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets").resolve()
BARS = 4
PIANO_KEYS = (21, 108)


def orchestral_passages(datasets: Path, per_movement: int) -> list[tuple[str, Song, int, int]]:
    """(movement, song, first bar, track id) for held-out annotated movements."""
    out = []
    for path in hauptstimme.movements(datasets):
        movement = hauptstimme.load(datasets, path)
        if movement is None or split_of("orchestra", movement.ident) != "validation":
            continue
        song = movement.song
        part_of_bar: dict[int, frozenset[int]] = {}
        for start, end, truth in movement.measures:
            part_of_bar.setdefault(song.meter_map.position((start + end) // 2).bar, truth)
        found = []
        for first in range(0, song.bar_count() - BARS):
            parts = {part_of_bar.get(b) for b in range(first, first + BARS)}
            if len(parts) != 1 or None in parts:
                continue
            (truth,) = parts
            track = min(truth)
            if sum(bool(_notes(song, track, b, b + 1)) for b in range(first, first + BARS)) >= BARS - 1:
                found.append((first, track))
        out += [(movement.ident, song, *found[i * len(found) // per_movement]) for i in range(per_movement) if found]
    return out


def quartet_passages(datasets: Path, count: int) -> list[tuple[str, Song, int, int]]:
    """(movement, song, first bar, first violin's track id) for held-out quartet movements."""
    root = datasets / "openscore-stringquartets" / "midi"
    out = []
    for path in sorted(root.rglob("*.mid")):
        work = path.parent.relative_to(root).as_posix()
        if split_of("quartets", work) != "validation":
            continue
        song = read_midi(path)
        violin = next((t.id for t in song.tracks if t.program == 40 and t.notes), None)
        if violin is None:
            continue
        bars = [b for b in range(8, song.bar_count() - BARS, 16)
                if all(_notes(song, violin, x, x + 1) for x in range(b, b + BARS))]
        if bars:
            out.append((f"{work}/{path.stem}", song, bars[len(bars) // 2], violin))
        if len(out) >= count:
            break
    return out


def _notes(song: Song, track_id: int, first: int, stop: int) -> tuple[Note, ...]:
    start, end = song.meter_map.bar_range(first, stop - 1)
    return song.track(track_id).notes_between(start, end)


def beat_ticks(song: Song, first: int, stop: int) -> list[int]:
    ticks = []
    for bar in range(first, stop):
        start, end = song.meter_map.bar_range(bar, bar)
        beat = song.meter_map.meter_at(start).beat_ticks(song.ticks_per_quarter)
        ticks += list(range(start, end, beat))
    return ticks


def sounding_classes(notes, tick: int) -> set[int]:
    return {n.pitch % 12 for n in notes if n.start <= tick < max(n.end, n.start + 1)}


def measures(line: tuple[Note, ...], truth: tuple[Note, ...], others: list[Note], beats: list[int]) -> dict:
    agree = judged = 0
    for tick in beats:
        mine, theirs = sounding_classes(line, tick), sounding_classes(others, tick)
        if mine and theirs:
            judged += 1
            agree += bool(mine & theirs)
    mean = statistics.fmean(n.pitch for n in line) if line else None
    return {"consonance": agree / judged if judged else None,
            "pitch_error": None if mean is None else abs(mean - statistics.fmean(n.pitch for n in truth)),
            "count_error": abs(len(line) - len(truth)) / len(truth)}


def random_line(truth: tuple[Note, ...], others: list[Note], rng: random.Random) -> tuple[Note, ...]:
    low, high = min(n.pitch for n in truth), max(n.pitch for n in truth)
    classes = {n.pitch % 12 for n in others}
    pool = [p for p in range(low, high + 1) if p % 12 in classes] or list(range(low, high + 1))
    return tuple(n.with_(pitch=rng.choice(pool)) for n in truth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--model", type=Path, default=None, help="checkpoint (default: resources/composer.pt)")
    parser.add_argument("--per-movement", type=int, default=3)
    parser.add_argument("--quartets", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ablate", default="register_placement",
                        help="comma-separated rules (benchmarks/rule_ablation.py): one proposal column without each; "
                             "a+b: one column without both")
    parser.add_argument("--piano-keys", action=argparse.BooleanOptionalAction, default=True,
                        help="also the old default, the piano's 88 keys as the range")
    args = parser.parse_args(argv)
    orchestral = orchestral_passages(args.datasets, args.per_movement)
    passages = orchestral + quartet_passages(args.datasets, args.quartets)
    if not passages:
        print(f"bench_ensemble_proposals: no held-out passages under {args.datasets}", file=sys.stderr)
        return 2
    model = load_model(args.model)
    rng = random.Random(args.seed)
    ablate = tuple(name for name in args.ablate.split(",") if name)
    columns = [("proposal", Controls(seed=args.seed), ())]
    columns += [(f"proposal_no_{name}", Controls(seed=args.seed), tuple(name.split("+"))) for name in ablate]
    if args.piano_keys:
        columns.append(("proposal_piano_keys", Controls(seed=args.seed, pitch_range=PIANO_KEYS), ()))
    rows = {name: [] for name in ("composer", *(c[0] for c in columns), "random")}
    seconds = []
    refused: list[str] = []
    for ident, song, first, track_id in passages:
        truth = _notes(song, track_id, first, first + BARS)
        start, end = song.meter_map.bar_range(first, first + BARS - 1)
        others = [n for t in song.tracks if t.id != track_id and not is_drum_kit(t) for n in t.notes_between(start, end)]
        others += [n for t in song.tracks if t.id != track_id and not is_drum_kit(t)
                   for n in t.notes_between(max(0, start - 8 * song.ticks_per_quarter), start) if n.end > start]
        beats = beat_ticks(song, first, first + BARS)
        emptied = song.with_(tracks=tuple(t.with_(notes=tuple(n for n in t.notes if not start <= n.start < end))
                                          if t.id == track_id else t for t in song.tracks))
        region = Region(first, first + BARS - 1, (track_id,))
        lines = {}
        try:
            for name, controls, off in columns:
                began = time.perf_counter()
                with rules_off(off):
                    lines[name] = propose(emptied, region, Task.MELODY, controls, model=model)[0].notes[track_id]
                seconds.append(time.perf_counter() - began)
        except ProposalError as error:   # e.g. a region on a bar in a meter the model cannot write
            refused.append(f"{ident} bars {first + 1}-{first + BARS}: {error}")
            continue
        lines["composer"] = truth
        lines["random"] = random_line(truth, others, rng)
        for name, line in lines.items():
            rows[name].append(measures(line, truth, others, beats))
    report = {"passages": len(passages) - len(refused), "orchestral": len(orchestral),
              "quartet": len(passages) - len(orchestral), "refused": refused,
              "seconds_per_proposal": round(statistics.fmean(seconds), 2)}
    composer_consonance = statistics.fmean(r["consonance"] for r in rows["composer"] if r["consonance"] is not None)
    for name, results in rows.items():
        values = {key: [r[key] for r in results if r[key] is not None] for key in ("consonance", "pitch_error", "count_error")}
        report[name] = {key: round(statistics.fmean(v), 3) if v else None for key, v in values.items()}
    for name in (*(c[0] for c in columns), "random"):
        got = report[name]
        report[name]["meets"] = {"consonance >= composer - 0.05": got["consonance"] >= composer_consonance - 0.05,
                                 "mean pitch within 3": got["pitch_error"] <= 3,
                                 "notes within 30%": got["count_error"] <= 0.3}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
