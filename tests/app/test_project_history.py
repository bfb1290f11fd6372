"""One history for all project state: a new user's generate, keep, edit, lock, undo x5, redo x5, save, reopen.

Real window, real keys, a real tiny checkpoint. After every step the song (its
locks included), the take list and every kept mark must be exactly what they
were at that point of the history, and the file must bring all of it back.
Also the two things a new user met: clicking a track row and a failed proposal
must not bring back an old take.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.proposals.takes import KEPT_MARK
from editor_helpers import key, select_bars
from test_proposal_workflow import composer, generate, song  # noqa: F401 (the C-F-G-C song and 3-take fixtures)

CTRL_SHIFT = Qt.ControlModifier | Qt.ShiftModifier


def state(window, composer):
    """Everything the history must restore: the song (locks included) and each take with its mark."""
    listed = composer.panel.takes_list
    kept_rows = sorted(listed.item(i).data(Qt.UserRole) for i in range(listed.count())
                       if listed.item(i).text().startswith(KEPT_MARK))
    return window.session.song, tuple(composer.takes), tuple(kept_rows)


def test_generate_keep_edit_lock_undo_redo_save_and_reopen_restore_everything(qtbot, window, composer, tmp_path):
    roll, stack = window.editor.roll, window.session.undo_stack
    states = [state(window, composer)]
    select_bars(window, 0, 1)
    assert generate(qtbot, composer, "melody") == "done"                             # 1: three takes
    states.append(state(window, composer))
    key(roll, Qt.Key_BracketRight)
    kept = composer.current
    key(roll, Qt.Key_Return, Qt.ControlModifier)                                     # 2: keep the second
    states.append(state(window, composer))
    assert states[-1][2] == (kept,)
    roll.set_tool("Select")
    window.session.set_current_track(1)
    first = window.session.song.track(1).notes[0]
    window.session.set_selection({first})
    roll.setFocus()                                                                  # the user clicks in the roll
    key(roll, Qt.Key_Up)                                                             # 3: edit a kept note
    states.append(state(window, composer))
    assert states[-1][2] == (kept,)                                                  # still kept
    window.session.set_selection({window.session.song.track(1).notes[1]})
    key(roll, Qt.Key_L, CTRL_SHIFT)                                                  # 4: lock a note
    states.append(state(window, composer))
    assert sum(n.locked for n in window.session.song.track(1).notes) == 1
    select_bars(window, 2, 3)
    assert generate(qtbot, composer, "bass") == "done"                               # 5: more takes
    states.append(state(window, composer))
    assert [stack.text(i) for i in range(stack.count())] == \
        ["Generate takes", "Propose melody", "Transpose", "Lock notes", "Generate takes"]

    for expected in reversed(states[:-1]):
        key(roll, Qt.Key_Z, Qt.ControlModifier)
        assert state(window, composer) == expected
    assert composer.takes == [] and window.session.song == states[0][0]
    for expected in states[1:]:
        key(roll, Qt.Key_Z, CTRL_SHIFT)
        assert state(window, composer) == expected

    path = tmp_path / "history.cadenza"
    assert window.files.save_as(str(path)) and not window.files.dirty
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    assert window.files.dirty                                                        # undoing the Generate is a change
    key(roll, Qt.Key_Z, CTRL_SHIFT)
    assert not window.files.dirty                                                    # back where it was saved
    saved = state(window, composer)
    window.files.new()
    assert composer.takes == []
    assert window.files.open_file(str(path), confirm=False) and not window.files.dirty
    assert state(window, composer) == saved


def test_clicking_a_track_row_after_keep_shows_no_old_take(qtbot, window, composer):
    select_bars(window, 0, 1)
    assert generate(qtbot, composer, "melody") == "done"
    composer.keep()
    select_bars(window, 2, 3)
    assert generate(qtbot, composer, "melody") == "done"
    composer.keep()
    assert composer.current is None and composer.overlay.take is None
    for track_id in (2, 1, 2):
        row = window.track_list.row_for(track_id)
        QTest.mouseClick(row, Qt.LeftButton, Qt.NoModifier, row.rect().center())
        window.track_list.setFocus()
        composer.panel.takes_list.setFocus()                                         # the list gets focus too
        assert composer.current is None and composer.overlay.take is None
        assert not composer.panel.keep.isEnabled() and composer.region.bars == (2, 3)


def test_a_failed_proposal_leaves_the_take_list_where_it_was(qtbot, window, composer, tmp_path):
    select_bars(window, 0, 1)
    assert generate(qtbot, composer, "melody") == "done"
    composer.show_take(composer.takes[2].id)
    shown = composer.current
    composer.model_path = str(tmp_path / "missing.pt")
    select_bars(window, 2, 3)
    assert generate(qtbot, composer, "melody") == "failed"
    listed = composer.panel.takes_list
    assert composer.current == shown and listed.currentItem().data(Qt.UserRole) == shown
    assert len(composer.takes) == 3
