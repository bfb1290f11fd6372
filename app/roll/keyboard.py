"""The piano keyboard at the roll's left edge: shows where each pitch is and auditions it on click.

It shares the roll's pitch axis (RollView), so its keys always line up with the
rows; a wheel over it scrolls the roll vertically.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QWidget

from app import theme
from app.roll.roll_painter import BLACK_KEYS
from app.roll.view import RollView
from engine.pitch import midi_note_name

KEYBOARD_WIDTH = 64
WHITE = QColor("#e8e8e8")
WHITE_PRESSED = QColor("#f2c66d")
BLACK = QColor("#1a1a1a")
BLACK_PRESSED = QColor("#b8862b")


class PianoKeyboard(QWidget):
    pressed = Signal(int)  # pitch

    def __init__(self, view: RollView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.held: int | None = None
        self.setFixedWidth(KEYBOARD_WIDTH)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        view.changed.connect(self.update)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.PANEL)
        view, width = self.view, self.width()
        kh = view.key_height
        font = painter.font()
        font.setPointSizeF(max(6.0, min(8.5, kh * 0.6)))
        painter.setFont(font)
        for pitch in range(view.pitch_at(self.height()), view.pitch_at(0) + 1):
            y = view.y_of(pitch)
            black = pitch % 12 in BLACK_KEYS
            held = pitch == self.held
            if black:
                painter.fillRect(QRectF(0, y, width, kh), WHITE)
                painter.fillRect(QRectF(0, y, width * 0.62, kh), BLACK_PRESSED if held else BLACK)
            else:
                painter.fillRect(QRectF(0, y, width, kh), WHITE_PRESSED if held else WHITE)
            if pitch % 12 in (0, 5):  # the gap between white keys below C and F
                painter.fillRect(QRectF(0, y + kh - 1, width, 1), QColor("#9a9a9a"))
            if pitch % 12 == 0 and kh >= 8:
                painter.setPen(QColor("#444"))
                painter.drawText(QRectF(0, y, width - 4, kh), Qt.AlignRight | Qt.AlignVCenter, midi_note_name(pitch))
        painter.fillRect(QRectF(width - 1, 0, 1, self.height()), theme.LINE_BAR)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.LeftButton:
            self.held = self.view.pitch_at(event.position().y())
            self.pressed.emit(self.held)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.held = None
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        self.view.scroll_to(y=self.view.scroll_y - delta / 120 * 3 * self.view.key_height, height=self.height())
        event.accept()
