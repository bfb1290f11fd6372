"""The piano-roll canvas: paints the current track over the others and feeds mouse events to the tool.

It is the `canvas` the tools work on: it knows how to hit-test notes, snap
positions and audition a pitch, and it repaints when the song, the selection or
the view changes. The wheel scrolls (Shift: sideways) and zooms (Ctrl: time,
Ctrl+Shift: pitch).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QWidget

from app import theme
from app.roll.lane import repaint_on_changes
from app.roll.options import EditorOptions
from app.roll.roll_painter import RollPainter
from app.roll.snap import Snap, snap_pitch_to_scale
from app.roll.tools import TOOL_CLASSES, Tool
from app.roll.view import RollView, wheel_zoom_factor
from app.session import Session
from engine.notes import Note
from engine.song import Song

EDGE_PX = 5


class PianoRoll(QWidget):
    BYPASS_SNAP = Qt.ControlModifier  # hold while dragging to place freely
    toolChanged = Signal(str)
    auditioned = Signal(int, int)  # pitch, velocity: the window plays it through the Player
    bandSelected = Signal()  # a rubber band ended with notes selected (the composer's region follows it)

    def __init__(self, session: Session, view: RollView, options: EditorOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.options = options
        self.painter = RollPainter(view, options)
        self.draw_velocity = 100
        self.live_notes: tuple[Note, ...] = ()  # a recording in progress, drawn like a tool's preview
        self.decorations: list = []  # callables (painter, roll) drawn over the notes (AI takes, the region)
        self.context_menu = None  # () -> QMenu for right-click with the Select or Erase tool (Draw erases)
        self.tools: dict[str, Tool] = {cls.name: cls(self) for cls in TOOL_CLASSES}
        self.tool: Tool = self.tools["Draw"]
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.setMinimumSize(200, 120)
        repaint_on_changes(self, session, view, options)

    # --- what tools need --------------------------------------------------------
    @property
    def song(self) -> Song:
        return self.session.song

    @property
    def snap(self) -> Snap:
        return self.options.snap

    @property
    def grid_step(self) -> int:
        return self.snap.step(self.song.ticks_per_quarter)

    def pitch_for_y(self, y: float) -> int:
        pitch = self.view.pitch_at(y)
        return snap_pitch_to_scale(pitch, self.song.key_at(0)) if self.options.snap_to_scale else pitch

    def hit(self, pos: QPointF, ignore: frozenset[Note] = frozenset()) -> tuple[Note | None, str | None]:
        """The current track's note under `pos` and which part: 'start', 'end' or 'body'."""
        track = self.session.current_track
        if track is None:
            return None, None
        pitch = self.view.pitch_at(pos.y())
        slack = EDGE_PX / self.view.px_per_tick
        tick = self.view.tick_at(pos.x())
        found = None
        for note in self.painter.index.sounding(track, tick - slack, tick + slack):
            if note.pitch == pitch and note not in ignore:
                width = max(3.0, note.duration * self.view.px_per_tick)
                if note.start - slack <= tick <= note.start + width / self.view.px_per_tick + slack:
                    found = note
        if found is None:
            return None, None
        x0 = self.view.x_of(found.start)
        x1 = x0 + max(3.0, found.duration * self.view.px_per_tick)
        if x1 - x0 >= 3 * EDGE_PX:
            if abs(pos.x() - x1) <= EDGE_PX:
                return found, "end"
            if abs(pos.x() - x0) <= EDGE_PX:
                return found, "start"
        return found, "body"

    def notes_in_rect(self, rect: QRectF) -> list[Note]:
        track = self.session.current_track
        if track is None:
            return []
        low, high = self.view.pitch_at(rect.bottom()), self.view.pitch_at(rect.top())
        t0, t1 = self.view.tick_at(rect.left()), self.view.tick_at(rect.right())
        return [n for n in self.painter.index.sounding(track, t0, t1) if low <= n.pitch <= high]

    def set_live_notes(self, notes) -> None:
        notes = tuple(notes)
        if notes != self.live_notes:
            self.live_notes = notes
            self.update()

    def audition(self, pitch: int, velocity: int) -> None:
        self.auditioned.emit(pitch, velocity)

    # --- tools --------------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        self.tool = self.tools[name]
        self.setCursor(self.tool.cursor)
        self.toolChanged.emit(name)
        self.update()

    # --- events -------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        tool = self.tool
        self.painter.paint(painter, self.song, self.session.current_track, self.session.selection,
                           tool.hidden, tuple(tool.preview) + self.live_notes, self.width(), self.height())
        for decorate in self.decorations:
            decorate(painter, self)
        if tool.band is not None:
            painter.fillRect(tool.band, theme.RUBBER_BAND)
            painter.setPen(theme.RUBBER_BAND.lighter(200))
            painter.drawRect(tool.band)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.MouseFocusReason)
        self.tool.press(event)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() == Qt.NoButton:
            self.setCursor(self.tool.hover_cursor(event.position()))
            return
        self.tool.move(event)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.tool.release(event)
        self.update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.context_menu is not None and self.tool.name != "Draw":
            self.context_menu().exec(event.globalPos())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        mods = event.modifiers()
        pos = event.position()
        if mods & Qt.ControlModifier and mods & Qt.ShiftModifier:
            self.view.zoom_pitch(wheel_zoom_factor(delta), pos.y())
        elif mods & Qt.ControlModifier:
            self.view.zoom_time(wheel_zoom_factor(delta), pos.x())
        elif mods & Qt.ShiftModifier or event.angleDelta().x():
            self.view.scroll_to(x=self.view.scroll_x - delta)
        else:
            self.view.scroll_to(y=self.view.scroll_y - delta / 120 * 3 * self.view.key_height, height=self.height())
        event.accept()
