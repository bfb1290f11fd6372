"""Recording from a keyboard: real messages at real times land on the right ticks as one undo step."""
from __future__ import annotations

import time

import pytest
from editor_helpers import key
from live_midi_helpers import off, on, wait_until
from PySide6.QtCore import Qt

from app.midi_input import preferences

BAR_2 = 1920  # 4/4 at 480 ticks per quarter; 120 BPM = 960 ticks a second


def record(window, qtbot, keys, phrase, settle: float = 0.1) -> float:
    """Press R at the playhead, play `phrase` [(seconds after the start, message)] in real time, press R."""
    key(window.editor.roll, Qt.Key_R)
    assert window.midi.recording.recording
    t0 = time.perf_counter()
    for seconds, message in phrase:
        wait_until(qtbot, t0 + seconds)
        keys.send(message, t0 + seconds)  # stamped as the keyboard played it
    wait_until(qtbot, t0 + phrase[-1][0] + settle)
    key(window.editor.roll, Qt.Key_R)
    assert not window.midi.recording.recording
    return t0


def test_a_phrase_lands_on_its_ticks_and_undo_restores_the_song(qtbot, midi_window, keys):
    preferences.update(count_in_bars=0, input_quantize=True)  # 1/16 grid: played within 60 ms lands exactly
    window, session = midi_window, midi_window.session
    before = session.song
    window.options.seek(BAR_2)
    record(window, qtbot, keys, [(0.01, on(67, 90)), (0.45, off(67)), (0.52, on(69, 70)), (0.98, off(69)),
                                 (1.0, on(71, 110)), (1.49, off(71))])
    assert session.undo_stack.count() == 1 and session.undo_stack.text(0) == "Record"
    recorded = sorted(set(session.song.track(1).notes) - set(before.track(1).notes))
    assert [(n.start, n.pitch, n.velocity) for n in recorded] == [(BAR_2, 67, 90), (BAR_2 + 480, 69, 70),
                                                                   (BAR_2 + 960, 71, 110)]
    assert [n.duration for n in recorded] == pytest.approx([0.44 * 960, 0.46 * 960, 0.49 * 960], abs=2)  # as played
    assert session.selection == frozenset(recorded)
    assert window.options.playhead >= BAR_2 + 1430  # the playhead followed the take
    session.undo_stack.undo()
    assert session.song == before


def test_notes_show_in_the_roll_while_recording(qtbot, midi_window, keys):
    preferences.update(count_in_bars=0)
    window = midi_window
    window.options.seek(BAR_2)
    key(window.editor.roll, Qt.Key_R)
    keys.send(on(72))
    qtbot.waitUntil(lambda: [n.pitch for n in window.editor.roll.live_notes] == [72], timeout=2000)
    assert window.session.song.track(1).notes_between(BAR_2, BAR_2 * 4) == ()  # a preview, not yet an edit
    keys.send(off(72))
    key(window.editor.roll, Qt.Key_Space)  # Space stops recording too
    assert not window.midi.recording.recording and window.editor.roll.live_notes == ()
    assert [n.pitch for n in window.session.song.track(1).notes_between(BAR_2, BAR_2 * 4)] == [72]


def test_unplugging_mid_recording_keeps_the_take_as_one_undo_step(qtbot, midi_window, keys, midi_backend):
    preferences.update(count_in_bars=0)
    window, session = midi_window, midi_window.session
    window.options.seek(BAR_2)
    key(window.editor.roll, Qt.Key_R)
    t0 = time.perf_counter()
    keys.send(on(60), t0 + 0.01)     # held when the cable comes out
    keys.send(on(64), t0 + 0.05)
    keys.send(off(64), t0 + 0.25)
    wait_until(qtbot, t0 + 0.3)
    midi_backend.unplug("Keystation 49")
    qtbot.waitUntil(lambda: not window.midi.recording.recording, timeout=3000)
    assert session.undo_stack.count() == 1
    recorded = session.song.track(1).notes_between(BAR_2, BAR_2 * 4)
    assert [n.pitch for n in recorded] == [60, 64]
    assert recorded[0].duration >= 0.28 * 960  # closed where the device vanished
    assert "disconnected; the recording up to then was kept" in window.statusBar().currentMessage()
    session.undo_stack.undo()
    assert session.song.track(1).notes_between(BAR_2, BAR_2 * 4) == ()


def test_replace_clears_what_the_take_covers(qtbot, midi_window, keys):
    preferences.update(count_in_bars=0, record_mode="replace", input_quantize=True)
    window, session = midi_window, midi_window.session
    before = session.song.track(1).notes  # C4 at 0, D4 at 480, E4 at 960 (a half note)
    window.options.seek(480)
    record(window, qtbot, keys, [(0.02, on(65)), (0.3, off(65))], settle=0.3)  # over 480 .. ~1060
    notes = session.song.track(1).notes
    assert notes[0] == before[0] and len(notes) == 2  # D4 and E4 started inside the take: gone
    assert (notes[1].start, notes[1].pitch) == (480, 65) and notes[1].duration == pytest.approx(0.28 * 960, abs=2)
    session.undo_stack.undo()
    assert session.song.track(1).notes == before


def test_a_count_in_clicks_then_records_from_the_start_tick(qtbot, midi_window, keys):
    """One bar of count-in at 240 BPM (1 s); a note played in its last beat snaps to the start."""
    from engine.edits import SongPropertiesEdit
    from engine.timing import TempoChange

    preferences.update(count_in_bars=1)
    window, session = midi_window, midi_window.session
    session.push(SongPropertiesEdit.changing(session.song, "Tempo", tempos=(TempoChange.from_bpm(0, 240),)))
    window.options.seek(BAR_2)
    key(window.editor.roll, Qt.Key_R)
    t0 = time.perf_counter()
    assert window.midi.recording.counting_in
    keys.send(on(50), t0 + 0.1)  # too early: warming up, dropped
    keys.send(off(50), t0 + 0.2)
    keys.send(on(55), t0 + 0.9)  # in the last beat: snapped to the start tick
    qtbot.waitUntil(lambda: not window.midi.recording.counting_in, timeout=3000)
    assert window.transport.player.is_playing
    keys.send(off(55))
    key(window.editor.roll, Qt.Key_R)
    recorded = session.song.track(1).notes_between(BAR_2, BAR_2 * 4)
    assert [(n.start, n.pitch) for n in recorded] == [(BAR_2, 55)]
    assert session.undo_stack.count() == 2
