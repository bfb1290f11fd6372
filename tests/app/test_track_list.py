"""The track list: add, rename, role, instrument, mute/solo, volume/pan, duplicate, reorder, delete; all undoable."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from engine.track import TrackRole
from editor_helpers import click, key, undo_all


def test_add_rename_and_mix_a_track(window, qtbot, song):
    tracks = window.track_list
    click(tracks.buttons["add"], QPoint(5, 5))
    new = window.session.current_track
    assert len(window.session.song.tracks) == 3 and window.session.song.tracks[1] is new  # after the current one
    row = tracks.row_for(new.id)
    row.name.setFocus()
    row.name.selectAll()
    qtbot.keyClicks(row.name, "Strings")
    key(row.name, Qt.Key_Return)
    key(row.role, Qt.Key_Down)
    click(row.mute, QPoint(5, 5))
    click(row.solo, QPoint(5, 5))
    row.volume.setFocus()
    key(row.volume, Qt.Key_PageDown)
    strings = next(a for a in row.instrument.menu().actions() if a.text() == "Strings").menu()
    next(a for a in strings.actions() if "Cello" in a.text()).trigger()
    track = window.session.song.track(new.id)
    assert (track.name, track.role, track.mute, track.solo, track.program) == ("Strings", TrackRole.CHORDS, True,
                                                                                 True, 42)
    assert track.volume < 100
    assert row.instrument.text() == "Cello"
    undo_all(window.session)
    assert window.session.song == song


def test_duplicate_reorder_delete(window, song):
    tracks = window.track_list
    click(tracks.buttons["duplicate"], QPoint(5, 5))
    names = [t.name for t in window.session.song.tracks]
    assert names == ["Melody", "Melody copy", "Bass"]
    copy = window.session.song.tracks[1]
    assert copy.notes == song.tracks[0].notes and copy.channel != song.tracks[0].channel
    click(tracks.buttons["down"], QPoint(5, 5))
    assert [t.name for t in window.session.song.tracks] == ["Melody", "Bass", "Melody copy"]
    click(tracks.buttons["up"], QPoint(5, 5))
    click(tracks.buttons["up"], QPoint(5, 5))
    assert [t.name for t in window.session.song.tracks] == ["Melody copy", "Melody", "Bass"]
    click(tracks.buttons["delete"], QPoint(5, 5))
    assert [t.name for t in window.session.song.tracks] == ["Melody", "Bass"]
    undo_all(window.session)
    assert window.session.song == song


def test_clicking_a_row_selects_its_track_for_the_roll(window):
    row = window.track_list.row_for(2)
    click(row, QPoint(2, row.height() - 3))
    assert window.session.current_track_id == 2
    click(window.track_list.row_for(1).name, QPoint(5, 5))
    assert window.session.current_track_id == 1


def test_undo_of_add_track_returns_to_previous_track(window, song):
    click(window.track_list.buttons["add"], QPoint(5, 5))
    key(window.editor.roll, Qt.Key_Z, Qt.ControlModifier)
    assert window.session.song == song
    assert window.session.current_track_id in (1, 2)
    assert [r.track_id for r in window.track_list.rows] == [1, 2]
