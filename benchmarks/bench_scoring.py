"""Scoring-to-picture benchmark: fitting the tempo to hits, and painting the ruler and tempo lane on a tempo-heavy file.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_scoring.py [--repeats 20]

Prints one JSON object:
- `fit_ms`: median milliseconds of engine.fit_tempo.fit_tempo for 3, 20 and 100
  hit points spread over a 5-minute cue at 24 fps, each hit to its nearest
  downbeat (the hit-finder search) and to explicit bars, constant and ramp;
- `paint_ms`: median milliseconds to repaint the ruler and the tempo lane at
  the window's width, zoomed out to the whole song, for a song with one tempo
  and for the same song with 3,043 tempo changes (the issue-14 file's count),
  side by side. Timings compare runs on one machine; they are never pass/fail.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from engine.fit_tempo import BarBeat, fit_tempo  # noqa: E402
from engine.song import Marker, Song  # noqa: E402
from engine.timecode import song_timecode  # noqa: E402
from engine.timing import TempoChange  # noqa: E402


def median_ms(run, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 3)


def cue(hit_count: int) -> Song:
    rng = random.Random(hit_count)
    seconds = sorted(rng.uniform(2, 300) for _ in range(hit_count))
    return Song(markers=tuple(Marker(0, f"hit {i}", s) for i, s in enumerate(seconds)),
                timecode=song_timecode("24", "01:00:00:00"))


def fit_times(repeats: int) -> dict[str, float]:
    results = {}
    for count in (3, 20, 100):
        song = cue(count)
        hits = [m for m in song.markers if m.is_hit]
        nearest = {h: None for h in hits}
        bars = {h: BarBeat(1 + round(h.seconds / 2)) for h in hits}   # a bar every 2 s: 120 BPM in 4/4
        for name, targets, ramp in (("nearest", nearest, False), ("bars", bars, False), ("bars_ramp", bars, True)):
            results[f"{count}_hits_{name}"] = median_ms(lambda: fit_tempo(song, targets, ramp=ramp), repeats)
    return results


def paint_times(repeats: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from app.main_window import MainWindow
    from engine.notes import Note
    from engine.track import Track

    app = QApplication.instance() or QApplication([])
    notes = tuple(Note(start=i * 240, pitch=60 + i % 12, duration=240) for i in range(3043))
    plain = Song(tracks=(Track(id=1, name="Piano", notes=notes),))
    busy = plain.with_(tempos=tuple(TempoChange.from_bpm(i * 240, 90 + (i * 7) % 60) for i in range(3043)))
    results = {}
    for name, song in (("one_tempo", plain), ("3043_tempos", busy)):
        window = MainWindow(song, interactive=False, player_factory=None)
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        editor = window.editor
        editor.view.zoom_time(editor.roll.width() / (song.length_ticks * editor.view.px_per_tick))
        app.processEvents()
        for lane_name, lane in (("ruler", editor.ruler), ("tempo_lane", editor.tempo_lane),
                                ("marker_lane", editor.marker_lane)):
            results[f"{lane_name}_{name}"] = median_ms(lambda: lane.repaint(), repeats)
        window.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps({"fit_ms": fit_times(args.repeats), "paint_ms": paint_times(args.repeats)}, indent=1))


if __name__ == "__main__":
    main()
