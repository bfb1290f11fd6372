"""Regenerate video_dock.png: a cue at 24 fps from 01:00:00:00 with a video whose frames show their own timecode.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_video_screenshot.py [TICK]

The video (12 s, 640x360 H.264, start timecode 01:00:00:00 in the file) is
made here, each frame painted by Qt with its timecode and number, and opened
through File › Open video's own method, so it is placed by its timecode tag.
The playhead is moved to TICK (default 7000) and, once the dock shows that
frame, the window is grabbed. What the dock showed is printed: the burned-in
timecode in the picture must read as the transport's.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from PySide6.QtCore import QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

FPS = Fraction(24)


def burned_in(number: int) -> np.ndarray:
    """Frame `number` of the demo: a colour that drifts, its timecode and number, a ball that moves."""
    image = QImage(640, 360, QImage.Format_RGB888)
    image.fill(QColor.fromHsv((number * 3) % 360, 120, 90))
    painter = QPainter(image)
    painter.setPen(Qt.white)
    font = QFont()
    font.setPixelSize(64)
    painter.setFont(font)
    seconds, frames = divmod(number, 24)
    painter.drawText(QRect(0, 100, 640, 100), Qt.AlignCenter, f"01:00:{seconds:02d}:{frames:02d}")
    font.setPixelSize(28)
    painter.setFont(font)
    painter.drawText(QRect(0, 200, 640, 60), Qt.AlignCenter, f"frame {number}")
    painter.setBrush(Qt.yellow)
    painter.drawEllipse(20 + (number * 7) % 600, 290, 30, 30)
    painter.end()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(360, image.bytesPerLine())
    return rows[:, :640 * 3].reshape(360, 640, 3).copy()


def make_demo(path: Path) -> None:
    import av

    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=FPS, options={"preset": "veryfast"})
        stream.width, stream.height, stream.pix_fmt = 640, 360, "yuv420p"
        stream.metadata["timecode"] = "01:00:00:00"
        for number in range(24 * 12):
            frame = av.VideoFrame.from_ndarray(burned_in(number), format="rgb24")
            frame.pts, frame.time_base = number, 1 / FPS
            container.mux(stream.encode(frame))
        container.mux(stream.encode())


def main() -> None:
    app = QApplication([])
    from app import theme
    from app.main_window import MainWindow
    from engine.timecode import song_timecode

    sys.path.insert(0, str(REPO / "tests" / "app"))
    from editor_helpers import make_song

    theme.apply_dark_palette(app)
    tick = int(sys.argv[1]) if len(sys.argv) > 1 else 7000
    with tempfile.TemporaryDirectory() as folder:
        clip = Path(folder) / "reel1.mp4"
        make_demo(clip)
        window = MainWindow(make_song().with_(timecode=song_timecode("24", "01:00:00:00")),
                            player_factory=None, interactive=False)
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        assert window.video.open_video(str(clip))
        window.options.seek(tick)
        deadline = time.monotonic() + 10
        video = window.video
        while time.monotonic() < deadline and (video.wanted is None or video.panel.picture.index != video.wanted):
            app.processEvents()
            time.sleep(0.01)
        for _ in range(10):
            app.processEvents()
        seconds = window.session.song.seconds(tick)
        print(f"offset {video.link.offset_seconds} s; playhead tick {tick} = {seconds:.4f} s; "
              f"dock: {video.panel.caption.text()}")
        window.grab().save(str(HERE / "video_dock.png"))
        window.session.undo_stack.setClean()
        window.close()


if __name__ == "__main__":
    main()
