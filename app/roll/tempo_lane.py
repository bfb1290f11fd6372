"""The tempo lane: the tempo map as a line of points you edit, and the meter changes above it.

Each tempo change is a point at its tick and BPM; the line holds its value until
the next (a step). Every edit is one undo step (a SongPropertiesEdit of
`tempos` or `meters`), and playback, render and proposals read the same
`song.tempos`:

- double-click empty space: a tempo change there (snapped), at the BPM under the mouse;
- drag a point: move it in time (snapped; Ctrl: free) and BPM; the first one stays at the start;
- click selects a point, Shift+click adds one; Delete removes the selected (not the first);
- right-click: delete, a ramp from a point to the next (or between two selected points: a
  tempo change every 16th note, linear in BPM, engine.fit_tempo.tempo_ramp), a meter change
  at that bar, or deleting the meter change there.

The BPM scale is the song's own range (padded, at least 40 BPM tall), frozen
while a drag lasts so the point stays under the mouse.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QMenu

from app import theme
from app.i18n import fill
from app.roll.lane import TimeLane
from app.roll.marker_lane import ask_text, claim_delete_key
from engine.edits import SongPropertiesEdit
from engine.fit_tempo import tempo_ramp
from engine.timing import TempoChange, TimeSignature

LANE_HEIGHT = 70
POINT_PX = 4
MIN_SPAN_BPM = 40.0
MIN_BPM, MAX_BPM = 20.0, 400.0
METER_ROW = 12


def editable_bpm(bpm: float) -> float:
    """`bpm` within what the lane edits (a file's own tempo may lie outside it, even outside what MIDI allows)."""
    return min(MAX_BPM, max(MIN_BPM, bpm))


def step_line(xs: np.ndarray, ys: np.ndarray, width: float) -> list[QPointF]:
    """The tempo line through points at (xs, ys) as polyline vertices: each value holds until the next point,
    and points that share a pixel column become one vertical stroke from their lowest to their highest, so a
    file with thousands of changes draws as many vertices as the lane has columns, not as it has changes."""
    if not len(xs):
        return []
    columns = np.floor(xs)
    starts = np.flatnonzero(np.r_[True, columns[1:] != columns[:-1]])
    lows, highs = np.minimum.reduceat(ys, starts), np.maximum.reduceat(ys, starts)
    lasts = ys[np.r_[starts[1:] - 1, len(ys) - 1]]
    held = np.r_[lasts[:1], lasts[:-1]]   # the value arriving from the left (the first column has none)
    vx = np.repeat(xs[starts], 4)
    vy = np.column_stack((held, lows, highs, lasts)).ravel()
    line = [QPointF(x, y) for x, y in zip(vx.tolist(), vy.tolist())]
    line.append(QPointF(max(width, float(xs[-1])), float(lasts[-1])))
    return line


class TempoLane(TimeLane):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setFixedHeight(LANE_HEIGHT)
        self.setFocusPolicy(Qt.ClickFocus)
        self.selected: set[int] = set()     # ticks of the selected tempo changes
        self._drag: TempoChange | None = None
        self._preview: TempoChange | None = None
        self._press = QPointF()
        self._frozen_range: tuple[float, float] | None = None
        self._range_for: tuple[TempoChange, ...] | None = None   # the tempo list `_range` was worked out for
        self._range = (100.0, 140.0)
        self._ticks: list[int] = []
        self.ask_text = ask_text  # (title, label, text) -> str | None; tests replace the dialog

    # --- scale ------------------------------------------------------------------------------
    def bpm_range(self) -> tuple[float, float]:
        """The BPM at the bottom and top of the lane (worked out once per song: y_of asks for every point)."""
        if self._frozen_range is not None:
            return self._frozen_range
        tempos = self.session.song.tempos
        if self._range_for is not tempos:
            fastest = min((t.us_per_quarter for t in tempos), default=500_000)
            slowest = max((t.us_per_quarter for t in tempos), default=500_000)
            low, high = 60_000_000 / slowest, 60_000_000 / fastest
            pad = max(5.0, (MIN_SPAN_BPM - (high - low)) / 2)
            self._range_for, self._range = tempos, (max(1.0, low - pad), high + pad)
            self._ticks = [t.tick for t in tempos]
        return self._range

    def y_of(self, bpm: float) -> float:
        low, high = self.bpm_range()
        top, bottom = METER_ROW + POINT_PX, self.height() - POINT_PX - 1
        return bottom - (bpm - low) / (high - low) * (bottom - top)

    def bpm_at(self, y: float) -> float:
        low, high = self.bpm_range()
        top, bottom = METER_ROW + POINT_PX, self.height() - POINT_PX - 1
        bpm = low + (bottom - y) / (bottom - top) * (high - low)
        return round(editable_bpm(bpm), 1)

    # --- edits --------------------------------------------------------------------------------
    def _push_tempos(self, tempos, label: str) -> bool:
        song = self.session.song
        tempos = tuple(sorted(tempos, key=lambda t: t.tick))
        if tempos == song.tempos:
            return False
        return self.session.push(SongPropertiesEdit.changing(song, label, tempos=tempos))

    def add_point(self, tick: int, bpm: float) -> bool:
        bpm = editable_bpm(bpm)
        kept = [t for t in self.session.song.tempos if t.tick != tick]
        return self._push_tempos(kept + [TempoChange.from_bpm(max(0, tick), bpm)], self.tr("Add tempo change"))

    def move_point(self, point: TempoChange, tick: int, bpm: float) -> bool:
        """Move `point` to `tick` (the first change stays at the start) and `bpm`; a change already at `tick` is replaced."""
        tick = 0 if point.tick == 0 else max(1, tick)
        bpm = editable_bpm(bpm)
        kept = [t for t in self.session.song.tempos if t != point and t.tick != tick]
        self.selected = {tick}
        return self._push_tempos(kept + [TempoChange.from_bpm(tick, bpm)], self.tr("Move tempo change"))

    def delete_points(self, ticks) -> bool:
        ticks = set(ticks) - {0}
        self.selected -= ticks
        kept = [t for t in self.session.song.tempos if t.tick not in ticks]
        return self._push_tempos(kept, self.tr("Delete tempo change"))

    def ramp(self, start_tick: int, end_tick: int | None = None) -> bool:
        """A ramp from the change at `start_tick` to the one at `end_tick` (default: the next change), replacing
        those between, one change every 16th note."""
        tempos = self.session.song.tempos
        start = next((t for t in tempos if t.tick == start_tick), None)
        later = [t for t in tempos if t.tick > start_tick]
        end = next((t for t in later if t.tick == end_tick), None) if end_tick is not None else (later or [None])[0]
        if start is None or end is None:
            self.session.message.emit(self.tr("A ramp needs a tempo change after this one"))
            return False
        step = max(1, self.session.song.ticks_per_quarter // 4)
        kept = [t for t in tempos if not start.tick <= t.tick <= end.tick]
        ramp = tempo_ramp(start.tick, end.tick, editable_bpm(start.bpm), editable_bpm(end.bpm), step)
        return self._push_tempos(kept + list(ramp), self.tr("Tempo ramp"))

    def add_meter(self, tick: int, text: str | None = None) -> bool:
        """A meter change at the bar that holds `tick`; `text` like 7/8 (asked for when None)."""
        song = self.session.song
        bar_start = song.meter_map.bar_start(song.meter_map.position(max(0, int(tick))).bar)
        if text is None:
            text = self.ask_text(self.tr("Meter change"), self.tr("Meter (e.g. 7/8):"),
                                 str(song.meter_map.meter_at(bar_start)))
            if text is None:
                return False
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        try:
            if not match:
                raise ValueError(fill(self.tr("%1 is not a meter like 3/4"), text))
            meter = TimeSignature(bar_start, int(match.group(1)), int(match.group(2)))
        except ValueError as error:
            self.session.message.emit(fill(self.tr("Cannot change meter: %1"), error))
            return False
        meters = tuple(sorted([m for m in song.meters if m.tick != bar_start] + [meter], key=lambda m: m.tick))
        return meters != song.meters and self.session.push(
            SongPropertiesEdit.changing(song, self.tr("Add meter change"), meters=meters))

    def delete_meter(self, tick: int) -> bool:
        song = self.session.song
        meters = tuple(m for m in song.meters if m.tick != tick or tick == 0)
        return meters != song.meters and self.session.push(
            SongPropertiesEdit.changing(song, self.tr("Delete meter change"), meters=meters))

    # --- painting -------------------------------------------------------------------------------
    def _visible_points(self) -> list[TempoChange]:
        """The changes on screen plus one each side, so the line reaches both edges."""
        tempos = self.session.song.tempos
        self.bpm_range()   # refreshes the per-song cache, tick list included
        ticks = self._ticks
        first = max(0, bisect_left(ticks, self.view.tick_at(0)) - 1)
        last = min(len(tempos), bisect_right(ticks, self.view.tick_at(self.width())) + 1)
        points = list(tempos[first:last])
        if self._drag is not None and self._preview is not None:
            points = sorted([p for p in points if p != self._drag and p.tick != self._preview.tick] + [self._preview],
                            key=lambda t: t.tick)
        return points

    def paintEvent(self, event) -> None:
        painter = self.label_painter()
        self._paint_meters(painter)
        points = self._visible_points()
        ticks = np.fromiter((p.tick for p in points), float, len(points))
        bpms = 60_000_000 / np.fromiter((p.us_per_quarter for p in points), float, len(points))
        xs = ticks * self.view.px_per_tick - self.view.scroll_x
        ys = self.y_of(bpms)
        pen = QPen(theme.ACCENT, 1)
        pen.setCosmetic(True)   # the plain line rasterizer: a wide pen goes through the stroker, 10x slower
        painter.setPen(pen)
        painter.drawPolyline(step_line(xs, ys, self.width()))
        # A handle per change, but one per 2 handle widths at most (the line shows the rest); selected ones always.
        buckets = np.floor(xs / (2 * POINT_PX))
        # (none at all for a song without tempo changes: a score may carry no tempo mark)
        shown = np.flatnonzero(np.r_[True, buckets[1:] != buckets[:-1]]).tolist() if len(points) else []
        shown += [i for i, p in enumerate(points) if p.tick in self.selected]
        last_label = -1e9
        for i in sorted(set(shown)):
            x, y = float(xs[i]), float(ys[i])
            colour = theme.SELECTION if points[i].tick in self.selected else theme.ACCENT
            painter.fillRect(QRectF(x - POINT_PX, y - POINT_PX, 2 * POINT_PX, 2 * POINT_PX), colour)
            if x - last_label >= 48 and 0 <= x < self.width():
                painter.setPen(theme.TEXT_DIM)
                painter.drawText(QPointF(x + 6, max(METER_ROW + 10, y - 5)), f"{bpms[i]:.1f}")
                last_label = x
        painter.fillRect(QRectF(0, 0, self.width(), 1), theme.LINE_BAR)
        self.paint_playhead(painter)
        painter.end()

    def _paint_meters(self, painter: QPainter) -> None:
        painter.setPen(theme.ACCENT)
        last_x = -1e9
        for meter in self.session.song.meters:
            x = self.view.x_of(meter.tick)
            if -40 < x < self.width() and x - last_x >= 30:
                painter.drawText(QPointF(x + 3, METER_ROW - 1), str(meter))
                last_x = x

    # --- mouse and keys ---------------------------------------------------------------------------
    def point_at(self, pos: QPointF) -> TempoChange | None:
        for point in self._visible_points():
            if abs(self.view.x_of(point.tick) - pos.x()) <= POINT_PX + 2 and \
                    abs(self.y_of(point.bpm) - pos.y()) <= POINT_PX + 2:
                return point
        return None

    def meter_at(self, x: float) -> TimeSignature | None:
        return next((m for m in self.session.song.meters if m.tick and 0 <= x - self.view.x_of(m.tick) <= 30), None)

    def _snapped(self, x: float, free: bool) -> int:
        tick = self.view.tick_at(x)
        return round(tick) if free else self.options.snap.snap(tick, self.session.song.meter_map)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        point = self.point_at(pos)
        if event.button() == Qt.RightButton:
            if point is not None and point.tick not in self.selected:
                self.selected = {point.tick}
            self._context_menu(point, pos.x()).exec(event.globalPosition().toPoint())
        elif event.button() == Qt.LeftButton:
            if point is None:
                self.selected = set()
            elif event.modifiers() & Qt.ShiftModifier:
                self.selected ^= {point.tick}
            else:
                self.selected = {point.tick}
                self._drag, self._preview, self._press = point, None, pos
                self._frozen_range = self.bpm_range()
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        pos = event.position()
        if (pos - self._press).manhattanLength() < 3:
            return
        tick = 0 if self._drag.tick == 0 else self._snapped(pos.x(), bool(event.modifiers() & Qt.ControlModifier))
        self._preview = TempoChange.from_bpm(tick, self.bpm_at(pos.y()))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point, preview = self._drag, self._preview
        self._drag, self._preview, self._frozen_range = None, None, None
        if point is not None and preview is not None:
            self.move_point(point, preview.tick, preview.bpm)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self.point_at(pos) is None:
            self.add_point(self._snapped(pos.x(), False), self.bpm_at(pos.y()))

    def event(self, event) -> bool:
        return claim_delete_key(event, bool(self.selected - {0})) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.selected:
            self.delete_points(self.selected)
        else:
            super().keyPressEvent(event)

    def _context_menu(self, point: TempoChange | None, x: float) -> QMenu:
        menu = QMenu(self)
        tick = self._snapped(x, False)
        if point is not None:
            chosen = sorted(self.selected)
            if point.tick:
                menu.addAction(self.tr("Delete tempo change"), lambda: self.delete_points(chosen or [point.tick]))
            if len(chosen) == 2:
                menu.addAction(self.tr("Ramp between the selected changes"), lambda: self.ramp(chosen[0], chosen[1]))
            else:
                menu.addAction(self.tr("Ramp to the next change"), lambda: self.ramp(point.tick))
        else:
            bpm = self.session.song.tempo_map.bpm_at(tick)
            menu.addAction(fill(self.tr("Add tempo change here (%1 BPM)"), f"{bpm:.1f}"),
                           lambda: self.add_point(tick, bpm))
        menu.addSeparator()
        menu.addAction(self.tr("Add meter change at this bar…"), lambda: self.add_meter(tick))
        meter = self.meter_at(x)
        if meter is not None:
            menu.addAction(fill(self.tr("Delete meter change %1"), str(meter)), lambda: self.delete_meter(meter.tick))
        return menu
