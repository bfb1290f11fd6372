"""Benchmark: what New sketch… / `cadenza compose` writes, scored beside 16-bar passages of real songs.

    nice -n 10 .venv/bin/python benchmarks/bench_sketch.py [--models A,B] [--sketches 6] [--bars 16]

A new user's first impression is a 16-bar sketch. For each model it composes
`--sketches` sketches (seeds 0.., keys cycling through D minor, C major,
A minor, G major; 4/4, 100 BPM; every part) and measures what made the old
sketches sound like filler:
- melody: share of notes on its most common pitch, pitch-class entropy,
  share of bars that repeat an earlier bar verbatim, and share of 4-bar
  phrases that repeat an earlier phrase verbatim (a loop);
- bass: share of bass notes on strong beats (beats 1 and 3) that are tones of
  the chord in force, and the share of its notes on its most common pitch (a pedal);
- drums: share of bars with a time-keeper (hi-hat or ride), with a backbeat
  (snare on 2 and 4), and with a kick.
The truth column scores 16-bar passages of held-out POP909 songs (melody,
bass, chords) and Groove grooves (drums) the same way. `--ablate` adds a
column per decoding rule switched off (benchmarks/rule_ablation.py).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.bench_proposal_quality import model_labels
from benchmarks.rule_ablation import ABLATIONS, rules_off
from composer.data.cache import load_source
from composer.metrics import chord_at, has_backbeat, pitch_class_entropy, repeated_note_share, top_pitch_share
from composer.proposals.compose import compose_song
from composer.proposals.loader import DEFAULT_CHECKPOINT, load_model
from composer.tokens.grid import Grid, cell_shape, song_grid
from engine.keys import parse_key

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
KEYS = ("D minor", "C major", "A minor", "G major")
TIME_KEEPERS = {42, 44, 46, 51, 53, 59}
KICKS = {35, 36}


def _lane(grid: Grid, role: str) -> int | None:
    return next((i for i, lane in enumerate(grid.lanes) if (lane.drums and role == "drums")
                 or (not lane.drums and lane.role == role)), None)


def sketch_scores(grid: Grid, bars: range) -> dict:
    """The measures above over `bars` of a grid (a sketch, or a passage of a real song)."""
    out: dict = {}
    melody, bass, drums = (_lane(grid, r) for r in ("melody", "bass", "drums"))
    chords = next((i for i, lane in enumerate(grid.lanes) if lane.is_chords), None)
    if melody is not None:
        cells = [grid.cells[b][melody] for b in bars]
        events = [e for c in cells for e in c]
        shapes = [cell_shape(c) for c in cells]
        filled = [s for s in shapes if s]
        phrases = [tuple(shapes[i:i + 4]) for i in range(0, len(shapes) - 3, 4)]
        out["melody_top_pitch_share"] = top_pitch_share(events)
        out["melody_pc_entropy_bits"] = pitch_class_entropy(events)
        out["melody_repeated_notes"] = repeated_note_share(cells)
        out["melody_repeated_bars"] = sum(s in filled[:i] for i, s in enumerate(filled)) / max(len(filled), 1)
        out["melody_repeated_phrases"] = sum(p in phrases[:i] for i, p in enumerate(phrases)) / max(len(phrases), 1)
    if bass is not None:
        events = [e for b in bars for e in grid.cells[b][bass]]
        out["bass_top_pitch_share"] = top_pitch_share(events)
        if chords is not None:
            strong = [(b, e) for b in bars for e in grid.cells[b][bass] if e.pos % 24 == 0]
            tones = [chord_at(grid.cells[b][chords], e.pos) for b, e in strong]
            judged = [(e, c) for (b, e), c in zip(strong, tones) if c is not None]
            out["bass_strong_chord_tones"] = (sum(e.pitch % 12 in c.pitch_classes for e, c in judged) / len(judged)
                                              if judged else None)
    if drums is not None:
        cells = [grid.cells[b][drums] for b in bars]
        out["drum_bars_with_time_keeper"] = statistics.fmean(any(e.pitch in TIME_KEEPERS for e in c) for c in cells)
        out["drum_bars_with_backbeat"] = statistics.fmean(has_backbeat(c, grid.meters[b]) for b, c in zip(bars, cells))
        out["drum_bars_with_kick"] = statistics.fmean(any(e.pitch in KICKS for e in c) for c in cells)
    return out


def real_passages(datasets: Path, bars: int, count: int) -> list[dict]:
    """Scores of `bars`-bar passages (from bar 8, past intros) of held-out POP909 songs and Groove grooves."""
    found = []
    for source in ("pop909", "groove"):
        songs = sorted((s for s in load_source(source, datasets).songs if s.split == "validation"), key=lambda s: s.key)
        for corpus_song in songs[:count]:
            grid = song_grid(corpus_song.song)
            start = 8 if grid.bar_count >= 8 + bars else 0
            if grid.bar_count >= start + bars:
                found.append(sketch_scores(grid, range(start, start + bars)))
    return found


def summary(rows: list[dict]) -> dict:
    keys = sorted({k for r in rows for k in r})
    return {k: round(statistics.fmean(v), 3) if (v := [r[k] for r in rows if r.get(k) is not None]) else None
            for k in keys}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default=str(DEFAULT_CHECKPOINT), help="comma-separated checkpoints")
    parser.add_argument("--sketches", type=int, default=6)
    parser.add_argument("--bars", type=int, default=16)
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument("--ablate", default="", help="also compose with each of these rules off (one column "
                                                      f"each): {','.join(ABLATIONS)}")
    args = parser.parse_args(argv)
    unknown = [r for r in args.ablate.split(",") if r and r not in ABLATIONS]
    if unknown:
        parser.error(f"--ablate: unknown rule(s) {','.join(unknown)} (known: {','.join(ABLATIONS)})")
    torch.set_num_threads(1)
    columns = {}
    for label, path in model_labels([Path(p) for p in args.models.split(",")]).items():
        model = load_model(path).model
        for rule in ["", *filter(None, args.ablate.split(","))]:
            rows = []
            with rules_off((rule,) if rule else ()):
                for seed in range(args.sketches):
                    key = parse_key(KEYS[seed % len(KEYS)])
                    song = compose_song(args.bars, key, 100.0, (4, 4), seed=seed, model=model)
                    rows.append(sketch_scores(song_grid(song), range(args.bars)))
            columns[label + (f"-no_{rule}" if rule else "")] = summary(rows)
    columns["truth (real songs)"] = summary(real_passages(args.datasets, args.bars, 20))
    print(json.dumps(columns, indent=1))
    names = list(columns)
    keys = sorted({k for c in columns.values() for k in c})
    print(f"{'':30}" + "".join(f"{n[:20]:>22}" for n in names), file=sys.stderr)
    for key in keys:
        print(f"{key:30}" + "".join(f"{str(columns[n].get(key, '-')):>22}" for n in names), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
