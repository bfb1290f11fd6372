"""Benchmark: what the originality check costs, and how close the shipped model's takes come to its training data.

    nice -n 10 .venv/bin/python benchmarks/bench_originality.py [--rounds 5] [--songs 20] [--candidates 2] \
        [--planted 100] [--no-proposals] [--sources pop909,nottingham] [--tasks melody,chords]

Prints one JSON object:
- `load_s`: reading the shipped index (resources/originality-index.npz) from disk, median of `--rounds`.
- `proposal`: real proposals of the shipped model on POP909 song 001 (tests/data/midi): an 8-bar melody and an
  8-bar 4-track fill, 4 candidates each. Side by side, the median seconds of the whole proposal (`propose_s`,
  the check included) and the milliseconds the originality check takes for all its candidates
  (`originality_ms`, re-measured on the same candidates, index loaded) and per candidate.
- `planted` (unless `--planted 0`): training melodies of POP909 and Nottingham (`--planted` songs each) planted
  into new lines, 12, 19, 24 and 32 notes long, transposed, between notes of their own: how often the match
  reaches the tune threshold and names the right piece, and the median run reported.
- `held_out` (unless `--songs 0`): per source of `--sources`, the first N held-out songs (the validation split,
  from the corpus cache) of 16 bars or more that have the part; in each, bars 9-16 of the melody (and of the
  chord lane, `--tasks`) are proposed again (`--candidates` takes, seeds 1..) and both the takes and the song's
  own part in those bars are matched against the index. Percentiles of the longest
  run (notes) for both, the share at or over the tune threshold, and the base rate of 8-bar windows of every
  held-out song's tunes from the index's own meta, so the model's takes read against real, independent music.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from composer.originality.baseline import percentiles
from composer.originality.index import OriginalityIndex
from composer.originality.match import track_closeness
from composer.originality.proposal import OriginalityCheck
from composer.originality.reference import SHIPPED_INDEX
from composer.proposals import Controls, Region, Task
from composer.proposals.generate import propose
from composer.proposals.loader import load_model
from engine.files import load_song_file
from engine.track import TrackRole

SONG = Path(__file__).resolve().parents[1] / "tests" / "data" / "midi" / "pop909_001.mid"
DATASETS = Path(os.environ.get("CADENZA_DATASETS", Path(__file__).resolve().parents[2] / "shared" / "datasets"))


def timed(work, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def proposal_costs(model, index: OriginalityIndex, rounds: int) -> dict:
    song = load_song_file(SONG).song
    melody = next(t.id for t in song.tracks if t.role is TrackRole.MELODY)
    everything = tuple(t.id for t in song.tracks)[:4]
    check = OriginalityCheck([index])
    out = {}
    for name, region, task in (("melody_8_bars", Region(8, 15, (melody,)), Task.MELODY),
                               ("fill_8_bars_all_tracks", Region(8, 15, everything), Task.FILL)):
        controls = Controls(seed=1, candidates=4)
        propose_s, candidates = timed(lambda: propose(song, region, task, controls, model), rounds)
        check_s, _ = timed(lambda: [check.measure(song, c.notes, c.chords) for c in candidates], rounds)
        out[name] = {"propose_s": round(propose_s, 3), "candidates": len(candidates),
                     "originality_ms": round(check_s * 1000, 2),
                     "originality_ms_per_candidate": round(check_s * 1000 / len(candidates), 2),
                     "notes_per_candidate": round(statistics.mean(sum(len(n) for n in c.notes.values())
                                                                  for c in candidates), 1)}
    return out


def held_out_takes(model, index: OriginalityIndex, sources: list[str], songs: int, candidates: int,
                   tasks: list[str]) -> dict:
    """Per source and task (melody, chords): the first `songs` held-out songs of 16 bars or more that have that
    part; bars 9-16 of it proposed again (`candidates` takes, seeds 1..) and matched, beside the song's own part
    in those bars."""
    from composer.data.cache import load_source
    from composer.originality.match import chord_closeness

    def melody_of(song):
        return next((t for t in song.tracks if t.role is TrackRole.MELODY and t.notes), None)

    def own_figure(song, task, start, end):
        if task == "melody":
            melody = melody_of(song)
            own = [n for n in melody.notes if start <= n.start < end]
            return track_closeness(index, melody, song.ticks_per_quarter, notes=own).longest_match_notes
        lane = song.with_(chords=tuple(e for e in song.chords if start <= e.tick < end))
        return chord_closeness(index, lane).longest_match_notes

    out = {"thresholds": index.meta.get("thresholds")}
    for source in sources:
        corpus = load_source(source, DATASETS)
        for task in tasks:
            kind, group = ("notes", "tune") if task == "melody" else ("chords", "chords")
            threshold = index.threshold(group)
            has_part = melody_of if task == "melody" else (lambda song: any(e.chord for e in song.chords))
            held_out = [s for s in corpus.songs if s.split == "validation" and s.song.bar_count() >= 16
                        and has_part(s.song)][:songs]
            takes, real, close_takes = [], [], []
            for item in held_out:
                song = item.song
                start, end = song.meter_map.bar_start(8), song.meter_map.bar_start(16)
                real.append(own_figure(song, task, start, end))
                tracks = (melody_of(song).id,) if task == "melody" else ()
                found = propose(song, Region(8, 15, tracks), Task(task), Controls(seed=1, candidates=candidates),
                                model)
                for candidate in found:
                    closest = [c for c in candidate.stats.originality if c["kind"] == kind]
                    takes.append(closest[0]["longest_match_notes"] if closest else 0)
                    if closest and closest[0]["close"]:
                        close_takes.append(f"{item.key}: {closest[0]['source']} #{closest[0]['piece']} "
                                           f"{closest[0]['longest_match_notes']} {kind}")

            def summary(runs):
                return {"count": len(runs), **percentiles(runs),
                        "at_or_over_threshold": round(sum(r >= threshold for r in runs) / max(len(runs), 1), 4)}

            out[f"{source}/{task}"] = {"songs": len(held_out), "takes": summary(takes),
                                       "real_same_bars": summary(real), "close_takes": close_takes}
    groups = index.meta.get("base_rate", {}).get("groups", {})
    out["base_rate_held_out_windows"] = {"tune": groups.get("tune"), "chords": groups.get("chords")}
    return out


def planted_copies(index: OriginalityIndex, per_source: int, lengths=(12, 19, 24, 32)) -> dict:
    """Training melodies planted into new lines: `per_source` random training songs of POP909 and Nottingham, L
    consecutive notes of the melody from a random place, transposed by 1-6 semitones up or down, after 8 random
    notes of its own and before a changed ending (4 notes). Per L: how often the match is at or over the tune
    threshold and names the right piece, and the median length reported."""
    import random

    from composer.data.cache import load_source
    from composer.originality.lines import line_codes, track_line
    from composer.originality.match import longest_run

    rng = random.Random(17)
    threshold = index.threshold("tune")
    found = {length: [] for length in lengths}
    for source in ("pop909", "nottingham"):
        songs = [s for s in load_source(source, DATASETS).songs if s.split == "train"]
        for item in rng.sample(songs, per_source):
            melody = next((t for t in item.song.tracks if t.role is TrackRole.MELODY), None)
            line = track_line(melody, item.song.ticks_per_quarter) if melody else []
            for length in lengths:
                if len(line) < length + 1:
                    continue
                start = rng.randrange(len(line) - length)
                shift = rng.choice([-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6])
                copied = [(p + shift, s) for p, s in line[start:start + length]]
                opening = [(60 + rng.randint(-7, 7), copied[0][1] - 6 * (8 - i)) for i in range(8)]
                last_pitch, last_step = copied[-1]
                ending = [(last_pitch + rng.choice([-5, -3, 3, 5]) * (k + 1) % 13, last_step + 5 * (k + 1))
                          for k in range(4)]
                match = longest_run(index, line_codes(opening + copied + ending))
                named = match.piece is not None and index.pieces[match.piece] == item.key
                found[length].append((match.length, named and match.length >= threshold))
    return {str(length): {"copies": len(rows), "flagged_and_named": round(sum(ok for _, ok in rows)
                                                                           / max(len(rows), 1), 3),
                          "median_reported": statistics.median(n for n, _ in rows) if rows else None}
            for length, rows in found.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--songs", type=int, default=20, help="held-out songs per source")
    parser.add_argument("--sources", default="pop909,nottingham", help="held-out songs from these sources")
    parser.add_argument("--tasks", default="melody,chords", help="what the model rewrites in them")
    parser.add_argument("--candidates", type=int, default=2)
    parser.add_argument("--planted", type=int, default=100, help="training songs per source for planted copies")
    parser.add_argument("--no-proposals", action="store_true", help="only the index: load time and planted copies")
    args = parser.parse_args(argv)
    import torch
    torch.set_num_threads(1)
    load_s, index = timed(lambda: OriginalityIndex.load(SHIPPED_INDEX), args.rounds)
    report = {"index_bytes": SHIPPED_INDEX.stat().st_size, "load_s": round(load_s, 3),
              "note_rows": index.notes.rows, "pieces": len(index.pieces), "thresholds": index.meta.get("thresholds")}
    if args.planted:
        report["planted"] = planted_copies(index, args.planted)
    if not args.no_proposals:
        model = load_model()
        report["proposal"] = proposal_costs(model, index, args.rounds)
        if args.songs:
            report["held_out"] = held_out_takes(model, index, args.sources.split(","), args.songs, args.candidates,
                                                args.tasks.split(","))
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
