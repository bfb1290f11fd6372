"""Benchmark: does a sketch brief's shape reach the music? Energy, form and style, each beside real songs.

    nice -n 10 .venv/bin/python benchmarks/bench_brief.py [--parts briefs,energy,form,styles,tempos] [--seeds 2]

- briefs: the reader's accuracy over tests/composer/brief/briefs.json per language, with every miss listed.
- energy: for briefs that shape energy (a build to a hit, sections, a fade),
  the Spearman correlation between the energy curve and notes per bar of the
  sketch (target >= 0.7). Baseline: the same settings composed with the
  energy left out, against the same curve. Truth: POP909 songs with human form
  labels (../shared/datasets/pop909-structure), the same section energies
  (intro .35, verse A .5, chorus B .85, ...) against their melody's notes per bar.
- form: how alike two instances of one section are against two different
  sections, bar by bar (Jaccard of (sixteenth, pitch) sets of the melody). The
  margin (same - different) of real songs (pop909-structure labels) is the bar
  to clear; sketches with sections composed "exact" and "varied", and the
  baseline of a sketch composed without sections and labelled the same way.
- styles: a nearest-centroid classifier on features of 16-bar excerpts
  (notes per bar per part, melody range and register, mean duration, chord
  vocabulary, drum density, syncopation, program families) fitted on the
  training songs of each style, tested on held-out songs (truth) and on 5
  sketches per style (target accuracy >= 0.6, chance 1/8); with and without
  the program-family features, since the instrumentation is the style's
  default and not the model's doing.
- tempos: each style's default tempo range beside its training songs' own.
"""
from __future__ import annotations

import argparse
import json
import pickle
import re
import statistics
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from composer.brief import read_brief
from composer.brief.check import misses
from composer.brief.settings import SketchSettings, settings_from_brief
from composer.brief.styles import STYLE_DEFAULTS
from composer.proposals.compose import compose_sketch
from composer.proposals.loader import load_model
from composer.tokens.grid import NoteEvent, song_grid
from composer.tokens.vocab import STEPS_PER_QUARTER, STYLES
from engine.keys import Key

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
STRUCTURE = DATASETS / "pop909-structure"
ENERGY_BRIEFS = ("calm piano piece, builds to a hit at bar 13, 16 bars", "intro 4, verse 4, chorus 4, outro 4",
                 "tense cue in D minor, 16 bars, fades out", "strings, rises and falls, 16 bars",
                 "前奏4小节，主歌4小节，副歌4小节，尾奏4小节", "渐强到第12小节，16小节，管弦乐")
FORM_BRIEF = "verse 4, chorus 4, verse 4, chorus 4, in C major"
LABEL_ENERGY = {"i": 0.35, "A": 0.5, "B": 0.85, "o": 0.3, "b": 0.4, "x": 0.4}   # other capitals: a bridge, 0.6


def spearman(a, b) -> float:
    """Rank correlation (ties share their mean rank); 0 where either side is constant."""
    ra, rb = (_ranks(np.asarray(x, dtype=float)) for x in (a, b))
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


def _ranks(values: np.ndarray) -> np.ndarray:
    order = values.argsort(kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    for value in np.unique(values):
        same = values == value
        ranks[same] = ranks[same].mean()
    return ranks


# --- briefs -------------------------------------------------------------------------------------------------
def brief_accuracy() -> dict:
    briefs = json.loads((ROOT / "tests" / "composer" / "brief" / "briefs.json").read_text(encoding="utf-8"))
    out = {}
    for language, chinese in (("english", False), ("chinese", True)):
        chosen = [b for b in briefs if any("\u4e00" <= c <= "\u9fff" for c in b["text"]) == chinese]
        scored, wrong = 0, []
        for expected in chosen:
            count, bad = misses(read_brief(expected["text"]), expected)
            scored += count
            wrong += [f"{expected['text'][:40]}: {m}" for m in bad]
        out[language] = {"briefs": len(chosen), "attributes": scored, "right": round(1 - len(wrong) / scored, 3),
                         "misses": wrong}
    return out


# --- real songs with form labels ------------------------------------------------------------------------------
def _structure_songs(limit: int) -> list[tuple[list[tuple[str, int]], list[set]]]:
    """(phrases [(label, bars)], melody bars as sets of (sixteenth, pitch)) of pop909-structure songs in 4/4."""
    songs = []
    for folder in sorted(p for p in STRUCTURE.iterdir() if p.is_dir())[:limit]:
        label = (folder / "human_label1.txt").read_text().strip()
        phrases = [(m[0], int(m[1:])) for m in re.findall(r"[A-Za-z]\d+", label)]
        bars: list[set] = [set() for _ in range(sum(n for _, n in phrases))]
        time = 0
        for line in (folder / "melody.txt").read_text().split("\n"):
            if not line.strip():
                continue
            pitch, duration = (int(x) for x in line.split())
            if pitch and time // 16 < len(bars):
                bars[time // 16].add((time % 16, pitch))
            time += duration
        songs.append((phrases, bars))
    return songs


def _pairs(phrases: list[tuple[str, int]], bars: list[set]) -> tuple[list[float], list[float]]:
    """Bar-by-bar Jaccard of same-label instances and of different-label ones (melodic phrases only)."""
    starts, at = [], 0
    for label, length in phrases:
        starts.append((label, at, length))
        at += length
    melodic = [s for s in starts if s[0].isupper()]
    same, different = [], []
    for i, (la, sa, na) in enumerate(melodic):
        for lb, sb, nb in melodic[i + 1:]:
            for k in range(min(na, nb)):
                a, b = bars[sa + k] if sa + k < len(bars) else set(), bars[sb + k] if sb + k < len(bars) else set()
                if a or b:
                    (same if la == lb else different).append(len(a & b) / len(a | b))
    return same, different


def _melody_bars(song) -> list[set]:
    grid = song_grid(song)
    lane = next(i for i, l in enumerate(grid.lanes) if l.role == "melody" and not l.drums)
    sixteenth = STEPS_PER_QUARTER // 4
    return [{(e.pos // sixteenth, e.pitch) for e in grid.cells[b][lane]} for b in range(len(grid.cells))]


def _notes_per_bar(song, bars: int, melody_only: bool = False) -> list[int]:
    counts = [0] * bars
    for track in song.tracks:
        if melody_only and track.role.value != "melody":
            continue
        for note in track.notes:
            counts[min(bars - 1, song.meter_map.position(note.start).bar)] += 1
    return counts


def energy(model, seeds: int) -> dict:
    rows = {}
    for text in ENERGY_BRIEFS:
        settings = settings_from_brief(read_brief(text))
        shaped, flat, melody = [], [], []
        for seed in range(seeds):
            song = compose_sketch(settings, seed, model)
            shaped.append(spearman(settings.energy, _notes_per_bar(song, settings.bars)))
            melody.append(spearman(settings.energy, _notes_per_bar(song, settings.bars, melody_only=True)))
            plain = compose_sketch(replace(settings, energy=()), seed, model)
            flat.append(spearman(settings.energy, _notes_per_bar(plain, settings.bars)))
        rows[text] = {"sketch": round(statistics.mean(shaped), 3), "sketch_melody": round(statistics.mean(melody), 3),
                      "no_energy_baseline": round(statistics.mean(flat), 3)}
    truth = []
    for phrases, bars in _structure_songs(200):
        curve = [LABEL_ENERGY.get(label, 0.6) for label, length in phrases for _ in range(length)][:len(bars)]
        truth.append(spearman(curve, [len(b) for b in bars[:len(curve)]]))
    return {"per_brief": rows, "mean_sketch": round(statistics.mean(r["sketch"] for r in rows.values()), 3),
            "mean_no_energy_baseline": round(statistics.mean(r["no_energy_baseline"] for r in rows.values()), 3),
            "truth_pop909_melody": round(statistics.mean(truth), 3), "target": 0.7}


def form(model, seeds: int) -> dict:
    real_same, real_diff = [], []
    for phrases, bars in _structure_songs(909):
        same, different = _pairs(phrases, bars)
        real_same += same
        real_diff += different
    settings = settings_from_brief(read_brief(FORM_BRIEF))
    phrases = [(s.name, s.bars) for s in settings.sections]
    out = {"truth_pop909": {"same": round(statistics.mean(real_same), 3), "different": round(statistics.mean(real_diff), 3),
                            "margin": round(statistics.mean(real_same) - statistics.mean(real_diff), 3)}}
    for name, chosen in (("exact", settings), ("varied", replace(settings, variation="varied")),
                         ("no_sections_baseline", replace(settings, sections=()))):
        same, different = [], []
        for seed in range(seeds):
            s, d = _pairs([(n.upper(), b) for n, b in phrases], _melody_bars(compose_sketch(chosen, seed, model)))
            same += s
            different += d
        out[name] = {"same": round(statistics.mean(same), 3), "different": round(statistics.mean(different), 3),
                     "margin": round(statistics.mean(same) - statistics.mean(different), 3)}
    return out


# --- styles ---------------------------------------------------------------------------------------------------
PROGRAM_FEATURES = 32   # the last columns: GM program families of the melody and the accompaniment


def excerpt_features(song, first_bar: int = 0, bars: int = 16, grid=None) -> np.ndarray:
    """What tells styles apart in 16 bars, as plain numbers (see the module docstring); the program
    families last (PROGRAM_FEATURES columns), so they can be left out. Counts are per track of a role
    (a symphony's twenty accompanying parts are not twenty times busier than a quartet's viola), and the
    harmony is read from the notes, not from a chord lane, which only some sources annotate."""
    grid = grid or song_grid(song)
    chosen = range(first_bar, min(first_bar + bars, len(grid.cells)))
    n = max(1, len(chosen))
    features: list[float] = []
    by_role: dict[str, list[NoteEvent]] = {r: [] for r in ("melody", "bass", "accompaniment", "drums")}
    tracks: Counter = Counter()
    families = {r: np.zeros(16) for r in ("melody", "accompaniment")}
    harmonies: list[set] = [set() for _ in chosen]
    for lane_i, lane in enumerate(grid.lanes):
        role = "drums" if lane.drums else lane.role
        if lane.is_chords or role not in by_role:
            continue
        tracks[role] += 1
        for i, b in enumerate(chosen):
            for event in grid.cells[b][lane_i]:
                by_role[role].append(event)
                if not lane.drums:
                    harmonies[i].add(event.pitch % 12)
        if role in families:
            families[role][song.track(lane.track_id).program // 8] = 1.0
    for role, events in by_role.items():
        features.append(len(events) / n / max(1, tracks[role]))
    melody = [e.pitch for e in by_role["melody"]] or [0]
    features += [max(melody) - min(melody), float(np.mean(melody)) / 12]
    pitched = by_role["melody"] + by_role["accompaniment"]
    features.append(float(np.mean([e.duration for e in pitched])) / STEPS_PER_QUARTER if pitched else 0.0)
    features.append(len({frozenset(h) for h in harmonies if h}) / n)   # harmonic vocabulary
    features.append(float(np.mean([len(h) for h in harmonies])))        # pitch classes sounding per bar
    onsets = [e.pos for events in by_role.values() for e in events]
    features.append(sum(1 for p in onsets if p % STEPS_PER_QUARTER) / len(onsets) if onsets else 0.0)
    features += list(families["melody"]) + list(families["accompaniment"])
    return np.array(features, dtype=float)


def _real_excerpts(per_style: dict[str, int]) -> dict[str, tuple[np.ndarray, list[str]]]:
    """Feature rows and styles of 16-bar excerpts (up to 3 a song) per split, at most `per_style[split]` a style."""
    from composer.data.cache import load_source
    from composer.data.sources import SOURCES

    rows: dict[str, list] = {split: [] for split in per_style}
    labels: dict[str, list[str]] = {split: [] for split in per_style}
    counts = {split: Counter() for split in per_style}
    for source in SOURCES:
        for item in load_source(source, DATASETS).songs:
            split = item.split
            if split not in per_style or counts[split][item.style] >= per_style[split] or item.song.bar_count() < 8:
                continue
            grid = song_grid(item.song)
            for first in range(0, min(item.song.bar_count() - 7, 33), 16):
                rows[split].append(excerpt_features(item.song, first, grid=grid))
                labels[split].append(item.style)
                counts[split][item.style] += 1
    return {split: (np.array(rows[split]), labels[split]) for split in per_style}


class NearestCentroid:
    """Standardized features, one centroid per style: simple enough that what it finds is in the features."""

    def fit(self, x: np.ndarray, labels: list[str]) -> "NearestCentroid":
        self.mean, self.scale = x.mean(0), x.std(0) + 1e-6
        z = (x - self.mean) / self.scale
        self.styles = sorted(set(labels))
        self.centroids = np.array([z[[l == s for l in labels]].mean(0) for s in self.styles])
        return self

    def predict(self, x: np.ndarray) -> list[str]:
        z = (np.atleast_2d(x) - self.mean) / self.scale
        return [self.styles[i] for i in ((z[:, None, :] - self.centroids[None]) ** 2).sum(-1).argmin(1)]


def _confusion(truth: list[str], predicted: list[str]) -> dict:
    return {s: dict(Counter(p for t, p in zip(truth, predicted) if t == s)) for s in STYLES if s in truth}


def styles(model, sketches_per_style: int, sketch_cache: Path | None = None) -> dict:
    out = {}
    if sketch_cache is not None and sketch_cache.exists():   # re-score the same sketches without recomposing
        sketches = pickle.loads(sketch_cache.read_bytes())
        sketch_cache = None
    else:
        sketches = {}
    for style in (s for s in STYLES if s not in sketches):
        defaults = STYLE_DEFAULTS[style]
        settings = SketchSettings(bars=16, key=Key(0 if style != "orchestral" else 2, "major"),
                                  tempo=float(defaults.typical_tempo), meter=defaults.meter, parts=defaults.parts,
                                  style=style, programs=defaults.programs)
        sketches[style] = [compose_sketch(settings, seed, model) for seed in range(sketches_per_style)]
    if sketch_cache is not None:
        sketch_cache.write_bytes(pickle.dumps(sketches))
    real_excerpts = _real_excerpts({"train": 120, "validation": 40})
    sketch_rows = [(style, excerpt_features(song)) for style, songs in sketches.items() for song in songs]
    for programs in (True, False):
        columns = slice(None) if programs else slice(0, -PROGRAM_FEATURES)
        x_train, y_train = real_excerpts["train"]
        x_val, y_val = real_excerpts["validation"]
        classifier = NearestCentroid().fit(x_train[:, columns], y_train)
        real = classifier.predict(x_val[:, columns])
        truth = [style for style, _ in sketch_rows]
        predicted = classifier.predict(np.array([row for _, row in sketch_rows])[:, columns])
        out["with_programs" if programs else "without_programs"] = {
            "truth_heldout_accuracy": round(float(np.mean([a == b for a, b in zip(real, y_val)])), 3),
            "truth_heldout_excerpts": len(y_val),
            "sketch_accuracy": round(float(np.mean([a == b for a, b in zip(truth, predicted)])), 3),
            "chance": round(1 / len(STYLES), 3), "target": 0.6,
            "sketch_confusion": _confusion(truth, predicted), "truth_confusion": _confusion(y_val, real)}
    return out


def tempos() -> dict:
    """Each style's default tempo range beside the middle half of its training songs' opening tempos."""
    from composer.data.cache import load_source
    from composer.data.sources import SOURCES

    found: dict[str, list[float]] = {s: [] for s in STYLES}
    for source in SOURCES:
        for item in load_source(source, DATASETS).songs:
            if item.split == "train":
                found[item.style].append(item.song.tempo_map.bpm_at(0))
    return {style: {"default": list(STYLE_DEFAULTS[style].tempo), "songs": len(values),
                    "training_middle_half": [round(float(np.percentile(values, q))) for q in (25, 75)] if values else None}
            for style, values in found.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", default="briefs,energy,form,styles", help="any of briefs,energy,form,styles,tempos")
    parser.add_argument("--seeds", type=int, default=2, help="sketches per brief (energy, form)")
    parser.add_argument("--sketches", type=int, default=5, help="sketches per style")
    parser.add_argument("--model", help="a checkpoint (default: the shipped model)")
    parser.add_argument("--sketch-cache", type=Path, help="keep the style sketches here (a pickle) and re-score "
                        "them on the next run instead of composing them again")
    args = parser.parse_args(argv)
    import torch

    torch.manual_seed(0)
    model = load_model(args.model)
    report = {"model": str(model.path.name)}
    chosen = args.parts.split(",")
    if "briefs" in chosen:
        report["briefs"] = brief_accuracy()
    if "energy" in chosen:
        report["energy"] = energy(model, args.seeds)
    if "form" in chosen:
        report["form"] = form(model, args.seeds)
    if "styles" in chosen:
        report["styles"] = styles(model, args.sketches, args.sketch_cache)
    if "tempos" in chosen:
        report["tempos"] = tempos()
    print(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
