"""Piano-roll paint benchmark: repaint and scroll a 20,000-note song; time to first window.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_paint.py [--notes 20000] [--frames 60]

Prints one JSON object: median and worst milliseconds to repaint the full
roll viewport, to scroll by one screen (every time-axis lane repaints), and the
wall time of `python main.py SONG --screenshot OUT.png` (launch to a rendered
window saved as PNG, an upper bound on launch-to-shown) for an empty song and
for the 20,000-note song. Timings are for comparing runs on one machine side by
side, never for pass/fail tests.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from engine.notes import Note  # noqa: E402
from engine.song import Song  # noqa: E402
from engine.track import Track, TrackRole  # noqa: E402

ROLES = (TrackRole.MELODY, TrackRole.CHORDS, TrackRole.BASS, TrackRole.ACCOMPANIMENT)


def build_song(note_count: int, seed: int = 1) -> Song:
    """Four tracks of dense, varied notes (some long) filling as many bars as it takes."""
    rng = random.Random(seed)
    per_track = note_count // len(ROLES)
    tracks = []
    for index, role in enumerate(ROLES):
        low = (72, 60, 36, 48)[index]
        notes, tick = [], 0
        for _ in range(per_track):
            duration = rng.choice((120, 240, 240, 480, 960, 3840 if rng.random() < 0.02 else 480))
            notes.append(Note(start=tick, pitch=low + rng.randrange(24), duration=duration,
                              velocity=rng.randrange(50, 120)))
            tick += rng.choice((0, 120, 120, 240))
        tracks.append(Track(id=index + 1, name=role.value.title(), role=role, channel=index, notes=tuple(notes)))
    return Song(tracks=tuple(tracks), title="bench")


def _times(action, frames: int) -> dict:
    samples = []
    for _ in range(frames):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return {"median_ms": round(statistics.median(samples), 2), "worst_ms": round(max(samples), 2)}


def shown_window(song: Song):
    """(the QApplication, the editor window on `song`, 1600 x 1000, shown and laid out) as the paint benchmarks use."""
    from PySide6.QtWidgets import QApplication

    from app import theme
    from app.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    theme.apply_dark_palette(app)
    window = MainWindow(song, player_factory=None)
    window.resize(1600, 1000)
    window.show()
    for _ in range(3):
        app.processEvents()
    return app, window


def paint_times(song: Song, frames: int) -> dict:
    app, window = shown_window(song)
    editor = window.editor
    view = editor.view
    middle = song.length_ticks / 2
    view.scroll_to(x=middle * view.px_per_tick)
    view.center_on_pitch(66, editor.roll.height())
    app.processEvents()
    visible = sum(1 for t in song.tracks for _ in editor.roll.painter.index.sounding(
        t, view.tick_at(0), view.tick_at(editor.roll.width())))
    repaint = _times(editor.roll.repaint, frames)
    width = editor.roll.width()

    song_width = song.length_ticks * view.px_per_tick

    def scroll() -> None:
        x = view.scroll_x + width
        view.scroll_to(x=x if x + width < song_width else 0)  # stay inside the song: no empty screens
        editor.repaint()  # roll, ruler, chord and velocity lanes, keyboard

    scrolled = _times(scroll, frames)
    view.scroll_to(x=0)
    view.zoom_time(1e-9, 0)  # as far out as the editor zooms: the worst case for notes on screen
    far_visible = sum(1 for t in song.tracks for _ in editor.roll.painter.index.sounding(
        t, view.tick_at(0), view.tick_at(editor.roll.width())))
    far = _times(editor.roll.repaint, max(5, frames // 6))
    result = {"viewport_px": [editor.roll.width(), editor.roll.height()], "visible_notes": visible,
              "repaint_full_viewport": repaint, "scroll_one_screen": scrolled,
              "repaint_zoomed_out_max": {**far, "visible_notes": far_visible}}
    window.session.undo_stack.setClean()
    window.close()
    return result


def launch_seconds(song_path: str | None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "shot.png"
        args = [sys.executable, str(REPO / "main.py")] + ([song_path] if song_path else []) + ["--screenshot", str(out)]
        env = dict(os.environ, CADENZA_HOME=tmp)
        began = time.perf_counter()
        subprocess.run(args, check=True, env=env, cwd=REPO, capture_output=True)
        return round(time.perf_counter() - began, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()
    song = build_song(args.notes)
    result = {"notes": song.note_count, "bars": song.bar_count(), **paint_times(song, args.frames)}
    from engine.project import Project, save_project

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.cadenza")
        save_project(Project(song=song), path)
        result["launch_to_screenshot_s"] = {"empty_song": launch_seconds(None), "20k_note_song": launch_seconds(path)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
