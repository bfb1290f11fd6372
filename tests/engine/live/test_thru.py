"""MIDI thru heard in a real FluidSynth, rendered offline: instrument, velocity, pedal, bend, release."""
from __future__ import annotations

import numpy as np
import pytest
from keyboard import bend, cc, off, on

from engine.audio.soundfonts import find_soundfont
from engine.audio.synth import Synth
from engine.live.ports import VirtualBackend
from engine.live.router import LiveInput
from engine.live.thru import MidiThru
from engine.track import Track, TrackRole

RATE = 44100
FLUTE, PIANO = 73, 0


def rms(audio: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(audio, dtype=np.float64)))) if audio.size else 0.0


def pitch_hz(audio: np.ndarray) -> float:
    """The strongest frequency of the left channel (0.5 Hz bins after zero padding)."""
    signal = audio[:, 0] * np.hanning(len(audio))
    spectrum = np.abs(np.fft.rfft(signal, n=2 * RATE))
    return float(np.argmax(spectrum) * RATE / (2 * RATE))


@pytest.fixture
def rig():
    """A real synth with reverb and chorus off (so silence is silence), thru on it, a keyboard plugged in."""
    from engine.audio.synth import SynthSettings
    synth = Synth(find_soundfont(None), 256, SynthSettings(reverb=False, chorus=False))
    thru = MidiThru(synth)
    backend = VirtualBackend()
    keys = backend.plug("keys")
    live = LiveInput(backend, thru=thru)
    assert live.connect("keys")
    yield synth, thru, keys
    synth.close()


def seconds(synth: Synth, duration: float) -> np.ndarray:
    return synth.samples(round(duration * RATE))


def test_thru_sounds_with_the_tracks_instrument_and_velocity(rig):
    synth, thru, keys = rig
    keys.send(on(69))
    assert rms(seconds(synth, 0.3)) == 0.0  # no track selected: thru is off
    thru.set_track(Track(id=1, program=FLUTE, volume=127))
    assert thru.channel == 254
    keys.send(on(69, 40))
    soft = rms(seconds(synth, 0.3))
    keys.send(off(69))
    seconds(synth, 1.0)
    keys.send(on(69, 127))
    loud = seconds(synth, 0.5)
    assert soft > 0.005 and rms(loud) > 2 * soft
    assert pitch_hz(loud) == pytest.approx(440.0, abs=3)


def test_drum_tracks_play_the_kit(rig):
    synth, thru, keys = rig
    thru.set_track(Track(id=2, role=TrackRole.DRUMS, channel=9))
    keys.send(on(38, 120))  # snare
    keys.send(off(38))      # drums ignore the release; the hit still sounds
    assert rms(seconds(synth, 0.3)) > 0.005


def test_the_sustain_pedal_holds_released_keys(rig):
    synth, thru, keys = rig
    thru.set_track(Track(id=1, program=PIANO))

    def tail_after_release(pedal: bool) -> float:
        keys.send(cc(64, 127 if pedal else 0))
        keys.send(on(60, 100))
        seconds(synth, 0.2)
        keys.send(off(60))
        return rms(seconds(synth, 1.0)[RATE // 2:])

    dry = tail_after_release(False)
    keys.send(cc(64, 0))
    seconds(synth, 2.0)
    held = tail_after_release(True)
    assert held > 20 * max(dry, 1e-6)
    keys.send(cc(64, 0))    # pedal up: the held note dies away
    seconds(synth, 1.5)
    assert rms(seconds(synth, 0.2)) < held / 20


def test_pitch_bend_moves_the_pitch_and_release_all_leaves_silence(rig):
    synth, thru, keys = rig
    thru.set_track(Track(id=1, program=FLUTE, volume=127))
    keys.send(bend(8191))   # +2 semitones, FluidSynth's default bend range
    keys.send(on(69, 110))
    assert pitch_hz(seconds(synth, 0.5)) == pytest.approx(440.0 * 2 ** (2 / 12), abs=4)
    keys.send(cc(64, 127))
    keys.send(on(72))
    thru.release_all()      # what a vanished device or a track switch does: no stuck notes
    seconds(synth, 1.0)
    assert rms(seconds(synth, 0.2)) < 1e-4
    keys.send(on(69, 110))  # and the bend is centred again
    assert pitch_hz(seconds(synth, 0.5)) == pytest.approx(440.0, abs=3)
