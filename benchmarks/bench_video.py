"""Video decoding for the picture view: PyAV (what Cadenza uses) beside Qt Multimedia, in one run.

Makes a test clip with PyAV (H.264 with B-frames, a keyframe every `--gop`
frames, each frame showing its own number as big black/white blocks), then
asks each decoder for frames the way the video dock does and reads back which
frame it got:

- random seeks: the frame at a random time (scrubbing, a loop going round);
  the right frame is floor(t x fps), and an answer is accurate when the number
  read from the picture is that frame;
- playing: the next frame, over and over (PyAV only: Qt Multimedia plays in
  real time on its own clock, it cannot be asked for "the next frame");
- stepping back one frame after a seek (the "," key);
- the dock itself, in the real window offscreen, scrubbed: how old each
  picture is when it lands and how long the UI thread was ever kept busy.

Qt Multimedia is in PySide6-Addons, which Cadenza does not install; pass
`--qt-addons DIR` where `pip install --no-deps --target DIR PySide6-Addons==6.11.3`
put it (the same Qt version as our PySide6-Essentials). Its half runs in a
child process that finds the Addons' libraries beside ours. Sizes are what
each takes on disk once installed. Prints one JSON object per decoder.

    .venv/bin/python benchmarks/bench_video.py [--seconds 20] [--size 1920x1080] [--seeks 60]
        [--qt-addons /tmp/video_addons] [--clip-dir /tmp/bench_video]
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
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from engine.video import VideoReader, frame_index  # noqa: E402
from tests.video_clip import BITS, frame_picture, read_number  # noqa: E402

FPS = Fraction(24000, 1001)  # 23.976: film delivered for TV, the rate most cues are scored to
DOCK_WIDTH = 640


def picture(number: int, width: int, height: int) -> np.ndarray:
    """A frame of the clip: a gradient that moves (so the codec has work), the number's blocks across it."""
    bits = frame_picture(number)[16:48]  # the row of blocks, 32 x BITS*16
    block = np.repeat(np.repeat(bits, height // 3 // 32, axis=0), width // (BITS * 16), axis=1)
    x = np.linspace(0, 255, width, dtype=np.float32)
    y = np.linspace(0, 255, height, dtype=np.float32)[:, None]
    base = ((x + y + number * 3) % 256).astype(np.uint8)
    frame = np.stack([base, base[::-1], np.full_like(base, 80)], axis=2)
    top = (height - block.shape[0]) // 2
    frame[top:top + block.shape[0], :block.shape[1]] = block
    return frame


def make_clip(path: Path, seconds: float, width: int, height: int, gop: int) -> int:
    import av

    count = int(seconds * FPS)
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=FPS, options={"preset": "veryfast", "bf": "2"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.gop_size = gop
        for number in range(count):
            frame = av.VideoFrame.from_ndarray(picture(number, width, height), format="rgb24")
            frame.pts, frame.time_base = number, 1 / FPS
            container.mux(stream.encode(frame))
        container.mux(stream.encode())
    return count


def number_in(rgb: np.ndarray, clip_width: int) -> int:
    """The frame number in a picture made by `picture` at `clip_width`, at whatever size it was decoded."""
    height, width = rgb.shape[:2]
    blocks = clip_width // (BITS * 16) * BITS * 16 / clip_width  # the part of the width the blocks fill
    return read_number(rgb, (0, 0, round(width * blocks), height))


def summary(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {"median_ms": round(statistics.median(values) * 1000, 2),
            "p95_ms": round(values[int(0.95 * (len(values) - 1))] * 1000, 2),
            "max_ms": round(values[-1] * 1000, 2)}


def folder_mb(*paths: Path) -> float:
    total = sum(f.stat().st_size for p in paths if p.exists() for f in ([p] if p.is_file() else p.rglob("*"))
                if f.is_file() and not f.is_symlink())
    return round(total / 1e6, 1)


def seek_times(count: int, seeks: int) -> list[float]:
    rng = random.Random(1)
    return [rng.uniform(0, float(count / FPS)) for _ in range(seeks)]


def frame_starts(count: int, seeks: int) -> list[float]:
    """Times exactly at frames' starts, as floats: where a frame step or a hit on a frame lands."""
    rng = random.Random(2)
    return [float(k / FPS) for k in rng.sample(range(1, count), min(seeks, count - 1))]


# --- PyAV ------------------------------------------------------------------------------------
def bench_pyav(path: Path, count: int, seeks: int, width: int) -> dict:
    import av

    package = Path(av.__file__).parent
    started = time.perf_counter()
    reader = VideoReader(path)
    opened = time.perf_counter() - started
    result = {"decoder": f"PyAV {av.__version__}", "installed_mb": folder_mb(package, package.parent / "av.libs"),
              "open_ms": round(opened * 1000, 1)}
    for label, output_width in (("full", None), ("dock", DOCK_WIDTH)):
        reader.set_output_width(output_width)
        latencies, right = [], 0
        for seconds in seek_times(count, seeks):
            reader.drop_cached_frames()  # a real jump: nothing kept from the last one
            started = time.perf_counter()
            index, rgb = reader.frame_at(seconds)
            latencies.append(time.perf_counter() - started)
            right += number_in(rgb, width) == index == frame_index(seconds, FPS)
        result[f"seek_{label}"] = summary(latencies) | {"accurate": f"{right}/{seeks}"}
    starts = frame_starts(count, seeks)
    right = sum(number_in(reader.frame_at(seconds)[1], width) == frame_index(seconds, FPS) for seconds in starts)
    result["accurate_at_frame_starts"] = f"{right}/{len(starts)}"
    reader.set_output_width(DOCK_WIDTH)
    reader.frame(0)
    steps, right = [], 0
    for index in range(1, min(count, 240)):
        started = time.perf_counter()
        rgb = reader.frame(index)
        steps.append(time.perf_counter() - started)
        right += number_in(rgb, width) == index
    result["play_next_frame_dock"] = summary(steps) | {"accurate": f"{right}/{len(steps)}"}
    backs, right = [], 0
    for seconds in seek_times(count, 20):
        index, _ = reader.frame_at(seconds)
        if index == 0:
            continue
        started = time.perf_counter()
        rgb = reader.frame(index - 1)
        backs.append(time.perf_counter() - started)
        right += number_in(rgb, width) == index - 1
    result["step_back_dock"] = summary(backs) | {"accurate": f"{right}/{len(backs)}"}
    reader.close()
    return result


# --- the dock in the app, scrubbed ---------------------------------------------------------------
def bench_dock(path: Path, count: int, seconds: float = 3.0) -> list[dict]:
    """The real window offscreen, the playhead dragged to and fro at 3x real time (moved every 16 ms, as a
    mouse does), while the UI thread's longest stall, the pictures painted and the age of each when it
    lands are recorded. Three kinds of drag side by side, two of each: decoding at a lowered priority (what
    ships), decoding at the UI's own priority, and the dock hidden (nothing decoded: what this machine's
    load alone does)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.main_window import MainWindow
    from app.video import frames
    from engine.song import Song

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Song(), player_factory=None, interactive=False)
    window.resize(1600, 1000)
    window.show()
    video = window.video
    tempo = window.session.song.tempo_map
    length = float(count / FPS)

    def dragged_to(elapsed: float) -> int:
        """A triangle wave over the clip at 3x real time: forward, back, forward..."""
        phase = (3 * elapsed) % (2 * length)
        return round(tempo.tick(phase if phase < length else 2 * length - phase))

    def drag(ages: list[float], stalls: list[float]) -> int:
        """One drag of `seconds`; appends to `ages` and `stalls`, returns how many moves it made."""
        asked: dict[int, float] = {}
        if video.fetcher is not None:
            video.fetcher.frameReady.connect(lambda index, image: index in asked
                                             and ages.append(time.perf_counter() - asked.pop(index)))
        settle = time.perf_counter() + 0.5  # the window's relayout after the dock appears is not scrubbing
        while time.perf_counter() < settle:
            app.processEvents()
        moves = 0
        started = last = next_move = time.perf_counter()
        while last - started < seconds:
            now = time.perf_counter()
            if now >= next_move:
                window.options.seek(dragged_to(now - started))
                asked[video.wanted] = now  # the latest request of a frame is the one its picture answers
                moves += 1
                next_move = now + 0.016
            app.processEvents()
            time.sleep(0.001)
            stalls.append(time.perf_counter() - now)
            last = time.perf_counter()
        return moves

    def row(label: str, moves: int, ages: list[float], stalls: list[float]) -> dict:
        stalls.sort()
        return {"decoder": f"the video dock dragged at 3x: {label}", "moves": moves, "pictures_shown": len(ages),
                "picture_age": summary(ages) if ages else None, "ui_longest_stall_ms": round(stalls[-1] * 1000, 1),
                "ui_stall_p95_ms": round(stalls[int(0.95 * (len(stalls) - 1))] * 1000, 1)}

    shipped = frames.DECODE_NICENESS
    runs = {shipped: ([], [], [0]), 0: ([], [], [0])}
    for niceness in (shipped, 0, 0, shipped):  # both orders, so neither gains from going first
        frames.DECODE_NICENESS = niceness
        video.open_video(str(path))
        ages, stalls, moves = runs[niceness]
        moves[0] += drag(ages, stalls)
    frames.DECODE_NICENESS = shipped
    video.dock.hide()
    ages, stalls = [], []
    moves = drag(ages, stalls) + drag(ages, stalls)
    window.session.undo_stack.setClean()
    window.close()
    return [row(f"decoding at nice +{shipped} (shipped)", runs[shipped][2][0], *runs[shipped][:2]),
            row("decoding at the UI's priority", runs[0][2][0], *runs[0][:2]),
            row("dock hidden, nothing decoded (baseline)", moves, ages, stalls)]


# --- Qt Multimedia (child process) -----------------------------------------------------------
def bench_qt(path: Path, count: int, seeks: int, addons: Path) -> dict:
    """Runs this file again as the Qt half, with the Addons' libraries on the loader's path."""
    import PySide6

    ours = Path(PySide6.__file__).parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               LD_LIBRARY_PATH=f"{ours / 'Qt' / 'lib'}:{addons / 'PySide6' / 'Qt' / 'lib'}")
    run = subprocess.run([sys.executable, __file__, "--qt-child", str(path), "--count", str(count),
                          "--seeks", str(seeks), "--qt-addons", str(addons)],
                         env=env, capture_output=True, text=True, timeout=600)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode or not lines:
        return {"decoder": "Qt Multimedia", "error": (run.stderr.strip().splitlines() or ["no output"])[-1]}
    result = json.loads(lines[-1])
    multimedia = [p for p in (addons / "PySide6").rglob("*") if "ultimedia" in p.name or "FFmpeg" in p.name
                  or p.name.startswith(("libav", "libsw"))]
    result["installed_mb"] = folder_mb(addons)
    result["of_which_multimedia_mb"] = folder_mb(*multimedia)
    return result


def qt_child(path: Path, count: int, seeks: int, addons: Path) -> None:
    import PySide6

    PySide6.__path__.append(str(addons / "PySide6"))
    from PySide6.QtCore import QCoreApplication, QUrl
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    QCoreApplication.addLibraryPath(str(addons / "PySide6" / "Qt" / "plugins"))
    app = QApplication([])
    from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

    player, sink = QMediaPlayer(), QVideoSink()
    player.setVideoSink(sink)
    arrived: list[tuple[float, object]] = []
    sink.videoFrameChanged.connect(lambda frame: arrived.append((time.perf_counter(), frame)))

    def wait_frame(started: float, timeout: float = 3.0):
        while time.perf_counter() - started < timeout:
            app.processEvents()
            if arrived:
                return arrived[0]
            time.sleep(0.0005)
        return None

    started = time.perf_counter()
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.pause()
    first = wait_frame(started)
    opened = time.perf_counter() - started

    def number(frame) -> int:
        image = frame.toImage().convertToFormat(QImage.Format_RGB888)
        rgb = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
        return number_in(rgb[:, :image.width() * 3].reshape(image.height(), image.width(), 3), image.width())

    latencies, right, missing = [], 0, 0
    for seconds in seek_times(count, seeks):
        arrived.clear()
        started = time.perf_counter()
        player.setPosition(round(seconds * 1000))  # Qt's positions are whole milliseconds
        got = wait_frame(started)
        if got is None:
            missing += 1
            continue
        latencies.append(got[0] - started)
        right += number(got[1]) == frame_index(seconds, FPS)
    starts = frame_starts(count, seeks)
    at_starts = 0
    for seconds in starts:
        arrived.clear()
        player.setPosition(round(seconds * 1000))
        got = wait_frame(time.perf_counter())
        at_starts += got is not None and number(got[1]) == frame_index(seconds, FPS)
    from PySide6 import __version__ as version
    print(json.dumps({"decoder": f"Qt Multimedia {version} (FFmpeg backend)", "open_ms": round(opened * 1000, 1),
                      "first_frame": first is not None,
                      "seek_full": summary(latencies or [float("nan")]) | {"accurate": f"{right}/{seeks}",
                                                                           "no_frame": missing},
                      "accurate_at_frame_starts": f"{at_starts}/{len(starts)}"}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--gop", type=int, default=48)
    parser.add_argument("--seeks", type=int, default=60)
    parser.add_argument("--qt-addons", type=Path)
    parser.add_argument("--clip-dir", type=Path, help="keep the clip here and reuse it (encoding 1080p takes minutes)")
    parser.add_argument("--qt-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.qt_child:
        qt_child(args.qt_child, args.count, args.seeks, args.qt_addons)
        return
    width, height = (int(v) for v in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="bench_video_") as folder:
        name = f"clip_{width}x{height}_{args.seconds:g}s_gop{args.gop}.mp4"
        path = (args.clip_dir or Path(folder)) / name
        started = time.perf_counter()
        if path.exists():
            count = int(args.seconds * FPS)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            count = make_clip(path.with_suffix(".part.mp4"), args.seconds, width, height, args.gop)
            path.with_suffix(".part.mp4").rename(path)
        print(json.dumps({"clip": f"{width}x{height} H.264 {float(FPS):.3f} fps, {count} frames, "
                                  f"keyframe every {args.gop}, B-frames",
                          "encode_s": round(time.perf_counter() - started, 1),
                          "mb": round(path.stat().st_size / 1e6, 1)}))
        print(json.dumps(bench_pyav(path, count, args.seeks, width)))
        for row in bench_dock(path, count):
            print(json.dumps(row))
        if args.qt_addons:
            print(json.dumps(bench_qt(path, count, args.seeks, args.qt_addons)))
        else:
            print(json.dumps({"decoder": "Qt Multimedia", "skipped": "pass --qt-addons DIR (PySide6-Addons==6.11.3)"}))


if __name__ == "__main__":
    main()
