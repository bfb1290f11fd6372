"""The largest songs in the shared corpus: bars, tracks, notes, seconds. What engine/limits.py's limits are set from.

    .venv/bin/python benchmarks/corpus_extremes.py [--scores]    # --scores: also the OpenScore orchestra and quartets

Prints one JSON line per dataset folder (its largest song by each measure and
the file that holds it) as soon as it is read, then the maxima over all, then
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
SCORE_FOLDERS = ("openscore-orchestra", "openscore-stringquartets")


def folder_files(folder: Path, scores: bool) -> list[Path]:
    suffixes = (".mid", ".midi") + ((".mxl", ".musicxml") if scores and folder.name in SCORE_FOLDERS else ())
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in suffixes)


def largest(paths: list[Path]) -> tuple[dict[str, tuple[float, str]], int, int]:
    """({measure: (largest value, file)}, files read, files refused)."""
    best: dict[str, tuple[float, str]] = {}
    read = refused = 0
    for path in paths:
        try:
            song = open_song_file(path)[0].song
        except CadenzaError:
            refused += 1
            continue
        read += 1
        facts = {"bars": song.bar_count(), "tracks": len(song.tracks), "notes": song.note_count,
                 "minutes": song.duration_seconds / 60, "ticks": song.length_ticks}
        for kind, value in facts.items():
            if value > best.get(kind, (-1, ""))[0]:
                best[kind] = (value, str(path.relative_to(DATASETS)))
    return best, read, refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scores", action="store_true")
    args = parser.parse_args()
    overall: dict[str, tuple[float, str]] = {}
    for folder in sorted(p for p in DATASETS.iterdir() if p.is_dir()):
        paths = folder_files(folder, args.scores)
        if not paths:
            continue
        best, read, refused = largest(paths)
        print(json.dumps({"folder": folder.name, "read": read, "refused": refused,
                          **{kind: round(value, 1) for kind, (value, _) in best.items()}}), flush=True)
        for kind, (value, where) in best.items():
            if value > overall.get(kind, (-1, ""))[0]:
                overall[kind] = (value, where)
    for kind, (value, where) in overall.items():
        print(json.dumps({"largest": kind, "value": round(value, 1), "file": where}))
    print(json.dumps({"limits": LIMITS.as_dict()}))


if __name__ == "__main__":
    main()
