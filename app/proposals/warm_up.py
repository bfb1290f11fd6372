"""Loading the model before the first Generate: torch's import and the checkpoint, off the UI's time.

`WARM_UP_MS` after the window is first shown (interactive windows only), a
background job imports torch and loads the model (`job.warm_up`), so the first
Generate does not pay for torch's import on the UI's time; an event-loop probe
runs while it does (`delay_ms`). Closing the window cancels it. A missing or
damaged model is said at once (`failed`), so the user knows before asking.
"""
from __future__ import annotations

from functools import partial
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from app.proposals.job import ProposalJob, model_file, warm_up
from app.proposals.probe import EventLoopProbe

WARM_UP_MS = 2000


class ModelWarmUp(QObject):
    finished = Signal(str)       # "done", "failed", "cancelled"
    failed = Signal(str)         # the one-line reason a model could not be loaded

    def __init__(self, model_path: Callable[[], str | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model_path = model_path
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WARM_UP_MS)
        self.timer.timeout.connect(self.start)
        self.job: ProposalJob | None = None
        self.probe = EventLoopProbe(self)
        self.delay_ms: float | None = None     # the event loop's worst lateness while warming up
        self.seconds: float | None = None
        self.scheduled = False

    def when_shown(self, window) -> None:
        """Warm up `WARM_UP_MS` after `window` is first shown (never on the way to showing it)."""
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Show and not self.scheduled:
            self.scheduled = True
            watched.removeEventFilter(self)
            self.timer.start()
        return False

    def start(self) -> bool:
        """Import torch and load the model on a worker thread; False when there is no model file or it ran."""
        if self.job is not None or not model_file(self.model_path()).is_file():
            return False
        job = self.job = ProposalJob(partial(warm_up, self.model_path()), self)
        job.succeeded.connect(lambda seconds: self._done("done", seconds))
        job.failed.connect(self._failed)
        job.cancelled.connect(lambda: self._done("cancelled"))
        job.finished.connect(job.deleteLater)
        self.probe.start()
        job.start()
        return True

    def _failed(self, message: str) -> None:
        self.failed.emit(message)
        self._done("failed")

    def _done(self, outcome: str, seconds: float | None = None) -> None:
        self.delay_ms = self.probe.stop()
        self.seconds = seconds
        self.finished.emit(outcome)

    def stop(self) -> None:
        """Window closing: no warm-up starts any more (a running one is cancelled with the other jobs)."""
        self.timer.stop()
        self.scheduled = True
