"""Notes narrower than a few pixels, drawn as one image instead of one rectangle each (as REAPER does).

Fully zoomed out, the roll shows about 15,000 notes, most of them narrower
than a pixel; drawing each as a QRectF from Python took 36-57 ms a frame (and
far more on a busy machine), over the 16 ms of a 60 fps frame. Here the
notes that would be drawn as plain fills anyway (narrower than `WIDE_PX`:
no outline, no velocity tick) are rasterised with numpy into one pixel per
(row, column) cell, composited (other tracks' ghosts first, the current
track over them, a selected note over an unselected one, the louder note
where two share a pixel; ghosts of several tracks blend as translucent
rectangles do), stretched to the rows' height with the one-pixel
gap between rows the roll always has, and drawn with a single drawImage.
Wider notes are still drawn one by one by the painter, outlines and all, so
at any zoom where a note can be seen as a note, nothing changes.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from app import theme
from app.roll.note_index import NoteArrays
from app.roll.view import RollView

WIDE_PX = 6.0          # from this width a note gets its outline: it is drawn as itself
CURRENT_MIN_PX = 3.0   # the narrowest a note of the current track is drawn (as RollPainter._notes)
GHOST_MIN_PX = 2.0     # and a ghost note (as RollPainter._ghosts)


def premultiplied(colour: QColor) -> int:
    """ARGB32 premultiplied, the pixel format QImage draws fastest."""
    alpha = colour.alpha()
    return ((alpha << 24) | (colour.red() * alpha // 255 << 16) | (colour.green() * alpha // 255 << 8)
            | colour.blue() * alpha // 255)


class NoteRaster:
    """One frame's raster: the pitches from `high` down to `low`, `width` pixels; add layers, `finish`, `draw`."""

    def __init__(self, view: RollView, high: int, low: int, width: int) -> None:
        self.view = view
        self.high, self.low, self.width = high, low, width
        self.image = np.zeros((high - low + 1, width), np.uint32)
        self.picture: QImage | None = None

    def visible(self, notes: NoteArrays, lo: int, hi: int, t0: float) -> tuple[np.ndarray, np.ndarray]:
        """(indices into the track, widths in px) of the notes in [lo, hi) that show in the view."""
        starts, durations, pitches = notes.starts[lo:hi], notes.durations[lo:hi], notes.pitches[lo:hi]
        keep = (starts + durations >= t0) & (pitches >= self.low) & (pitches <= self.high)
        index = np.nonzero(keep)[0] + lo
        return index, notes.durations[index] * self.view.px_per_tick

    def add_ghosts(self, notes: NoteArrays, index: np.ndarray, colour: QColor) -> None:
        """Another track's notes at `index`, faint in its own hue (the painter's ghost colour)."""
        rows, columns, _ = self._cells(notes, index, GHOST_MIN_PX)
        if not len(rows):
            return
        covered = np.zeros(self.image.shape, bool)
        covered[rows, columns] = True
        under = self.image[covered]
        alpha = colour.alpha()
        # "source over" in premultiplied ARGB, channel by channel: where tracks' ghosts meet, they add up
        # as the one-by-one painter's translucent rectangles do
        blended = np.zeros(len(under), np.uint32)
        for shift, value in ((24, alpha), (16, colour.red() * alpha // 255), (8, colour.green() * alpha // 255),
                             (0, colour.blue() * alpha // 255)):
            channel = (under >> shift) & 255
            blended |= ((value + channel * (255 - alpha) // 255) & 255).astype(np.uint32) << shift
        self.image[covered] = blended

    def add_current(self, notes: NoteArrays, index: np.ndarray, selected: np.ndarray, colour: QColor) -> None:
        """The current track's notes at `index` (`selected`: a bool per note), coloured by velocity."""
        rows, columns, which = self._cells(notes, index, CURRENT_MIN_PX)
        if not len(rows):
            return
        codes = np.zeros(self.image.shape, np.int32)  # 0 empty, else 1 + velocity (+ 128 when selected)
        np.maximum.at(codes, (rows, columns), 1 + notes.velocities[index][which] + 128 * selected[which])
        filled = codes > 0
        self.image[filled] = fill_table(colour.rgba())[codes[filled]]

    def finish(self) -> None:
        """Make the image: each row stretched to the key height less the gap line every row of the roll shows."""
        if not self.image.any():
            self.picture = None
            return
        key_height = self.view.key_height
        pixels = np.repeat(self.image, key_height, axis=0)
        pixels[key_height - 1::key_height] = 0
        self.pixels = np.ascontiguousarray(pixels)  # the QImage reads this buffer: keep it alive with it
        self.picture = QImage(self.pixels.data, self.width, self.pixels.shape[0], self.width * 4,
                              QImage.Format_ARGB32_Premultiplied)
        self.top = self.view.y_of(self.high) + 1

    def draw(self, painter: QPainter) -> None:
        if self.picture is not None:
            painter.drawImage(QPointF(0, self.top), self.picture)

    def _cells(self, notes: NoteArrays, index: np.ndarray, min_px: float):
        """Every (row, column) pixel the notes at `index` cover, and which note each belongs to."""
        view = self.view
        x = notes.starts[index] * view.px_per_tick - view.scroll_x
        widths = np.maximum(notes.durations[index] * view.px_per_tick, min_px)
        first = np.clip(np.rint(x).astype(np.int64), 0, self.width)
        last = np.clip(np.rint(x + widths).astype(np.int64), 0, self.width)
        counts = np.maximum(last - first, 0)
        which = np.repeat(np.arange(len(index)), counts)
        columns = first[which] + np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        rows = self.high - notes.pitches[index][which]
        return rows, columns, which


@lru_cache(maxsize=64)
def fill_table(rgba: int) -> np.ndarray:
    """Pixel per code (1 + velocity, +128 selected) for a track colour: theme.note_fill, as the painter does."""
    colour = QColor.fromRgba(rgba)
    table = np.zeros(257, np.uint32)
    for selected in (0, 1):
        base = colour.lighter(135) if selected else colour
        for velocity in range(128):
            table[1 + velocity + 128 * selected] = premultiplied(theme.note_fill(base, velocity))
    return table
