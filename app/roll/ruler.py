"""The ruler: bar numbers and beats (following meter changes), the loop region and the playhead.

Click to move the playhead; drag to set the loop region (it snaps to the grid);
right-click to clear the loop. Shift+drag (or Shift+click) selects whole bars
for the composer instead (`barsSelected`), leaving the loop alone, and
right-click inside that region opens the menu `menu_for` gives. Meter and tempo changes are labelled where they
happen, so a 7/8 bar in the middle of a 4/4 song is visible at a glance.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPolygonF

from app import theme
from app.roll.lane import TimeLane
from app.roll.timegrid import MIN_BAR_LABEL_SPACING_PX, LineKind, visible_lines

RULER_HEIGHT = 34
DRAG_THRESHOLD_PX = 4


class Ruler(TimeLane):
    barsSelected = Signal(int, int)  # first and last bar (0-based) of a Shift+drag

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setFixedHeight(RULER_HEIGHT)
        self._press_x: float | None = None
        self._dragging = False
        self._selecting_bars = False
        self.menu_for = None  # tick -> a QMenu to show on right-click there, or None (then it clears the loop)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.PANEL)
        song, view, height = self.session.song, self.view, self.height()
        self._paint_loop(painter)
        last_label_x = -1e9
        font = painter.font()
        font.setPointSizeF(8)
        painter.setFont(font)
        for line in visible_lines(song, view, self.options.snap, self.width()):
            x = round(line.x)
            if line.kind is LineKind.BAR:
                painter.fillRect(QRectF(x, height * 0.45, 1, height), theme.LINE_BAR)
                if x - last_label_x >= MIN_BAR_LABEL_SPACING_PX:
                    painter.setPen(theme.TEXT)
                    painter.drawText(QPointF(x + 4, height * 0.42), str(line.bar + 1))
                    last_label_x = x
            elif line.kind is LineKind.BEAT:
                painter.fillRect(QRectF(x, height * 0.72, 1, height), theme.LINE_BAR)
        self._paint_changes(painter)
        self.paint_decorations(painter)
        painter.fillRect(QRectF(0, height - 1, self.width(), 1), theme.LINE_BAR)
        self._paint_playhead_marker(painter)
        painter.end()

    def _paint_loop(self, painter: QPainter) -> None:
        if self.options.loop is None:
            return
        start, end = self.options.loop
        x0, x1 = self.view.x_of(start), self.view.x_of(end)
        colour = theme.LOOP_EDGE if self.options.loop_enabled else theme.TEXT_DIM
        band = QRectF(x0, 0, x1 - x0, 7)
        painter.fillRect(band, colour)
        painter.fillRect(QRectF(x0, 0, x1 - x0, self.height()), theme.LOOP)

    def _paint_changes(self, painter: QPainter) -> None:
        """Meter and tempo changes after the start, in the lower half."""
        song, view = self.session.song, self.view
        painter.setPen(theme.ACCENT)
        y = self.height() - 5
        previous = None
        for meter in song.meters:  # only real changes: files often repeat the meter at tick 0
            x = view.x_of(meter.tick)
            if meter.tick and (meter.numerator, meter.denominator) != previous and -40 < x < self.width():
                painter.drawText(QPointF(x + 8, y), str(meter))
            previous = (meter.numerator, meter.denominator)
        painter.setPen(theme.TEXT_DIM)
        for before, tempo in zip(song.tempos, song.tempos[1:]):
            x = view.x_of(tempo.tick)
            if round(before.bpm) != round(tempo.bpm) and -60 < x < self.width():
                painter.drawText(QPointF(x + 8, y - 11), f"♩={tempo.bpm:.0f}")

    def _paint_playhead_marker(self, painter: QPainter) -> None:
        x = self.view.x_of(self.options.playhead)
        h = self.height()
        painter.setPen(Qt.NoPen)
        painter.setBrush(theme.PLAYHEAD)
        painter.drawPolygon(QPolygonF([QPointF(x - 6, h - 10), QPointF(x + 6, h - 10), QPointF(x, h)]))
        painter.fillRect(QRectF(round(x), h - 10, 1, 10), theme.PLAYHEAD)

    def _snapped(self, x: float) -> int:
        return self.options.snap.snap(self.view.tick_at(x), self.session.song.meter_map)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.RightButton:
            menu = self.menu_for(self.view.tick_at(event.position().x())) if self.menu_for else None
            if menu is not None:
                menu.exec(event.globalPosition().toPoint())
            else:
                self.options.set(loop=None, loop_enabled=False)
        elif event.button() == Qt.LeftButton:
            self._press_x = event.position().x()
            self._dragging = False
            self._selecting_bars = bool(event.modifiers() & Qt.ShiftModifier)
            if self._selecting_bars:
                self._select_bars(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press_x is None:
            return
        if abs(event.position().x() - self._press_x) >= DRAG_THRESHOLD_PX:
            self._dragging = True
        if self._selecting_bars:
            self._select_bars(event.position().x())
        elif self._dragging:
            self.options.set_loop(self._snapped(self._press_x), self._snapped(event.position().x()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press_x is not None and not self._dragging and not self._selecting_bars:
            self.options.seek(self._snapped(event.position().x()))
        self._press_x = None
        self._dragging = False
        self._selecting_bars = False

    def _select_bars(self, x: float) -> None:
        meters = self.session.song.meter_map
        first = meters.position(int(self.view.tick_at(self._press_x))).bar
        last = meters.position(int(self.view.tick_at(x))).bar
        self.barsSelected.emit(min(first, last), max(first, last))
