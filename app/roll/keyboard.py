"""The keyboard at the roll's left edge: shows where each pitch is and auditions it on click.

It shares the roll's pitch axis (RollView), so its keys always line up with the
rows; a wheel over it scrolls the roll vertically. For a drum track
(`set_drums`: role drums or MIDI channel 10) it shows no piano keys but the
General MIDI drum sound of each row ("38 Acoustic Snare"), and widens to fit
the names. `row_label` is what a row says; hovering a row shows it as a
tooltip (the note name on a piano key), also when the rows are too thin to
write in.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QToolTip, QWidget

from app import theme
from app.roll.roll_painter import BLACK_KEYS
from app.roll.view import RollView
from app.tracks.gm import DRUM_NAMES, drum_label
from engine.pitch import midi_note_name

KEYBOARD_WIDTH = 64
WHITE = QColor("#e8e8e8")
WHITE_PRESSED = QColor("#f2c66d")
BLACK = QColor("#1a1a1a")
BLACK_PRESSED = QColor("#b8862b")
DRUM_ROW = QColor("#e8e8e8")
DRUM_ROW_ALT = QColor("#d9dde3")        # every other row, so a name is easy to follow to its row
DRUM_ROW_NONE = QColor("#9aa0a8")       # keys outside the GM kit
LABEL = QColor("#222")
MIN_LABEL_ROW = 8                       # rows thinner than this (px) are not written in
TEXT_PAD = 5


class PianoKeyboard(QWidget):
    pressed = Signal(int)  # pitch

    def __init__(self, view: RollView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.held: int | None = None
        self.drums = False
        self.painted_labels: list[tuple[int, str]] = []    # (pitch, text) of the rows the last paint wrote in
        self.setFixedWidth(KEYBOARD_WIDTH)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        view.changed.connect(self.update)

    # --- what a row says -----------------------------------------------------------------
    def set_drums(self, drums: bool) -> None:
        """Drum names (a drum track) or piano keys; the keyboard is as wide as the longest name needs."""
        if drums != self.drums:
            self.drums = drums
            self.setFixedWidth(self._drum_width() if drums else KEYBOARD_WIDTH)
            self.update()

    def row_label(self, pitch: int) -> str:
        """What `pitch`'s row is labelled: "36 Bass Drum 1" on a drum track, else "C4" on a C ("" elsewhere)."""
        if self.drums:
            return drum_label(pitch)
        return midi_note_name(pitch) if pitch % 12 == 0 else ""

    def label_font(self) -> QFont:
        """The labels' font at the current row height (8.4 pt at the default 14 px rows)."""
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, min(8.5, self.view.key_height * 0.6)))
        return font

    def _drum_width(self) -> int:
        font = QFont(self.font())
        font.setPointSizeF(8.5)                 # the largest the labels get
        metrics = QFontMetrics(font)
        return max(KEYBOARD_WIDTH, max(metrics.horizontalAdvance(drum_label(p)) for p in DRUM_NAMES) + 2 * TEXT_PAD + 2)

    # --- painting ----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.PANEL)
        painter.setFont(self.label_font())
        view = self.view
        self.painted_labels = []
        for pitch in range(view.pitch_at(self.height()), view.pitch_at(0) + 1):
            if self.drums:
                self._drum_row(painter, pitch)
            else:
                self._piano_key(painter, pitch)
            label = self.row_label(pitch)
            if label and view.key_height >= MIN_LABEL_ROW:
                self._write(painter, pitch, label)
        painter.fillRect(QRectF(self.width() - 1, 0, 1, self.height()), theme.LINE_BAR)
        painter.end()

    def _piano_key(self, painter: QPainter, pitch: int) -> None:
        view, width = self.view, self.width()
        y, kh = view.y_of(pitch), view.key_height
        held = pitch == self.held
        if pitch % 12 in BLACK_KEYS:
            painter.fillRect(QRectF(0, y, width, kh), WHITE)
            painter.fillRect(QRectF(0, y, width * 0.62, kh), BLACK_PRESSED if held else BLACK)
        else:
            painter.fillRect(QRectF(0, y, width, kh), WHITE_PRESSED if held else WHITE)
        if pitch % 12 in (0, 5):  # the gap between white keys below C and F
            painter.fillRect(QRectF(0, y + kh - 1, width, 1), QColor("#9a9a9a"))

    def _drum_row(self, painter: QPainter, pitch: int) -> None:
        view, width = self.view, self.width()
        y, kh = view.y_of(pitch), view.key_height
        if pitch == self.held:
            colour = WHITE_PRESSED
        elif pitch not in DRUM_NAMES:
            colour = DRUM_ROW_NONE
        else:
            colour = DRUM_ROW_ALT if pitch % 2 else DRUM_ROW
        painter.fillRect(QRectF(0, y, width, kh), colour)
        painter.fillRect(QRectF(0, y + kh - 1, width, 1), QColor("#b4b9c0"))

    def _write(self, painter: QPainter, pitch: int, label: str) -> None:
        y, kh = self.view.y_of(pitch), self.view.key_height
        painter.setPen(LABEL if self.drums else QColor("#444"))
        if self.drums:
            painter.drawText(QRectF(TEXT_PAD, y, self.width() - 2 * TEXT_PAD, kh), Qt.AlignLeft | Qt.AlignVCenter, label)
        else:
            painter.drawText(QRectF(0, y, self.width() - 4, kh), Qt.AlignRight | Qt.AlignVCenter, label)
        self.painted_labels.append((pitch, label))

    # --- input -----------------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            pitch = self.view.pitch_at(event.pos().y())
            QToolTip.showText(event.globalPos(), self.row_label(pitch) if self.drums else midi_note_name(pitch), self)
            return True
        return super().event(event)

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
