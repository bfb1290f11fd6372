"""The video's own sound in the real window, offscreen: heard with the music, muted by the dock's button.

The real Player runs on an offline output whose clock moves only as audio is
pulled (output.advance), so what the window's player would send to the sound
card is measured: a clip whose soundtrack is silence with tone bursts at 1 s
and 2 s is opened, played from the playhead, and the bursts are found in the
output where the picture places them.
"""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from engine.song import Song
from engine.track import Track
from test_video_dock import window_playing
from tests.video_clip import make_clip, tone_bursts

RATE = 44100
SILENT = 1e-5


@pytest.fixture(scope="module")
def sound_clip(tmp_path_factory):
    folder = tmp_path_factory.mktemp("film")
    return make_clip(folder / "dialogue.mov", 72, sound=tone_bursts([(1.0, 1.5, 1000.0), (2.0, 2.25, 500.0)], 3.0))


@pytest.fixture
def song() -> Song:
    """One track without notes: whatever the output holds is the film's sound."""
    return Song(tracks=(Track(id=1, name="piano"),), end_tick=16 * 480)


@pytest.fixture
def film_window(song, sound_clip, qtbot):
    with window_playing(song, sound_clip, qtbot) as (window, output):
        assert window.video.sound.sound.audio.wait(10)
        yield window, output


def onsets(audio: np.ndarray) -> list[float]:
    loud = np.flatnonzero(np.abs(audio[:, 0]) > 0.05)
    return [float(s) / RATE for s in ([loud[0]] + [b for a, b in zip(loud, loud[1:]) if b - a > RATE // 100])] \
        if len(loud) else []


def test_the_film_sound_plays_with_the_transport_and_the_button_mutes_it(film_window, qtbot):
    window, output = film_window
    row = window.video.panel.sound
    assert row.isEnabled() and row.mute.text() == "Film sound on" and row.level_label.text() == "0 dB"
    window.options.seek(480)  # 0.5 s at 120 bpm
    window.transport.play()
    assert onsets(output.advance(2.0)) == pytest.approx([0.5, 1.5], abs=3 / RATE)
    QTest.mouseClick(row.mute, Qt.LeftButton)
    assert row.mute.text() == "Film sound muted"
    window.transport.stop()
    window.options.seek(0)
    window.transport.play()
    assert np.max(np.abs(output.advance(2.5))) < SILENT
    QTest.mouseClick(row.mute, Qt.LeftButton)
    row.level.setValue(-6)
    assert row.level_label.text() == "-6 dB"
    window.transport.stop()
    window.options.seek(960)  # 1.0 s
    window.transport.play()
    assert np.max(np.abs(output.advance(0.4))) == pytest.approx(0.5 * 10 ** (-6 / 20), rel=0.02)


def test_placing_the_video_moves_its_sound_with_the_picture(film_window):
    window, output = film_window
    window.video.set_offset(0.75)  # the video's 0.75 s is at the song's start
    window.options.seek(0)
    window.transport.play()
    assert onsets(output.advance(1.5)) == pytest.approx([0.25, 1.25], abs=3 / RATE)


def test_removing_the_video_removes_its_sound_and_a_silent_video_says_it_has_none(film_window, tmp_path):
    window, output = film_window
    player = window.transport.player
    window.video.remove_video()
    assert player.film_sound is None and not window.video.panel.sound.isEnabled()
    window.options.seek(0)
    window.transport.play()
    assert np.max(np.abs(output.advance(2.5))) < SILENT
    window.transport.stop()
    assert window.video.open_video(str(make_clip(tmp_path / "mute.mp4", 24)))
    row = window.video.panel.sound
    assert not row.isEnabled() and row.mute.text() == "No sound in this video" and player.film_sound is None


def test_screenshot_of_the_dock_with_its_sound_controls(film_window, qtbot, tmp_path):
    window, _ = film_window
    window.options.seek(1200)
    qtbot.waitUntil(lambda: window.video.panel.picture.index is not None, timeout=5000)
    path = tmp_path / "video_sound.png"
    assert window.video.dock.grab().save(str(path))
    assert path.stat().st_size > 1000


def test_mute_and_level_are_saved_with_the_project_and_come_back_heard_that_way(film_window, tmp_path):
    window, output = film_window
    row = window.video.panel.sound
    QTest.mouseClick(row.mute, Qt.LeftButton)
    row.level.setValue(-12)
    assert window.files.dirty                                                   # something to save
    path = tmp_path / "cue.cadenza"
    assert window.files.save_as(str(path))
    from engine.project import load_project
    saved = load_project(path).state.video
    assert saved.sound_muted and saved.sound_level_db == -12.0
    window.files.new()
    assert window.files.open_file(str(path), confirm=False) and not window.files.dirty
    assert window.video.sound.sound.audio.wait(10)
    row = window.video.panel.sound
    assert row.muted and row.level_db == -12.0 and row.mute.text() == "Film sound muted"
    window.options.seek(960)
    window.transport.play()
    assert np.max(np.abs(output.advance(0.4))) < SILENT                          # muted as saved
    QTest.mouseClick(row.mute, Qt.LeftButton)
    window.transport.stop()
    window.options.seek(960)
    window.transport.play()
    assert np.max(np.abs(output.advance(0.4))) == pytest.approx(0.5 * 10 ** (-12 / 20), rel=0.02)
