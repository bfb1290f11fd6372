"""Recording: timestamps become ticks through the tempo map, and the take is one undoable edit."""
from __future__ import annotations

import time
from itertools import pairwise

import pytest
from keyboard import TPQ, bend, cc, off, on

from engine.document import SongDocument
from engine.edits import CompoundEdit
from engine.live.ports import VirtualInputPort
from engine.live.recorder import (
    Recorder,
    RecordMode,
    RecordSettings,
    count_in_clicks,
    record_edit,
)
from engine.notes import Note
from engine.timing import TempoChange, TimeSignature
from engine.track import ControlChange, PitchBend

T0 = 1000.0  # an arbitrary port-clock time at which recording starts


def record(song, timed, stop, start_tick=0, **settings):
    """Start at T0, send every (message, seconds after T0) through a real in-process port, stop."""
    recorder = Recorder(song, 1, start_tick, RecordSettings(**settings))
    port = VirtualInputPort()
    port.open(recorder.feed)
    recorder.start(T0)
    port.send_all((message, T0 + seconds) for message, seconds in timed)
    return recorder.stop(T0 + stop)


def apply(song, take):
    document = SongDocument(song)
    edit = record_edit(document.song, take)
    document.apply(edit)
    return document, edit


def test_notes_land_on_the_ticks_they_were_played_at(song):
    # 120 BPM: a quarter (480 ticks) every 0.5 s.
    take = record(song, [(on(60, 90), 0.0), (off(60), 0.25), (on(64, 70), 0.5), (off(64, False), 1.5)], stop=2.0,
                  start_tick=4 * TPQ)
    assert take.notes == (Note(4 * TPQ, 60, 240, 90), Note(5 * TPQ, 64, 960, 70))
    assert (take.start_tick, take.end_tick) == (4 * TPQ, 8 * TPQ)


def test_tempo_changes_are_honoured(song):
    # 120 BPM for the first bar (2 s), then 60 BPM: a quarter lasts 1 s from tick 1920 on.
    song = song.with_(tempos=(TempoChange(0, 500_000), TempoChange(4 * TPQ, 1_000_000)))
    take = record(song, [(on(60), 1.0), (off(60), 2.0), (on(62), 3.0), (off(62), 3.5)], stop=5.0)
    assert take.notes == (Note(2 * TPQ, 60, 2 * TPQ, 100), Note(5 * TPQ, 62, TPQ // 2, 100))
    # Starting the recording after the change: seconds count from the start tick's own time.
    take = record(song, [(on(67), 1.0), (off(67), 1.25)], stop=2.0, start_tick=3 * TPQ)
    assert take.notes == (Note(4 * TPQ + TPQ // 2, 67, TPQ // 4, 100),)


def test_repeated_notes_pair_first_in_first_out(song):
    timed = [(on(60, 100), 0.0), (on(60, 50), 0.5), (off(60), 1.0), (off(60), 1.5)]
    take = record(song, timed, stop=2.0)
    assert take.notes == (Note(0, 60, 2 * TPQ, 100), Note(TPQ, 60, 2 * TPQ, 50))


def test_a_dense_chord_and_stray_note_offs(song):
    chord = [60, 64, 67, 71, 74, 77, 81, 84]
    timed = [(off(55), 0.0)] + [(on(p, 80 + i), 0.5 + i * 0.001) for i, p in enumerate(chord)]
    timed += [(off(p), 1.0) for p in reversed(chord)]
    take = record(song, timed, stop=2.0)
    assert len(take.notes) == len(chord)  # the release of a key held before recording is ignored
    assert {n.start for n in take.notes} == {TPQ, TPQ + 1, TPQ + 2, TPQ + 3, TPQ + 4, TPQ + 5, TPQ + 6, TPQ + 7}
    assert all(n.end == 2 * TPQ for n in take.notes)


def test_held_notes_close_at_the_stop(song):
    take = record(song, [(on(60), 0.5), (cc(64, 127), 0.5), (bend(4000), 0.75)], stop=1.5)
    assert take.notes == (Note(TPQ, 60, 2 * TPQ, 100),)
    # The pedal and the wheel are released where the take ends, so the track does not ring on.
    assert take.controls == (ControlChange(TPQ, 64, 127), ControlChange(3 * TPQ, 64, 0))
    assert take.pitch_bends == (PitchBend(TPQ + TPQ // 2, 4000), PitchBend(3 * TPQ, 0))


def test_sustain_and_pitch_bend_come_back_in_the_track_as_one_undo_step(song):
    timed = [(cc(64, 127), 0.0), (on(62), 0.1), (off(62), 0.3), (bend(-8192), 0.5), (bend(0), 1.0),
             (cc(64, 0), 1.0), (cc(1, 40), 1.25)]
    take = record(song, timed, stop=2.0)
    document, edit = apply(song, take)
    track = document.song.track(1)
    assert track.notes == (Note(96, 62, 192, 100),)
    assert track.controls == (ControlChange(0, 64, 127), ControlChange(2 * TPQ, 64, 0), ControlChange(1200, 1, 40))
    assert track.pitch_bends == (PitchBend(TPQ, -8192), PitchBend(2 * TPQ, 0))
    assert isinstance(edit, CompoundEdit) and edit.label == "Record"
    document.apply(edit.inverse())
    assert document.song == song


def test_overdub_keeps_earlier_notes_and_replace_clears_the_range(song):
    before = (Note(0, 48, TPQ), Note(TPQ, 50, TPQ), Note(3 * TPQ, 52, TPQ))
    song = song.with_track(song.track(1).with_(notes=before, controls=(ControlChange(TPQ, 64, 127),)))
    timed = [(on(72), 0.5), (off(72), 0.75)]
    document, _ = apply(song, record(song, timed, stop=1.25, start_tick=0))
    assert document.song.track(1).notes == tuple(sorted(before + (Note(TPQ, 72, TPQ // 2, 100),)))
    assert document.song.track(1).controls == (ControlChange(TPQ, 64, 127),)
    # Replace from tick 480 to the stop at 0.5 s later (tick 960): the note at 480 and the pedal go.
    document, _ = apply(song, record(song, [(on(72), 0.25), (off(72), 0.4)], stop=1.0, start_tick=TPQ,
                                     mode=RecordMode.REPLACE))
    assert document.song.track(1).notes == (Note(0, 48, TPQ), Note(TPQ + 240, 72, 144, 100), Note(3 * TPQ, 52, TPQ))
    assert document.song.track(1).controls == ()


def test_nothing_played_in_overdub_is_no_edit(song):
    assert record_edit(song, record(song, [], stop=1.0)) is None


def test_count_in_drops_warm_up_notes_and_snaps_late_ones_to_the_start(song):
    # One bar of 4/4 at 120 BPM: the count-in lasts 2 s, recording starts at T0 + 2.
    timed = [(on(40), 0.2), (off(40), 0.4),          # first beat: dropped
             (cc(64, 127), 0.5), (bend(1000), 0.6),  # controllers set in the count-in apply at the start
             (on(60), 1.8), (off(60), 2.5),          # last beat, held past the start: starts at the start
             (on(62), 1.7), (off(62), 1.9),          # last beat, released before the start: keeps its length
             (on(64), 2.5), (off(64), 3.0)]
    take = record(song, timed, stop=4.0, start_tick=8 * TPQ, count_in_bars=1)
    assert take.notes == (Note(8 * TPQ, 60, TPQ, 100), Note(8 * TPQ, 62, 192, 100), Note(9 * TPQ, 64, TPQ, 100))
    assert take.controls[0] == ControlChange(8 * TPQ, 64, 127)
    assert take.pitch_bends[0] == PitchBend(8 * TPQ, 1000)
    assert count_in_clicks(song, 0, 1) == [(0.0, True), (0.5, False), (1.0, False), (1.5, False)]


def test_count_in_follows_the_meter_and_stopping_during_it_records_nothing(song):
    song = song.with_(meters=(TimeSignature(0, 3, 4),))
    recorder = Recorder(song, 1, 0, RecordSettings(count_in_bars=2))
    assert recorder.count_in_seconds == pytest.approx(3.0)
    recorder.start(T0)
    recorder.feed(on(60), T0 + 2.9)
    take = recorder.stop(T0 + 2.95)
    assert take.notes == () and record_edit(song, take) is None


def test_input_quantize_and_latency(song):
    # Played 30 ms late against a 16th grid, heard 20 ms late through the output: lands on the grid.
    take = record(song, [(on(60), 0.5 + 0.03 + 0.02), (off(60), 0.8)], stop=1.0, quantize_grid=TPQ // 4,
                  latency=0.02)
    assert take.notes[0].start == TPQ


def test_recording_in_real_time_on_the_port_clock(song):
    port = VirtualInputPort()
    recorder = Recorder(song, 1, 0)
    port.open(recorder.feed)
    recorder.start(port.clock())
    for pitch in (60, 62, 64):
        port.send(on(pitch))
        time.sleep(0.05)
        port.send(off(pitch))
    take = recorder.stop(port.clock())
    starts = [n.start for n in take.notes]
    # 50 ms is 48 ticks at 120 BPM; sleeping may overshoot on a busy machine, never undershoot.
    assert [n.pitch for n in take.notes] == [60, 62, 64]
    assert all(47 <= b - a <= 48 * 4 for a, b in pairwise(starts))
    assert take.end_tick >= take.notes[-1].end
