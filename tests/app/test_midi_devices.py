"""MIDI devices in the editor: listed as they come and go, remembered, and reported when MIDI is missing."""
from __future__ import annotations

from editor_helpers import offline_player
from live_midi_helpers import POLL_SECONDS
from PySide6.QtWidgets import QApplication

from app.midi_input import preferences


def device_items(window) -> list[str]:
    combo = window.midi.toolbar.device
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_plugged_keyboard_is_listed_opened_and_remembered(qtbot, midi_window, midi_backend):
    qtbot.waitUntil(lambda: device_items(midi_window) == ["No input"], timeout=3000)  # the first listing
    midi_backend.plug("Keystation 49")
    qtbot.waitUntil(lambda: "Keystation 49" in device_items(midi_window), timeout=3000)
    assert midi_window.midi.devices.connected == "Keystation 49"  # the first input opens by itself
    assert midi_window.midi.toolbar.device.currentText() == "Keystation 49"
    menu = [a.text() for a in midi_window.midi.menu.devices.actions()]
    assert menu == ["No input", "Keystation 49"]
    midi_backend.plug("Nano pads")
    qtbot.waitUntil(lambda: "Nano pads" in device_items(midi_window), timeout=3000)
    midi_window.midi.toolbar.device.setCurrentIndex(2)
    midi_window.midi.toolbar.device.activated.emit(2)  # what choosing it in the combo sends
    assert midi_window.midi.devices.connected == "Nano pads"
    assert preferences.load().device == "Nano pads"


def test_unplugging_the_open_keyboard_is_reported(qtbot, midi_window, midi_backend, keys):
    midi_backend.unplug("Keystation 49")
    qtbot.waitUntil(lambda: midi_window.midi.devices.connected is None, timeout=3000)
    assert "was disconnected" in midi_window.midi.status.text()
    qtbot.waitUntil(lambda: device_items(midi_window) == ["No input"], timeout=3000)  # the first listing
    midi_backend.plug("Keystation 49")  # plugged back in: opened again, the warning goes
    qtbot.waitUntil(lambda: midi_window.midi.devices.connected == "Keystation 49", timeout=3000)
    assert midi_window.midi.status.text() == ""


def test_the_remembered_device_is_opened_rather_than_the_first(qtbot, song, midi_backend):
    from app.main_window import MainWindow

    preferences.update(device="Nano pads")
    midi_backend.plug("Keystation 49")
    midi_backend.plug("Nano pads 20:0")  # ALSA adds client:port numbers between sessions
    win = MainWindow(song, player_factory=offline_player, midi_backend=lambda: midi_backend, midi_poll_seconds=POLL_SECONDS)
    win.midi.start()
    qtbot.waitUntil(lambda: win.midi.devices.connected is not None, timeout=3000)
    assert win.midi.devices.connected == "Nano pads 20:0"
    win.close()


def test_without_midi_on_the_machine_the_status_bar_says_so(qtbot, song):
    """The real rtmidi backend: this machine (and CI) has no ALSA sequencer."""
    from app.main_window import MainWindow
    from engine.live.rtmidi_port import check_midi_input

    reason = check_midi_input()
    if not reason:
        import pytest
        pytest.skip("this machine has MIDI input")
    win = MainWindow(song, player_factory=offline_player)
    win.show()
    qtbot.waitExposed(win)
    win.midi.start()
    qtbot.waitUntil(lambda: win.midi.status.text() == "MIDI input unavailable", timeout=5000)
    assert win.midi.status.toolTip() == reason and reason.startswith("MIDI input unavailable: ")
    assert not win.midi.toolbar.device.isEnabled()
    assert [(a.text(), a.isEnabled()) for a in win.midi.menu.devices.actions()] == [(reason, False)]
    win.midi.menu.record.trigger()
    assert win.statusBar().currentMessage() == f"Record: {reason}"
    assert not win.midi.menu.record.isChecked()
    win.session.replace_notes((), (), "nothing")  # the editor itself still works
    QApplication.processEvents()
    win.close()
