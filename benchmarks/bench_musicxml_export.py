"""Benchmark: MusicXML export of a big orchestral movement, seconds and peak memory, beside a baseline exporter.

    .venv/bin/python benchmarks/bench_musicxml_export.py [--song FILE] [--played] [--baseline OLD.py]
        [--runs N] [--datasets DIR]

The song (default: Beethoven 9/IV from the OpenScore orchestral MIDI files,
49,558 notes in 36 tracks, 33 of them pitched) is read by our importer, then
written to a temporary .musicxml by engine.musicxml.export_musicxml, each run
in a fresh child process so its peak RSS (ru_maxrss) is its own. `--played`
moves every note by a seeded 1-7 ticks first, as a performance played in is,
so the export takes the snapping path instead of writing the score's times
exactly (engine/notation_grid.py says which is which).

`--baseline OLD.py` times another version of engine/musicxml.py beside ours in
the same run (alternating, so machine noise hits both alike), e.g. the music21
exporter this package replaced:

    git show 7fecfc4:engine/musicxml.py > /tmp/musicxml_music21.py
    .venv/bin/python benchmarks/bench_musicxml_export.py --baseline /tmp/musicxml_music21.py --runs 1

Prints one JSON object per exporter: notes, seconds to export (median of the
runs; wall clock, and the CPU seconds of the exporting process, which a busy
machine inflates less), peak RSS in MB of the process (reading the song included) and before
the export began, and the output's size. `--check` instead exports once with
ours and reads the file back with music21, counting the parts whose notes
(onsets and pitches) are the song's as the exporter places them. The machine may be shared: compare
the ratio, not the absolute numbers, between runs.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_DATASETS = (REPO / ".." / "shared" / "datasets").resolve()
MOVEMENT = "openscore-orchestra/midi/Beethoven,_Ludwig_van/Symphony_No.9,_Op.125/4/Beethoven_Op.125_4.mid"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def played(song):
    """Every note moved by 1-7 ticks (seeded): a performance, which the exporter snaps to its grid."""
    rng = random.Random(7)
    tracks = tuple(replace(track, notes=tuple(sorted(
        replace(note, start=note.start + rng.randint(1, 7)) for note in track.notes))) for track in song.tracks)
    return replace(song, tracks=tracks)


def music21_check(song, path: Path) -> dict:
    """Read the file back with music21 (the independent reader) and compare every part's notes: the
    (onset in quarters, pitch) of each sounding note (a tie's continuation is the same note) against the
    song's notes placed as the exporter places them (snapped or exact, engine/musicxml_export/units.py)."""
    from collections import Counter
    from fractions import Fraction

    from music21 import converter, harmony

    from engine.musicxml_export.units import units_for

    pitched = [track for track in song.tracks if not track.is_drums]
    units = units_for(song, pitched)
    score = converter.parse(str(path)).toSoundingPitch()  # transposing parts are written at written pitch
    parts_equal = 0
    for track, part in zip(pitched, score.parts):
        expected = Counter({(Fraction(units.span(n.start, n.end)[0], units.divisions), n.pitch): 1
                            for n in track.notes})  # one head per onset and pitch, as a chord writes it
        heard = Counter()
        for element in part.recurse().notes:
            if isinstance(element, harmony.Harmony):
                continue
            for head in (element.notes if element.isChord else [element]):
                tie = head.tie or element.tie
                if tie is None or tie.type == "start":
                    heard[(Fraction(element.getOffsetInHierarchy(part)).limit_denominator(10080), head.pitch.midi)] = 1
        parts_equal += heard == expected
    return {"music21_parts": len(score.parts), "pitched_tracks": len(pitched), "parts_with_the_same_notes": parts_equal}


def child(song_path: str, exporter: str, is_played: bool, check: bool = False) -> None:
    """One export in this process; prints the JSON result line."""
    from engine.files import load_song_file

    song = load_song_file(song_path).song
    if is_played:
        song = played(song)
    if exporter == "ours":
        from engine.musicxml import export_musicxml
    else:
        spec = importlib.util.spec_from_file_location("baseline_musicxml", exporter)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        export_musicxml = module.export_musicxml
    before = _rss_mb()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.musicxml"
        began, began_cpu = time.perf_counter(), time.process_time()
        export_musicxml(song, target)
        seconds, cpu_seconds = time.perf_counter() - began, time.process_time() - began_cpu
        peak = _rss_mb()
        size = target.stat().st_size
        checked = music21_check(song, target) if check else {}
    print(json.dumps({"seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds, 2), "peak_rss_mb": round(peak, 1),
                      "rss_before_export_mb": round(before, 1), "notes": song.note_count,
                      "tracks": len(song.tracks), "output_mb": round(size / 1e6, 1), **checked}))


def run_child(song_path: str, exporter: str, is_played: bool) -> dict:
    command = [sys.executable, __file__, "--child", exporter, "--song", song_path] + (["--played"] if is_played else [])
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=os.environ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--song", help="a MIDI file, MusicXML score or project (default: Beethoven 9/IV)")
    parser.add_argument("--datasets", default=str(DEFAULT_DATASETS))
    parser.add_argument("--played", action="store_true", help="jitter every note so the export snaps times")
    parser.add_argument("--baseline", help="another engine/musicxml.py to time beside ours")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--check", action="store_true",
                        help="read our output back with music21 and compare every part's notes (minutes)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    song_path = args.song or str(Path(args.datasets) / MOVEMENT)
    if args.child:
        child(song_path, args.child, args.played, args.check)
        return
    if args.check:
        child(song_path, "ours", args.played, check=True)
        return
    exporters = ["ours"] + ([str(Path(args.baseline).resolve())] if args.baseline else [])
    results: dict[str, list[dict]] = {name: [] for name in exporters}
    for _ in range(args.runs):
        for name in exporters:
            results[name].append(run_child(song_path, name, args.played))
    summary = {}
    for name, runs in results.items():
        summary[name] = {**runs[0], "seconds": statistics.median(r["seconds"] for r in runs),
                         "cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
                         "peak_rss_mb": max(r["peak_rss_mb"] for r in runs), "runs": len(runs)}
        print(json.dumps({"exporter": name if name == "ours" else "baseline", "file": Path(song_path).name,
                          "played": args.played, **summary[name]}))
    if args.baseline:
        ours, base = summary["ours"], summary[exporters[1]]
        print(json.dumps({"baseline_over_ours_seconds": round(base["seconds"] / max(ours["seconds"], 1e-9), 1),
                          "baseline_over_ours_peak_rss": round(base["peak_rss_mb"] / ours["peak_rss_mb"], 2)}))


if __name__ == "__main__":
    main()
