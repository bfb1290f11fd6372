"""The take shown in place: the region shaded, the take's notes as translucent outlined notes in the take colour.

The roll, the ruler and the chord lane each call `paint_*` after painting
their own content (their `decorations` hook), so a take is drawn over the
song without ever being part of it. On the roll, existing notes under the
region are veiled so the take reads as what would replace them; the current
track's take notes are filled, the other region tracks' take notes are only
outlined; locked notes get a white dashed outline.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from app import theme
from app.proposals.panel import TAKE_COLOUR
from app.proposals.region import RegionState
from composer.proposals.takes import Take

TAKE = QColor(TAKE_COLOUR)


def _alpha(colour: QColor, alpha: int) -> QColor:
    colour = QColor(colour)
    colour.setAlpha(alpha)
    return colour


class TakeOverlay:
    """What to paint: the region state and the take being shown (the controller sets `take`)."""

    def __init__(self, region: RegionState) -> None:
        self.region = region
        self.take: Take | None = None

    def _span(self) -> tuple[int, int] | None:
        if self.take is not None:
            return self.take.ticks
        return self.region.ticks()

    # --- the roll -------------------------------------------------------------------------------
    def paint_roll(self, painter: QPainter, roll) -> None:
        span = self._span()
        view, height = roll.view, roll.height()
        current = roll.session.current_track_id
        if span is not None:
            x0, x1 = view.x_of(span[0]), view.x_of(span[1])
            tracks = self.take.track_ids if self.take is not None else self.region.track_ids
            inside = current in tracks
            painter.fillRect(QRectF(x0, 0, x1 - x0, height), _alpha(theme.BACKGROUND, 110 if self.take and inside else 0))
            painter.fillRect(QRectF(x0, 0, x1 - x0, height), _alpha(TAKE, 26 if inside else 10))
            for x in (x0, x1):
                painter.fillRect(QRectF(round(x), 0, 1, height), _alpha(TAKE, 150))
        self._locked(painter, roll, current)
        if self.take is None:
            return
        for track_id, notes in self.take.notes.items():
            self._notes(painter, view, notes, filled=track_id == current)

    def _notes(self, painter: QPainter, view, notes, filled: bool) -> None:
        kh, ppt = view.key_height, view.px_per_tick
        painter.setRenderHint(QPainter.Antialiasing, False)
        painter.setPen(QPen(TAKE if filled else _alpha(TAKE, 140), 1.5 if filled else 1, Qt.SolidLine if filled
                            else Qt.DotLine))
        fill = _alpha(TAKE, 120 if filled else 0)
        for note in notes:
            rect = QRectF(view.x_of(note.start), view.y_of(note.pitch) + 0.5, max(3.0, note.duration * ppt), kh - 1)
            if filled:
                painter.fillRect(rect, fill)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))

    def _locked(self, painter: QPainter, roll, current: int | None) -> None:
        if current is None:
            return
        view = roll.view
        painter.setPen(QPen(theme.SELECTION, 1, Qt.DashLine))
        painter.setBrush(Qt.NoBrush)
        for note in self.region.locked_in(current):
            rect = QRectF(view.x_of(note.start) - 1, view.y_of(note.pitch) - 1,
                          max(3.0, note.duration * view.px_per_tick) + 2, view.key_height + 1)
            painter.drawRect(rect)

    # --- the ruler and the chord lane -----------------------------------------------------------
    def paint_ruler(self, painter: QPainter, ruler) -> None:
        span = self.region.ticks()
        if span is None:
            return
        x0, x1 = ruler.view.x_of(span[0]), ruler.view.x_of(span[1])
        painter.fillRect(QRectF(x0, ruler.height() - 8, x1 - x0, 5), _alpha(TAKE, 200))
        painter.fillRect(QRectF(x0, 0, x1 - x0, ruler.height()), _alpha(TAKE, 30))

    def paint_chords(self, painter: QPainter, lane) -> None:
        take = self.take
        if take is None or take.chords is None:
            return
        view, height = lane.view, lane.height()
        x0, x1 = view.x_of(take.ticks[0]), view.x_of(take.ticks[1])
        painter.fillRect(QRectF(x0, 0, x1 - x0, height), _alpha(theme.PANEL, 235))
        chords = take.chords
        for i, event in enumerate(chords):
            start = view.x_of(event.tick)
            end = view.x_of(chords[i + 1].tick) if i + 1 < len(chords) else x1
            block = QRectF(start + 1, 3, max(20.0, end - start - 2), height - 6)
            painter.fillRect(block, _alpha(TAKE, 60))
            painter.setPen(TAKE)
            painter.drawRect(block.adjusted(0, 0, -1, -1))
            painter.setPen(theme.TEXT)
            painter.drawText(block.adjusted(5, 0, 0, 0), Qt.AlignVCenter | Qt.AlignLeft, event.name)
