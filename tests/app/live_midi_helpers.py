"""The MIDI editor tests' rig: a window whose MIDI comes from the engine's in-process backend.

Messages are real mido messages sent through `VirtualInputPort` (stamped on the
port clock as they arrive, or with the timestamp a keyboard would have given),
so they run the same LiveInput, thru, recorder and step-input code a keyboard
on rtmidi runs. The Player plays on its device-less output. A module of its own:
conftest modules of different folders clash when imported by name;
tests/app/conftest.py imports the fixtures.
"""
from __future__ import annotations

import time

import mido
import pytest
from PySide6.QtWidgets import QApplication

from engine.audio.output import OfflineOutput
from engine.audio.player import Player
from engine.live.ports import VirtualBackend

POLL_SECONDS = 0.02  # the device watcher's interval in these tests (the app's is 1 s)


def on(note: int, velocity: int = 100) -> mido.Message:
    return mido.Message("note_on", note=note, velocity=velocity)


def off(note: int) -> mido.Message:
    return mido.Message("note_on", note=note, velocity=0)  # what most keyboards send on release


def cc(control: int, value: int) -> mido.Message:
    return mido.Message("control_change", control=control, value=value)


def wait_until(qtbot, moment: float) -> None:
    """Let the event loop run until the port clock reaches `moment` (real time passes)."""
    qtbot.waitUntil(lambda: time.perf_counter() >= moment, timeout=int(1000 * max(0.0, moment - time.perf_counter())) + 2000)


@pytest.fixture
def midi_backend() -> VirtualBackend:
    return VirtualBackend()


@pytest.fixture
def midi_output() -> OfflineOutput:
    return OfflineOutput()


@pytest.fixture
def midi_window(qtbot, song, midi_backend, midi_output):
    """The main window, its MIDI started over `midi_backend`, its Player on `midi_output`."""
    from app import theme
    from app.main_window import MainWindow

    theme.apply_dark_palette(QApplication.instance())
    win = MainWindow(song, player_factory=lambda: Player(output=midi_output), midi_backend=lambda: midi_backend,
                     midi_poll_seconds=POLL_SECONDS)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.midi.start()
    yield win
    win.session.undo_stack.setClean()
    win.close()
    win.deleteLater()


@pytest.fixture
def keys(qtbot, midi_backend, midi_window):
    """A keyboard plugged in and opened by the window (the first input found)."""
    port = midi_backend.plug("Keystation 49")
    qtbot.waitUntil(lambda: midi_window.midi.devices.connected == "Keystation 49", timeout=3000)
    return port
