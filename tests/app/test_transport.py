"""Transport through the real engine Player on its device-less output: the test moves time by pulling audio."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from engine.audio.output import OfflineOutput
from engine.audio.player import Player
from editor_helpers import click, drag, key, lane_point


@pytest.fixture
def output():
    return OfflineOutput()


@pytest.fixture
def window(qtbot, song, output):
    from app import theme
    from app.main_window import MainWindow

    theme.apply_dark_palette(QApplication.instance())
    win = MainWindow(song, player_factory=lambda: Player(output=output))
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.undo_stack.setClean()
    win.close()
    win.deleteLater()


def loudness(audio: np.ndarray) -> float:
    return float(np.sqrt(np.mean(audio ** 2)))


def test_space_plays_and_the_playhead_follows(window, output, qtbot):
    roll = window.editor.roll
    key(roll, Qt.Key_Space)
    assert window.transport.is_playing and window.transport_bar.play.iconText() == "■"
    audio = output.advance(1.0)  # 1 s at 120 BPM = two quarters = 960 ticks
    qtbot.waitUntil(lambda: window.options.playhead >= 900, timeout=2000)
    assert loudness(audio) > 1e-3
    key(roll, Qt.Key_Space)
    assert not window.transport.is_playing
    assert 900 <= window.options.playhead <= 1000
    key(roll, Qt.Key_Home)
    assert window.options.playhead == 0


def test_playhead_pages_the_view_while_playing(window, output, qtbot):
    from engine.notes import Note

    view = window.editor.view
    visible_ticks = view.tick_at(window.editor.roll.width())
    window.session.replace_notes((), (Note(start=int(visible_ticks) * 2, pitch=60, duration=480),), "far note")
    window.transport.play()
    output.advance(visible_ticks / 960 + 0.5)  # 960 ticks a second: past the right edge
    qtbot.waitUntil(lambda: view.scroll_x > 0, timeout=2000)
    assert 0 <= view.x_of(window.options.playhead) < window.editor.roll.width()
    window.transport.stop()


def test_muted_tracks_are_silent(window, output):
    for track_id in (1, 2):
        click(window.track_list.row_for(track_id).mute, QPoint(5, 5))
    window.transport.play()
    assert loudness(output.advance(0.5)) < 1e-4
    click(window.track_list.row_for(2).solo, QPoint(5, 5))  # solo wins over mute
    window.transport.play()
    assert loudness(output.advance(0.5)) > 1e-3
    window.transport.stop()


def test_loop_from_the_ruler_wraps_playback(window, output, qtbot):
    ruler = window.editor.ruler
    drag(ruler, lane_point(ruler, 0), lane_point(ruler, 960))
    assert window.transport.player.loop == (0, 960)
    window.transport.play()
    output.advance(1.25)  # 2.5 quarters into a 2-quarter loop: half a quarter in
    qtbot.waitUntil(lambda: 0 < window.options.playhead < 480, timeout=2000)
    key(window.editor.roll, Qt.Key_L, Qt.ControlModifier)
    assert window.transport.player.loop is None
    window.transport.stop()


def test_metronome_and_edits_reach_the_player(window, output):
    click(window.transport_bar.widgetForAction(window.transport_bar.metronome), QPoint(5, 5))
    assert window.transport.player.metronome
    key(window.editor.roll, Qt.Key_A, Qt.ControlModifier)
    key(window.editor.roll, Qt.Key_Up)
    assert window.transport.player.song == window.session.song


def test_without_audio_output_the_status_bar_says_so(qtbot, song):
    """A default Player on a machine with no sound device: the window says so and keeps working."""
    from app.main_window import MainWindow

    win = MainWindow(song)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    player = win.transport.player
    if player.available:
        pytest.skip("this machine has an audio output")
    assert win.audio_status.text() == "No audio output"
    click(win.editor.roll, QPoint(300, 300))  # draw a note so there is something to play
    key(win.editor.roll, Qt.Key_Space)
    qtbot.waitUntil(lambda: win.options.playhead > 0, timeout=3000)  # the clock runs without a device
    key(win.editor.roll, Qt.Key_Space)
    assert not win.transport.is_playing
    win.session.undo_stack.setClean()
    win.close()
