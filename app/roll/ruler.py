"""The ruler: timecode, bar numbers and beats (following meter changes), the loop region and the playhead.

Click to move the playhead; drag to set the loop region (it snaps to the grid);
right-click to clear the loop. Shift+drag (or Shift+click) selects whole bars
for the composer instead (`barsSelected`), leaving the loop alone, and
right-click inside that region opens the menu `menu_for` gives. Meter and tempo changes are labelled where they
happen, so a 7/8 bar in the middle of a 4/4 song is visible at a glance; a
label that would overprint another is left out (a file can change tempo
thousands of times), meters before tempos.

The top row is SMPTE timecode at the song's frame rate from its start offset
(engine.timecode), labelled every 1, 2, 5, 10 or 30 frames or 1, 2, 5, 10,
15 or 30 seconds or minutes, whichever leaves room between labels; the marks
follow the tempo map, so a ritardando spreads them out.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPolygonF

from app import theme
from app.roll.lane import LABEL_POINTS, TimeLane
from app.roll.timegrid import MIN_BAR_LABEL_SPACING_PX, LineKind, visible_lines
from engine.song import Song
from engine.timecode import DAY_HOURS, SongTimecode, Timecode, frame_number, frame_seconds, timecode_at_frame

TIMECODE_ROW = 14
RULER_HEIGHT = 34 + TIMECODE_ROW
DRAG_THRESHOLD_PX = 4
LABEL_GAP_PX = 6
MIN_TIMECODE_SPACING_PX = 90
MAX_TIMECODE_MARKS = 1000
_SECOND_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)
_FRAME_STEPS = (1, 2, 5, 10)


def timecode_step_frames(song: Song, px_per_second: float) -> int:
    """Frames between timecode labels: the smallest step (a few frames, then whole seconds and minutes)
    whose labels stand `MIN_TIMECODE_SPACING_PX` apart."""
    fps = float(song.timecode.rate.fps)
    nominal = song.timecode.rate.nominal
    for frames in _FRAME_STEPS:
        if frames < nominal and frames / fps * px_per_second >= MIN_TIMECODE_SPACING_PX:
            return frames
    for seconds in _SECOND_STEPS:
        if seconds * px_per_second >= MIN_TIMECODE_SPACING_PX:
            return seconds * nominal
    return _SECOND_STEPS[-1] * nominal


def timecode_marks(timecode: SongTimecode, t0: float, t1: float, step_frames: int) -> Iterator[tuple[float, str]]:
    """(song seconds, label) of the timecode marks between song times t0 and t1, `step_frames` apart.

    Steps of whole seconds fall on labels ending in :00 frames at multiples of the step (01:00:12:00,
    01:00:14:00), counted in labels, not frames, so drop-frame marks stay on round labels too (where a
    minute's ;00 does not exist, its ;02 is marked). Smaller steps are multiples of frames.
    """
    rate, start = timecode.rate, timecode.start_frame
    if step_frames < rate.nominal:
        frame = max(-(-start // step_frames), timecode.frame_at(t0) // step_frames) * step_frames
        while True:
            seconds = frame_seconds(frame - start, rate)
            if seconds > t1:
                return
            yield seconds, timecode_at_frame(frame, rate).text(rate)
            frame += step_frames
        return
    step = step_frames // rate.nominal
    label = timecode.label_at(max(0.0, t0))
    total = -(-(label.hours * 3600 + label.minutes * 60 + label.seconds) // step) * step
    for _ in range(MAX_TIMECODE_MARKS):   # bounded: labels wrap at 24 hours
        mark = Timecode(total // 3600 % DAY_HOURS, total // 60 % 60, total % 60, 0)
        if rate.drop and mark.seconds == 0 and mark.minutes % 10:
            mark = Timecode(mark.hours, mark.minutes, 0, 2)
        seconds = frame_seconds(frame_number(mark, rate) - start, rate)
        if seconds > t1:
            return
        if seconds >= 0:
            yield seconds, mark.text(rate)
        total += step


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
        bars_top = TIMECODE_ROW
        self._paint_loop(painter)
        font = painter.font()
        font.setPointSizeF(LABEL_POINTS)
        painter.setFont(font)
        self._paint_timecode(painter)
        last_label_x = -1e9
        lower = height - bars_top
        for line in visible_lines(song, view, self.options.snap, self.width()):
            x = round(line.x)
            if line.kind is LineKind.BAR:
                painter.fillRect(QRectF(x, bars_top + lower * 0.45, 1, height), theme.LINE_BAR)
                if x - last_label_x >= MIN_BAR_LABEL_SPACING_PX:
                    painter.setPen(theme.TEXT)
                    painter.drawText(QPointF(x + 4, bars_top + lower * 0.42), str(line.bar + 1))
                    last_label_x = x
            elif line.kind is LineKind.BEAT:
                painter.fillRect(QRectF(x, bars_top + lower * 0.72, 1, height), theme.LINE_BAR)
        self._paint_changes(painter)
        self.paint_decorations(painter)
        painter.fillRect(QRectF(0, TIMECODE_ROW - 1, self.width(), 1), theme.LINE_BEAT)
        painter.fillRect(QRectF(0, height - 1, self.width(), 1), theme.LINE_BAR)
        self._paint_playhead_marker(painter)
        painter.end()

    def _paint_timecode(self, painter: QPainter) -> None:
        """hh:mm:ss:ff labels along the top row, placed through the tempo map."""
        song, view = self.session.song, self.view
        timecode, tempo_map = song.timecode, song.tempo_map
        t0 = tempo_map.seconds(view.tick_at(0))
        t1 = tempo_map.seconds(view.tick_at(self.width()))
        px_per_second = self.width() / max(t1 - t0, 1e-9)
        step = timecode_step_frames(song, px_per_second)
        painter.setPen(theme.TEXT_DIM)
        for seconds, text in timecode_marks(timecode, t0, t1, step):
            x = round(view.x_of(tempo_map.tick(seconds)))
            painter.fillRect(QRectF(x, 2, 1, TIMECODE_ROW - 3), theme.LINE_BEAT)
            painter.drawText(QPointF(x + 3, TIMECODE_ROW - 3), text)

    def _paint_loop(self, painter: QPainter) -> None:
        if self.options.loop is None:
            return
        start, end = self.options.loop
        x0, x1 = self.view.x_of(start), self.view.x_of(end)
        colour = theme.LOOP_EDGE if self.options.loop_enabled else theme.TEXT_DIM
        band = QRectF(x0, TIMECODE_ROW, x1 - x0, 5)
        painter.fillRect(band, colour)
        painter.fillRect(QRectF(x0, 0, x1 - x0, self.height()), theme.LOOP)

    def _paint_changes(self, painter: QPainter) -> list[tuple[float, float]]:
        """Meter and tempo changes after the start, in the lower row; labels that would overprint
        one already drawn are skipped (meters are drawn first, so they win). Tempo labels come in
        x order, so one that starts before the last one ends is skipped without being measured: a
        file with thousands of changes costs little more than one with a few."""
        song, view = self.session.song, self.view
        metrics = QFontMetricsF(painter.font())
        y = self.height() - 5
        lo, hi = view.tick_at(-200), view.tick_at(self.width())
        taken: list[tuple[float, float]] = []
        previous = None
        for meter in song.meters:  # only real changes: files often repeat the meter at tick 0
            if meter.tick and (meter.numerator, meter.denominator) != previous and lo <= meter.tick <= hi:
                self._label(painter, metrics, taken, view.x_of(meter.tick) + 8, y, str(meter), theme.ACCENT)
            previous = (meter.numerator, meter.denominator)
        meters_taken = list(taken)
        tempos = song.tempos
        ticks = [t.tick for t in tempos]
        first, last = max(1, bisect_left(ticks, lo)), bisect_right(ticks, hi)
        free_from = -1e9
        for before, tempo in zip(tempos[first - 1:last], tempos[first:last]):
            x = view.x_of(tempo.tick) + 8
            if x >= free_from and round(before.bpm) != round(tempo.bpm):
                text = f"♩={tempo.bpm:.0f}"
                if self._label(painter, metrics, meters_taken, x, y, text, theme.TEXT_DIM):
                    taken.append(meters_taken.pop())
                    free_from = taken[-1][1] + LABEL_GAP_PX
        return taken

    @staticmethod
    def _label(painter: QPainter, metrics: QFontMetricsF, taken: list[tuple[float, float]], x: float, y: float,
               text: str, colour) -> bool:
        """Draw `text` at `x` unless it would overlap a label in `taken` (then skip it); True if drawn
        (and appended to `taken`)."""
        right = x + metrics.horizontalAdvance(text)
        if any(x < end + LABEL_GAP_PX and right + LABEL_GAP_PX > begin for begin, end in taken):
            return False
        taken.append((x, right))
        painter.setPen(colour)
        painter.drawText(QPointF(x, y), text)
        return True

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
