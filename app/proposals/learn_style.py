"""Compose › Learn a style…: adapt the composer to a folder of the user's own pieces (composer.style).

The learning runs in a process of its own (composer.style.worker: training
holds the GIL in plain Python for minutes, and the editor must stay
responsive); the dialog polls its messages every 100 ms, the way the score
dialog polls its reader, and shows the step, the loss and the time left.
Cancel sets the process's event and the process ends without writing
anything; closing the dialog cancels too. When learning ends the dialog shows
what was measured on the held-out pieces (loss before and after, and says so
when the style did not improve) and every skipped file with its reason.

Styles live in the user's data folder (`style_data_folder`: Qt's
AppDataLocation, or $CADENZA_DATA_DIR for tests and portable installs), the
folder `cadenza learn-style` uses by default too.
"""
from __future__ import annotations

import os
import queue
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from app.i18n import fill

POLL_MS = 100


def style_data_folder() -> str:
    """Where styles are kept: $CADENZA_DATA_DIR, else Qt's AppDataLocation (~/.local/share/Cadenza/Cadenza)."""
    return os.environ.get("CADENZA_DATA_DIR") or QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)


# composer.style.store's layout (STYLES_FOLDER/NAME + SUFFIX), repeated here because the panel lists styles at
# start-up, before the composer may be imported (tests/app/test_startup.py); test_learn_style checks they agree.
STYLES_FOLDER, SUFFIX = "styles", ".cadenza-style"


def style_names() -> list[str]:
    """The learned styles' names, sorted (file names only: nothing is read, the composer is not imported)."""
    folder = Path(style_data_folder()) / STYLES_FOLDER
    return sorted(p.name.removesuffix(SUFFIX) for p in folder.glob(f"*{SUFFIX}") if p.is_file()) \
        if folder.is_dir() else []


def duration_words(seconds: float) -> str:
    """"45 s", "2 min 10 s"."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return fill(QCoreApplication.translate("LearnStyleDialog", "%1 s"), seconds)
    return fill(QCoreApplication.translate("LearnStyleDialog", "%1 min %2 s"), seconds // 60, seconds % 60)


class LearnStyleDialog(QDialog):
    """Folder, name, Learn; then progress with the loss and the time left, and Cancel; then the measured result."""

    styleLearned = Signal(str)   # the name of a style just written

    def __init__(self, model_path: str | None = None, parent: QWidget | None = None, settings: dict | None = None):
        super().__init__(parent)
        self.model_path, self.settings = model_path, settings   # settings: LearnSettings fields (tests: shorter)
        self.process = self.messages = self.cancel_event = None
        self.outcome: str | None = None   # "done", "cancelled", "failed" once the process has said so
        self.setWindowTitle(self.tr("Learn a style"))
        intro = QLabel(self.tr("Cadenza learns from the MIDI, MusicXML and Cadenza files in a folder of your own "
                               "pieces, on this computer. Some pieces are held out to measure the style."))
        intro.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("A folder of your pieces"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. My film cues"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.learn = self.buttons.addButton(self.tr("Learn"), QDialogButtonBox.AcceptRole)
        self.cancel = self.buttons.addButton(QDialogButtonBox.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.Close)
        self.learn.clicked.connect(self.start)
        self.cancel.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.reject)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Name"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self._show_running(False)
        self.resize(520, 200)

    @property
    def running(self) -> bool:
        return self.process is not None

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of your pieces"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            if not self.name.text().strip():
                self.name.setText(os.path.basename(folder.rstrip("/\\")))

    def start(self) -> bool:
        """Start learning (False, with the reason shown, when the folder or name is missing)."""
        from composer.style import worker

        folder, name = self.folder.text().strip(), self.name.text().strip()
        if not folder or not os.path.isdir(folder):
            self._say(self.tr("Choose a folder of your pieces first"), error=True)
            return False
        if not name:
            self._say(self.tr("Give the style a name"), error=True)
            return False
        self.outcome = None
        self.report.clear()
        self.report.setVisible(False)
        self.process, self.messages, self.cancel_event = worker.start(folder, name, self.model_path,
                                                                      style_data_folder(), self.settings)
        self._show_running(True)
        self._say(self.tr("Reading the pieces…"))
        self.timer.start()
        return True

    def stop(self) -> None:
        """Cancel learning (nothing is written); when nothing runs, Cancel closes the dialog."""
        if self.running:
            self.cancel_event.set()
            self._say(self.tr("Cancelling…"))
        else:
            self.reject()

    def poll(self) -> None:
        """Show what the learning process said since the last poll; finish when it is done."""
        while self.running:
            try:
                kind, value = self.messages.get_nowait()
            except queue.Empty:
                if not self.process.is_alive() and self.messages.empty():
                    self._finish("failed", self.tr("The learning process stopped unexpectedly; no style written"))
                return
            if kind == "progress":
                self._progress(value)
            else:
                self._finish(kind, value)

    def _progress(self, report: dict) -> None:
        self.progress.setValue(round(report["fraction"] * 100))
        if report["phase"] == "learning":
            left = report["seconds_left"]
            text = fill(self.tr("Learning: step %1, loss %2"), report["step"], f"{report['loss']:.3f}")
            if left is not None:
                text += fill(self.tr(", about %1 left"), duration_words(left))
            self._say(text)
        elif report["phase"] == "measuring":
            self._say(self.tr("Measuring on the held-out pieces…"))
        elif report["phase"] == "saving":
            self._say(self.tr("Saving the style…"))

    def _finish(self, outcome: str, value) -> None:
        self.timer.stop()
        self._let_go()
        self.outcome = outcome
        self._show_running(False)
        if outcome == "done":
            self.progress.setValue(100)
            self._show_result(value)
            self.styleLearned.emit(value["summary"]["style"])
        elif outcome == "cancelled":
            self.progress.setValue(0)
            self._say(self.tr("Cancelled; no style written"))
        else:
            self._say(value, error=True)

    def _show_result(self, result: dict) -> None:
        summary = result["summary"]
        before, after = summary["heldout_loss_before"], summary["heldout_loss_after"]
        verdict = (self.tr("It fits your held-out pieces better than the composer alone.") if summary["improved"]
                   else self.tr("It did NOT fit your held-out pieces better than the composer alone."))
        self._say(fill(self.tr("Style “%1” learned in %2."), summary["style"], duration_words(summary["seconds"])))
        lines = [verdict,
                 fill(self.tr("Held-out loss: %1 before, %2 after (lower is closer; %3 held-out piece(s))."),
                      f"{before:.3f}", f"{after:.3f}", summary["heldout_pieces"]),
                 fill(self.tr("Learned from %1 piece(s) in %2 steps."), summary["pieces"] - summary["heldout_pieces"],
                      summary["steps"])]
        proposals = result["stats"].get("proposals") or {}
        if proposals.get("cases"):
            rows = ((self.tr("notes a bar"), "notes_per_cell"),
                    (self.tr("notes-a-bar error"), "density_abs_error_vs_truth"),
                    (self.tr("range error"), "range_abs_error_vs_truth"),
                    (self.tr("pitch-class distance"), "pitch_class_distance"),
                    (self.tr("pitch use vs. your held-out pieces (key-relative distance)"),
                     "degree_distance_to_pieces"),
                    (self.tr("repeated bars"), "repeated_bar_share"))
            lines.append(fill(self.tr("Proposals into %1 held-out region(s), composer alone → with the style "
                                      "(the pieces themselves):"), proposals["cases"]))
            for label, key in rows:
                lines.append(f"  {label}: {_number(proposals['base'].get(key))} → "
                             f"{_number(proposals['styled'].get(key))} ({_number(proposals['original'].get(key))})")
        if result["skipped"]:
            lines.append(fill(self.tr("Skipped %1 file(s):"), len(result["skipped"])))
            lines += [f"  {file}: {reason}" for file, reason in result["skipped"]]
        self.report.setPlainText("\n".join(lines))
        self.report.setVisible(True)

    def _show_running(self, running: bool) -> None:
        self.learn.setEnabled(not running)
        self.folder.setEnabled(not running)
        self.name.setEnabled(not running)
        self.cancel.setVisible(running)
        self.close_button.setVisible(not running)
        self.progress.setVisible(running or self.outcome == "done")

    def _say(self, text: str, error: bool = False) -> None:
        from app import theme
        colour = theme.ERROR.name() if error else theme.TEXT_DIM.name()
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setText(text)

    def reject(self) -> None:
        """Closing the dialog while learning cancels it: the process stops at its next step and writes nothing."""
        if self.running:
            self.cancel_event.set()
            self.timer.stop()
            self._let_go()
        super().reject()

    def _let_go(self) -> None:
        """Forget the process without waiting for it: after its last message it still tears torch down, which
        took over 5 s on a busy machine, and a join here stalled the editor for that long (measured). The
        process is a daemon; multiprocessing reaps it when it ends."""
        self.process = self.messages = self.cancel_event = None


def _number(value) -> str:
    return "–" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
