"""The tempo lane driven by the mouse, and playback and render following what it did."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from editor_helpers import click, drag, key, undo_all
from engine.audio.schedule import NOTE_ON, build_schedule
from engine.notes import Note
from engine.timing import TempoChange, TimeSignature


def tempos(window):
    return [(t.tick, round(t.bpm, 1)) for t in window.session.song.tempos]


def point(lane, tick: int, bpm: float) -> QPoint:
    return QPoint(round(lane.view.x_of(tick)), round(lane.y_of(bpm)))


def test_double_click_adds_a_point_drag_moves_it_and_delete_removes_it(window, qtbot, song):
    lane = window.editor.tempo_lane
    qtbot.mouseDClick(lane, Qt.LeftButton, pos=point(lane, 3840 + 20, lane.bpm_at(lane.y_of(140))))
    assert [t for t, _ in tempos(window)] == [0, 3840] and 125 < tempos(window)[1][1] < 141
    added = tempos(window)[1][1]
    drag(lane, point(lane, 3840, added), point(lane, 5760 + 30, lane.bpm_at(lane.y_of(added) - 10)))
    (first, moved) = tempos(window)
    assert first == (0, 120.0) and moved[0] == 5760 and moved[1] > added   # snapped to the grid, and faster
    click(lane, point(lane, 5760, moved[1]))
    key(lane, Qt.Key_Delete)
    assert tempos(window) == [(0, 120.0)]
    assert window.session.undo_stack.count() == 3
    undo_all(window.session)
    assert window.session.song == song


def test_the_first_tempo_stays_at_the_start_and_cannot_be_deleted(window, qtbot):
    lane = window.editor.tempo_lane
    drag(lane, point(lane, 0, 120), point(lane, 1920, lane.bpm_at(lane.y_of(120) - 15)))
    assert [t for t, _ in tempos(window)] == [0] and tempos(window)[0][1] > 120
    click(lane, point(lane, 0, tempos(window)[0][1]))
    key(lane, Qt.Key_Delete)
    assert len(tempos(window)) == 1


def test_a_ramp_between_two_points_is_one_undo_step_and_playback_follows_it(window, qtbot):
    lane = window.editor.tempo_lane
    lane.add_point(3840, 80)
    lane.add_point(7680, 160)
    assert lane.ramp(3840)
    song = window.session.song
    ramp = [t for t in song.tempos if 3840 <= t.tick <= 7680]
    assert len(ramp) == 33 and ramp[0].bpm == pytest.approx(80, abs=0.01) and ramp[-1].bpm == pytest.approx(160, abs=0.01)
    assert all(a.bpm < b.bpm for a, b in zip(ramp, ramp[1:]))
    # The player's schedule reads the same tempo map: a note in the middle of the ramp starts when it says.
    melody = song.track(1)
    probe = song.with_track(melody.with_(notes=melody.notes + (Note(start=5760, pitch=72, duration=240),)))
    onsets = [e.time for e in build_schedule(probe).events if e.kind == NOTE_ON and e.a == 72]
    constant_80 = 3840 / 480 * 0.5 + (5760 - 3840) / 480 * 60 / 80
    assert onsets == [pytest.approx(probe.seconds(5760))] and onsets[0] < constant_80 - 0.1   # the ramp sped it up
    window.session.undo_stack.undo()
    assert [t for t, _ in tempos(window)] == [0, 3840, 7680]


def test_meter_changes_are_added_at_the_bar_and_deleted(window, qtbot):
    lane = window.editor.tempo_lane
    assert lane.add_meter(3840 + 500, "7/8")
    assert window.session.song.meters == (TimeSignature(0, 4, 4), TimeSignature(3840, 7, 8))
    messages = []
    window.session.message.connect(messages.append)
    assert not lane.add_meter(100, "7/9")
    assert messages and messages[0].startswith("Cannot change meter: time signature denominator must be a power of two")
    assert lane.delete_meter(3840)
    assert window.session.song.meters == (TimeSignature(0, 4, 4),)


def test_render_follows_the_tempo_lane(window, qtbot):
    """A real FluidSynth render: the bass note of bar 2 (added here) starts where the edited tempo map says."""
    from engine.audio.render import render_array
    from engine.notes import Note
    from engine.song import Song
    from engine.track import Track

    lane = window.editor.tempo_lane
    lane.add_point(0, 60)
    song = window.session.song
    probe = Song(tracks=(Track(id=1, name="Piano", notes=(Note(start=1920, pitch=60, duration=480, velocity=110),)),),
                 tempos=song.tempos)
    audio = render_array(probe, sample_rate=22050)
    level = np.abs(audio).max(axis=1)
    onset = np.argmax(level > 0.01) / 22050
    assert onset == pytest.approx(probe.seconds(1920), abs=0.02) == pytest.approx(4.0, abs=0.02)  # 60 BPM: bar 2 at 4 s


def test_a_song_without_tempo_changes_paints_a_lane_without_points(window, qtbot, song):
    """A score may carry no tempo mark at all: the lane has nothing to draw a handle for (an exception in
    paintEvent takes the whole process down through shiboken, as opening such a score did)."""
    window.session.replace_song(song.with_(tempos=()))
    lane = window.editor.tempo_lane
    assert window.session.song.tempos == ()
    image = lane.grab().toImage()
    assert image.width() == lane.width() and image.height() == lane.height()
