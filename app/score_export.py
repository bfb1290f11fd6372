"""Export MusicXML off the UI thread, with a progress bar and a Cancel button.

The export (engine.musicxml) writes a 49k-note symphony movement in about
2.5 s; on the UI thread that would freeze the window, so it runs in a thread
exactly as opening a score does (app.score_open: the dialog polls the
thread's progress and result every 30 ms). The song handed over is an
immutable snapshot, so the user's edits meanwhile do not change what is
written. The target is written atomically: a failure or a Cancel leaves any
old file there exactly as it was, and no temporary file behind.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.i18n import fill
from app.score_open import ScoreOpen, ScoreReadThread
from engine.project import Project


class ScoreWriteThread(ScoreReadThread):
    """Writes one project with engine.files.save_song_file; `result` is (True, notes, "") when written,
    (None, [], "") when cancelled and (None, [], reason) on failure."""

    def __init__(self, project: Project, path: str, parent=None) -> None:
        super().__init__(path, parent=parent)
        self.project = project

    def _cancel_error(self) -> type[Exception]:
        from engine.musicxml import ExportCancelled

        return ExportCancelled

    def work(self) -> tuple:
        from engine.files import save_song_file

        return True, save_song_file(self.project, self.path, progress=self._progress)


class ScoreExport(ScoreOpen):
    """The progress dialog that owns one background export; `finished_with(done, notes, error)` reports the end
    (done None and error "" means the user cancelled)."""

    def __init__(self, project: Project, path: str, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        self.setWindowTitle(self.tr("Export MusicXML"))
        self.setLabelText(fill(self.tr("Writing %1…"), Path(path).name))
        self.thread.deleteLater()  # the reading thread ScoreOpen made, never started
        self.thread = ScoreWriteThread(project, path, self)
