"""The largest songs in the shared corpus: bars, tracks, notes, seconds. What engine/limits.py's limits are set from.

    .venv/bin/python benchmarks/corpus_extremes.py [--scores]    # --scores: also the OpenScore orchestra and quartets

Prints one JSON line per kind with the maximum and the file that holds it, then
the limits beside them (docs/LIMITS.md quotes the output).
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from engine.errors import CadenzaError
from engine.files import open_song_file
from engine.limits import LIMITS

DATASETS = Path(os.environ.get("CADENZA_DATASETS", Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets"))


def files(scores: bool) -> list[Path]:
    found = sorted(p for p in DATASETS.rglob("*") if p.suffix.lower() in (".mid", ".midi"))
    if scores:
        for folder in ("openscore-orchestra", "openscore-stringquartets"):
            found += sorted(p for p in (DATASETS / folder).rglob("*") if p.suffix.lower() in (".mxl", ".musicxml"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scores", action="store_true")
    args = parser.parse_args()
    best: dict[str, tuple[float, str]] = {}
    read = refused = 0
    for path in files(args.scores):
        try:
            song = open_song_file(path)[0].song
        except CadenzaError:
            refused += 1
            continue
        read += 1
        facts = {"bars": song.bar_count(), "tracks": len(song.tracks), "notes": song.note_count,
                 "seconds": song.duration_seconds, "ticks": song.length_ticks,
                 "ticks_per_quarter": song.ticks_per_quarter}
        for kind, value in facts.items():
            if value > best.get(kind, (-1, ""))[0]:
                best[kind] = (value, str(path.relative_to(DATASETS)))
    print(json.dumps({"files_read": read, "refused": refused}))
    for kind, (value, where) in best.items():
        print(json.dumps({"largest": kind, "value": round(value, 1), "file": where}))
    print(json.dumps({"limits": LIMITS.as_dict()}))


if __name__ == "__main__":
    main()
