"""Fixtures for the editor tests: a shown main window over a small two-track song."""
from __future__ import annotations

import pytest

from engine.chords import ChordEvent, parse_chord
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole


def make_song() -> Song:
    melody = Track(id=1, name="Melody", role=TrackRole.MELODY, program=0, channel=0, notes=(
        Note(start=0, pitch=60, duration=480, velocity=90),
        Note(start=480, pitch=62, duration=480, velocity=80),
        Note(start=960, pitch=64, duration=960, velocity=100),
    ))
    bass = Track(id=2, name="Bass", role=TrackRole.BASS, program=33, channel=1, notes=(
        Note(start=0, pitch=36, duration=1920, velocity=100),
    ))
    return Song(tracks=(melody, bass), chords=(ChordEvent(0, parse_chord("C")),), title="Test")


@pytest.fixture
def song() -> Song:
    return make_song()


@pytest.fixture(autouse=True)
def cadenza_home(tmp_path, monkeypatch):
    """Settings and recovery files of each test in its own folder (the engine's own CADENZA_HOME)."""
    home = tmp_path / "home"
    monkeypatch.setenv("CADENZA_HOME", str(home))
    return home


def offline_player():
    """The real engine Player on its device-less output: time moves only when the test pulls audio."""
    from engine.audio.output import OfflineOutput
    from engine.audio.player import Player

    return Player(output=OfflineOutput())


@pytest.fixture
def window(qtbot, song):
    from PySide6.QtWidgets import QApplication

    from app import theme
    from app.main_window import MainWindow

    theme.apply_dark_palette(QApplication.instance())
    win = MainWindow(song, player_factory=offline_player)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)  # window shortcuts need an active window
    win.editor.view.center_on_pitch(60, win.editor.roll.height())
    win.editor.view.scroll_to(x=0)
    QApplication.processEvents()
    yield win
    win.session.undo_stack.setClean()  # so closing at teardown asks nothing
    win.close()
    win.deleteLater()


@pytest.fixture
def roll(window):
    return window.editor.roll
