"""A roll holding thousands of notes (zoomed far out) draws its narrow notes as one image: it must look like
the notes drawn one by one, show the selection, and follow every edit."""
from __future__ import annotations

import random

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import app.roll.roll_painter as roll_painter
from engine.edits import NotesEdit
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole


def dense_song() -> Song:
    """Two tracks of 3,000 short notes each: zoomed out, far more than AGGREGATE_FROM notes in view."""
    rng = random.Random(3)
    tracks = []
    for index, low in enumerate((60, 48)):
        tick, notes = 0, []
        for _ in range(3000):
            notes.append(Note(start=tick, pitch=low + rng.randrange(12), duration=rng.choice((120, 240, 480)),
                              velocity=rng.randrange(40, 127)))
            tick += rng.choice((120, 240))
        tracks.append(Track(id=index + 1, name=f"T{index}", role=TrackRole.MELODY, channel=index, notes=tuple(notes)))
    return Song(tracks=tuple(tracks))


def pixels(widget) -> np.ndarray:
    QApplication.processEvents()
    image = widget.grab().toImage().convertToFormat(QImage.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint32, image.width() * image.height()).reshape(
        image.height(), image.width()).copy()


@pytest.fixture
def dense(window):
    window.session.replace_song(dense_song())
    view, roll = window.editor.view, window.editor.roll
    view.center_on_pitch(60, roll.height())
    view.zoom_time(1e-9, 0)  # as far out as the editor zooms
    view.scroll_to(x=0)
    return window


def one_by_one(monkeypatch, roll) -> None:
    monkeypatch.setattr(roll_painter, "AGGREGATE_FROM", 10 ** 9)
    roll.painter._dense = None
    roll.update()


def current_track_cover(window) -> np.ndarray:
    """Where the current track's notes show: the frame against the same frame with the track emptied."""
    roll, session = window.editor.roll, window.session
    window.options.show_ghosts = False
    with_notes = pixels(roll)
    track = session.current_track
    session.push(NotesEdit(track.id, removed=track.notes))
    without = pixels(roll)
    session.undo_stack.undo()
    return with_notes != without


def test_the_dense_frame_covers_what_the_notes_cover(dense, monkeypatch):
    roll = dense.editor.roll
    aggregated = current_track_cover(dense)
    assert roll.painter._dense is not None  # drawn as one image
    one_by_one(monkeypatch, roll)
    drawn = current_track_cover(dense)
    overlap = (aggregated & drawn).sum() / (aggregated | drawn).sum()
    assert drawn.sum() > 5000 and overlap > 0.9


def test_notes_wide_enough_for_an_outline_are_still_drawn_one_by_one(dense, monkeypatch):
    """The default zoom draws a few hundred notes: no image, the same frame as before."""
    view, roll = dense.editor.view, dense.editor.roll
    view.zoom_time(1e9, 0)
    view.zoom_time(0.1, 0)
    roll.painter._dense = None
    first = pixels(roll)
    assert roll.painter._dense is None
    one_by_one(monkeypatch, roll)
    assert (pixels(roll) == first).all()


def test_the_selection_shows_in_a_dense_frame(dense):
    roll, session = dense.editor.roll, dense.session
    dense.options.show_ghosts = False
    plain = pixels(roll)
    session.set_selection(session.current_track.notes)
    selected = pixels(roll)
    changed = plain != selected
    assert changed.mean() > 0.05  # the selected fill is lighter: the notes' pixels changed
    brightness = lambda image: ((image >> 16) & 255) + ((image >> 8) & 255) + (image & 255)  # noqa: E731
    assert brightness(selected)[changed].mean() > brightness(plain)[changed].mean()


def test_an_edit_shows_in_the_next_dense_frame(dense):
    roll, session = dense.editor.roll, dense.session
    dense.options.show_ghosts = False
    before = pixels(roll)
    track = session.current_track
    late = [note for note in track.notes if note.start > track.notes[-1].start // 2]
    session.push(NotesEdit(track.id, removed=tuple(late)))
    after = pixels(roll)
    half = roll.width() // 2
    assert (before[:, half + 20:] != after[:, half + 20:]).mean() > 0.02  # the late notes are gone
    session.undo_stack.undo()
    assert (pixels(roll) == before).all()
