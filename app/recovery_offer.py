"""After a crash, offer the work an earlier session left in its recovery file.

Why apart from FileController: offering recovery is its own small conversation with its own rules, run once at
start-up. A damaged recovery file is reported once and set aside so the next one can be offered; a declined
one is discarded (in an interactive run only, so a batch run never throws the user's work away); an accepted
one is shown unsaved and written at once as this session's autosave before the crashed session's file goes,
so a second crash right after recovering loses nothing. It uses the controller's document (show_project, the
undo stack's clean state, the autosaver) and adds none of its own.
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from app.autosave import Autosaver
from app.dialogs import file_error_text
from app.i18n import fill
from app.session import Session
from engine.errors import CadenzaError
from engine.project import PROJECT_SUFFIX, Project, RecoveryStore


class Files(Protocol):
    """What it uses of its FileController: the document it may replace and the way to ask the user."""

    recovery: RecoveryStore
    interactive: bool  # off in batch runs: a declined recovery is then kept, not discarded
    session: Session
    autosaver: Autosaver

    def ask(self, icon, title: str, text: str, *buttons): ...

    def show_project(self, project: Project, path: str | None) -> None: ...


class RecoveryOffer(QObject):
    def __init__(self, files: Files) -> None:
        super().__init__(files)
        self.files = files

    def offer(self) -> bool:
        """Offer the newest autosave left behind that can be read; the others are kept for later. True: recovered."""
        recovery = self.files.recovery
        for entry in recovery.pending():
            try:
                project = recovery.load(entry)
            except (CadenzaError, OSError) as error:
                kept = recovery.set_aside(entry)
                self.files.ask(QMessageBox.Warning, self.tr("Cannot recover"),
                               fill(self.tr("A recovery file is damaged and was set aside as %1: %2"), str(kept),
                                    file_error_text(str(entry.project_path), error)))
                continue
            return self._recover(entry, project)
        return False

    def _recover(self, entry, project: Project) -> bool:
        """Ask about one readable recovery; on yes show it, unsaved, and write it as this session's autosave."""
        files = self.files
        if entry.source_path:
            text = fill(self.tr("Cadenza did not close properly. Recover the unsaved changes to %1?"),
                        Path(entry.source_path).name)
        else:
            text = self.tr("Cadenza did not close properly. Recover the unsaved changes to an untitled song?")
        answer = files.ask(QMessageBox.Question, self.tr("Recover unsaved work"), text,
                           QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer != QMessageBox.Yes:
            if files.interactive:
                files.recovery.discard(entry)
            return False
        source_is_project = bool(entry.source_path and entry.source_path.endswith(PROJECT_SUFFIX))
        files.show_project(project, entry.source_path if source_is_project else None)
        files.session.undo_stack.resetClean()  # recovered work is unsaved until the user saves it
        files.autosaver.adopt(entry)  # written as ours at once; the crashed session's file goes after that
        return True
