"""Step input: keys and chords written at the cursor, rests, one edit per step."""
from __future__ import annotations

from keyboard import TPQ, cc, off, on

from engine.document import SongDocument
from engine.live.ports import VirtualInputPort
from engine.live.step_input import StepInput
from engine.notes import Note


def play(song, step, timed):
    """Send (message, time) pairs through a real port; apply every edit the step input makes."""
    document = SongDocument(song)
    edits = []
    port = VirtualInputPort()

    def listener(message, timestamp):
        edit = step.feed(message, timestamp)
        if edit is not None:
            edits.append(edit)
            document.apply(edit)

    port.open(listener)
    port.send_all(timed)
    return document, edits


def test_keys_chords_and_rests_advance_the_cursor(song):
    step = StepInput(1, cursor=4 * TPQ, length=TPQ // 2)
    # A melody note, then a chord whose keys arrive 0-30 ms apart, then a rest, then a note.
    document, edits = play(song, step, [(on(60, 90), 0.0), (off(60), 0.2),
                                        (on(64, 70), 1.0), (on(67, 71), 1.01), (on(72, 72), 1.03),
                                        (off(67), 1.3), (off(64), 1.31), (off(72), 1.32)])
    step.rest()
    _, more = play(document.song, step, [(on(62), 3.0), (off(62), 3.1)])
    document.apply(more[0])
    assert document.song.track(1).notes == (
        Note(4 * TPQ, 60, 240, 90),
        Note(4 * TPQ + 240, 64, 240, 70), Note(4 * TPQ + 240, 67, 240, 71), Note(4 * TPQ + 240, 72, 240, 72),
        Note(4 * TPQ + 720, 62, 240, 100))
    assert len(edits) == 2 and step.cursor == 4 * TPQ + 960
    document.apply(edits[1].inverse())  # one undo takes a whole chord back
    assert len(document.song.track(1).notes) == 2


def test_legato_melody_is_separate_steps_and_held_chords_flush_on_time(song):
    step = StepInput(1, cursor=0, length=TPQ)
    # Overlapping keys more than 50 ms apart are a melody, not a chord.
    _, edits = play(song, step, [(on(60), 0.0), (on(62), 0.2), (off(60), 0.25), (on(64), 0.4), (off(62), 0.45)])
    assert [e.added[0].pitch for e in edits] == [60, 62] and step.cursor == 2 * TPQ
    assert step.flush(0.42) is None          # 64's window is still open
    edit = step.flush(0.46)                  # the editor's timer: 64 is written while still held
    assert edit.added == (Note(2 * TPQ, 64, TPQ, 100),)
    assert step.feed(off(64), 0.6) is None and step.feed(cc(64, 127), 0.7) is None


def test_without_a_window_a_chord_is_every_key_down_before_the_first_release(song):
    step = StepInput(1, cursor=0, length=TPQ, chord_window=None)
    _, edits = play(song, step, [(on(48), 0.0), (on(52), 0.3), (on(55), 0.6), (off(52), 1.0), (off(48), 1.1)])
    assert [n.pitch for n in edits[0].added] == [48, 52, 55] and step.flush(5.0) is None
    assert step.rest() is None and step.cursor == 2 * TPQ
