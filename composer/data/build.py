"""`python -m composer.data.build`: convert (or load cached) sources and print counts as JSON.

Per source: songs in train/validation, failures (with the first few reasons),
bars, notes, and tokens (every song encoded whole, no mask, in windows of
MAX_BARS bars), so the cost of a change to the vocabulary shows in one run. Songs of more than
MAX_TRACKS tracks count each group of MAX_TRACKS tracks (each with the chord lane).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer.data.cache import DEFAULT_CACHE_DIR, load_source
from composer.data.sources import SOURCES
from composer.tokens import encode, song_grid
from composer.tokens.vocab import MAX_BARS, MAX_TRACKS


def song_tokens(song) -> tuple[int, int]:
    """(bars, tokens) of a whole song, encoded window by window; a song of more than
    MAX_TRACKS tracks (an orchestral score) in groups of MAX_TRACKS tracks, as a window holds."""
    ids = [t.id for t in song.tracks]
    groups = [ids[i:i + MAX_TRACKS] for i in range(0, len(ids), MAX_TRACKS)] or [[]]
    tokens = 0
    for group in groups:
        grid = song_grid(song, group)
        tokens += sum(len(encode(grid, bars=range(start, min(start + MAX_BARS, grid.bar_count))))
                      for start in range(0, grid.bar_count, MAX_BARS))
    return grid.bar_count, tokens


def summarize(corpus) -> dict:
    bars = tokens = notes = 0
    split = {"train": 0, "validation": 0}
    unencodable = []
    for item in corpus.songs:
        split[item.split] += 1
        notes += item.song.note_count
        try:
            song_bars, song_tokens_ = song_tokens(item.song)
        except ValueError as error:
            unencodable.append(f"{item.song_id}: {error}")
            continue
        bars += song_bars
        tokens += song_tokens_
    return {"songs": len(corpus.songs), **split, "failed": len(corpus.failures),
            "failures": [f"{name}: {why}" for name, why in corpus.failures[:3]],
            "unencodable": len(unencodable), "unencodable_examples": unencodable[:3],
            "bars": bars, "notes": notes, "tokens": tokens,
            "tokens_per_bar": round(tokens / bars, 1) if bars else 0, "from_cache": corpus.cached}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--limit", type=int, default=None, help="convert only the first N songs of each source")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR)
    parser.add_argument("--sources", nargs="*", default=list(SOURCES), choices=list(SOURCES))
    args = parser.parse_args(argv)
    if not args.datasets.is_dir():
        print(f"no datasets folder at {args.datasets}", file=sys.stderr)
        return 2
    report = {name: summarize(load_source(name, args.datasets, args.limit, args.cache_dir)) for name in args.sources}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
