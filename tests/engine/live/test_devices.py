"""Ports and devices: in-process delivery, hot-plug reports, and the machine without MIDI."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from keyboard import off, on

from engine.live.devices import DeviceWatcher, InputListing, choose_input, list_inputs
from engine.live.errors import MidiInputError, MidiInputUnavailable
from engine.live.ports import (
    MidiBackend,
    MidiInputPort,
    VirtualBackend,
    VirtualInputPort,
)
from engine.live.recorder import Recorder
from engine.live.router import LiveInput
from engine.live.rtmidi_port import RtMidiBackend, check_midi_input
from engine.notes import Note


def test_a_port_delivers_to_a_listener_or_a_queue_and_survives_a_failing_listener(caplog):
    port = VirtualInputPort("keys")
    assert isinstance(port, MidiInputPort) and isinstance(VirtualBackend(), MidiBackend)
    port.open()
    port.send(on(60), 1.0)
    port.send(off(60), 1.5)
    assert port.poll() == [(on(60), 1.0), (off(60), 1.5)] and port.poll() == []
    heard = []

    def listener(message, timestamp):
        heard.append(message.note)
        if message.note == 61:
            raise RuntimeError("a bug in a listener")

    port.close()
    port.open(listener)
    with caplog.at_level(logging.ERROR, "engine.live"):
        for note in (61, 62):
            port.send(on(note))
    assert heard == [61, 62] and "listener failed" in caplog.text
    port.close()
    port.send(on(63))
    assert heard == [61, 62]


def test_the_watcher_reports_plugged_and_unplugged_inputs():
    backend = VirtualBackend()
    events = []
    watcher = DeviceWatcher(backend, on_added=lambda n: events.append(("+", n)),
                            on_removed=lambda n: events.append(("-", n)))
    assert watcher.poll() == ([], [])
    backend.plug("Keystation 49 MIDI 1")
    backend.plug("Pads")
    assert watcher.poll() == (["Keystation 49 MIDI 1", "Pads"], [])
    backend.unplug("Pads")
    watcher.poll()
    assert events == [("+", "Keystation 49 MIDI 1"), ("+", "Pads"), ("-", "Pads")]
    assert watcher.available and watcher.names == ("Keystation 49 MIDI 1",)
    listing = list_inputs(backend)
    assert choose_input(listing, "Keystation 49") == "Keystation 49 MIDI 1"
    assert choose_input(listing, "gone") == "Keystation 49 MIDI 1"
    assert choose_input(InputListing(()), "gone") is None
    with pytest.raises(MidiInputError, match="no MIDI input named 'Pads'"):
        backend.open_input("Pads")


def test_a_device_vanishing_mid_recording_keeps_what_was_recorded(song):
    backend = VirtualBackend(clock=lambda: 1003.0)  # the time the watcher notices
    keyboard = backend.plug("keys")
    live = LiveInput(backend)
    watcher = DeviceWatcher(backend, on_removed=live.device_removed)
    watcher.poll()
    recorder = Recorder(song, 1, 0)
    live.add_listener(recorder.feed)
    live.on_lost = (recorder.input_lost,)
    assert live.connect("keys") and live.connected == "keys"
    recorder.start(1000.0)
    keyboard.send_all([(on(60), 1000.5), (off(60), 1001.0), (on(64), 1001.5)])
    backend.unplug("keys")
    keyboard.send(off(64), 1003.5)  # a dead cable: never arrives
    watcher.poll()
    assert live.connected is None and live.status_message == "MIDI input 'keys' was disconnected"
    take = recorder.stop(1005.0)
    # The held note closes where the device was found gone (3 s = tick 2880); nothing is lost.
    assert take.notes == (Note(480, 60, 480, 100), Note(1440, 64, 1440, 100))
    assert not live.connect("keys") and "no MIDI input named 'keys'" in live.status_message


class _BrokenMidi(VirtualBackend):
    def input_names(self):
        raise MidiInputUnavailable("no sequencer")


def test_a_machine_without_midi_is_a_state_not_an_exception():
    watcher = DeviceWatcher(_BrokenMidi())
    assert watcher.poll() == ([], [])
    assert not watcher.available and watcher.status_message == "MIDI input unavailable: no sequencer"


NO_SEQUENCER = sys.platform.startswith("linux") and not Path("/dev/snd/seq").exists()


@pytest.mark.skipif(not NO_SEQUENCER, reason="this machine has an ALSA sequencer")
def test_rtmidi_without_an_alsa_sequencer_says_so_in_one_line(capfd):
    message = check_midi_input()
    assert message.startswith("MIDI input unavailable: ") and "\n" not in message
    backend = RtMidiBackend()
    assert list_inputs(backend) == InputListing((), message)
    with pytest.raises(MidiInputUnavailable, match="^MIDI input unavailable: "):
        backend.open_input("Keystation 49").open(print)
    live = LiveInput(backend)
    assert not live.connect("Keystation 49") and live.status_message.startswith("MIDI input unavailable")
    assert "ALSA lib" not in capfd.readouterr().err  # the C library's own complaint is kept off the terminal


@pytest.mark.skipif(NO_SEQUENCER, reason="no ALSA sequencer on this machine")
def test_rtmidi_lists_inputs_where_midi_works():
    assert check_midi_input() == ""
    assert all(isinstance(name, str) for name in RtMidiBackend().input_names())
