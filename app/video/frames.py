"""Frames decoded off the UI thread: the view asks for a frame number, a thread decodes it, a signal brings it.

Only the newest request matters: while the user scrubs, the playhead moves
faster than frames decode after a seek, so requests made while the thread is
busy replace each other and the thread goes straight to the last one. The
picture therefore lags by at most one decode and never queues up behind the
mouse. While playing, requests are the next frames, which `VideoReader`
decodes forward without seeking (docs/VIDEO.md has the times).

A loop going round would be a seek back to its start, and at 1080p a seek
decodes up to a GOP (docs/VIDEO.md: 100-500 ms on the loaded test machine),
so the picture would hang at every pass. With a loop set, a second reader
waits at the loop's first frame, decoded in the thread's idle time; when the
loop goes round the two readers swap, the waiting one plays on without a
seek, and the other goes to wait at the start for the next pass.

The thread opens its own readers (a reader is not thread-safe) and
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
from engine.video import FORWARD_LIMIT, VideoReader

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
        self._loop_start: int | None = None  # the frame a loop goes round to (None: no loop)
        self._closing = False
        self.readers: list[VideoReader] = []  # [playing, waiting at the loop start]: the thread's own
        self.seeks_for_requests = 0  # seeks made while a request waited (the loop's wraps should make none)
        self._thread = threading.Thread(target=self._run, name="video-frames", daemon=True)
        self._thread.start()

    def request(self, index: int, width: int | None = None) -> None:
        """Decode frame `index` scaled to `width` pixels; replaces a request not yet started."""
        with self._wake:
            self._wanted = (index, width)
            self._wake.notify()

    def set_loop_start(self, index: int | None) -> None:
        """Keep a reader waiting at frame `index`, where the loop goes round to (None: no loop)."""
        with self._wake:
            self._loop_start = index
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
            self.readers.append(VideoReader(self.path))
        except CadenzaError as error:  # opened a moment ago on the UI thread; gone or changed since
            self.failed.emit(str(error))
            return
        try:
            self._serve()
        finally:
            for reader in self.readers:
                reader.close()

    def _serve(self) -> None:
        waiting_at: int | None = None  # the loop start the second reader was sent to
        preparing: threading.Thread | None = None  # sending it there (a seek and a GOP's decode, in parallel)
        while True:
            with self._wake:
                while self._wanted is None and not self._closing:
                    if self._loop_start == waiting_at:
                        self._wake.wait()
                    elif preparing is not None and preparing.is_alive():
                        self._wake.wait(0.02)  # the loop moved while the reader is on its way to the old start
                    else:
                        break
                if self._closing:
                    if preparing is not None:
                        preparing.join()
                    return
                wanted, self._wanted = self._wanted, None
                loop_start = self._loop_start
            if loop_start != waiting_at and (preparing is None or not preparing.is_alive()):
                preparing, waiting_at = self._send_to(loop_start), loop_start
            if wanted is None:
                continue
            index, width = wanted
            main = self.readers[0]
            if (waiting_at is not None and 0 <= index - waiting_at <= FORWARD_LIMIT
                    and not main.reaches_without_seeking(index) and len(self.readers) > 1):
                if preparing is not None:
                    preparing.join()  # a wrap that came before the reader got there waits for the rest only
                if self.readers[1].reaches_without_seeking(index):
                    self.readers.reverse()  # the loop went round: the waiting reader plays on, without a seek
                    waiting_at = None  # the other one is sent to the start next time round
            self._decode(self.readers[0], index, width)

    def _send_to(self, index: int | None) -> threading.Thread | None:
        """Start decoding frame `index` with the second reader (opened on first need), so it waits there."""
        if index is None:
            return None
        width = self.readers[0].output_size[0]

        def go() -> None:
            try:
                if len(self.readers) < 2:
                    self.readers.append(VideoReader(self.path))
                self.readers[1].set_output_width(width)
                self.readers[1].frame(index)
            except CadenzaError as error:
                self.failed.emit(str(error))

        thread = threading.Thread(target=go, name="video-loop-start", daemon=True)
        thread.start()
        return thread

    def _decode(self, reader: VideoReader, index: int, width: int | None) -> None:
        seeks = reader.seeks
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
        finally:
            self.seeks_for_requests += reader.seeks - seeks
