"""Small dialogs: quantize settings, the keyboard shortcut list, and message boxes.

Message boxes go through `ask` so every question the app asks the user is built
the same way (title, one-line text, buttons) and tests can find the open box
with QApplication.activeModalWidget() and answer it like a user.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QMessageBox,
                               QProgressDialog, QSlider, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.roll.snap import DIVISIONS, Snap
from engine.errors import CadenzaError


def ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
        buttons: QMessageBox.StandardButton = QMessageBox.Ok,
        default: QMessageBox.StandardButton = QMessageBox.NoButton) -> QMessageBox.StandardButton:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setObjectName("CadenzaMessage")
    if default != QMessageBox.NoButton:
        box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


def file_error_text(path: str, error: Exception) -> str:
    """The one line a message box shows when a file cannot be read or written.

    A CadenzaError already names the file and the reason; an OSError gets the path and its plain reason
    (strerror, not Python's "[Errno 2] ..." form)."""
    if isinstance(error, CadenzaError):
        return str(error)
    return f"{path}: {getattr(error, 'strerror', None) or error}"


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    ask(parent, QMessageBox.Warning, title, text)


def set_up_progress(dialog: QProgressDialog, title: str, label: str, steps: int, shown_after_ms: int) -> None:
    """A window-modal progress dialog for background work (a render, a score read) that its owner closes.

    Its Cancel button is Qt's own, so Qt's translation names it."""
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setRange(0, steps)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(shown_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)


class QuantizeDialog(QDialog):
    """Grid, strength and swing for quantize (Q)."""

    GRIDS = [Snap(d) for d in DIVISIONS[2:]] + [Snap(d, True) for d in DIVISIONS[2:]]

    def __init__(self, current: Snap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quantize"))
        self.grid = QComboBox()
        self.grid.addItems([s.text for s in self.GRIDS])
        matching = [i for i, s in enumerate(self.GRIDS) if (s.division, s.triplet) == (current.division, current.triplet)]
        self.grid.setCurrentIndex(matching[0] if matching else 2)
        self.strength = self._slider(100)
        self.swing = self._slider(0)
        self.ends = QCheckBox(self.tr("Quantize note ends too"))
        form = QFormLayout()
        form.addRow(self.tr("Grid"), self.grid)
        form.addRow(self.tr("Strength"), self.strength)
        form.addRow(self.tr("Swing"), self.swing)
        form.addRow("", self.ends)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def _slider(value: int) -> QSlider:
        slider = QSlider(Qt.Horizontal)
        slider.setRange(0, 100)
        slider.setValue(value)
        return slider

    def settings(self, ticks_per_quarter: int) -> dict:
        """Keyword arguments for NoteActions.quantize."""
        return {"grid_ticks": self.GRIDS[self.grid.currentIndex()].step(ticks_per_quarter),
                "strength": self.strength.value() / 100, "swing": self.swing.value() / 100,
                "ends": self.ends.isChecked()}


class ShortcutsDialog(QDialog):
    """Every action with a shortcut, read from the window's own actions so it never goes stale."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        for i, (name, keys) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(name))
            table.setItem(i, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnToContents(0)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
