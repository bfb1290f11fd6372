"""The marker lane: markers (verse, chorus, cue) and hit points (moments of picture) on the roll's time axis.

Markers are amber flags that keep their bar and beat; hit points are red
diamonds locked to their timecode, which stay at their time when the tempo
changes (engine.song.Marker). Everything the lane does is one undo step through
the session (engine.markers builds the edits):

- M adds a marker at the playhead, Shift+M a hit point at the playhead's frame;
- click a flag to take the playhead there; drag it to move it (markers snap to
  the grid, hit points to whole frames; Ctrl places freely); double-click it to
  rename it, or double-click the empty lane to add a marker there;
- right-click for rename, delete, lock to timecode / unlock, a hit point at a
  typed timecode, and fitting the tempo to the hits; Delete removes the
  selected marker.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPolygonF
from PySide6.QtWidgets import QInputDialog, QMenu

from app import theme
from app.i18n import fill
from app.roll.lane import TimeLane
from engine import markers as marker_edits
from engine.song import Marker
from engine.timecode import TimecodeError, frame_at_seconds, frame_seconds

LANE_HEIGHT = 24
FLAG_PX = 7        # half-width of a flag: what a click must come within
HIT_COLOUR = theme.PLAYHEAD


def claim_delete_key(event, selected: bool) -> bool:
    """Take Delete/Backspace from the editor's "delete notes" shortcut while the lane has something selected
    (a ShortcutOverride accepted here reaches keyPressEvent instead). Shared by the marker and tempo lanes."""
    if event.type() == QEvent.ShortcutOverride and selected and event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
        event.accept()
        return True
    return False


def ask_text(title: str, label: str, text: str) -> str | None:
    """One line of text from the user (None: cancelled); the lanes' tests put their own function in its place."""
    value, ok = QInputDialog.getText(None, title, label, text=text)
    return value if ok else None


class MarkerLane(TimeLane):
    fitRequested = Signal()  # "Fit tempo to hits…" chosen here; the window opens the dialog

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setFixedHeight(LANE_HEIGHT)
        self.setFocusPolicy(Qt.ClickFocus)
        self.selected: Marker | None = None
        self._dragging: Marker | None = None
        self._drop: tuple[int, float | None] | None = None   # where the marker being dragged would land
        self._press_x = 0.0
        self.ask_text = ask_text  # (title, label, text) -> str | None; tests replace the dialog

    # --- editing (each one undo step) -------------------------------------------------
    def _next_name(self, stem: str) -> str:
        used = {m.text for m in self.session.song.markers}
        number = 1
        while f"{stem} {number}" in used:
            number += 1
        return f"{stem} {number}"

    def add_marker(self, tick: int, text: str | None = None) -> bool:
        song = self.session.song
        text = text if text is not None else self._next_name(self.tr("Marker"))
        return self._push(marker_edits.add_marker(song, max(0, int(tick)), text, self.tr("Add marker")))

    def add_hit(self, seconds: float, text: str | None = None) -> bool:
        song = self.session.song
        text = text if text is not None else self._next_name(self.tr("Hit"))
        return self._push(marker_edits.add_hit_point(song, max(0.0, seconds), text, self.tr("Add hit point")))

    def add_marker_at_playhead(self) -> bool:
        return self.add_marker(self.options.playhead)

    def add_hit_at_playhead(self) -> bool:
        """A hit point at the start of the frame the playhead is in."""
        song = self.session.song
        return self.add_hit(self._frame_start(song.seconds(self.options.playhead)))

    def add_hit_at_timecode(self, label: str | None = None, text: str | None = None) -> bool:
        """A hit point at a typed timecode (asked for when `label` is None), optionally followed by its name as a
        spotting list has it (`01:00:04:19 Door slam`); a bad label is one line, and nothing changes."""
        timecode = self.session.song.timecode
        if label is None:
            label = self.ask_text(self.tr("Add hit point"), fill(self.tr("Timecode and name (%1 fps):"),
                                                                 timecode.rate.name),
                                  timecode.text_at(self.session.song.seconds(self.options.playhead)))
            if label is None:
                return False
        label, _, name = label.strip().partition(" ")
        text = text if text is not None else (name.strip() or None)
        try:
            seconds = timecode.parse(label)
        except TimecodeError as error:
            self.session.message.emit(fill(self.tr("Cannot add hit point: %1"), error))
            return False
        return self.add_hit(seconds, text)

    def rename(self, marker: Marker, text: str | None = None) -> bool:
        if text is None:
            text = self.ask_text(self.tr("Rename marker"), self.tr("Name:"), marker.text)
            if text is None:
                return False
        return text != marker.text and self._push(marker_edits.rename_marker(self.session.song, marker, text))

    def move(self, marker: Marker, tick: int, seconds: float | None = None) -> bool:
        """Move to `tick`; a hit point moves to `seconds` (default: the time of `tick`) and stays locked there."""
        song = self.session.song
        if marker.is_hit and seconds is not None:
            moved = replace(marker, seconds=max(0.0, seconds))
            return moved != marker and self._push(marker_edits.replace_marker(song, marker, moved, "Move marker"))
        return tick != marker.tick and self._push(marker_edits.move_marker(song, marker, max(0, tick)))

    def delete(self, marker: Marker) -> bool:
        self.selected = None
        return self._push(marker_edits.delete_markers(self.session.song, (marker,)))

    def set_hit(self, marker: Marker, hit: bool) -> bool:
        return self._push(marker_edits.set_hit(self.session.song, marker, hit))

    def _push(self, edit) -> bool:
        return self.session.push(edit)

    def _frame_start(self, seconds: float) -> float:
        rate = self.session.song.timecode.rate
        return frame_seconds(frame_at_seconds(seconds, rate), rate)

    # --- painting -----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = self.label_painter()
        song, view = self.session.song, self.view
        lo, hi = view.tick_at(-300), view.tick_at(self.width() + FLAG_PX)
        placed = sorted((self._drop[0] if m == self._dragging and self._drop is not None else m.tick, i)
                        for i, m in enumerate(song.markers))
        shown = [(view.x_of(tick), song.markers[i]) for tick, i in placed if lo <= tick <= hi]
        metrics = QFontMetricsF(painter.font())
        for k, (x, marker) in enumerate(shown):
            room = (shown[k + 1][0] if k + 1 < len(shown) else self.width() + 400) - x - 12
            self._paint_marker(painter, marker, x, metrics, room)
        painter.fillRect(QRectF(0, self.height() - 1, self.width(), 1), theme.LINE_BAR)
        self.paint_playhead(painter)
        painter.end()

    def _paint_marker(self, painter: QPainter, marker: Marker, x: float, metrics: QFontMetricsF,
                      room: float) -> None:
        """A flag (marker) or a diamond (hit point) at `x`, its name cut to `room` pixels so that names of
        markers close together never overprint."""
        h = self.height()
        colour = HIT_COLOUR if marker.is_hit else theme.ACCENT
        if marker == self.selected:
            colour = theme.SELECTION
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour)
        if marker.is_hit:
            mid = h / 2
            painter.drawPolygon(QPolygonF([QPointF(x, mid - 6), QPointF(x + 6, mid), QPointF(x, mid + 6),
                                           QPointF(x - 6, mid)]))
        else:
            painter.drawPolygon(QPolygonF([QPointF(x, 3), QPointF(x + 9, 7), QPointF(x, 11)]))
        painter.fillRect(QRectF(round(x), 2, 1, h - 3), colour)
        painter.setPen(colour)
        label = marker.text
        if marker.is_hit:
            label = f"{label}  {self.session.song.timecode.text_at(marker.seconds)}"
        if room > metrics.horizontalAdvance("…"):
            painter.drawText(QPointF(x + 9, h - 7), metrics.elidedText(label, Qt.ElideRight, room))

    # --- mouse and keys --------------------------------------------------------------------
    def marker_at(self, x: float) -> Marker | None:
        """The marker whose flag is under `x` (the last drawn, i.e. the latest, when flags overlap)."""
        found = None
        for marker in self.session.song.markers:
            if abs(self.view.x_of(marker.tick) - x) <= FLAG_PX:
                found = marker
        return found

    def _drop_at(self, x: float, free: bool) -> tuple[int, float | None]:
        """Where a drag at `x` puts the marker being dragged, as (tick, seconds of a hit point): the grid for a
        marker, the start of a frame for a hit point, exactly `x` when `free`."""
        tick = self.view.tick_at(x)
        song = self.session.song
        if self._dragging is not None and self._dragging.is_hit:
            seconds = song.seconds(tick) if free else self._frame_start(song.seconds(tick))
            return round(song.tempo_map.tick(seconds)), seconds
        return (round(tick) if free else self.options.snap.snap(tick, song.meter_map)), None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        marker = self.marker_at(x)
        self.selected = marker
        if event.button() == Qt.RightButton:
            self._context_menu(marker, x).exec(event.globalPosition().toPoint())
        elif event.button() == Qt.LeftButton and marker is not None:
            self._dragging, self._drop, self._press_x = marker, None, x
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging is not None and abs(event.position().x() - self._press_x) >= 3:
            self._drop = self._drop_at(event.position().x(), bool(event.modifiers() & Qt.ControlModifier))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        marker, drop = self._dragging, self._drop
        self._dragging, self._drop = None, None
        if marker is not None and drop is None:
            self.options.seek(marker.tick)    # a click (no drag) takes the playhead to the marker
        elif marker is not None and self.move(marker, *drop):
            same = [m for m in self.session.song.markers if (m.text, m.is_hit) == (marker.text, marker.is_hit)]
            self.selected = min(same, key=lambda m: abs(m.tick - drop[0]), default=None)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        marker = self.marker_at(x)
        if marker is not None:
            self.rename(marker)
        else:
            self.add_marker(self.options.snap.snap(self.view.tick_at(x), self.session.song.meter_map))

    def event(self, event) -> bool:
        return claim_delete_key(event, self.selected in self.session.song.markers) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.selected in self.session.song.markers:
            self.delete(self.selected)
        else:
            super().keyPressEvent(event)

    def _context_menu(self, marker: Marker | None, x: float) -> QMenu:
        menu = QMenu(self)
        tick = self.options.snap.snap(self.view.tick_at(x), self.session.song.meter_map)
        if marker is not None:
            menu.addAction(self.tr("Rename…"), lambda: self.rename(marker))
            menu.addAction(self.tr("Delete"), lambda: self.delete(marker))
            if marker.is_hit:
                menu.addAction(self.tr("Unlock from timecode (keep bar and beat)"), lambda: self.set_hit(marker, False))
            else:
                menu.addAction(self.tr("Lock to timecode (hit point)"), lambda: self.set_hit(marker, True))
            menu.addSeparator()
        menu.addAction(self.tr("Add marker here"), lambda: self.add_marker(tick))
        menu.addAction(self.tr("Add hit point here"),
                       lambda: self.add_hit(self._frame_start(self.session.song.seconds(self.view.tick_at(x)))))
        menu.addAction(self.tr("Add hit point at timecode…"), lambda: self.add_hit_at_timecode())
        menu.addSeparator()
        menu.addAction(self.tr("Fit tempo to hits…"), self.fitRequested.emit)
        return menu
