"""Chord lane, velocity lane, ruler/loop, key selector, zoom and scroll, driven by real input."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from engine.chords import parse_chord
from engine.keys import Key
from editor_helpers import click, drag, key, lane_point, roll_point, undo_all
from editor_helpers import C4, melody


def type_chord(qtbot, lane, tick: int, text: str) -> None:
    qtbot.mouseDClick(lane, Qt.LeftButton, pos=lane_point(lane, tick + 10))
    assert lane.field.isVisible()
    lane.field.selectAll()
    key(lane.field, Qt.Key_Delete)
    qtbot.keyClicks(lane.field, text)
    key(lane.field, Qt.Key_Return)


def test_typing_chords_sets_and_changes_them(window, qtbot, song):
    lane = window.editor.chord_lane
    type_chord(qtbot, lane, 1920, "Am7")
    type_chord(qtbot, lane, 3840 + 480, "F/C")
    type_chord(qtbot, lane, 5760, "G7sus4")
    chords = window.session.song.chords
    assert [(c.tick, c.name) for c in chords] == [(0, "C"), (1920, "Am7"), (4320, "F/C"), (5760, "G7sus4")]
    type_chord(qtbot, lane, 1920, "Dm")  # double-click on a chord edits that chord
    assert window.session.song.chord_at(1920).chord == parse_chord("Dm")
    type_chord(qtbot, lane, 1920, "")  # empty text removes it
    assert 1920 not in [c.tick for c in window.session.song.chords]
    undo_all(window.session)
    assert window.session.song == song


def test_invalid_chord_shows_inline_error_and_changes_nothing(window, qtbot, song):
    lane = window.editor.chord_lane
    type_chord(qtbot, lane, 1920, "Hm7")
    assert lane.error.isVisible()
    assert "Hm7" in lane.error.text()
    assert lane.field.isVisible()  # still open to fix the typo
    assert window.session.song == song
    lane.field.selectAll()
    qtbot.keyClicks(lane.field, "Bm7")
    key(lane.field, Qt.Key_Return)
    assert not lane.error.isVisible()
    assert window.session.song.chord_at(1920).name == "Bm7"


def test_escape_closes_the_chord_field_and_keeps_the_selection(window, qtbot, song):
    lane = window.editor.chord_lane
    key(window.editor.roll, Qt.Key_A, Qt.ControlModifier)
    qtbot.mouseDClick(lane, Qt.LeftButton, pos=lane_point(lane, 1930))
    qtbot.keyClicks(lane.field, "Em")
    key(lane.field, Qt.Key_Escape)
    assert not lane.field.isVisible()
    assert window.session.song == song and len(window.session.selection) == 3


def test_velocity_drag_one_note_then_many(window, song):
    lane = window.editor.velocity_lane
    x = round(lane.view.x_of(480)) + 2
    drag(lane, QPoint(x, round(lane.y_of(80))), QPoint(x, round(lane.y_of(40))))
    assert abs(melody(window)[1].velocity - 40) <= 2 and melody(window)[0] == C4
    key(window.editor.roll, Qt.Key_A, Qt.ControlModifier)
    x0 = round(lane.view.x_of(0)) + 2
    drag(lane, QPoint(x0, round(lane.y_of(90))), QPoint(x0, round(lane.y_of(100))))
    velocities = [n.velocity for n in melody(window)]
    assert abs(velocities[0] - 100) <= 2 and velocities[2] == min(127, 100 + velocities[0] - 90)
    assert window.session.selection == set(melody(window))
    undo_all(window.session)
    assert window.session.song == song


def test_ruler_click_moves_playhead_and_drag_sets_loop(window):
    ruler = window.editor.ruler
    click(ruler, lane_point(ruler, 1930))
    assert window.options.playhead == 1920
    drag(ruler, lane_point(ruler, 1920), lane_point(ruler, 3840))
    assert window.options.loop == (1920, 3840) and window.options.loop_enabled
    assert window.transport_bar.loop.isChecked()
    click(ruler, lane_point(ruler, 100), button=Qt.RightButton)
    assert window.options.loop is None


def test_ruler_follows_meter_changes(window):
    """After a 3/4 bar inserted at bar 2, bar 3 starts a quarter earlier, and the grid says so."""
    from app.roll.timegrid import LineKind, visible_lines

    window.options.seek(1920)
    window.transport_bar.insert_meter_change()
    window.transport_bar.numerator.setValue(3)
    song = window.session.song
    assert [str(m) for m in song.meters] == ["4/4", "3/4"]
    bars = [line.tick for line in visible_lines(song, window.editor.view, window.options.snap, 2000)
            if line.kind is LineKind.BAR]
    assert bars[:4] == [0, 1920, 1920 + 1440, 1920 + 2 * 1440]


def test_tempo_field_edits_tempo(window, qtbot, song):
    field = window.transport_bar.tempo
    field.selectAll()
    qtbot.keyClicks(field, "90")
    key(field, Qt.Key_Return)
    assert round(window.session.song.tempo_map.bpm_at(0)) == 90
    undo_all(window.session)
    assert window.session.song == song


def test_key_selector_and_snap_to_scale(window, roll, song, qtbot):
    window.edit_toolbar.key_selector.set_key(Key(9, "minor"))
    assert window.session.song.key_at(0) == Key(9, "minor")
    window.edit_toolbar.key_selector.snap_to_scale.click()
    assert window.options.snap_to_scale
    roll.set_tool("Draw")
    click(roll, roll_point(roll, 1920 + 20, 66))  # F# is not in A minor: lands on a neighbour
    drawn = [n for n in melody(window) if n.start == 1920][0]
    assert drawn.pitch in (65, 67)
    key(roll, Qt.Key_Up)  # with snap-to-scale, arrows move by scale degree
    assert [n for n in melody(window) if n.start == 1920][0].pitch in (67, 69)
    undo_all(window.session)
    assert window.session.song == song


def wheel(widget, delta: int, mods=Qt.NoModifier, pos: QPoint = QPoint(200, 100)) -> None:
    event = QWheelEvent(QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(), QPoint(0, delta),
                        Qt.NoButton, mods, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_zoom_and_scroll(window, roll):
    view = window.editor.view
    ppt, kh, y = view.px_per_tick, view.key_height, view.scroll_y
    wheel(roll, 120, Qt.ControlModifier)
    assert view.px_per_tick > ppt
    wheel(roll, -240, Qt.ControlModifier)
    assert view.px_per_tick < ppt
    wheel(roll, 120, Qt.ControlModifier | Qt.ShiftModifier)
    assert view.key_height > kh
    wheel(roll, -120)
    assert view.scroll_y > y
    wheel(roll, -120, Qt.ShiftModifier)
    assert view.scroll_x > 0 and window.editor.hbar.value() == int(view.scroll_x)
    key(roll, Qt.Key_Equal, Qt.ControlModifier)
    key(roll, Qt.Key_Down, Qt.ControlModifier)


def test_ghost_notes_toggle_and_track_switch(window, roll):
    assert window.options.show_ghosts
    window.edit_toolbar.ghosts.trigger()
    assert not window.options.show_ghosts
    roll.grab()  # paints without ghosts
    window.session.set_current_track(2)
    assert window.session.selection == frozenset()
    key(roll, Qt.Key_A, Qt.ControlModifier)
    assert len(window.session.selection) == 1


def test_keyboard_click_auditions_through_the_player(window, qtbot):
    keyboard = window.editor.keyboard
    heard = []
    keyboard.pressed.connect(heard.append)
    click(keyboard, QPoint(10, round(keyboard.view.y_of(64) + keyboard.view.key_height / 2)))
    assert heard == [64]
    assert window.transport.player is not None  # created on first use
