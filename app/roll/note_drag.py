"""Dragging notes: move, copy (Alt) and resize from either edge, for the whole selection.

While the mouse moves nothing changes in the song; the drag only computes a
preview that the roll draws. On release the result becomes one NotesEdit, so a
drag is one undo step however far the mouse went.
"""
from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QPointF, Qt

from app.roll.snap import snap_pitch_to_scale
from engine.notes import Note


class DragMode(Enum):
    MOVE = "move"
    COPY = "copy"
    RESIZE_START = "resize start"
    RESIZE_END = "resize end"

    @property
    def label(self) -> str:
        """The drag's undo step, as the history shows it."""
        if self is DragMode.MOVE:
            return QCoreApplication.translate("NoteDrag", "Move notes")
        if self is DragMode.COPY:
            return QCoreApplication.translate("NoteDrag", "Copy notes")
        return QCoreApplication.translate("NoteDrag", "Resize notes")


class NoteDrag:
    def __init__(self, canvas, anchor: Note, notes: frozenset[Note], mode: DragMode, pos: QPointF) -> None:
        self.canvas = canvas
        self.anchor = anchor
        self.notes = tuple(sorted(notes))
        self.mode = mode
        self.origin_tick = canvas.view.tick_at(pos.x())
        self.origin_pitch = canvas.view.pitch_at(pos.y())
        self.preview: tuple[Note, ...] = self.notes if mode is not DragMode.COPY else ()
        self._heard_pitch = anchor.pitch

    @property
    def hidden(self) -> frozenset[Note]:
        return frozenset() if self.mode is DragMode.COPY else frozenset(self.notes)

    def update(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        canvas = self.canvas
        bypass = bool(modifiers & canvas.BYPASS_SNAP)
        raw = canvas.view.tick_at(pos.x()) - self.origin_tick
        if self.mode in (DragMode.MOVE, DragMode.COPY):
            target = canvas.snap.snap(self.anchor.start + raw, canvas.song.meter_map, bypass)
            dt = max(target - self.anchor.start, -min(n.start for n in self.notes))
            pitch = canvas.view.pitch_at(pos.y())
            if canvas.options.snap_to_scale:
                pitch = snap_pitch_to_scale(pitch, canvas.song.key_at(0))
            dp = pitch - self.anchor.pitch
            dp = max(dp, -min(n.pitch for n in self.notes))
            dp = min(dp, 127 - max(n.pitch for n in self.notes))
            if self.anchor.pitch + dp != self._heard_pitch:  # a note dragged to a new pitch sounds it
                self._heard_pitch = self.anchor.pitch + dp
                canvas.audition(self._heard_pitch, self.anchor.velocity)
            if self.mode is DragMode.COPY and dt == dp == 0:
                self.preview = ()  # a copy on top of the original is never what was meant
            else:
                move = Note.copied if self.mode is DragMode.COPY else Note.with_   # a copy is a new note: unlocked
                self.preview = tuple(move(n, start=n.start + dt, pitch=n.pitch + dp) for n in self.notes)
        elif self.mode is DragMode.RESIZE_END:
            target = canvas.snap.snap(self.anchor.end + raw, canvas.song.meter_map, bypass)
            delta = target - self.anchor.end
            self.preview = tuple(n.with_(duration=max(self._shortest(n, bypass), n.duration + delta))
                                 for n in self.notes)
        else:
            target = canvas.snap.snap(self.anchor.start + raw, canvas.song.meter_map, bypass)
            delta = target - self.anchor.start
            self.preview = tuple(self._moved_start(n, delta, bypass) for n in self.notes)

    def _shortest(self, note: Note, bypass: bool) -> int:
        return 1 if bypass or not self.canvas.snap.enabled else min(note.duration or 1, self.canvas.grid_step)

    def _moved_start(self, note: Note, delta: int, bypass: bool) -> Note:
        start = max(0, min(note.start + delta, note.end - self._shortest(note, bypass)))
        return note.with_(start=start, duration=note.end - start)

    def finish(self) -> None:
        if not self.preview or (self.mode is not DragMode.COPY and self.preview == self.notes):
            return
        copy = self.mode is DragMode.COPY   # copies are new notes (Note.copied); moved and resized ones keep their locks
        self.canvas.session.replace_notes(() if copy else self.notes, self.preview, self.mode.label)
