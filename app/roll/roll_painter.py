"""Painting the piano roll: rows, out-of-range shade, grid, loop, ghost notes, notes, playhead.

Rows outside the current track's instrument range (engine.instruments: the
playable range of its program at the left edge of the view, or the GM drum
keys of a kit) are shaded, as notation programs mark notes a player cannot
play; the notes there stay as they are, drawn over the shade.

Only what is visible is drawn: rows of visible pitches, grid lines of visible
bars, and notes found by `NoteIndex.sounding` for the visible ticks, so the cost
of a repaint depends on the screen, not on the song's length. A view holding
thousands of notes (zoomed far out) draws those narrower than a few pixels as
one image (app.roll.note_raster), which keeps such a frame within 16 ms.
"""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from app import theme
from app.roll.note_index import NoteIndex
from app.roll.options import EditorOptions
from app.roll.timegrid import LineKind, visible_lines
from app.roll.view import RollView
from engine.instruments import track_instrument
from engine.keys import Key
from engine.notes import Note
from engine.song import Song
from engine.track import Track

BLACK_KEYS = frozenset((1, 3, 6, 8, 10))
AGGREGATE_FROM = 1500  # notes in view from which narrow notes are drawn as one image (app.roll.note_raster)
OUT_OF_RANGE_SHADE = QColor(0, 0, 0, 110)  # over any row colour: darker, the row's kind still visible
_LINE_COLOURS = {LineKind.BAR: theme.LINE_BAR, LineKind.BEAT: theme.LINE_BEAT, LineKind.GRID: theme.LINE_GRID}


class RollPainter:
    """Draws one frame; keeps the per-track note index between frames."""

    def __init__(self, view: RollView, options: EditorOptions) -> None:
        self.view = view
        self.options = options
        self.index = NoteIndex()
        self._dense = None  # (what the last dense frame showed, its raster and wide notes)

    def paint(self, painter: QPainter, song: Song, current: Track | None, selection: frozenset[Note],
              hidden: frozenset[Note], preview: Iterable[Note], width: int, height: int) -> None:
        key = song.key_at(0) if self.options.highlight_scale else None
        self._rows(painter, key, width, height)
        if current is not None:
            self._out_of_range(painter, current, width, height)
        self._grid(painter, song, width, height)
        self._loop(painter, height)
        t0, t1 = self.view.tick_at(0), self.view.tick_at(width)
        low, high = self.view.pitch_at(height), self.view.pitch_at(0)
        window = (t0, t1, low, high)
        drawn = [track for track in song.tracks
                 if self.options.show_ghosts or (current is not None and track.id == current.id)]
        if sum(hi - lo for lo, hi in (self.index.span(track, t0, t1) for track in drawn)) >= AGGREGATE_FROM:
            self._aggregated(painter, song, current, selection, hidden, window, width)
        else:
            self._one_by_one(painter, song, current, selection, hidden, window)
        if current is not None:
            colour = theme.track_colour(song.track_index(current.id))
            self._notes(painter, preview, colour, frozenset(preview), frozenset())
        self._playhead(painter, height)

    def _rows(self, painter: QPainter, key: Key | None, width: int, height: int) -> None:
        view = self.view
        kh = view.key_height
        for pitch in range(view.pitch_at(height), view.pitch_at(0) + 1):
            pc = pitch % 12
            if key is not None and not key.contains(pitch):
                colour = theme.ROW_OUT_OF_SCALE
            elif key is not None and pc == key.tonic:
                colour = theme.ROW_TONIC
            else:
                colour = theme.ROW_BLACK if pc in BLACK_KEYS else theme.ROW_WHITE
            y = view.y_of(pitch)
            painter.fillRect(QRectF(0, y, width, kh), colour)
            if pc == 0:  # a firmer line under every C marks the octaves
                painter.fillRect(QRectF(0, y + kh - 1, width, 1), theme.LINE_OCTAVE)
            elif pc in (4, 11):
                painter.fillRect(QRectF(0, y + kh - 1, width, 1), theme.ROW_BLACK)

    def _out_of_range(self, painter: QPainter, track: Track, width: int, height: int) -> None:
        low, high = track_instrument(track, max(0, round(self.view.tick_at(0)))).playable
        view = self.view
        top, bottom = view.pitch_at(0), view.pitch_at(height)
        if top > high:   # the rows above the range: from the top of the view down to just above `high`
            painter.fillRect(QRectF(0, view.y_of(top), width, view.y_of(high) - view.y_of(top)), OUT_OF_RANGE_SHADE)
        if bottom < low:
            y = view.y_of(low - 1)
            painter.fillRect(QRectF(0, y, width, view.y_of(bottom) + view.key_height - y), OUT_OF_RANGE_SHADE)

    def _grid(self, painter: QPainter, song: Song, width: int, height: int) -> None:
        for line in visible_lines(song, self.view, self.options.snap, width):
            painter.fillRect(QRectF(round(line.x), 0, 1, height), _LINE_COLOURS[line.kind])

    def _loop(self, painter: QPainter, height: int) -> None:
        if self.options.loop is None:
            return
        start, end = self.options.loop
        x0, x1 = self.view.x_of(start), self.view.x_of(end)
        colour = QColor(theme.LOOP)
        colour.setAlpha(28 if self.options.loop_enabled else 12)
        painter.fillRect(QRectF(x0, 0, x1 - x0, height), colour)

    def _one_by_one(self, painter: QPainter, song: Song, current: Track | None, selection: frozenset[Note],
                    hidden: frozenset[Note], window: tuple[float, float, int, int]) -> None:
        t0, t1, low, high = window
        if self.options.show_ghosts:
            for index, track in enumerate(song.tracks):
                if current is None or track.id != current.id:
                    notes = (n for n in self.index.sounding(track, t0, t1) if low <= n.pitch <= high)
                    self._ghosts(painter, notes, theme.track_colour(index))
        if current is not None:
            colour = theme.track_colour(song.track_index(current.id))
            notes = (n for n in self.index.sounding(current, t0, t1) if low <= n.pitch <= high)
            self._notes(painter, notes, colour, selection, hidden)

    def _ghosts(self, painter: QPainter, notes: Iterable[Note], colour: QColor) -> None:
        """Other tracks' notes, faint and in their own track's hue, so parts can be told apart."""
        view = self.view
        kh = view.key_height
        faint = _ghost_colour(colour)
        for note in notes:
            x = view.x_of(note.start)
            painter.fillRect(QRectF(x, view.y_of(note.pitch) + 1, max(2.0, note.duration * view.px_per_tick), kh - 2),
                             faint)

    def _aggregated(self, painter: QPainter, song: Song, current: Track | None, selection: frozenset[Note],
                    hidden: frozenset[Note], window: tuple[float, float, int, int], width: int) -> None:
        """A dense view: notes narrower than a few pixels go into one image (app.roll.note_raster), the
        rest are drawn one by one as usual. The frame is kept while nothing it shows changes, so a repaint
        for the playhead alone (playback) only draws the image again."""
        view = self.view
        key = (tuple((track.id, id(track.notes)) for track in song.tracks), current and current.id, selection,
               hidden, window, width, view.px_per_tick, view.scroll_x, view.scroll_y, view.key_height,
               self.options.show_ghosts)
        if self._dense is None or self._dense[0] != key:
            self._dense = (key, self._dense_frame(song, current, selection, hidden, window, width))
        raster, wide_ghosts, wide_current = self._dense[1]
        raster.draw(painter)
        for notes, colour in wide_ghosts:
            self._ghosts(painter, notes, colour)
        if current is not None:
            self._notes(painter, wide_current, theme.track_colour(song.track_index(current.id)), selection, hidden)

    def _dense_frame(self, song: Song, current: Track | None, selection: frozenset[Note], hidden: frozenset[Note],
                     window: tuple[float, float, int, int], width: int):
        """(the raster of narrow notes, [(wide ghost notes, colour)], the current track's wide notes)."""
        from app.roll.note_raster import WIDE_PX, NoteRaster  # numpy loads with the first dense view, not at start
        t0, t1, low, high = window
        raster = NoteRaster(self.view, high, low, width)
        wide_ghosts: list[tuple[list[Note], QColor]] = []
        wide_current: list[Note] = []
        for position, track in enumerate(song.tracks):
            is_current = current is not None and track.id == current.id
            if not (is_current or self.options.show_ghosts):
                continue
            columns = self.index.arrays(track)
            index, widths = raster.visible(columns, *self.index.span(track, t0, t1), t0)
            narrow = widths < WIDE_PX
            colour = theme.track_colour(position)
            if not is_current:
                raster.add_ghosts(columns, index[narrow], _ghost_colour(colour))
                wide_ghosts.append(([track.notes[i] for i in index[~narrow]], colour))
                continue
            shown = ~_among(columns.hashes[index], hidden)
            selected = _among(columns.hashes[index], selection)
            raster.add_current(columns, index[narrow & shown], selected[narrow & shown], colour)
            wide_current = [track.notes[i] for i in index[~narrow]]
        raster.finish()
        return raster, wide_ghosts, wide_current

    def _notes(self, painter: QPainter, notes: Iterable[Note], colour: QColor, selection: frozenset[Note],
               hidden: frozenset[Note]) -> None:
        view = self.view
        kh, ppt = view.key_height, view.px_per_tick
        edge = QPen(colour.darker(220), 1)
        selected_edge = QPen(theme.SELECTION, 1.5)
        fills: dict[tuple[bool, int], QColor] = {}  # a colour per (selected, velocity), not per note
        painter.setRenderHint(QPainter.Antialiasing, False)
        for note in notes:
            if note in hidden:
                continue
            rect = QRectF(view.x_of(note.start), view.y_of(note.pitch) + 0.5, max(3.0, note.duration * ppt), kh - 1)
            selected = note in selection
            fill = fills.get((selected, note.velocity))
            if fill is None:
                fill = fills[selected, note.velocity] = theme.note_fill(colour.lighter(135) if selected else colour,
                                                                        note.velocity)
            painter.fillRect(rect, fill)
            if rect.width() < 6 and not selected:
                continue  # zoomed far out: an outline would only darken the fill
            painter.setPen(selected_edge if selected else edge)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            if kh >= 12 and rect.width() > 14:  # a velocity tick at the left, like most DAWs
                painter.fillRect(QRectF(rect.x() + 2, rect.y() + 2, 2, kh - 5), fill.lighter(160))

    def _playhead(self, painter: QPainter, height: int) -> None:
        x = self.view.x_of(self.options.playhead)
        painter.fillRect(QRectF(round(x), 0, 2, height), theme.PLAYHEAD)


def _among(hashes, notes: frozenset[Note]):
    """Which of the notes with these hashes (a numpy array) are in `notes` (a selection, the notes dragged)."""
    import numpy as np

    if not notes:
        return np.zeros(len(hashes), bool)
    return np.isin(hashes, np.fromiter((hash(n) for n in notes), np.int64, len(notes)))


def _ghost_colour(colour: QColor) -> QColor:
    faint = QColor(colour)
    faint.setAlpha(60)
    return faint
