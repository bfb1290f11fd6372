"""Frames decoded off the UI thread: the view asks for a frame number, a thread decodes it, a signal brings it.

Only the newest request matters: while the user scrubs, the playhead moves
faster than frames decode after a seek, so requests made while the thread is
busy replace each other and the thread goes straight to the last one. The
picture therefore lags by at most one decode and never queues up behind the
mouse. While playing, requests are the next frames, which `VideoReader`
decodes forward without seeking (docs/VIDEO.md has the times).

The thread opens its own `VideoReader` (a reader is not thread-safe) and
first lowers its own scheduling priority, which FFmpeg's decoding threads,
started when the file is opened, inherit: when the CPU is short, a drag over a
1080p picture shares it with the editor instead of taking it. +5, not more:
at +10 the editor stayed as smooth as with no video, but on a loaded machine
the picture all but stopped changing while dragged, and seeing it is the point
of dragging (docs/VIDEO.md has the three measured side by side).
Frames arrive as QImage copies in the format the screen paints fastest, safe
to keep and paint.
"""
from __future__ import annotations

import os
import threading

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from engine.errors import CadenzaError
from engine.video import VideoReader

DECODE_NICENESS = 5  # added to the decode threads' nice value (Linux: per thread; elsewhere not changed)


def _lower_this_threads_priority() -> None:
    """Linux schedules threads one by one: PRIO_PROCESS with a thread id renices only that thread."""
    if hasattr(os, "setpriority") and hasattr(threading, "get_native_id") and os.uname().sysname == "Linux":
        try:
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + DECODE_NICENESS)
        except OSError:
            pass  # not allowed here: decode at the normal priority


class FrameFetcher(QObject):
    frameReady = Signal(int, QImage)  # frame number, its picture (emitted from the decode thread, queued)
    failed = Signal(str)  # the file or a frame could not be decoded: the one-line reason

    def __init__(self, path: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._wake = threading.Condition()
        self._wanted: tuple[int, int | None] | None = None  # (frame, output width) the view wants next
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="video-frames", daemon=True)
        self._thread.start()

    def request(self, index: int, width: int | None = None) -> None:
        """Decode frame `index` scaled to `width` pixels; replaces a request not yet started."""
        with self._wake:
            self._wanted = (index, width)
            self._wake.notify()

    def close(self) -> None:
        """Stop the thread, after the frame it is decoding; it closes the file."""
        with self._wake:
            self._closing = True
            self._wake.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        _lower_this_threads_priority()
        try:
            reader = VideoReader(self.path)
        except CadenzaError as error:  # opened a moment ago on the UI thread; gone or changed since
            self.failed.emit(str(error))
            return
        try:
            self._serve(reader)
        finally:
            reader.close()

    def _serve(self, reader: VideoReader) -> None:
        while True:
            with self._wake:
                while self._wanted is None and not self._closing:
                    self._wake.wait()
                if self._closing:
                    return
                (index, width), self._wanted = self._wanted, None
            try:
                reader.set_output_width(width)
                rgb = np.ascontiguousarray(reader.frame(index))  # FFmpeg's scaled rows may be padded
                height, row_width = rgb.shape[:2]
                image = QImage(rgb.data, row_width, height, row_width * 3, QImage.Format_RGB888)
                image = image.convertToFormat(QImage.Format_RGB32)  # the format painting copies without converting
            except CadenzaError as error:
                self.failed.emit(str(error))
            except Exception as error:  # noqa: BLE001 - the thread must not die silently: say what broke
                self.failed.emit(f"{self.path}: frame {index}: {type(error).__name__}: {error}")
            else:
                self.frameReady.emit(index, image)
