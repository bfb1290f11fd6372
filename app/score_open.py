"""Open a MusicXML score off the UI thread, with a progress bar and a Cancel button.

A 25-part symphony movement takes a second or two to read; on the UI thread
that would freeze the window. The engine reads the file in a QThread; the
dialog polls its progress (bytes parsed, then parts read) and its result with
a 30 ms timer instead of hearing signals from the thread: measured with
benchmarks/bench_musicxml_import.py, a hundred signals emitted from the
reading thread kept the UI thread waiting up to 0.3 s at a time; polling
leaves it waiting under 50 ms. The dialog
is window-modal, so the window keeps repainting but cannot be edited while the
song it shows is about to be replaced. Nothing of the current project changes
until the whole score has been read: a failure or a Cancel leaves it exactly
as it was, and the one-line reason comes back through `finished_with`.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.dialogs import set_up_progress
from app.i18n import fill
from engine.errors import CadenzaError

PROGRESS_STEPS = 1000
POLL_MS = 30


class OpenCancelled(Exception):
    """Raised inside the engine's progress callback to stop reading when the user cancels."""


class ScoreReadThread(QThread):
    """Reads one file with engine.files.open_song_file. It emits nothing: its owner polls `progress`
    (0..PROGRESS_STEPS) and, once it `isFinished()`, takes `result` (the Project or None on failure or
    cancel, notes for the user, the error line)."""

    def __init__(self, path: str, unfold_repeats: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.path = path
        self.unfold_repeats = unfold_repeats
        self.cancelled = False
        self.progress = 0
        self.result: tuple = (None, [], "")

    def _cancel_error(self) -> type[Exception]:
        """What the progress callback raises to stop the engine's work when the user cancels."""
        return OpenCancelled

    def _progress(self, fraction: float) -> None:
        if self.cancelled:
            raise self._cancel_error()
        self.progress = int(fraction * PROGRESS_STEPS)

    def _finish(self, project, notes: list, error: str) -> None:
        self.result = (project, notes, error)

    def work(self) -> tuple:
        """The engine's job: (its result, notes for the user). Runs on the thread."""
        from engine.files import open_song_file

        return open_song_file(self.path, self.unfold_repeats, progress=self._progress)

    def run(self) -> None:
        try:
            project, notes = self.work()
        except self._cancel_error():
            self._finish(None, [], "")
        except (CadenzaError, OSError) as error:
            self._finish(None, [], str(error).splitlines()[0] if str(error) else self.path)
        except Exception as error:  # a bug must still reach the user as one line, not kill the thread silently
            self._finish(None, [], f"{self.path}: {type(error).__name__}: {error}".splitlines()[0])
        else:
            self._finish(project, notes, "")


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
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._poll)
        self.canceled.connect(self._cancel)
        self.result_project = None

    def start(self) -> None:
        self.setValue(0)
        self.thread.start()
        self.poll.start()

    def _poll(self) -> None:
        if self.thread.isFinished():
            self.poll.stop()
            self._done(*self.thread.result)
        elif self.thread.progress != self.value():
            self.setValue(self.thread.progress)

    def _cancel(self) -> None:
        self.thread.cancelled = True

    def _done(self, project, notes: list, error: str) -> None:
        self.thread.wait()
        self.result_project = project
        self.close()
        self.finished_with.emit(project, notes, error)
