"""When the editor writes its recovery file, and which recovery files are this session's to remove.

The file controller (app.files) decides what is shown and asks the user; this
object only keeps the unsaved work on disk, through engine.project.RecoveryStore:

- after an edit, once the user pauses for `QUIET_MS`, and at the latest
  `LATEST_MS` after the first edit since the last write, so continuous editing
  reaches the disk too; and every `STEADY_MS` in any case. A kill loses at most
  those few seconds (benchmarks/bench_recovery.py: 2.2 s on average over 8
  SIGKILLs, against 19.2 s with the old 30 s timer);
- a write runs on the UI thread (52 ms for a 200-note song, 0.6 s for 9,800
  notes on a busy 2-core machine), so for big songs both waits grow with what
  the last write cost: at most 1/20 of the time goes to autosaving;
- a recovered crash's file (`adopt`) is removed only once its work has been
  written again as this session's, so a second crash right after recovering
  loses nothing.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.session import Session
from engine.errors import CadenzaError
from engine.project import Project, RecoveryStore
from engine.project.recovery import RecoveryEntry

STEADY_MS = 30_000   # while anything is unsaved
QUIET_MS = 1_500     # sooner: once the user pauses this long after an edit
LATEST_MS = 3_000    # and at the latest this long after the first edit since the last write
QUIET_FACTOR, LATEST_FACTOR = 5, 20  # the waits as multiples of the last write's cost, when that is longer


class Autosaver(QObject):
    """The recovery file of one editor session."""

    failed = Signal(object)  # the CadenzaError or OSError of a write that did not happen

    def __init__(self, parent: QObject, session: Session, store: RecoveryStore,
                 project: Callable[[], Project], path: Callable[[], str | None]) -> None:
        super().__init__(parent)
        self.session = session
        self.store = store
        self.project, self.path = project, path
        self.saved_revision: int | None = session.document.revision
        self.entry: RecoveryEntry | None = None      # this session's recovery file, once written
        self.adopted: RecoveryEntry | None = None    # a crashed session's, until its work is written as ours
        self.seconds = 0.0                           # what the last write took
        self.steady = self._timer(STEADY_MS, single=False)
        self.quiet = self._timer(QUIET_MS)
        self.latest = self._timer(LATEST_MS)
        session.songChanged.connect(self._edited)

    def _timer(self, ms: int, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(self.save)
        return timer

    def start(self) -> None:
        self.steady.start()

    def stop(self) -> None:
        for timer in (self.steady, self.quiet, self.latest):
            timer.stop()

    def _edited(self, *_) -> None:
        if not self.steady.isActive():
            return  # not started yet (start-up) or stopped (closed)
        cost_ms = self.seconds * 1000
        self.quiet.start(int(max(QUIET_MS, QUIET_FACTOR * cost_ms)))
        if not self.latest.isActive():  # (setting a running timer's interval would restart it)
            self.latest.start(int(max(LATEST_MS, LATEST_FACTOR * cost_ms)))

    def mark_saved(self) -> None:
        """The song on screen is saved (or new, or just opened): nothing to write until it changes."""
        self.saved_revision = self.session.document.revision

    def save(self) -> bool:
        """Write the recovery file if anything changed since the last one; False when nothing was written."""
        revision = self.session.document.revision
        if self.session.undo_stack.isClean() or revision == self.saved_revision:
            return False
        self.quiet.stop()
        self.latest.stop()
        started = time.perf_counter()
        try:
            self.entry = self.store.autosave(self.project(), self.path())
        except (CadenzaError, OSError) as error:
            self.failed.emit(error)
            return False
        self.seconds = time.perf_counter() - started
        self.saved_revision = revision
        if self.adopted is not None:  # the recovered work is on disk again, as this session's
            self.store.discard(self.adopted)
            self.adopted = None
        return True

    def adopt(self, entry: RecoveryEntry) -> bool:
        """The recovered `entry`'s work is on screen, unsaved: write it as ours at once, then remove `entry`."""
        self.adopted = entry
        self.saved_revision = None
        return self.save()

    def forget(self) -> None:
        """The work was saved or discarded: remove this session's recovery file and an adopted one."""
        for entry in (self.entry, self.adopted):
            if entry is not None:
                self.store.discard(entry)
        self.entry = self.adopted = None
