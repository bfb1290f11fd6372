"""Ctrl+Z and Shift+Ctrl+Z reach the song's undo from a number box (the tempo, the meter).

A spin box is a line edit inside: it claims Undo and Redo as its own
shortcuts (Qt's ShortcutOverride), so while the tempo box had the focus
Ctrl+Z did nothing to the song: at best it undid the box's own typing of a
value already entered. Here the box keeps Undo only while it holds typing not yet
entered (its text differs from its value); otherwise the key goes on to the window's Undo/Redo actions, as in
DAWs, where the tempo field never swallows the undo key.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox


class UndoKeysToWindow(QObject):
    """An event filter for spin boxes (see the module docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.ShortcutOverride and (
                event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo)):
            box = watched if isinstance(watched, QAbstractSpinBox) else watched.parent()
            if isinstance(box, (QSpinBox, QDoubleSpinBox)) and not _typing(box):
                event.ignore()
                return True  # not claimed: the window's shortcut runs
        return False


def _typing(box: QSpinBox | QDoubleSpinBox) -> bool:
    """Whether the box shows typing not yet entered (its text is not its value's)."""
    return box.lineEdit().text() != box.prefix() + box.textFromValue(box.value()) + box.suffix()


def pass_undo_to_window(*boxes: QSpinBox | QDoubleSpinBox) -> None:
    for box in boxes:
        keys = UndoKeysToWindow(box)
        box.installEventFilter(keys)
        box.lineEdit().installEventFilter(keys)
