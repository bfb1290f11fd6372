"""A thin FluidSynth instance: load a SoundFont, apply schedule events, pull samples.

The renderer and the player both drive this one class, so the sound of an
export and of playback cannot drift apart. pyfluidsynth 1.4 covers creation and
most MIDI calls; the few functions it does not wrap (writing float samples
straight into a numpy buffer, channel types, the log hook) are bound here with
ctypes from the same library handle.
"""
from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

import fluidsynth
import numpy as np

from engine.audio.errors import AudioError, SoundfontError
from engine.audio.schedule import (
    BEND,
    CONTROL,
    DRUM_BANK,
    NOTE_OFF,
    NOTE_ON,
    PROGRAM,
    SynthEvent,
)

log = logging.getLogger("engine.audio.fluidsynth")

_lib = fluidsynth._fl
_write_float = _lib.fluid_synth_write_float
_write_float.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                         ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
_write_float.restype = ctypes.c_int
# The same function called without releasing the GIL, for the audio driver's callback (engine.audio.output): a
# thread that gives the GIL up waits up to a switch interval to get it back, on every call.
_write_float_holding_gil = ctypes.PyDLL(_lib._name).fluid_synth_write_float
_write_float_holding_gil.argtypes = _write_float.argtypes
_write_float_holding_gil.restype = ctypes.c_int
_set_channel_type = _lib.fluid_synth_set_channel_type
_set_channel_type.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
_set_channel_type.restype = ctypes.c_int
_noteon, _noteoff = fluidsynth.fluid_synth_noteon, fluidsynth.fluid_synth_noteoff
_set_gain = _lib.fluid_synth_set_gain
_set_gain.argtypes = [ctypes.c_void_p, ctypes.c_float]
_effect_calls = {}  # FluidSynth 2.2+ effect setters, all (synth, fx group, value); group -1 is every group
for _name, _value in (("reverb_on", ctypes.c_int), ("chorus_on", ctypes.c_int),
                      ("set_reverb_group_roomsize", ctypes.c_double), ("set_reverb_group_level", ctypes.c_double),
                      ("set_chorus_group_level", ctypes.c_double)):
    _effect_calls[_name] = getattr(_lib, f"fluid_synth_{_name}")
    _effect_calls[_name].argtypes = [ctypes.c_void_p, ctypes.c_int, _value]
_new_driver2 = _lib.new_fluid_audio_driver2
_new_driver2.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]  # settings, callback, its data
_new_driver2.restype = ctypes.c_void_p
_cc, _bend = fluidsynth.fluid_synth_cc, fluidsynth.fluid_synth_pitch_bend
CHANNEL_TYPE_MELODIC, CHANNEL_TYPE_DRUM = 0, 1
MIN_SAMPLE_RATE, MAX_SAMPLE_RATE = 8000, 96000  # FluidSynth's synth.sample-rate range
MAX_CHANNELS = 256  # FluidSynth's synth.midi-channels maximum


class _FluidLog:
    """Routes FluidSynth's log lines to Python logging instead of stderr, keeping the last few.

    The library has one process-wide log hook, so this is installed once; the
    recent lines let a failed driver start explain itself in the status message.
    """

    _CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p)

    def __init__(self) -> None:
        self.recent: deque[str] = deque(maxlen=8)
        self._callback = self._CALLBACK(self._log)  # kept alive as long as the hook
        set_log = _lib.fluid_set_log_function
        set_log.argtypes = [ctypes.c_int, self._CALLBACK, ctypes.c_void_p]
        for level in range(5):  # PANIC, ERR, WARN, INFO, DBG
            set_log(level, self._callback, None)

    def _log(self, level: int, message: bytes | None, _data: object) -> None:
        text = (message or b"").decode("utf-8", "replace").strip()
        if level <= 1:
            self.recent.append(text)
        log.debug("%s", text)


FLUID_LOG = _FluidLog()


@contextlib.contextmanager
def quiet_stderr():
    """Silence C libraries (ALSA, JACK, libinstpatch) that print to file descriptor 2 while opening devices or
    reading a SoundFont: Cadenza reports the failure itself in one line."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def check_sample_rate(sample_rate: int) -> int:
    if not MIN_SAMPLE_RATE <= sample_rate <= MAX_SAMPLE_RATE:
        raise AudioError(f"sample rate must be {MIN_SAMPLE_RATE}..{MAX_SAMPLE_RATE} Hz, got {sample_rate}")
    return int(sample_rate)


@dataclass(frozen=True, slots=True)
class SynthSettings:
    """How the synth sounds.

    The gain is twice FluidSynth's own default of 0.2: at 0.2 a piano song
    exported from the sketchpad peaked near -21 dBFS, too quiet to use as a
    demo; at 0.4 dense arrangements still stay below full scale (measured on
    POP909 and Groove songs; the renderer clips anything over rather than wrap).
    """

    sample_rate: int = 44100
    gain: float = 0.4
    reverb: bool = True
    chorus: bool = True
    polyphony: int = 256
    reverb_room: float = 0.2  # FluidSynth's own defaults; engine.audio.mix sets them from the project
    reverb_level: float = 0.9
    chorus_level: float = 2.0


DEFAULT_SETTINGS = SynthSettings()


class Synth:
    """One FluidSynth synthesizer with one SoundFont and `channels` MIDI channels."""

    def __init__(self, soundfont: Path, channels: int = 16, settings: SynthSettings = DEFAULT_SETTINGS) -> None:
        check_sample_rate(settings.sample_rate)
        if not 1 <= channels <= MAX_CHANNELS:
            raise AudioError(f"FluidSynth has at most {MAX_CHANNELS} channels; this needs {channels}")
        self.settings = settings
        self.channels = -(-channels // 16) * 16
        self._fs = fluidsynth.Synth(
            gain=settings.gain, samplerate=settings.sample_rate, channels=self.channels,
            **{"synth.reverb.active": int(settings.reverb), "synth.chorus.active": int(settings.chorus),
               "synth.polyphony": settings.polyphony, "synth.reverb.room-size": settings.reverb_room,
               "synth.reverb.level": settings.reverb_level, "synth.chorus.level": settings.chorus_level},
        )
        self.handle = self._fs.synth
        with quiet_stderr():  # a broken file makes libinstpatch print its own CRITICAL line; ours says it in one
            self._sfid = self._fs.sfload(str(soundfont))
        if self._sfid < 0:
            self.close()
            raise SoundfontError(f"{soundfont}: FluidSynth could not load this SoundFont")
        self.soundfont = soundfont
        self._presets: dict[tuple[int, int], tuple[int, int]] = {}

    def set_effects(self, settings: SynthSettings) -> None:
        """Change gain, reverb and chorus while playing (the mix dialog); rate and polyphony stay."""
        call = _effect_calls
        _set_gain(self.handle, settings.gain)
        call["reverb_on"](self.handle, -1, int(settings.reverb))
        call["chorus_on"](self.handle, -1, int(settings.chorus))
        call["set_reverb_group_roomsize"](self.handle, -1, settings.reverb_room)
        call["set_reverb_group_level"](self.handle, -1, settings.reverb_level)
        call["set_chorus_group_level"](self.handle, -1, settings.chorus_level)
        self.settings = replace(settings, sample_rate=self.settings.sample_rate, polyphony=self.settings.polyphony)

    # --- events ---------------------------------------------------------------
    def apply(self, event: SynthEvent) -> None:
        kind, channel, a, b = event.kind, event.channel, event.a, event.b
        if kind == NOTE_ON:
            _noteon(self.handle, channel, a, b)
        elif kind == NOTE_OFF:
            _noteoff(self.handle, channel, a)
        elif kind == CONTROL:
            _cc(self.handle, channel, a, b)
        elif kind == BEND:
            _bend(self.handle, channel, a + 8192)
        elif kind == PROGRAM:
            self.select_program(channel, a, b)

    def select_program(self, channel: int, bank: int, program: int) -> None:
        """Select (bank, program) on a channel, falling back to what the SoundFont has.

        Bank 128 makes the channel a drum channel, any other bank a melodic one,
        so a melodic track that happens to sit on synth channel 9 is not drums.
        """
        _set_channel_type(self.handle, channel, CHANNEL_TYPE_DRUM if bank == DRUM_BANK else CHANNEL_TYPE_MELODIC)
        key = (bank, program)
        if key not in self._presets:
            fallbacks = [key, (bank, 0), (0, program), (0, 0)] if bank != DRUM_BANK else [key, (bank, 0)]
            self._presets[key] = next(
                (choice for choice in fallbacks if self._fs.program_select(channel, self._sfid, *choice) == 0), key)
        self._fs.program_select(channel, self._sfid, *self._presets[key])

    def silence(self) -> None:
        """Sustain off, all notes off (CC 64, CC 123) on every channel: what a transport sends on stop."""
        for channel in range(self.channels):
            _cc(self.handle, channel, 64, 0)
            _cc(self.handle, channel, 123, 0)

    def note_on(self, channel: int, pitch: int, velocity: int) -> None:
        _noteon(self.handle, channel, pitch, velocity)

    def note_off(self, channel: int, pitch: int) -> None:
        _noteoff(self.handle, channel, pitch)

    # --- samples ----------------------------------------------------------------
    def write(self, buffer: np.ndarray, start: int = 0, frames: int | None = None, hold_gil: bool = False) -> None:
        """Synthesize `frames` stereo frames into rows start.. of a C-contiguous float32 (n, 2) buffer.

        `hold_gil`: keep Python's GIL meanwhile (a 64-frame block takes microseconds), so a real-time thread
        is not sent to the back of the queue for it."""
        if frames is None:
            frames = len(buffer) - start
        if frames <= 0:
            return
        pointer = buffer.ctypes.data
        write = _write_float_holding_gil if hold_gil else _write_float
        write(self.handle, frames, pointer, 2 * start, 2, pointer, 2 * start + 1, 2)

    def samples(self, frames: int) -> np.ndarray:
        buffer = np.zeros((frames, 2), dtype=np.float32)
        self.write(buffer)
        return buffer

    # --- output driver ----------------------------------------------------------
    def start_driver(self, driver: str, period_size: int, periods: int,
                     options: Mapping[str, str | int | float] = MappingProxyType({}), callback=None) -> int:
        """Start a FluidSynth audio driver (its own thread pulls samples); the handle, or 0 on failure.

        `options` are further FluidSynth audio settings, e.g. {"audio.alsa.device": "hw:1"}. With a
        `callback` (a ctypes fluid_audio_func_t, engine.audio.output) the driver asks it for every period
        instead of asking the synth (`new_fluid_audio_driver2`).
        """
        self._fs.setting("audio.driver", driver)
        self._fs.setting("audio.period-size", int(period_size))
        self._fs.setting("audio.periods", int(periods))
        for name, value in options.items():
            self._fs.setting(name, value)
        with quiet_stderr():
            if callback is not None:
                return _new_driver2(self._fs.settings, callback, None) or 0
            return fluidsynth.new_fluid_audio_driver(self._fs.settings, self.handle) or 0

    @staticmethod
    def stop_driver(handle: int) -> None:
        if handle:
            fluidsynth.delete_fluid_audio_driver(handle)

    def close(self) -> None:
        if self._fs is not None:
            self._fs.delete()
            self._fs = None
