"""The window's one background score job: reading or writing MusicXML with progress and Cancel.

Why apart from FileController: a project or a MIDI file is read and written inside the call, but a MusicXML
score takes seconds, so it runs as a job (app.score_open, app.score_export) with a progress dialog, and the
window has to know while one runs. A second open or export is refused, `wait` lets a batch run or a test wait
for the result, and a clean close stops a read before its thread is destroyed (a QThread destroyed while it
runs takes the process down). This class holds that one job and tells the user how it ended; what a finished
read means for the document (its path, recent files, the recovery file) stays with FileController, which
passes it in as `opened`.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.i18n import fill
from app.session import Session
from engine.project import Project

Opened = Callable[[str, Project, list], None]  # (path, project read, notes for the user)


class Files(Protocol):
    """What it uses of its FileController: the window the dialogs belong to and the ways to tell the user."""

    window: QWidget
    session: Session  # its `message` is the status line

    def ask(self, icon, title: str, text: str, *buttons): ...


class ScoreFiles(QObject):
    def __init__(self, files: Files) -> None:
        """It talks to the user only through `files.ask` (which knows about batch runs) and the status line."""
        super().__init__(files)
        self.files = files
        self.job = None  # the ScoreOpen reading or ScoreExport writing now; None when idle

    def read(self, path: str, unfold_repeats: bool, opened: Opened) -> bool:
        """Start reading the score at `path`; `opened` gets it when it is read. True: the reading started."""
        from app.score_open import ScoreOpen

        job = ScoreOpen(path, self.files.window, unfold_repeats)
        job.finished_with.connect(lambda project, notes, error: self._read(path, opened, project, notes, error))
        self.job = job
        job.start()
        return True

    def _read(self, path: str, opened: Opened, project: Project | None, notes: list[str], error: str) -> None:
        self.job = None
        if error:
            self.files.ask(QMessageBox.Warning, self.tr("Cannot open file"), error)
        elif project is not None:
            opened(path, project, notes)
        else:
            self.files.session.message.emit(fill(self.tr("Opening %1 cancelled"), Path(path).name))

    def write(self, project: Project, path: str) -> bool:
        """Start writing `project` as the score `path` (its type already checked). True: the writing started."""
        from app.score_export import ScoreExport

        job = ScoreExport(project, path, self.files.window)
        job.finished_with.connect(lambda done, notes, error: self._written(path, done, notes, error))
        self.job = job
        job.start()
        return True

    def _written(self, path: str, done: bool | None, notes: list[str], error: str) -> None:
        self.job = None
        if error:
            self.files.ask(QMessageBox.Warning, self.tr("Cannot save file"), error)
        elif done:
            self.files.session.message.emit("; ".join([fill(self.tr("Saved %1"), Path(path).name)] + notes))
        else:
            self.files.session.message.emit(fill(self.tr("Export of %1 cancelled"), Path(path).name))

    def wait(self, timeout_s: float = 120.0) -> bool:
        """Keep the event loop turning until the job has finished; False if it is still running."""
        deadline = time.monotonic() + timeout_s
        while self.job is not None and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        return self.job is None

    def stop(self) -> None:
        """Cancel a running job and wait for its thread to end (before the window goes)."""
        if self.job is not None:
            self.job.thread.cancelled = True
            self.job.thread.wait()
