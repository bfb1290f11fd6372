"""Piano-roll paint benchmark: a dense song fully zoomed out, today's painter beside an earlier one.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_roll_paint.py [--notes 20000] [--frames 40]
        [--baseline-commit 7fecfc4]

The song is benchmarks/bench_paint.py's (four dense tracks; 20,000 notes).
The window asks for 1600 x 1000 offscreen (the offscreen screen gives the roll
about 890 x 625). The roll is repainted `frames` times with each painter,
alternating (so machine noise hits both alike): at the default zoom (a few
hundred notes, where nothing is aggregated); fully zoomed out (the view's
minimum pixels per tick: the most notes on screen, most of them narrower than
a pixel) with the view unchanged, as while only the playhead moves, which the
painter may draw from the frame it kept; and fully zoomed out while scrolling
a row up or down every frame (each frame drawn afresh). The baseline painter
is app/roll/roll_painter.py as it was at `--baseline-commit` (read with
`git show`), drawing every note as its own rectangle. The painters take turns in blocks of 5 frames (the
first frame after each switch not counted). Prints one JSON object: visible
notes; for each painter the median and worst wall-clock milliseconds per
repaint and the median CPU milliseconds of this process per repaint (which a
busy machine's other work inflates far less than wall time); and the ratio
of the medians. The machine may be shared: compare the ratios and the CPU
times, not the wall times, between runs.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_paint import build_song, shown_window  # noqa: E402

BLOCK = 5  # frames in a row with one painter, the painters alternating block by block


def baseline_painter_class(commit: str):
    """RollPainter as it was at `commit`, loaded as its own module."""
    source = subprocess.run(["git", "show", f"{commit}:app/roll/roll_painter.py"], cwd=REPO, check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "baseline_roll_painter.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("baseline_roll_painter", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.RollPainter


def _ms(samples: list[float]) -> dict:
    return {"median_ms": round(statistics.median(samples), 2), "worst_ms": round(max(samples), 2)}


def measure(song, frames: int, commit: str) -> dict:
    app, window = shown_window(song)
    roll, view = window.editor.roll, window.editor.view
    ours = roll.painter
    baseline = baseline_painter_class(commit)(view, window.options)
    view.center_on_pitch(66, roll.height())
    result = {"viewport_px": [roll.width(), roll.height()]}
    for label, zoom_out, scrolling in (("default_zoom", False, False), ("zoomed_out_fully", True, False),
                                       ("zoomed_out_scrolling", True, True)):
        if zoom_out:
            view.zoom_time(1e-9, 0)
        view.scroll_to(x=0)
        app.processEvents()
        visible = sum(1 for track in song.tracks for _ in ours.index.sounding(
            track, view.tick_at(0), view.tick_at(roll.width())))
        times: dict[str, list[float]] = {"ours": [], "baseline": []}
        cpu: dict[str, list[float]] = {"ours": [], "baseline": []}
        for _ in range(max(1, frames // BLOCK)):
            for name, painter in (("ours", ours), ("baseline", baseline)):
                roll.painter = painter
                roll.repaint()  # the first frame after a switch pays for the switch: not counted
                for frame in range(BLOCK):
                    if scrolling:  # a row up or down each frame: nothing of the last frame can be reused
                        view.blockSignals(True)  # only the roll repaints (the lanes would follow the view)
                        view.scroll_to(y=view.scroll_y + (1 if frame % 2 else -1) * view.key_height)
                        view.blockSignals(False)
                    began, began_cpu = time.perf_counter(), time.process_time()
                    roll.repaint()
                    times[name].append((time.perf_counter() - began) * 1000)
                    cpu[name].append((time.process_time() - began_cpu) * 1000)
        roll.painter = ours
        row = {"visible_notes": visible, **{name: {**_ms(times[name]), "cpu_median_ms": round(
            statistics.median(cpu[name]), 2)} for name in ("ours", "baseline")}}
        row["baseline_over_ours"] = round(row["baseline"]["median_ms"] / max(row["ours"]["median_ms"], 1e-6), 1)
        result[label] = row
    window.session.undo_stack.setClean()
    window.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--frames", type=int, default=40)
    parser.add_argument("--baseline-commit", default="7fecfc4")
    args = parser.parse_args()
    song = build_song(args.notes)
    print(json.dumps({"notes": song.note_count, **measure(song, args.frames, args.baseline_commit)}, indent=2))


if __name__ == "__main__":
    main()
