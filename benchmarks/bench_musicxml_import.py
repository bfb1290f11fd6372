"""Benchmark: opening big orchestral scores, our MusicXML reader beside music21 and the MIDI import of the same piece.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_musicxml_import.py [--runs N] [--no-music21]
        [--no-ui] [--datasets DIR] [FILE.mxl ...]

By default: the three biggest OpenScore orchestral movements of 24-25 parts
(Bruckner 5/IV, Brahms 1/IV, Beethoven 9/I), each with the MuseScore MIDI
export of the same movement from the dataset. For each file, median seconds of
N runs (alternating, so machine noise hits all alike):
  ours        engine.musicxml_import.import_musicxml (unzip, parse, build the Song)
  ours_parse  the XML tree alone (unzip + ElementTree), the part we do not write in Python
  midi        engine.midi.import_midi of the same movement's MIDI file
  music21     music21.converter.parse(forceSource=True), one run (it is slow): the alternative reader
and the ratio music21 / ours. With the UI part (default), the movement is also
opened the way File > Open does (app.score_open.ScoreOpen in a window,
offscreen): seconds until the song is there, and the longest the UI thread
went without running a 10 ms timer (the window's responsiveness while reading).
Prints one JSON object per file.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from engine.midi import import_midi  # noqa: E402
from engine.musicxml_import import import_musicxml  # noqa: E402
from engine.musicxml_import.container import score_bytes  # noqa: E402
from engine.musicxml_import.tree import parse_score  # noqa: E402

DEFAULT_DATASETS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets").resolve()
MOVEMENTS = ("Bruckner,_Anton/Symphony_No.5,_WAB.105/4/Bruckner_WAB.105_4",
             "Brahms,_Johannes/Symphony_No.1,_Op.68/4/Brahms_Op.68_4",
             "Beethoven,_Ludwig_van/Symphony_No.9,_Op.125/1/Beethoven_Op.125_1")


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def ui_open(path: Path) -> dict:
    """Open `path` as File > Open does and watch the UI thread's timer while it reads."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from app.score_open import ScoreOpen

    app = QApplication.instance() or QApplication([])
    window = QWidget()
    window.show()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    done: list[float] = []
    job = ScoreOpen(str(path), window)
    job.finished_with.connect(lambda project, notes, error: done.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    job.start()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    stamps = [start] + [t for t in ticks if t <= done[0]] + [done[0]]
    window.close()
    return {"ui_open_seconds": round(done[0] - start, 3),
            "ui_longest_stall_ms": round(1000 * max(b - a for a, b in zip(stamps, stamps[1:])), 1),
            "ui_timer_ticks": len(stamps) - 2}


def measure(score: Path, midi: Path | None, runs: int, with_music21: bool, with_ui: bool) -> dict:
    song = import_musicxml(score).song
    result = {"file": score.name, "parts": len(song.tracks), "notes": song.note_count,
              "xml_mb": round(len(score_bytes(score)) / 1e6, 1)}
    times: dict[str, list[float]] = {"ours": [], "ours_parse": [], "midi": []}
    for _ in range(runs):
        times["ours"].append(timed(lambda: import_musicxml(score)))
        times["ours_parse"].append(timed(lambda: parse_score(str(score), score_bytes(score))))
        if midi is not None:
            times["midi"].append(timed(lambda: import_midi(midi)))
    for name, values in times.items():
        if values:
            result[f"{name}_seconds"] = round(statistics.median(values), 3)
    if midi is not None:
        result["midi_notes"] = import_midi(midi).song.note_count
    if with_music21:
        from music21 import converter

        warnings.simplefilter("ignore")
        import music21  # noqa: F401  (imported before timing: the app imports it lazily, once)
        result["music21_seconds"] = round(timed(lambda: converter.parse(str(score), forceSource=True)), 3)
        result["music21_over_ours"] = round(result["music21_seconds"] / result["ours_seconds"], 1)
    if with_ui:
        result.update(ui_open(score))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--no-music21", action="store_true")
    parser.add_argument("--no-ui", action="store_true")
    args = parser.parse_args()
    orchestra = args.datasets / "openscore-orchestra"
    pairs = [(f, None) for f in args.files] or [
        (orchestra / "musicxml" / f"{m}.mxl", orchestra / "midi" / f"{m}.mid") for m in MOVEMENTS]
    for score, midi in pairs:
        if not score.is_file():
            sys.exit(f"bench_musicxml_import: no score at {score} (use --datasets or name files)")
        print(json.dumps(measure(score, midi if midi and midi.is_file() else None, args.runs,
                                 not args.no_music21, not args.no_ui)), flush=True)


if __name__ == "__main__":
    main()
