"""Call and response: a phrase played on the keyboard is one undo step, and the model answers it with takes.

Real mido messages at real times through the VirtualBackend into the recorder,
a real tiny checkpoint (the composer tests', trained once per session) behind
the proposal job worker, and the take overlay, audition and Keep of the
proposal panel. Also the learnable Generate pad and Adventurousness knob.
"""
from __future__ import annotations

import time

import pytest
from editor_helpers import click, key, make_song, seeded_proposals
from live_midi_helpers import cc, off, on, wait_until
from PySide6.QtCore import QPoint, Qt

from app.midi_input import preferences
from app.midi_input.learn import LearnDialog
from engine.chords import ChordEvent, parse_chord
from engine.keys import Key, KeySignature
from engine.timing import TempoChange

# the composer tests' tiny model, shared per session

JOB_MS = 120_000
BAR = 1920  # 4/4 at 480 ticks per quarter; at 240 BPM a bar lasts one second



@pytest.fixture
def song():
    """Four bars of C major (a chord a bar) at 240 BPM, so a two-bar phrase takes two seconds to play."""
    base = make_song()
    chords = tuple(ChordEvent(i * BAR, parse_chord(c)) for i, c in enumerate(("C", "F", "G", "C")))
    return base.with_(chords=chords, keys=(KeySignature(0, Key(0, "major")),), tempos=(TempoChange.from_bpm(0, 240),),
                      end_tick=4 * BAR)


@pytest.fixture
def composer(midi_window, proposal_checkpoint):
    return seeded_proposals(midi_window, proposal_checkpoint, takes=2)


def play(qtbot, keys, phrase) -> None:
    """Play `phrase` [(seconds from now, message)] in real time, stamped as a keyboard would."""
    t0 = time.perf_counter()
    for seconds, message in phrase:
        wait_until(qtbot, t0 + seconds)
        keys.send(message, t0 + seconds)
    wait_until(qtbot, t0 + phrase[-1][0] + 0.1)


def call_response_button(window):
    return window.midi.toolbar.widgetForAction(window.midi.menu.call_response)


def test_a_two_bar_phrase_is_answered_with_the_next_two_bars(qtbot, midi_window, keys, composer):
    preferences.update(count_in_bars=0)
    window, session = midi_window, midi_window.session
    original = session.song
    button = call_response_button(window)
    click(button, button.rect().center())
    assert window.midi.call_response.enabled and window.midi.menu.call_response.isChecked()
    window.options.seek(4 * BAR)                                           # the song's end
    key(window.editor.roll, Qt.Key_R)
    play(qtbot, keys, [(0.01, on(67, 90)), (0.2, off(67)), (0.26, on(69)), (0.45, off(69)), (0.51, on(71)),
                       (0.7, off(71)), (1.0, on(72)), (1.4, off(72)), (1.5, on(71)), (1.7, off(71))])
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        key(window.editor.roll, Qt.Key_R)                                  # the call ends; the answer is asked for
        assert window.midi.call_response.answering
    assert finished.args == ["done"]
    phrase_song = session.song
    assert [session.undo_stack.text(i) for i in range(session.undo_stack.count())] == ["Record", "Generate takes"]
    phrase = sorted(set(phrase_song.track(1).notes) - set(original.track(1).notes))
    assert [n.pitch for n in phrase] == [67, 69, 71, 72, 71]
    assert all(4 * BAR <= n.start and n.end <= 6 * BAR for n in phrase)

    take = composer.current_take                                           # the answer: a take, not the song
    assert take.task == "continue" and take.bars == (6, 7) and take.ticks == (6 * BAR, 8 * BAR)
    assert set(take.notes) == {1} and take.notes[1] and all(6 * BAR <= n.start < 8 * BAR for n in take.notes[1])
    assert len(composer.takes) == 2 and composer.overlay.take is take
    assert session.song is phrase_song

    player = window.transport.player                                       # call and answer play, looped
    assert composer.auditioning and player.is_playing
    assert window.options.loop == (4 * BAR, 8 * BAR) and window.options.loop_enabled
    heard = player.song.track(1).notes
    assert set(phrase) <= set(heard)
    assert tuple(n for n in heard if n.start >= 6 * BAR) == take.notes[1]

    key(window.editor.roll, Qt.Key_Return, Qt.ControlModifier)             # Keep
    song = session.song
    assert session.undo_stack.count() == 3 and not player.is_playing and window.options.loop is None  # Record, Generate, Keep
    assert tuple(n for n in song.track(1).notes if n.start >= 6 * BAR) == take.notes[1]
    assert tuple(n for n in song.track(1).notes if n.start < 6 * BAR) == phrase_song.track(1).notes
    assert song.track(2) == original.track(2) and song.chords == original.chords
    session.undo_stack.undo()
    assert session.song == phrase_song and not composer.takes[0].kept
    session.undo_stack.undo()                                              # the Generate: its takes go
    assert session.song == phrase_song and composer.takes == []
    session.undo_stack.undo()
    assert session.song == original


def test_inside_the_song_the_answer_fills_the_bars_after_the_phrase(qtbot, midi_window, keys, composer):
    preferences.update(count_in_bars=0)
    window, session = midi_window, midi_window.session
    window.options.seek(2 * BAR)                                           # mode off: a recording is only a take
    key(window.editor.roll, Qt.Key_R)
    play(qtbot, keys, [(0.01, on(64)), (0.2, off(64))])
    key(window.editor.roll, Qt.Key_R)
    assert session.undo_stack.count() == 1 and not composer.running and composer.takes == []

    window.midi.menu.call_response.trigger()
    window.midi.toolbar.answer_bars.setValue(1)
    assert preferences.load().answer_bars == 1
    recorded = session.song
    window.options.seek(0)
    key(window.editor.roll, Qt.Key_R)
    play(qtbot, keys, [(0.01, on(67)), (0.2, off(67)), (0.5, on(65)), (1.03, off(65))])  # let go just late
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        key(window.editor.roll, Qt.Key_R)
    assert finished.args == ["done"]
    take = composer.current_take
    assert take.task == "fill" and take.bars == (1, 1) and take.ticks == (BAR, 2 * BAR) and set(take.notes) == {1}
    assert window.options.loop == (0, 2 * BAR) and composer.auditioning
    key(window.editor.roll, Qt.Key_Backspace, Qt.ControlModifier)           # Discard: the other answer plays
    assert composer.current_take.id == take.id + 1 and composer.auditioning
    key(window.editor.roll, Qt.Key_Backspace, Qt.ControlModifier)           # none left: the phrase stays
    assert composer.takes == [] and not composer.auditioning and window.options.loop is None
    stack = session.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Record", "Record", "Generate takes"] + ["Discard take"] * 2
    for _ in range(3):                                                     # two Discards and the Generate
        stack.undo()
    assert composer.takes == []
    stack.undo()
    assert session.song == recorded


def test_a_learned_pad_generates_and_a_learned_knob_sets_adventurousness(qtbot, midi_window, keys, composer):
    window, session = midi_window, midi_window.session
    original = session.song
    dialog = LearnDialog(window.midi.learn_actions, window)
    dialog.show()
    rows = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    generate_row, adventure_row = rows.index("Generate (Proposals panel)"), rows.index(
        "Adventurousness (knob, safe–wild)")
    click(dialog.learn_buttons["generate"], QPoint(5, 5))
    keys.send(on(40, 100))                                                 # a pad
    qtbot.waitUntil(lambda: dialog.table.item(generate_row, 1).text() == "Note 40, channel 1", timeout=2000)
    keys.send(off(40))
    click(dialog.learn_buttons["adventure"], QPoint(5, 5))
    keys.send(cc(21, 30))                                                  # a knob
    qtbot.waitUntil(lambda: dialog.table.item(adventure_row, 1).text() == "CC 21, channel 1", timeout=2000)
    dialog.close()

    slider = composer.panel.adventure
    keys.send(cc(21, 127))
    qtbot.waitUntil(lambda: slider.value() == 10, timeout=2000)
    keys.send(cc(21, 0))
    qtbot.waitUntil(lambda: slider.value() == 1, timeout=2000)
    keys.send(cc(21, 64))                                                  # 1 + 9 * 64/127 = 5.5: 6
    qtbot.waitUntil(lambda: slider.value() == 6, timeout=2000)
    assert preferences.load_bindings() is not None

    composer.region.set_bars(0, 1)
    composer.panel.set_task("melody")
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        keys.send(on(40, 100))                                             # the pad: Generate
    assert finished.args == ["done"]
    keys.send(off(40))
    assert len(composer.takes) == 2 and all(t.task == "melody" and t.bars == (0, 1) for t in composer.takes)
    assert composer.takes[0].controls["adventure"] == 6
    assert session.song == original                                        # the pad neither sounded nor recorded
    assert [session.undo_stack.text(i) for i in range(session.undo_stack.count())] == ["Generate takes"]
