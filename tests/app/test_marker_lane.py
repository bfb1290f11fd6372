"""The marker lane and the timecode readouts, driven by real keys and mouse on the shown window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from editor_helpers import click, drag, key, lane_point, undo_all
from engine.project import load_project
from engine.song import Marker
from engine.timecode import song_timecode


def markers(window):
    return window.session.song.markers


def test_m_adds_a_marker_and_shift_m_a_hit_point_at_the_playhead(window, qtbot):
    window.options.seek(1920 + 100)                      # 120 BPM: 2.104 s, in frame 50 (2.083 s) at 24 fps
    key(window.editor.roll, Qt.Key_M)
    key(window.editor.roll, Qt.Key_M, Qt.ShiftModifier)
    assert [(m.text, m.tick, m.seconds) for m in markers(window)] == [("Hit 1", 2000, 2.083333), ("Marker 1", 2020, None)]
    assert window.session.undo_stack.count() == 2
    undo_all(window.session)
    assert markers(window) == ()


def test_drag_moves_a_marker_on_the_grid_and_a_hit_point_to_whole_frames(window, qtbot):
    lane = window.editor.marker_lane
    lane.add_marker(960, "Verse")
    lane.add_hit(2.5, "Slam")
    drag(lane, lane_point(lane, 960), lane_point(lane, 1950))
    assert Marker(1920, "Verse") in markers(window)            # snapped to the 1/16 grid
    hit_tick = next(m.tick for m in markers(window) if m.is_hit)
    drag(lane, lane_point(lane, hit_tick), lane_point(lane, 2800))
    hit = next(m for m in markers(window) if m.is_hit)
    frames = hit.seconds * 24
    assert abs(frames - round(frames)) < 1e-4 and hit.seconds != 2.5   # on a frame, and moved
    window.session.undo_stack.undo()
    assert next(m for m in markers(window) if m.is_hit).seconds == 2.5


def test_double_click_renames_or_adds_and_delete_removes(window, qtbot):
    lane = window.editor.marker_lane
    lane.ask_text = lambda title, label, text: "Chorus"
    qtbot.mouseDClick(lane, Qt.LeftButton, pos=lane_point(lane, 3840))
    assert [(m.text, m.tick) for m in markers(window)] == [("Marker 1", 3840)]
    qtbot.mouseDClick(lane, Qt.LeftButton, pos=lane_point(lane, 3840))
    assert [(m.text, m.tick) for m in markers(window)] == [("Chorus", 3840)]
    click(lane, lane_point(lane, 3840))
    assert window.options.playhead == 3840                     # a click takes the playhead to the marker
    key(lane, Qt.Key_Delete)
    assert markers(window) == ()
    assert window.session.undo_stack.count() == 3


def test_hit_points_stay_at_their_time_when_the_tempo_changes_and_markers_at_their_bar(window, qtbot):
    lane = window.editor.marker_lane
    lane.add_marker(3840, "Bar 3")
    lane.add_hit_at_timecode("00:00:05:00", "Door")       # 5 s = tick 4800 at 120 BPM
    bar = window.transport_bar
    bar.tempo.setValue(60)                                 # the tempo box edits the tempo at the playhead (0)
    door = next(m for m in markers(window) if m.is_hit)
    assert (door.seconds, door.tick) == (5.0, 2400)
    assert Marker(3840, "Bar 3") in markers(window)
    window.session.undo_stack.undo()
    assert next(m for m in markers(window) if m.is_hit).tick == 4800


def test_a_bad_timecode_is_one_line_and_changes_nothing(window, qtbot):
    lane = window.editor.marker_lane
    messages = []
    window.session.message.connect(messages.append)
    assert not lane.add_hit_at_timecode("00:00:05:30")      # 24 fps has frames 0-23
    assert markers(window) == () and window.session.undo_stack.count() == 0
    assert messages == ["Cannot add hit point: 00:00:05:30 is not a timecode at 24 fps (hours 0-23, minutes and "
                        "seconds 0-59, frames 0-23)"]


def test_lock_and_unlock_a_marker(window, qtbot):
    lane = window.editor.marker_lane
    lane.add_marker(1920, "Cue")
    lane.set_hit(markers(window)[0], True)
    assert markers(window) == (Marker(1920, "Cue", 2.0),)
    lane.set_hit(markers(window)[0], False)
    assert markers(window) == (Marker(1920, "Cue"),)


def test_timecode_settings_show_in_the_ruler_and_transport_and_are_undoable(window, qtbot):
    from app.timecode_dialog import TimecodeDialog

    dialog = TimecodeDialog(window.session, window)
    dialog.rate.setCurrentIndex(dialog.rate.findData("29.97df"))
    dialog.start.setText("00:01:00;00")                     # a label drop-frame skips
    assert not dialog.apply()
    assert "does not exist in drop-frame" in dialog.error.text() and window.session.undo_stack.count() == 0
    dialog.start.setText("01:00:10;00")
    assert dialog.apply()
    assert window.session.song.timecode == song_timecode("29.97df", "01:00:10;00")
    window.options.seek(1920)                                # 2 s in: frame 59 (59.94 frames) of the cue
    assert window.transport_bar.position.text() == "2.1.000   01:00:11;29"
    window.session.undo_stack.undo()
    assert window.transport_bar.position.text() == "2.1.000   00:00:02:00"


def test_markers_hit_points_and_timecode_are_saved_with_the_project(window, qtbot, tmp_path):
    lane = window.editor.marker_lane
    lane.add_marker(1920, "Verse")
    lane.add_hit(3.5, "Slam")
    path = tmp_path / "cue.cadenza"
    assert window.files.save_as(str(path))
    song = load_project(path).song
    assert song.markers == markers(window)


def test_ruler_labels_never_overprint_with_thousands_of_tempo_changes(window, qtbot):
    from engine.edits import ReplaceSong
    from engine.timing import TempoChange

    song = window.session.song
    tempos = tuple(TempoChange.from_bpm(i * 40, 90 + (i * 7) % 60) for i in range(3043))  # a tempo every 1/12 beat
    window.session.push(ReplaceSong(song, song.with_(tempos=tempos)))
    ruler = window.editor.ruler
    for factor in (1.0, 0.2, 4.0):
        window.editor.view.zoom_time(factor)
        from PySide6.QtGui import QImage, QPainter
        image = QImage(ruler.size(), QImage.Format_RGB32)
        painter = QPainter(image)
        taken = ruler._paint_changes(painter)
        painter.end()
        spans = sorted(taken)
        assert spans and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))   # no two labels overlap


@pytest.mark.parametrize("rate, start, t0, t1, step, expected", [
    ("24", "01:00:10:00", 0.0, 6.0, 48, ["01:00:10:00", "01:00:12:00", "01:00:14:00", "01:00:16:00"]),
    ("29.97df", "00:59:58;00", 0.0, 5.0, 60, ["00:59:58;00", "01:00:00;00", "01:00:02;00"]),
    ("29.97df", "00:00:58;00", 0.0, 5.0, 60, ["00:00:58;00", "00:01:00;02", "00:01:02;00"]),
    ("25", "00:00:00:00", 0.5, 1.0, 5, ["00:00:00:10", "00:00:00:15", "00:00:00:20", "00:00:01:00"]),
])
def test_ruler_timecode_marks_fall_on_round_labels(rate, start, t0, t1, step, expected):
    from app.roll.ruler import timecode_marks

    timecode = song_timecode(rate, start)
    marks = list(timecode_marks(timecode, t0, t1, step))
    assert [text for _, text in marks] == expected
    assert all(timecode.text_at(seconds) == text for seconds, text in marks)   # each mark stands on its own label


def test_a_hit_typed_with_its_name_as_a_spotting_list_has_it(window, qtbot):
    lane = window.editor.marker_lane
    lane.ask_text = lambda title, label, text: "00:00:03:12  Door slam"
    assert lane.add_hit_at_timecode()
    assert markers(window) == (Marker(3360, "Door slam", 3.5),)
    lane.ask_text = lambda title, label, text: "00:00:04:00"
    assert lane.add_hit_at_timecode()
    assert [m.text for m in markers(window)] == ["Door slam", "Hit 1"]


def test_timecode_labels_thin_out_with_zoom():
    from app.roll.ruler import MIN_TIMECODE_SPACING_PX, timecode_step_frames
    from engine.song import Song

    song = Song(timecode=song_timecode("25", "00:00:00:00"))
    assert timecode_step_frames(song, 25 * MIN_TIMECODE_SPACING_PX) == 1        # a frame is 90 px: every frame
    assert timecode_step_frames(song, 4 * MIN_TIMECODE_SPACING_PX) == 10        # 10 frames = 0.4 s
    assert timecode_step_frames(song, MIN_TIMECODE_SPACING_PX) == 25            # whole seconds
    assert timecode_step_frames(song, MIN_TIMECODE_SPACING_PX / 40) == 60 * 25  # a minute
