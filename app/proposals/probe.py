"""Event-loop probe: how late a 10 ms timer fires while a job runs, i.e. how long the UI could not react.

Started with each generation and stopped when it ends; `max_ms` is the worst
lateness seen (the timer's interval subtracted), which the panel reports and
the tests print. A precise timer, so Qt does not coarsen it by up to 5%.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer

INTERVAL_MS = 10


class EventLoopProbe(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self.max_ms = 0.0
        self.samples = 0
        self._last = 0.0

    def start(self) -> None:
        self.max_ms, self.samples = 0.0, 0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.max_ms

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_ms = max(self.max_ms, (now - self._last) * 1000 - INTERVAL_MS)
        self.samples += 1
        self._last = now
