"""Roll tools: draw, select, erase. Each is a small class the roll forwards mouse events to.

A tool never changes the song while the mouse moves; it exposes `hidden` (notes
not to draw), `preview` (notes to draw instead) and `band` (a rubber band) for
the roll to paint, and pushes one edit on release. Number keys 1..3 pick them.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QMouseEvent

from app.roll.note_drag import DragMode, NoteDrag
from engine.notes import Note


class Tool:
    name = ""
    shortcut = ""
    cursor = Qt.ArrowCursor

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.drag: NoteDrag | None = None
        self.band: QRectF | None = None

    @property
    def hidden(self) -> frozenset[Note]:
        return self.drag.hidden if self.drag else frozenset()

    @property
    def preview(self) -> tuple[Note, ...]:
        return self.drag.preview if self.drag else ()

    def press(self, event: QMouseEvent) -> None:
        pass

    def move(self, event: QMouseEvent) -> None:
        if self.drag:
            self.drag.update(event.position(), event.modifiers())

    def release(self, event: QMouseEvent) -> None:
        if self.drag:
            drag, self.drag = self.drag, None
            drag.finish()

    def hover_cursor(self, pos: QPointF) -> Qt.CursorShape:
        note, edge = self.canvas.hit(pos)
        if note is not None and edge != "body":
            return Qt.SizeHorCursor
        return Qt.SizeAllCursor if note is not None else self.cursor

    def start_drag_on(self, note: Note, edge: str, event: QMouseEvent) -> None:
        """Grab `note` (and the rest of the selection, which must contain it) by `edge`."""
        if edge == "start":
            mode = DragMode.RESIZE_START
        elif edge == "end":
            mode = DragMode.RESIZE_END
        else:
            mode = DragMode.COPY if event.modifiers() & Qt.AltModifier else DragMode.MOVE
        self.drag = NoteDrag(self.canvas, note, self.canvas.session.selection, mode, event.position())
        if mode in (DragMode.MOVE, DragMode.COPY):
            self.canvas.audition(note.pitch, note.velocity)


class SelectTool(Tool):
    """Click selects, Shift-click adds/removes, drag on empty space draws a rubber band,
    drag a note to move it (Alt: copy), drag its edge to resize."""

    name = QT_TRANSLATE_NOOP("Tool", "Select")
    shortcut = "2"

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self._band_origin: QPointF | None = None
        self._band_base: frozenset[Note] = frozenset()

    def press(self, event: QMouseEvent) -> None:
        if event.button() != Qt.LeftButton:
            return
        session = self.canvas.session
        note, edge = self.canvas.hit(event.position())
        shift = bool(event.modifiers() & Qt.ShiftModifier)
        if note is None:
            self._band_origin = event.position()
            self._band_base = session.selection if shift else frozenset()
            session.set_selection(self._band_base)
            return
        if shift:
            session.set_selection(session.selection ^ {note})
            if note not in session.selection:
                return
        elif note not in session.selection:
            session.set_selection({note})
        self.start_drag_on(note, edge, event)

    def move(self, event: QMouseEvent) -> None:
        if self._band_origin is not None:
            self.band = QRectF(self._band_origin, event.position()).normalized()
            self.canvas.session.set_selection(self._band_base | frozenset(self.canvas.notes_in_rect(self.band)))
        super().move(event)

    def release(self, event: QMouseEvent) -> None:
        banded = self.band is not None and bool(self.canvas.session.selection)
        self._band_origin, self.band = None, None
        super().release(event)
        if banded:
            self.canvas.bandSelected.emit()


class DrawTool(Tool):
    """Click-drag draws a note (the drag sets its length; it sounds while drawing).
    A click on a note moves or resizes it as the select tool would; right-click erases."""

    name = QT_TRANSLATE_NOOP("Tool", "Draw")
    shortcut = "1"
    cursor = Qt.CrossCursor

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.length: int | None = None  # the last drawn length, reused by a plain click
        self._new: Note | None = None

    @property
    def preview(self) -> tuple[Note, ...]:
        return (self._new,) if self._new else super().preview

    def press(self, event: QMouseEvent) -> None:
        canvas = self.canvas
        note, edge = canvas.hit(event.position())
        if event.button() == Qt.RightButton:
            if note is not None:
                canvas.session.replace_notes((note,), (), QCoreApplication.translate("Tool", "Erase notes"),
                                             select=None)
            return
        if event.button() != Qt.LeftButton:
            return
        if note is not None:
            if note not in canvas.session.selection:
                canvas.session.set_selection({note})
            self.start_drag_on(note, edge, event)
            return
        start = canvas.snap.floor(canvas.view.tick_at(event.position().x()), canvas.song.meter_map,
                                  bool(event.modifiers() & canvas.BYPASS_SNAP))
        pitch = canvas.pitch_for_y(event.position().y())
        self._new = Note(start=start, pitch=pitch, duration=self.length or canvas.grid_step,
                         velocity=canvas.draw_velocity)
        canvas.audition(pitch, self._new.velocity)

    def move(self, event: QMouseEvent) -> None:
        if self._new is None:
            return super().move(event)
        canvas = self.canvas
        bypass = bool(event.modifiers() & canvas.BYPASS_SNAP)
        end = canvas.snap.snap(canvas.view.tick_at(event.position().x()), canvas.song.meter_map, bypass)
        shortest = 1 if bypass or not canvas.snap.enabled else canvas.grid_step
        self._new = self._new.with_(duration=max(shortest, end - self._new.start))

    def release(self, event: QMouseEvent) -> None:
        if self._new is None:
            return super().release(event)
        note, self._new = self._new, None
        self.length = note.duration
        self.canvas.session.replace_notes((), (note,), QCoreApplication.translate("Tool", "Draw note"))


class EraseTool(Tool):
    """Click or sweep over notes to delete them (one undo step per sweep)."""

    name = QT_TRANSLATE_NOOP("Tool", "Erase")
    shortcut = "3"
    cursor = Qt.PointingHandCursor

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self._erased: set[Note] = set()
        self._active = False

    @property
    def hidden(self) -> frozenset[Note]:
        return frozenset(self._erased)

    def press(self, event: QMouseEvent) -> None:
        if event.button() == Qt.LeftButton:
            self._active = True
            self._erase_at(event.position())

    def move(self, event: QMouseEvent) -> None:
        if self._active:
            self._erase_at(event.position())

    def release(self, event: QMouseEvent) -> None:
        erased, self._erased, self._active = self._erased, set(), False
        if erased:
            self.canvas.session.replace_notes(erased, (), QCoreApplication.translate("Tool", "Erase notes"),
                                              select=None)

    def hover_cursor(self, pos: QPointF) -> Qt.CursorShape:
        return self.cursor

    def _erase_at(self, pos: QPointF) -> None:
        note, _ = self.canvas.hit(pos, ignore=frozenset(self._erased))
        if note is not None:
            self._erased.add(note)


TOOL_CLASSES = (DrawTool, SelectTool, EraseTool)
