"""The velocity lane under the roll: one bar per note of the current track, drag to change.

Press on a bar and drag up or down. If the note is selected, every selected
note moves by the same amount (their differences are kept, as in most DAWs);
otherwise only that note changes. The drag previews live and becomes one
NotesEdit on release.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QMouseEvent, QPainter

from app import theme
from app.roll.lane import TimeLane
from app.roll.note_index import NoteIndex
from engine.notes import Note

LANE_HEIGHT = 90
BAR_WIDTH = 5
PAD = 4


class VelocityLane(TimeLane):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setFixedHeight(LANE_HEIGHT)
        self.index = NoteIndex()
        self._editing: tuple[Note, ...] = ()
        self._origin_velocity = 0
        self._anchor: Note | None = None
        self._preview: dict[Note, int] = {}

    def velocity_at(self, y: float) -> int:
        usable = self.height() - 2 * PAD
        return max(1, min(127, round((self.height() - PAD - y) / usable * 127)))

    def y_of(self, velocity: int) -> float:
        return self.height() - PAD - velocity / 127 * (self.height() - 2 * PAD)

    def _visible(self) -> list[Note]:
        track = self.session.current_track
        if track is None:
            return []
        return list(self.index.sounding(track, self.view.tick_at(-BAR_WIDTH), self.view.tick_at(self.width())))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self.paint_background(painter, beats=False)
        for level in (32, 64, 96, 127):
            painter.fillRect(QRectF(0, round(self.y_of(level)), self.width(), 1), theme.LINE_GRID)
        track = self.session.current_track
        if track is not None:
            colour = theme.track_colour(self.session.song.track_index(track.id))
            selection = self.session.selection
            for note in self._visible():
                velocity = self._preview.get(note, note.velocity)
                x = self.view.x_of(note.start)
                y = self.y_of(velocity)
                fill = theme.SELECTION if note in selection else colour
                painter.fillRect(QRectF(x, y, BAR_WIDTH - 1, self.height() - PAD - y), fill.darker(130))
                painter.fillRect(QRectF(x - 1, y - 1, BAR_WIDTH + 1, 3), fill)
        painter.fillRect(QRectF(0, 0, self.width(), 1), theme.LINE_BAR)
        self.paint_playhead(painter)
        painter.end()

    def note_at(self, x: float) -> Note | None:
        """The note whose bar is under `x`, preferring a selected one."""
        hits = [n for n in self._visible() if self.view.x_of(n.start) - 2 <= x <= self.view.x_of(n.start) + BAR_WIDTH + 2]
        selected = [n for n in hits if n in self.session.selection]
        return (selected or hits or [None])[-1]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        note = self.note_at(event.position().x()) if event.button() == Qt.LeftButton else None
        if note is None:
            return
        selection = self.session.selection
        self._editing = tuple(sorted(selection)) if note in selection else (note,)
        self._anchor = note
        self._origin_velocity = note.velocity
        self._drag_to(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None:
            self._drag_to(event.position().y())

    def _drag_to(self, y: float) -> None:
        delta = self.velocity_at(y) - self._origin_velocity
        self._preview = {n: max(1, min(127, n.velocity + delta)) for n in self._editing}
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._anchor is None:
            return
        changed = tuple(n for n in self._editing if self._preview.get(n, n.velocity) != n.velocity)
        added = tuple(n.with_(velocity=self._preview[n]) for n in changed)
        self._editing, self._anchor, self._preview = (), None, {}
        selection = self.session.selection
        if changed:
            reselect = (selection - frozenset(changed)) | frozenset(added) if selection & frozenset(changed) else selection
            self.session.replace_notes(changed, added, self.tr("Change velocity"), select=reselect)
        self.update()
