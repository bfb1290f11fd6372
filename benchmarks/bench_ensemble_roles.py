"""Benchmark: does the part we call the melody carry the tune? Against OpenScore Orchestra's main-theme annotations.

    .venv/bin/python benchmarks/bench_ensemble_roles.py [--datasets DIR] [--split train|validation|all]
        [--weights PITCH VARIETY CHORDAL SWITCH]

For every annotated movement whose measure map matches its MIDI export
(benchmarks/hauptstimme.py), imported as a user would (engine.midi, no names,
GM programs), and every played measure: is the part named as the melody the
annotated one? Side by side:

- `tune_by_bar`: engine.ensemble's per-bar choice (the tune followed by passage);
- `import_role`: the one track the import makes the melody (the tune's carrier in the most bars), every bar;
- `corpus_rule`: the training corpus's whole-piece melody (engine.ensemble.corpus_roles), every bar;
- `highest`: the baseline, the part with the highest mean pitch in the bar;
- `chance`: one playing part at random, the expected rate.

`exact`: the chosen part is the annotated part; `or_doubling`: or it plays the
annotated line in unison or octaves (most of its onsets fall with the
annotated part's on the same pitch class: the annotation names one of a
doubled line's parts). Movements are split as the corpus splits them
(composer.data.split: validation = held out from training and from tuning
the weights). Prints one JSON object.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import hauptstimme  # noqa: E402
from composer.data.split import split_of  # noqa: E402
from engine.ensemble import TUNE_WEIGHTS, TuneWeights, _melodic_tracks, corpus_roles, tune_by_bar  # noqa: E402
from engine.midi.roles import import_roles  # noqa: E402
from engine.song import Song  # noqa: E402
from engine.track import TrackRole  # noqa: E402

DEFAULT_DATASETS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets").resolve()
DOUBLING_SHARE = 0.75


def highest_by_bar(song: Song) -> list[int | None]:
    """The baseline: per bar, the pitched part (no drums, no pitched percussion) with the highest mean pitch."""
    tracks = _melodic_tracks(song)
    out = []
    for b in range(song.bar_count()):
        start, end = song.meter_map.bar_range(b, b)
        means = [(sum(n.pitch for n in notes) / len(notes), -t.id, t.id)
                 for t in tracks if (notes := t.notes_between(start, end))]
        out.append(max(means)[2] if means else None)
    return out


def doubles(song: Song, chosen: int, truth: frozenset[int], start: int, end: int) -> bool:
    """Whether `chosen` plays the annotated line in [start, end): DOUBLING_SHARE of its onsets on an onset
    of an annotated track, same pitch class."""
    mine = {(n.start, n.pitch % 12) for n in song.track(chosen).notes_between(start, end)}
    theirs = {(n.start, n.pitch % 12) for t in truth for n in song.track(t).notes_between(start, end)}
    return bool(mine) and len(mine & theirs) >= DOUBLING_SHARE * len(mine)


def score(movement, choices: list[int | None]) -> dict:
    """Counts of exact and exact-or-doubling matches over the movement's measures."""
    song = movement.song
    exact = doubled = total = 0
    for start, end, truth in movement.measures:
        bar = song.meter_map.position((start + end) // 2).bar
        chosen = choices[bar] if bar < len(choices) else None
        total += 1
        if chosen is None:
            continue
        hit = chosen in truth
        exact += hit
        doubled += hit or doubles(song, chosen, truth, start, end)
    return {"exact": exact, "or_doubling": doubled, "measures": total}


def chance(movement) -> dict:
    """The expected score of a random playing part per bar."""
    song = movement.song
    tracks = _melodic_tracks(song)
    exact = 0.0
    for start, end, truth in movement.measures:
        playing = [t.id for t in tracks if t.notes_between(start, end)]
        exact += len(set(playing) & truth) / len(playing) if playing else 0
    return {"exact": exact, "or_doubling": None, "measures": len(movement.measures)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--split", choices=("train", "validation", "all"), default="all")
    parser.add_argument("--weights", type=float, nargs=4, metavar=("PITCH", "VARIETY", "CHORDAL", "SWITCH"))
    args = parser.parse_args(argv)
    weights = TuneWeights(*args.weights) if args.weights else TUNE_WEIGHTS
    paths = hauptstimme.movements(args.datasets)
    if not paths:
        print(f"bench_ensemble_roles: no annotated movements under {args.datasets / hauptstimme.FOLDER}", file=sys.stderr)
        return 2
    methods = ("tune_by_bar", "import_role", "corpus_rule", "highest", "chance")
    totals = {split: {m: {"exact": 0.0, "or_doubling": 0, "measures": 0} for m in methods}
              for split in ("train", "validation")}
    skipped, used = [], {"train": 0, "validation": 0}
    for path in paths:
        movement = hauptstimme.load(args.datasets, path)
        if movement is None:
            skipped.append(path.stem)
            continue
        split = split_of("orchestra", movement.ident)
        if args.split != "all" and split != args.split:
            continue
        used[split] += 1
        song = movement.song
        bars = song.bar_count()
        roles = import_roles(song)
        melody = next((t.id for t in roles.tracks if t.role is TrackRole.MELODY), None)
        corpus = corpus_roles(song.tracks, max(1, song.ticks_per_quarter // 12), 4 * song.ticks_per_quarter)
        corpus_melody = song.tracks[corpus.index(TrackRole.MELODY)].id
        results = {"tune_by_bar": score(movement, tune_by_bar(song, weights)),
                   "import_role": score(movement, [melody] * bars),
                   "corpus_rule": score(movement, [corpus_melody] * bars),
                   "highest": score(movement, highest_by_bar(song)),
                   "chance": chance(movement)}
        for method, counts in results.items():
            for key, value in counts.items():
                if value is not None:
                    totals[split][method][key] += value
    report = {"weights": dataclasses.asdict(weights),
              "movements": used, "skipped_measure_map_mismatch": skipped}
    for split, methods_totals in totals.items():
        if not used[split]:
            continue
        report[split] = {m: {"exact": round(c["exact"] / c["measures"], 3),
                             "or_doubling": None if m == "chance" else round(c["or_doubling"] / c["measures"], 3),
                             "measures": c["measures"]} for m, c in methods_totals.items()}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
