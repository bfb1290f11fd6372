"""What got in a new user's way on a first sketch with the proposals (tried under Xvfb, then fixed).

Real widgets, real input, the real tiny checkpoint: a click on a track's name
picks the track and leaves the keys to the editor (] stepped takes into the
name before: "Ba]ss"), a double-click renames; ] and [ go on from the take
kept or undone; switching to a track whose notes are out of sight scrolls to
them; New sketch starts from the song's tempo, meter and key.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor_helpers import click, key, make_song, seeded_proposals, select_bars
from engine.keys import Key, KeySignature
from engine.timing import TempoChange, TimeSignature

JOB_MS = 120_000


@pytest.fixture
def song():
    """The editor tests' melody (C4..E4) and bass (C2), at 90 BPM in 3/4, in A minor."""
    return make_song().with_(tempos=(TempoChange(0, 666_667),), meters=(TimeSignature(0, 3, 4),),
                             keys=(KeySignature(0, Key(9, "minor")),))


@pytest.fixture
def composer(window, proposal_checkpoint):
    return seeded_proposals(window, proposal_checkpoint, takes=3)


def generate(qtbot, composer, task: str) -> str:
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        composer.panel.set_task(task)
        click(composer.panel.generate, composer.panel.generate.rect().center())
    return finished.args[0]


def focused():
    return QApplication.focusWidget()


def test_a_click_on_a_track_name_picks_the_track_and_the_take_keys_still_step(qtbot, window, composer):
    select_bars(window, 0, 0)
    assert generate(qtbot, composer, "melody") == "done"
    assert composer.current == composer.takes[0].id
    name, before = window.track_list.row_for(2).name, focused()
    click(name, QPoint(5, 5))                                   # the natural place to click on a row
    assert window.session.current_track_id == 2
    assert not name.hasFocus() and focused() is before          # the keys stay where they were
    key(focused(), Qt.Key_BracketRight)                         # where the keyboard sends it
    assert composer.current == composer.takes[1].id
    assert window.session.song.track(2).name == "Bass" and name.text() == "Bass"


def test_a_double_click_renames_a_track_return_keeps_escape_cancels(qtbot, window):
    window.editor.roll.setFocus()
    name = window.track_list.row_for(2).name
    QTest.mouseDClick(name, Qt.LeftButton, Qt.NoModifier, QPoint(5, 5))
    assert name.hasFocus() and name.selectedText() == "Bass"
    qtbot.keyClicks(name, "Low end")
    key(name, Qt.Key_Return)
    assert window.session.song.track(2).name == "Low end"
    assert window.session.undo_stack.count() == 1
    assert focused() is window.editor.roll                      # the keys go back to the roll
    QTest.mouseDClick(name, Qt.LeftButton, Qt.NoModifier, QPoint(5, 5))
    qtbot.keyClicks(name, "Oops")
    key(name, Qt.Key_Escape)
    assert name.text() == "Low end" and window.session.song.track(2).name == "Low end"
    assert window.session.undo_stack.count() == 1 and focused() is window.editor.roll
    window.session.undo_stack.undo()
    assert window.session.song.track(2).name == "Bass" and name.text() == "Bass"


def test_after_keep_and_undo_the_take_keys_go_on_from_the_take_kept(qtbot, window, composer):
    roll = window.editor.roll
    select_bars(window, 1, 1)
    assert generate(qtbot, composer, "melody") == "done"
    first, second, third = composer.takes
    key(roll, Qt.Key_Return, Qt.ControlModifier)                # Keep take 1
    assert composer.current is None
    panel = composer.panel
    assert panel.next.isEnabled() and panel.previous.isEnabled()   # as the ] and [ keys are
    assert not panel.keep.isEnabled()
    window.session.undo_stack.undo()
    key(roll, Qt.Key_BracketRight)
    assert composer.current == second.id                        # the one after the take kept, not the last
    key(roll, Qt.Key_Return, Qt.ControlModifier)                # Keep take 2
    click(panel.previous, panel.previous.rect().center())
    assert composer.current == first.id
    click(panel.discard, panel.discard.rect().center())         # take 1 gone: the next one shows
    assert composer.current == second.id
    assert [t.id for t in composer.takes] == [second.id, third.id]
    line = panel.takes_list.item(1)
    assert panel.takes_list.horizontalScrollBarPolicy() == Qt.ScrollBarAlwaysOff   # long lines end in …
    assert line.toolTip().startswith(line.text())               # hover: the whole line


def test_switching_to_a_track_out_of_sight_scrolls_to_its_notes(window):
    editor, view = window.editor, window.editor.view
    height = editor.roll.height()

    def on_screen(pitch: int) -> bool:
        return view.pitch_at(height - 1) <= pitch <= view.pitch_at(0)

    view.center_on_pitch(96, height)
    x = view.scroll_x
    assert not on_screen(36)
    bass = window.track_list.row_for(2)
    click(bass, QPoint(2, bass.height() - 3))
    assert window.session.current_track_id == 2 and on_screen(36)   # the bass line, not empty rows
    assert view.scroll_x == x                                          # the bars shown stay
    view.center_on_pitch(62, height)
    y = view.scroll_y
    melody = window.track_list.row_for(1)
    click(melody, QPoint(2, melody.height() - 3))
    assert window.session.current_track_id == 1 and view.scroll_y == y   # on screen already: nothing moves
    click(bass, QPoint(2, bass.height() - 3))
    pitch = 100
    view.center_on_pitch(pitch, height)
    while not on_screen(64):      # only the melody's top note (E4) at the bottom edge, C4 and D4 below it
        pitch -= 1
        view.center_on_pitch(pitch, height)
    assert not on_screen(62)
    click(melody, QPoint(2, melody.height() - 3))
    assert all(on_screen(p) for p in (60, 62, 64))                       # one note of three in sight: it scrolls


def test_new_sketch_starts_from_the_songs_tempo_meter_and_key(window):
    seen = []

    def read_and_cancel():
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.tempo.value(), dialog.meter.currentText(), dialog.tonic.currentText(),
                     dialog.mode.currentText()))
        dialog.reject()

    QTimer.singleShot(50, read_and_cancel)
    panel = window.proposals.panel
    click(panel.sketch, panel.sketch.rect().center())
    assert seen == [(90, "3/4", "A", "minor")]
