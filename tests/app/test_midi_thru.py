"""MIDI thru: the keyboard sounds on the Player's synth with the selected track's instrument."""
from __future__ import annotations

from ctypes import byref, c_int

import fluidsynth
import numpy as np
from editor_helpers import click
from live_midi_helpers import cc, off, on
from PySide6.QtCore import QPoint

from engine.live.thru import MidiThru


def program_on(synth, channel: int) -> tuple[int, int]:
    """(bank, program) FluidSynth has selected on `channel`."""
    sfont, bank, program = c_int(), c_int(), c_int()
    fluidsynth.fluid_synth_get_program(synth.handle, channel, byref(sfont), byref(bank), byref(program))
    return bank.value, program.value


def loudness(audio: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(audio, dtype=np.float64))))


def test_thru_follows_the_selected_tracks_instrument(qtbot, midi_window, keys):
    window = midi_window
    thru: MidiThru = window.midi.thru.thru
    synth = window.transport.player.synth
    assert thru.synth is synth  # the Player's own synth, no second FluidSynth
    assert program_on(synth, thru.channel) == (0, 0)  # Melody: piano
    click(window.track_list.row_for(2), QPoint(5, 5))  # Bass, program 33
    assert window.session.current_track_id == 2
    assert program_on(synth, thru.channel) == (0, 33)
    row = window.track_list.row_for(2)
    strings = next(a for a in row.instrument.menu().actions() if a.text() == "Strings").menu()
    next(a for a in strings.actions() if a.text().endswith("Violin")).trigger()  # the user makes it a violin
    assert window.session.song.track(2).program == 40
    assert program_on(synth, thru.channel) == (0, 40)


def test_what_is_played_sounds_with_its_velocity_and_pedal(qtbot, midi_window, keys, midi_output):
    midi_output.advance(0.5)  # let the song's setup settle
    keys.send(on(69, 30))
    soft = loudness(midi_output.advance(0.3))
    keys.send(off(69))
    midi_output.advance(1.5)
    keys.send(on(69, 127))
    loud = loudness(midi_output.advance(0.3))
    assert soft > 1e-4 and loud > 2 * soft
    keys.send(cc(64, 127))  # pedal down: the released key rings on
    keys.send(off(69))
    held = loudness(midi_output.advance(0.5)[-4410:])
    keys.send(cc(64, 0))
    released = loudness(midi_output.advance(0.5)[-4410:])
    assert held > 4 * released
