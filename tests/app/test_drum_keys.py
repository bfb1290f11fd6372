"""The roll's keyboard names General MIDI drum sounds on a drum track (role drums or MIDI channel 10), piano keys else.

Real window, real clicks on the track rows and the role box; the labels are
checked as the keyboard reports them (`row_label`), as its last paint drew
them (`painted_labels`), as pixels in the grabbed widget, and as the tooltip
a hover shows.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from app.roll.keyboard import KEYBOARD_WIDTH
from editor_helpers import click, make_song
from engine.notes import Note
from engine.track import Track, TrackRole


@pytest.fixture
def song():
    """The editor tests' melody and bass, and a drum kit on channel 10 (its role left as 'other')."""
    base = make_song()
    kit = Track(id=3, name="Kit", role=TrackRole.OTHER, channel=9, notes=tuple(
        Note(start=240 * i, pitch=(36, 42, 38, 42)[i % 4], duration=120, velocity=100) for i in range(16)))
    return base.with_(tracks=base.tracks + (kit,))


def show_track(window, track_id: int) -> None:
    row = window.track_list.row_for(track_id)
    click(row, QPoint(4, row.height() // 2))
    assert window.session.current_track_id == track_id
    window.editor.view.center_on_pitch(40, window.editor.roll.height())
    QApplication.processEvents()


def text_pixels(image, y: float, height: int, x0: int, x1: int) -> int:
    """How many pixels of a row's band look like dark text on the light row."""
    count = 0
    for y_ in range(int(y) + 2, int(y) + height - 2):
        for x in range(x0, x1):
            if QColor(image.pixel(x, y_)).lightness() < 110:
                count += 1
    return count


def test_a_drum_track_shows_gm_drum_names_on_the_key_rows(window):
    keyboard = window.editor.keyboard
    assert keyboard.row_label(60) == "C4" and keyboard.row_label(61) == ""          # the melody: piano keys
    show_track(window, 3)                                                           # channel 10: drums
    assert keyboard.drums
    assert keyboard.row_label(36) == "36 Bass Drum 1"
    assert keyboard.row_label(38) == "38 Acoustic Snare"
    assert keyboard.row_label(42) == "42 Closed Hi-Hat"
    assert keyboard.row_label(35) == "35 Acoustic Bass Drum" and keyboard.row_label(81) == "81 Open Triangle"
    assert keyboard.row_label(20) == "20"                                           # outside the GM kit: its number
    image = keyboard.grab().toImage()
    painted = dict(keyboard.painted_labels)
    assert painted[36] == "36 Bass Drum 1" and painted[38] == "38 Acoustic Snare" and painted[42] == "42 Closed Hi-Hat"
    assert all(keyboard.row_label(p) == text for p, text in painted.items())
    view, metrics = keyboard.view, QFontMetrics(keyboard.label_font())
    assert view.key_height == 14 and keyboard.label_font().pointSizeF() >= 8          # the default zoom, legible
    for pitch in range(35, 82):
        assert metrics.horizontalAdvance(keyboard.row_label(pitch)) <= keyboard.width() - 6   # never cut off
    snare = text_pixels(image, view.y_of(38), view.key_height, 0, keyboard.width())
    assert snare > 20                                                               # the name is drawn in its row
    left = text_pixels(image, view.y_of(38), view.key_height, metrics.horizontalAdvance("38 ") + 4, keyboard.width())
    assert left > 10                                                                # ...the name, not just the number
    hover = QPoint(20, round(view.y_of(42) + view.key_height / 2))
    QApplication.sendEvent(keyboard, QHelpEvent(QEvent.ToolTip, hover, keyboard.mapToGlobal(hover)))
    assert QToolTip.text() == "42 Closed Hi-Hat"
    show_track(window, 1)                                                           # back to the melody
    assert not keyboard.drums and keyboard.width() == KEYBOARD_WIDTH and keyboard.row_label(60) == "C4"


def test_choosing_the_drums_role_turns_the_keyboard_into_drum_names(window):
    keyboard = window.editor.keyboard
    show_track(window, 2)
    assert not keyboard.drums and keyboard.row_label(38) == ""
    role = window.track_list.row_for(2).role
    role.setCurrentIndex(role.findText(TrackRole.DRUMS.value))                      # what picking it in the box does
    assert window.session.song.track(2).is_drums
    assert keyboard.drums and keyboard.row_label(38) == "38 Acoustic Snare"
    window.session.undo_stack.undo()
    assert not keyboard.drums and keyboard.row_label(38) == ""

