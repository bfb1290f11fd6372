"""Benchmark: our MIDI import against a bare mido parse of the same file, side by side in one run.

    .venv/bin/python benchmarks/bench_import.py [--runs N] [--datasets DIR] [--file PATH ...]

Prints one JSON object. By default it measures the largest POP909 song and a
big file made by putting the track chunks of the 12 largest POP909 songs side
by side in one format-1 file (real bytes, not re-encoded). For each file:
median seconds over N runs of `engine.midi.import_midi` (read, parse, pair
notes, build the Song), of our byte parser alone, and of `mido.MidiFile(path)`
(parse only: mido then still has to pair notes), and the ratio mido / ours
(above 1: ours is faster). Runs alternate between the contenders so machine
noise hits both alike.
"""
from __future__ import annotations

import argparse
import json
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path

import mido

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from engine.midi import import_midi  # noqa: E402
from engine.midi.smf_reader import parse_smf  # noqa: E402

DEFAULT_DATASETS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets").resolve()


def largest_pop909(datasets: Path, count: int) -> list[Path]:
    songs = sorted((datasets / "pop909").glob("[0-9][0-9][0-9]/[0-9][0-9][0-9].mid"), key=lambda p: p.stat().st_size)
    if not songs:
        sys.exit(f"bench_import: no POP909 songs under {datasets / 'pop909'} (use --file or --datasets)")
    return songs[-count:]


def side_by_side(paths: list[Path], out: Path) -> Path:
    """One format-1 file holding every track chunk of `paths`, unchanged."""
    chunks = []
    for path in paths:
        data = path.read_bytes()
        pos = 8 + struct.unpack(">I", data[4:8])[0]
        while pos + 8 <= len(data):
            length = struct.unpack(">I", data[pos + 4:pos + 8])[0]
            if data[pos:pos + 4] == b"MTrk":
                chunks.append(data[pos:pos + 8 + length])
            pos += 8 + length
    division = struct.unpack(">H", paths[0].read_bytes()[12:14])[0]
    out.write_bytes(b"MThd" + struct.pack(">IHHH", 6, 1, len(chunks), division) + b"".join(chunks))
    return out


def median_seconds(runs: int, contenders: dict) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(runs):
        for name, work in contenders.items():
            start = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def measure(path: Path, runs: int) -> dict:
    result = import_midi(path)
    medians = median_seconds(runs, {
        "ours_import": lambda: import_midi(path),
        "ours_parse_only": lambda: parse_smf(path.read_bytes(), str(path)),
        "mido_parse": lambda: mido.MidiFile(path),
    })
    return {
        "file": str(path), "bytes": path.stat().st_size, "notes": result.song.note_count,
        "tracks": result.track_chunks, "runs": runs,
        **{f"{name}_median_s": round(value, 6) for name, value in medians.items()},
        "ratio_mido_over_ours_import": round(medians["mido_parse"] / medians["ours_import"], 2),
        "ratio_mido_over_ours_parse": round(medians["mido_parse"] / medians["ours_parse_only"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--file", type=Path, action="append", help="measure these files instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        files = args.file or [largest_pop909(args.datasets, 1)[0],
                              side_by_side(largest_pop909(args.datasets, 12), Path(scratch) / "pop909_x12.mid")]
        print(json.dumps({"benchmark": "midi_import", "python": sys.version.split()[0],
                          "results": [measure(path, args.runs) for path in files]}, indent=2))


if __name__ == "__main__":
    main()
