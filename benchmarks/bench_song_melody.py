"""Benchmark: which track does the import call the melody in songs whose tune part is known?

    .venv/bin/python benchmarks/bench_song_melody.py [--datasets DIR] [--every N]

Two collections where the tune's part is fixed by how the files are written:

- OpenScore Lieder (every Nth file, MuseScore's MIDI export): the voice is the
  first track, on its own channel; the piano's hands follow. Is the voice the
  import's melody?
- OpenScore string quartets (every four-track movement): is the first violin
  the import's melody?

Beside the import's choice, the baseline "the highest part by mean pitch".
Imported as a user would (engine.midi.read_midi: names from the instruments,
roles from what each part plays). Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from engine.ensemble import mean_pitch  # noqa: E402
from engine.midi import read_midi  # noqa: E402
from engine.track import TrackRole  # noqa: E402

DEFAULT_DATASETS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets").resolve()


def score(files: list[Path], tune_track: int, usable) -> dict:
    """Share of usable files whose import melody (and whose highest part) is track `tune_track`."""
    hits = highest = total = 0
    for path in files:
        song = read_midi(path)
        if not usable(song):
            continue
        total += 1
        melody = [i for i, t in enumerate(song.tracks) if t.role is TrackRole.MELODY]
        hits += melody == [tune_track]
        pitched = [i for i, t in enumerate(song.tracks) if t.notes and not t.is_drums]
        highest += max(pitched, key=lambda i: mean_pitch(song.tracks[i])) == tune_track
    return {"files": total, "import_melody": round(hits / total, 3) if total else None,
            "highest_part": round(highest / total, 3) if total else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--every", type=int, default=10, help="every Nth Lieder file (sorted by path)")
    args = parser.parse_args()
    lieder = sorted((args.datasets / "openscore-lieder" / "midi").rglob("*.mid"))[::args.every]
    quartets = sorted((args.datasets / "openscore-stringquartets").rglob("*.mid"))
    print(json.dumps({
        "lieder_voice": score(lieder, 0, lambda s: len(s.tracks) >= 2 and s.tracks[0].channel != s.tracks[1].channel),
        "quartet_first_violin": score(quartets, 0, lambda s: len(s.tracks) == 4),
    }, indent=1))


if __name__ == "__main__":
    main()
