"""Step input (chords, rests, one undo per step) and MIDI learn (a CC drives play/stop, saved between runs)."""
from __future__ import annotations

import time

from editor_helpers import click, key
from live_midi_helpers import cc, off, on
from PySide6.QtCore import QPoint, Qt

from app.midi_input import preferences
from app.midi_input.learn import LearnDialog
from engine.notes import Note

BAR_2 = 1920


def test_step_input_writes_a_chord_a_rest_and_a_note(qtbot, midi_window, keys):
    window, session = midi_window, midi_window.session
    click(window.track_list.row_for(2), QPoint(5, 5))  # the bass track
    bar = window.midi.toolbar.step_length
    bar.setCurrentIndex(bar.findText("1/4"))
    bar.activated.emit(bar.currentIndex())
    window.options.seek(BAR_2)
    key(window.editor.roll, Qt.Key_N)
    assert window.midi.step_mode.enabled and window.midi.menu.rest.isEnabled()
    t = time.perf_counter()
    for offset, pitch in ((0.0, 48), (0.012, 52), (0.02, 55)):  # a C major chord, as a hand plays it
        keys.send(on(pitch, 80 + pitch - 48), t + offset)
    keys.send(off(52))
    qtbot.waitUntil(lambda: window.options.playhead == BAR_2 + 480, timeout=2000)
    key(window.editor.roll, Qt.Key_0)  # a rest
    assert window.options.playhead == BAR_2 + 960
    keys.send(off(48))
    keys.send(off(55))
    keys.send(on(50, 90))  # a single D
    qtbot.waitUntil(lambda: window.options.playhead == BAR_2 + 1440, timeout=2000)
    keys.send(off(50))
    keys.send(cc(64, 127))  # the sustain pedal is a rest too
    qtbot.waitUntil(lambda: window.options.playhead == BAR_2 + 1920, timeout=2000)
    keys.send(cc(64, 0))
    assert session.song.track(2).notes_between(BAR_2, BAR_2 * 3) == (
        Note(BAR_2, 48, 480, 80), Note(BAR_2, 52, 480, 84), Note(BAR_2, 55, 480, 87), Note(BAR_2 + 960, 50, 480, 90))
    assert [session.undo_stack.text(i) for i in range(session.undo_stack.count())] == ["Step input"] * 2
    key(window.editor.roll, Qt.Key_N)
    assert not window.midi.step_mode.enabled
    session.undo_stack.undo()
    assert [n.pitch for n in session.song.track(2).notes_between(BAR_2, BAR_2 * 3)] == [48, 52, 55]
    assert preferences.load().step_length == "1/4"


def test_midi_learn_maps_a_cc_to_play_stop(qtbot, midi_window, keys):
    window = midi_window
    dialog = LearnDialog(window.midi.learn_actions, window)
    dialog.show()
    click(dialog.learn_buttons["play"], QPoint(5, 5))
    assert dialog.table.item(0, 1).text() == "waiting for a control…"
    keys.send(cc(20, 127))
    qtbot.waitUntil(lambda: dialog.table.item(0, 1).text() == "CC 20, channel 1", timeout=2000)
    keys.send(cc(20, 0))
    dialog.close()
    assert preferences.load_bindings()["bindings"][0]["action"] == "play"
    keys.send(cc(20, 127))  # the button pressed: play
    qtbot.waitUntil(lambda: window.transport.is_playing, timeout=2000)
    keys.send(cc(20, 0))     # released: nothing
    keys.send(cc(20, 127))  # pressed again: stop
    qtbot.waitUntil(lambda: not window.transport.is_playing, timeout=2000)


def test_learned_bindings_are_there_in_the_next_session(qtbot, midi_window, keys, song):
    from editor_helpers import offline_player
    from live_midi_helpers import POLL_SECONDS

    from app.main_window import MainWindow
    from engine.live.ports import VirtualBackend

    dialog = LearnDialog(midi_window.midi.learn_actions, midi_window)
    dialog.show()
    click(dialog.learn_buttons["metronome"], QPoint(5, 5))
    keys.send(on(36, 100))  # a pad
    qtbot.waitUntil(lambda: dialog.table.item(2, 1).text() == "Note 36, channel 1", timeout=2000)
    dialog.close()
    midi_window.close()
    pads = VirtualBackend()
    pad = pads.plug("Pads")
    again = MainWindow(song, player_factory=offline_player, midi_backend=lambda: pads, midi_poll_seconds=POLL_SECONDS)
    again.midi.start()
    qtbot.waitUntil(lambda: again.midi.devices.connected == "Pads", timeout=3000)
    pad.send(on(36, 100))
    qtbot.waitUntil(lambda: again.transport.metronome, timeout=2000)
    assert again.transport_bar.metronome.isChecked()
    again.close()
