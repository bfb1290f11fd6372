"""The piano roll shades the rows outside the current track's instrument range (engine.instruments).

Real window, offscreen; the rows are read as pixels of the grabbed roll. A
violin (GM 40, lowest note G3) shades F3 and below but not A3; the piano
shades neither; a program change through an undoable edit moves the shade.
"""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from editor_helpers import make_song
from engine.edits import TrackPropertiesEdit
from engine.notes import Note
from engine.track import Track, TrackRole

import pytest


@pytest.fixture
def song():
    base = make_song()
    violin = Track(id=3, name="", role=TrackRole.MELODY, program=40, channel=2,
                   notes=(Note(start=0, pitch=67, duration=480, velocity=90),))
    return base.with_(tracks=base.tracks + (violin,))


def row_lightness(window, pitch: int) -> list[int]:
    """The lightness of every pixel across the middle of `pitch`'s row in the roll as painted now."""
    roll, view = window.editor.roll, window.editor.view
    image = roll.grab().toImage()
    y = int(view.y_of(pitch) + view.key_height / 2)
    return [QColor(image.pixel(x, y)).lightness() for x in range(image.width())]


def show(window, track_id: int, pitch: int) -> None:
    window.session.set_current_track(track_id)
    window.editor.view.center_on_pitch(pitch, window.editor.roll.height())
    window.editor.roll.update()
    QApplication.processEvents()


def background(lightness: list[int]) -> int:
    """The row's own colour: its most common pixel (grid lines and notes are few)."""
    return max(set(lightness), key=lightness.count)


def test_rows_below_the_violins_lowest_string_are_shaded(window):
    show(window, 3, 55)
    f3, a3, g3 = (background(row_lightness(window, p)) for p in (53, 57, 55))   # F3 and A3: both white keys
    assert f3 < a3, "F3 lies below the violin's G string: its row must be darker than A3's"
    show(window, 1, 55)                                                           # the piano plays F3
    assert background(row_lightness(window, 53)) == a3
    assert g3 == background(row_lightness(window, 55))                             # G3: the violin's lowest note


def test_a_program_change_moves_the_shade(window):
    show(window, 3, 55)
    shaded = background(row_lightness(window, 53))
    before = window.session.song
    window.session.push(TrackPropertiesEdit.changing(before.track(3), "Viola", program=41))   # viola: down to C3
    show(window, 3, 55)
    assert background(row_lightness(window, 53)) > shaded
    window.session.undo_stack.undo()
    show(window, 3, 55)
    assert background(row_lightness(window, 53)) == shaded
