"""Fixtures for the editor tests: a shown main window over a small two-track song."""
from __future__ import annotations

import pytest

from editor_helpers import make_song, offline_player
from engine.song import Song
from live_midi_helpers import keys, midi_backend, midi_output, midi_window  # noqa: F401 (fixtures for the MIDI tests)


@pytest.fixture
def song() -> Song:
    return make_song()


@pytest.fixture(autouse=True)
def cadenza_home(tmp_path, monkeypatch):
    """Settings and recovery files of each test in its own folder (the engine's own CADENZA_HOME)."""
    home = tmp_path / "home"
    monkeypatch.setenv("CADENZA_HOME", str(home))
    return home


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
