"""The roll's tools driven by real mouse events; every test undoes back to the exact original song."""
from __future__ import annotations

from PySide6.QtCore import Qt

from engine.notes import Note
from editor_helpers import C4, D4, E4, click, drag, melody, move, press, release, roll_point, undo_all

def test_draw_drag_sets_length_and_undo_restores(window, roll, song):
    roll.set_tool("Draw")
    drag(roll, roll_point(roll, 1920 + 10, 67), roll_point(roll, 1920 + 700, 67))
    drawn = Note(start=1920, pitch=67, duration=720, velocity=roll.draw_velocity)
    assert drawn in melody(window)
    assert window.session.selection == {drawn}
    undo_all(window.session)
    assert window.session.song == song


def test_draw_click_uses_last_length_and_sounds(window, roll, song, qtbot):
    roll.set_tool("Draw")
    heard = []
    roll.auditioned.connect(lambda pitch, velocity: heard.append(pitch))
    drag(roll, roll_point(roll, 1920 + 10, 67), roll_point(roll, 1920 + 470, 67))  # a quarter
    click(roll, roll_point(roll, 2880 + 30, 69))
    assert Note(start=2880, pitch=69, duration=480, velocity=roll.draw_velocity) in melody(window)
    assert heard == [67, 69]
    undo_all(window.session)
    assert window.session.song == song


def test_draw_without_snap_when_ctrl_held(window, roll, song):
    roll.set_tool("Draw")
    start = roll_point(roll, 2000, 70)
    press(roll, start, mods=Qt.ControlModifier)
    move(roll, roll_point(roll, 2333, 70), mods=Qt.ControlModifier)
    release(roll, roll_point(roll, 2333, 70), mods=Qt.ControlModifier)
    note = next(n for n in melody(window) if n.pitch == 70)
    assert abs(note.start - 2000) <= 5 and abs(note.end - 2333) <= 5  # a pixel is 5 ticks at this zoom
    assert note.start % 30 != 0 or note.end % 30 != 0


def test_right_click_in_draw_erases(window, roll, song):
    roll.set_tool("Draw")
    click(roll, roll_point(roll, 600, 62), button=Qt.RightButton)
    assert D4 not in melody(window)
    undo_all(window.session)
    assert window.session.song == song


def test_select_click_shift_click_and_rubber_band(window, roll):
    roll.set_tool("Select")
    click(roll, roll_point(roll, 100, 60))
    assert window.session.selection == {C4}
    click(roll, roll_point(roll, 1200, 64), mods=Qt.ShiftModifier)
    assert window.session.selection == {C4, E4}
    click(roll, roll_point(roll, 100, 60), mods=Qt.ShiftModifier)
    assert window.session.selection == {E4}
    click(roll, roll_point(roll, 3000, 80))  # empty space clears
    assert window.session.selection == frozenset()
    drag(roll, roll_point(roll, 300, 66), roll_point(roll, 1000, 61))
    assert window.session.selection == {D4, E4}


def test_move_selection_by_drag_is_one_undo_step(window, roll, song):
    roll.set_tool("Select")
    heard = []
    roll.auditioned.connect(lambda pitch, velocity: heard.append(pitch))
    click(roll, roll_point(roll, 100, 60))
    click(roll, roll_point(roll, 600, 62), mods=Qt.ShiftModifier)
    drag(roll, roll_point(roll, 200, 60), roll_point(roll, 200 + 480, 62))
    notes = melody(window)
    assert Note(start=480, pitch=62, duration=480, velocity=90) in notes
    assert Note(start=960, pitch=64, duration=480, velocity=80) in notes
    assert C4 not in notes and D4 not in notes
    assert heard[0] == 60 and heard[-1] == 62  # grabbed, then heard at its new pitch
    assert window.session.undo_stack.count() == 1
    undo_all(window.session)
    assert window.session.song == song


def test_alt_drag_copies(window, roll, song):
    roll.set_tool("Select")
    drag(roll, roll_point(roll, 200, 60), roll_point(roll, 200 + 1920, 60), mods=Qt.AltModifier)
    notes = melody(window)
    assert C4 in notes and Note(start=1920, pitch=60, duration=480, velocity=90) in notes
    undo_all(window.session)
    assert window.session.song == song


def test_resize_from_both_edges(window, roll, song):
    roll.set_tool("Select")
    end = roll_point(roll, 960 + 960, 64)
    end.setX(end.x() - 2)
    drag(roll, end, roll_point(roll, 960 + 960 + 240, 64))
    assert Note(start=960, pitch=64, duration=1200, velocity=100) in melody(window)
    start = roll_point(roll, 960, 64)
    start.setX(start.x() + 2)
    drag(roll, start, roll_point(roll, 960 + 480, 64))
    assert Note(start=1440, pitch=64, duration=720, velocity=100) in melody(window)
    undo_all(window.session)
    assert window.session.song == song


def test_erase_click_and_sweep(window, roll, song):
    roll.set_tool("Erase")
    click(roll, roll_point(roll, 100, 60))
    assert C4 not in melody(window)
    roll.set_tool("Draw")
    for tick in (1920, 2400, 2880):
        click(roll, roll_point(roll, tick + 20, 72))
    roll.set_tool("Erase")
    count = window.session.undo_stack.count()
    drag(roll, roll_point(roll, 1950, 72), roll_point(roll, 3000, 72), steps=12)
    assert not [n for n in melody(window) if n.pitch == 72]
    assert window.session.undo_stack.count() == count + 1
    undo_all(window.session)
    assert window.session.song == song


def test_other_tracks_are_not_edited(window, roll, song):
    """The bass note under the cursor is a ghost: tools act on the current track only."""
    roll.set_tool("Erase")
    window.editor.view.center_on_pitch(36, roll.height())
    click(roll, roll_point(roll, 100, 36))
    assert window.session.song == song
    window.session.set_current_track(2)
    click(roll, roll_point(roll, 100, 36))
    assert window.session.song.track(2).notes == ()
