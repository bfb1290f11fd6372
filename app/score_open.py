"""Open a MusicXML score off the UI thread, with a progress bar and a Cancel button.

A 25-part symphony movement takes a second or two to read; on the UI thread
that would freeze the window. The engine reads the file in a QThread and
reports progress (bytes parsed, then parts read) through a signal; the dialog
is window-modal, so the window keeps repainting but cannot be edited while the
song it shows is about to be replaced. Nothing of the current project changes
until the whole score has been read: a failure or a Cancel leaves it exactly
as it was, and the one-line reason comes back through `finished_with`.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.dialogs import set_up_progress
from app.i18n import fill
from engine.errors import CadenzaError

PROGRESS_STEPS = 1000


class OpenCancelled(Exception):
    """Raised inside the engine's progress callback to stop reading when the user cancels."""


class ScoreReadThread(QThread):
    """Reads one file with engine.files.open_song_file; `done(project or None, notes, error)` ends it."""

    progressed = Signal(int)          # 0..PROGRESS_STEPS
    done = Signal(object, list, str)  # the Project (None on failure or cancel), notes for the user, error line

    def __init__(self, path: str, unfold_repeats: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.path = path
        self.unfold_repeats = unfold_repeats
        self.cancelled = False

    def _progress(self, fraction: float) -> None:
        if self.cancelled:
            raise OpenCancelled
        self.progressed.emit(int(fraction * PROGRESS_STEPS))

    def run(self) -> None:
        from engine.files import open_song_file

        try:
            project, notes = open_song_file(self.path, self.unfold_repeats, progress=self._progress)
        except OpenCancelled:
            self.done.emit(None, [], "")
        except (CadenzaError, OSError) as error:
            self.done.emit(None, [], str(error).splitlines()[0] if str(error) else self.path)
        except Exception as error:  # a bug must still reach the user as one line, not kill the thread silently
            self.done.emit(None, [], f"{self.path}: {type(error).__name__}: {error}".splitlines()[0])
        else:
            self.done.emit(project, notes, "")


class ScoreOpen(QProgressDialog):
    """The progress dialog that owns one background open; `finished_with(project, notes, error)` reports the end
    (project None and error "" means the user cancelled)."""

    finished_with = Signal(object, list, str)

    def __init__(self, path: str, parent: QWidget | None = None, unfold_repeats: bool = True) -> None:
        super().__init__(parent)
        label = fill(self.tr("Reading %1…"), Path(path).name)
        # shown after 300 ms: a small score opens before the dialog would flash up
        set_up_progress(self, self.tr("Open score"), label, PROGRESS_STEPS, shown_after_ms=300)
        self.path = path
        self.thread = ScoreReadThread(path, unfold_repeats, self)
        self.thread.progressed.connect(self.setValue)
        self.thread.done.connect(self._done)
        self.canceled.connect(self._cancel)
        self.result_project = None

    def start(self) -> None:
        self.setValue(0)
        self.thread.start()

    def _cancel(self) -> None:
        self.thread.cancelled = True

    def _done(self, project, notes: list, error: str) -> None:
        self.thread.wait()
        self.result_project = project
        self.close()
        self.finished_with.emit(project, notes, error)
