"""Keyboard shortcuts on the real window: select all, nudge, transpose, duplicate, clipboard, delete, undo/redo, tools."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from editor_helpers import click, key, roll_point, undo_all
from editor_helpers import C4, D4, E4, melody


def test_select_all_then_arrows_nudge_and_transpose(window, roll, song):
    key(roll, Qt.Key_A, Qt.ControlModifier)
    assert window.session.selection == {C4, D4, E4}
    key(roll, Qt.Key_Right)  # one 1/16 step = 120 ticks
    assert melody(window)[0] == C4.with_(start=120)
    key(roll, Qt.Key_Up)
    assert melody(window)[0] == C4.with_(start=120, pitch=61)
    key(roll, Qt.Key_Up, Qt.ShiftModifier)
    assert melody(window)[0] == C4.with_(start=120, pitch=73)
    key(roll, Qt.Key_Left)
    key(roll, Qt.Key_Left)  # cannot go before 0: the whole selection stops there, nothing to undo
    assert melody(window)[0].start == 0
    assert window.session.undo_stack.count() == 4
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    assert melody(window)[0] == C4.with_(start=120, pitch=61)
    key(roll, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert melody(window)[0] == C4.with_(start=120, pitch=73)
    undo_all(window.session)
    assert window.session.song == song


def test_duplicate_copy_paste_cut_delete(window, roll, song):
    roll.set_tool("Select")
    click(roll, roll_point(roll, 100, 60))
    key(roll, Qt.Key_D, Qt.ControlModifier)
    assert C4.with_(start=480) in melody(window)
    assert window.session.selection == {C4.with_(start=480)}
    key(roll, Qt.Key_C, Qt.ControlModifier)
    window.options.set_playhead(3840)
    key(roll, Qt.Key_V, Qt.ControlModifier)
    assert C4.with_(start=3840) in melody(window)
    key(roll, Qt.Key_X, Qt.ControlModifier)
    assert C4.with_(start=3840) not in melody(window)
    window.options.set_playhead(1920)
    key(roll, Qt.Key_V, Qt.ControlModifier)
    assert C4.with_(start=1920) in melody(window)
    key(roll, Qt.Key_Delete)
    assert C4.with_(start=1920) not in melody(window)
    undo_all(window.session)
    assert window.session.song == song


def test_number_keys_switch_tools(window, roll):
    for digit, name in ((Qt.Key_2, "Select"), (Qt.Key_3, "Erase"), (Qt.Key_1, "Draw")):
        key(roll, digit)
        assert roll.tool.name == name
        assert window.edit_toolbar.tool_actions[name].isChecked()


def test_typing_in_track_name_does_not_edit_notes(window, qtbot):
    key(window.editor.roll, Qt.Key_A, Qt.ControlModifier)
    name = window.track_list.row_for(1).name
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Lead")
    key(name, Qt.Key_Backspace)
    key(name, Qt.Key_Delete)
    key(name, Qt.Key_Return)
    assert window.session.song.track(1).name == "Lea"
    assert len(melody(window)) == 3


def test_quantize_dialog_from_q(window, roll, song, qtbot):
    window.session.replace_notes((C4,), (C4.with_(start=50),), "off grid")
    key(roll, Qt.Key_A, Qt.ControlModifier)
    answered = []

    def accept_dialog():
        dialog = QApplication.activeModalWidget()
        answered.append(dialog.windowTitle())
        dialog.grid.setCurrentIndex(0)  # 1/4
        dialog.accept()

    QTimer.singleShot(50, accept_dialog)
    key(roll, Qt.Key_Q)
    assert answered == ["Quantize"]
    assert melody(window)[0] == C4
    undo_all(window.session)
    assert window.session.song == song


def test_humanize_and_legato_are_single_undo_steps(window, roll, song):
    roll.set_tool("Select")
    click(roll, roll_point(roll, 100, 60))
    click(roll, roll_point(roll, 1000, 64), mods=Qt.ShiftModifier)
    key(roll, Qt.Key_L)
    assert C4.with_(duration=960) in melody(window)
    key(roll, Qt.Key_A, Qt.ControlModifier)
    key(roll, Qt.Key_H)
    assert window.session.undo_stack.count() == 2
    assert window.session.undo_stack.text(1) == "Humanize"
    undo_all(window.session)
    assert window.session.song == song


def test_shortcuts_dialog_lists_actions(window, roll):
    seen = []

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        seen.extend(dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount()))
        dialog.reject()

    QTimer.singleShot(50, read_and_close)
    key(roll, Qt.Key_F1)
    assert "Duplicate" in seen and "Quantize" in seen and "Undo" in seen


def test_history_view_lists_commands(window, roll):
    key(roll, Qt.Key_A, Qt.ControlModifier)
    key(roll, Qt.Key_Up)
    key(roll, Qt.Key_Right)
    model = window.history.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["<opened>", "Transpose", "Nudge notes"]
