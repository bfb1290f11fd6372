"""`TimeLane`: the base of every strip that shares the roll's time axis (ruler, chord and velocity lanes).

It holds the session, view and options, repaints when any of them changes,
draws the bar/beat lines and playhead under its content, and makes the wheel
scroll and zoom time the way it does on the roll.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import QWidget

from app import theme
from app.roll.options import EditorOptions
from app.roll.timegrid import LineKind, visible_lines
from app.roll.view import RollView, wheel_zoom_factor
from app.session import Session


def repaint_on_changes(widget: QWidget, session: Session, view: RollView, options: EditorOptions) -> None:
    """Repaint `widget` whenever what every roll-like widget shows changes."""
    for signal in (session.songChanged, session.selectionChanged, session.currentTrackChanged, view.changed,
                   options.changed, options.playheadMoved):
        signal.connect(widget.update)


LABEL_POINTS = 8  # the lanes' and the ruler's labels


class TimeLane(QWidget):
    def __init__(self, session: Session, view: RollView, options: EditorOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.options = options
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.decorations: list = []  # callables (painter, lane) drawn over the content (AI takes, the region)
        repaint_on_changes(self, session, view, options)

    def paint_decorations(self, painter: QPainter) -> None:
        for decorate in self.decorations:
            decorate(painter, self)

    def paint_background(self, painter: QPainter, beats: bool = True) -> None:
        painter.fillRect(self.rect(), theme.PANEL)
        height = self.height()
        for line in visible_lines(self.session.song, self.view, self.options.snap, self.width()):
            if line.kind is LineKind.BAR:
                painter.fillRect(QRectF(round(line.x), 0, 1, height), theme.LINE_BAR)
            elif beats and line.kind is LineKind.BEAT:
                painter.fillRect(QRectF(round(line.x), 0, 1, height), theme.LINE_BEAT)

    def label_painter(self) -> QPainter:
        """A painter on this lane over its bar lines, with the lanes' small label font (marker and tempo lanes)."""
        painter = QPainter(self)
        self.paint_background(painter, beats=False)
        font = painter.font()
        font.setPointSizeF(LABEL_POINTS)
        painter.setFont(font)
        return painter

    def paint_playhead(self, painter: QPainter) -> None:
        x = round(self.view.x_of(self.options.playhead))
        painter.fillRect(QRectF(x, 0, 2, self.height()), theme.PLAYHEAD)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if event.modifiers() & Qt.ControlModifier:
            self.view.zoom_time(wheel_zoom_factor(delta), event.position().x())
        else:
            self.view.scroll_to(x=self.view.scroll_x - delta)
        event.accept()
