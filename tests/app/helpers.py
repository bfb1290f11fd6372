"""Real input for tests: mouse presses, moves and releases sent to real widgets at song coordinates.

QTest.mouseMove keeps the held button but drops keyboard modifiers, so moves
are sent as QMouseEvents with both; presses and releases go through QTest.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

NO_MODS = Qt.KeyboardModifier.NoModifier


def roll_point(roll, tick: float, pitch: int) -> QPoint:
    """The pixel of the roll at `tick`, in the middle of `pitch`'s row."""
    view = roll.view
    return QPoint(round(view.x_of(tick)), round(view.y_of(pitch) + view.key_height / 2))


def press(widget: QWidget, pos: QPoint, button=Qt.LeftButton, mods=NO_MODS) -> None:
    QTest.mousePress(widget, button, mods, pos)


def move(widget: QWidget, pos: QPoint, buttons=Qt.LeftButton, mods=NO_MODS) -> None:
    global_pos = QPointF(widget.mapToGlobal(pos))
    event = QMouseEvent(QEvent.MouseMove, QPointF(pos), global_pos, Qt.NoButton, buttons, mods)
    QApplication.sendEvent(widget, event)


def release(widget: QWidget, pos: QPoint, button=Qt.LeftButton, mods=NO_MODS) -> None:
    QTest.mouseRelease(widget, button, mods, pos)


def drag(widget: QWidget, start: QPoint, end: QPoint, button=Qt.LeftButton, mods=NO_MODS, steps: int = 4) -> None:
    """Press at `start`, move there in a few steps, release: what a hand does."""
    press(widget, start, button, mods)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        move(widget, point, button, mods)
    release(widget, end, button, mods)


def click(widget: QWidget, pos: QPoint, button=Qt.LeftButton, mods=NO_MODS) -> None:
    press(widget, pos, button, mods)
    release(widget, pos, button, mods)


def key(widget: QWidget, key, mods=NO_MODS) -> None:
    QTest.keyClick(widget, key, mods)


def undo_all(session) -> None:
    while session.undo_stack.canUndo():
        session.undo_stack.undo()


class DialogAnswerer:
    """Answers the app's modal message boxes like a user: reads each one, then clicks a button.

    `answers` are QMessageBox.StandardButtons used in order (the last one repeats).
    A QTimer polls for the modal box, so the code under test runs unchanged.
    """

    def __init__(self, *answers) -> None:
        from PySide6.QtCore import QTimer

        self.answers = list(answers) or [None]
        self.seen: list[tuple[str, str]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        self.seen.append((box.windowTitle(), box.text()))
        answer = self.answers[min(len(self.seen) - 1, len(self.answers) - 1)]
        button = box.button(answer) if answer is not None else box.buttons()[0]
        button.click()

    def stop(self) -> None:
        self.timer.stop()

    def __enter__(self) -> "DialogAnswerer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
