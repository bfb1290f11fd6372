"""The chord lane above the roll: chord symbols per bar/beat, typed in place.

Double-click a chord to change it, or empty space to add one on that beat. The
text goes through `engine.chords.parse_chord`; what it cannot read is shown as a
red message next to the field, which stays open so the user can fix the typo.
An empty field removes the chord. Every change is one SongPropertiesEdit.
A name wider than its block (chords a beat apart) is drawn in a smaller font
rather than cut ("Csu" for Csus4); its tooltip always has the whole name.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import QLabel, QLineEdit, QToolTip

from app import theme
from app.i18n import fill
from app.roll.lane import TimeLane
from engine.chords import ChordEvent, ChordParseError, parse_chord
from engine.edits import SongPropertiesEdit

LANE_HEIGHT = 26
FIELD_WIDTH = 90
MIN_FONT_SCALE = 0.7  # a chord name shrinks this far to fit its block before it is shortened


class _ChordField(QLineEdit):
    """The in-place editor; Escape closes it without a change."""

    def __init__(self, lane: "ChordLane") -> None:
        super().__init__(lane)
        self.lane = lane

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_Escape:
            event.accept()  # Escape closes this field rather than clearing the note selection
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key_Escape:
            self.lane.close_editor()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if not self.lane.error.isVisible():
            self.lane.close_editor()


class ChordLane(TimeLane):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setFixedHeight(LANE_HEIGHT)
        self.field = _ChordField(self)
        self.field.setPlaceholderText("Am7, F/C…")
        self.field.returnPressed.connect(self.commit)
        self.field.hide()
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {theme.ERROR.name()}; background: {theme.PANEL.name()}; padding: 0 4px;")
        self.error.hide()
        self.editing_tick: int | None = None

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self.paint_background(painter, beats=False)
        song, view = self.session.song, self.view
        chords = song.chords
        end_x = self.width()
        for i, chord in enumerate(chords):
            x0 = view.x_of(chord.tick)
            x1 = view.x_of(chords[i + 1].tick) if i + 1 < len(chords) else max(x0 + 60, view.x_of(song.length_ticks))
            if x1 < 0 or x0 > end_x:
                continue
            block = QRectF(x0 + 1, 3, max(24.0, x1 - x0 - 2), self.height() - 6)
            painter.fillRect(block, theme.ROW_TONIC)
            painter.fillRect(QRectF(x0 + 1, 3, 2, self.height() - 6), theme.ACCENT)
            painter.setPen(theme.TEXT)
            label = QRectF(max(block.x(), 0.0) + 5, block.y(), block.right() - max(block.x(), 0.0) - 6, block.height())
            font, text = fitted_label(self.font(), chord.name, label.width())
            painter.setFont(font)
            painter.drawText(label, Qt.AlignVCenter | Qt.AlignLeft, text)  # sticks to the left edge
        painter.fillRect(QRectF(0, self.height() - 1, self.width(), 1), theme.LINE_BAR)
        self.paint_decorations(painter)
        self.paint_playhead(painter)
        painter.end()

    def event(self, event) -> bool:
        """A chord's tooltip is its whole name (a label squeezed between close chords may be shortened)."""
        if event.type() == QEvent.ToolTip:
            chord = self.session.song.chord_at(int(self.view.tick_at(event.pos().x())))
            if chord is not None and self.view.x_of(chord.tick) <= event.pos().x():
                QToolTip.showText(event.globalPos(), chord.name, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def chord_under(self, x: float) -> ChordEvent | None:
        """The chord whose label block starts at most a label's width left of `x`."""
        chord = self.session.song.chord_at(int(self.view.tick_at(x)))
        if chord is not None and x - self.view.x_of(chord.tick) <= FIELD_WIDTH:
            return chord
        return None

    def beat_at(self, x: float) -> int:
        """The start of the beat under `x` (chords go on beats, whatever the snap grid)."""
        meters = self.session.song.meter_map
        tick = int(self.view.tick_at(x))
        pos = meters.position(tick)
        return tick - pos.tick_in_beat

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        chord = self.chord_under(x)
        self.open_editor(chord.tick if chord else self.beat_at(x))

    def open_editor(self, tick: int) -> None:
        existing = next((c for c in self.session.song.chords if c.tick == tick), None)
        self.editing_tick = tick
        self.error.hide()
        self.field.setText(existing.name if existing else "")
        self.field.setGeometry(int(self.view.x_of(tick)), 1, FIELD_WIDTH, self.height() - 2)
        self.field.show()
        self.field.selectAll()
        self.field.setFocus(Qt.OtherFocusReason)

    def close_editor(self) -> None:
        self.editing_tick = None
        self.field.hide()
        self.error.hide()

    def commit(self) -> None:
        """Set, change or (empty text) remove the chord at the edited tick."""
        if self.editing_tick is None:
            return
        text = self.field.text().strip()
        tick = self.editing_tick
        try:
            chord = parse_chord(text) if text else None
        except ChordParseError as error:
            self.show_error(fill(self.tr("Not a chord: %1 (try Am7, F/C, Gsus4)"), text))
            self.error.setToolTip(str(error))
            return
        song = self.session.song
        others = tuple(c for c in song.chords if c.tick != tick)
        chords = others if not text else tuple(sorted(others + (ChordEvent(tick, chord),), key=lambda c: c.tick))
        self.close_editor()
        if chords != song.chords:
            label = self.tr("Remove chord") if not text else self.tr("Set chord")
            self.session.push(SongPropertiesEdit.changing(song, label, chords=chords))

    def show_error(self, text: str) -> None:
        """The message right of the field, or left of it where the lane ends first, never cut by the edge."""
        self.error.setText(text)
        self.error.adjustSize()
        field, width = self.field.geometry(), self.error.width()
        x = field.right() + 6
        if x + width > self.width():
            x = field.left() - 6 - width if field.left() - 6 - width >= 0 else max(0, self.width() - width)
        self.error.move(QPointF(x, 3).toPoint())
        self.error.show()
        self.error.raise_()


def fitted_label(font: QFont, name: str, width: float) -> tuple[QFont, str]:
    """A chord name for a label `width` px wide: whole, in a font shrunk down to MIN_FONT_SCALE if need be,
    and only then cut short with "…" (chords one beat apart at the default zoom fit whole)."""
    if QFontMetricsF(font).horizontalAdvance(name) <= width:
        return font, name
    smaller = QFont(font)
    points = font.pointSizeF() > 0
    full = font.pointSizeF() if points else float(font.pixelSize())
    size = full
    while size > full * MIN_FONT_SCALE:  # half a point at a time: text does not shrink in proportion
        size = max(full * MIN_FONT_SCALE, size - 0.5)
        if points:
            smaller.setPointSizeF(size)
        else:
            smaller.setPixelSize(max(1, round(size)))
        if QFontMetricsF(smaller).horizontalAdvance(name) <= width:
            return smaller, name
    return smaller, QFontMetricsF(smaller).elidedText(name, Qt.ElideRight, width)
