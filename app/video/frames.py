"""Frames decoded off the UI thread: the view asks for a frame number, a thread decodes it, a signal brings it.

Only the newest request matters: while the user scrubs, the playhead moves
faster than frames decode after a seek, so requests made while the thread is
busy replace each other and the thread goes straight to the last one. The
picture therefore lags by at most one decode and never queues up behind the
mouse. While playing, requests are the next frames, which `VideoReader`
decodes forward without seeking (docs/VIDEO.md has the times).

The thread owns the `VideoReader` (it is not thread-safe); the UI thread only
sets what it wants. Frames arrive as QImage copies in the format the screen paints fastest,
safe to keep and paint.
"""
from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from engine.errors import CadenzaError
from engine.video import VideoReader


class FrameFetcher(QObject):
    frameReady = Signal(int, QImage)  # frame number, its picture (emitted from the decode thread, queued)
    failed = Signal(str)  # a frame that could not be decoded: the one-line reason

    def __init__(self, reader: VideoReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self._wake = threading.Condition()
        self._wanted: tuple[int, int | None] | None = None  # (frame, output width) the view wants next
        self._busy = False
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="video-frames", daemon=True)
        self._thread.start()

    def request(self, index: int, width: int | None = None) -> None:
        """Decode frame `index` scaled to `width` pixels; replaces a request not yet started."""
        with self._wake:
            self._wanted = (index, width)
            self._wake.notify()

    @property
    def idle(self) -> bool:
        """Nothing asked for is still being decoded (tests wait for this)."""
        with self._wake:
            return self._wanted is None and not self._busy

    def close(self) -> None:
        """Stop the thread (after the frame it is decoding) and close the file."""
        with self._wake:
            self._closing = True
            self._wake.notify()
        self._thread.join(timeout=5)
        if not self._thread.is_alive():
            self.reader.close()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._wanted is None and not self._closing:
                    self._wake.wait()
                if self._closing:
                    return
                (index, width), self._wanted = self._wanted, None
                self._busy = True
            try:
                self.reader.set_output_width(width)
                rgb = np.ascontiguousarray(self.reader.frame(index))  # FFmpeg's scaled rows may be padded
                height, row_width = rgb.shape[:2]
                image = QImage(rgb.data, row_width, height, row_width * 3, QImage.Format_RGB888)
                image = image.convertToFormat(QImage.Format_RGB32)  # the format painting copies without converting
            except CadenzaError as error:
                self.failed.emit(str(error))
            except Exception as error:  # noqa: BLE001 - the thread must not die silently: say what broke
                self.failed.emit(f"{self.reader.path}: frame {index}: {type(error).__name__}: {error}")
            else:
                self.frameReady.emit(index, image)
            finally:
                with self._wake:
                    self._busy = False
