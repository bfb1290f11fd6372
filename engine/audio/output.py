"""Where the player's sound goes, and the clock that paces it.

An output owns the clock and calls the player's `pump(now)` to send the events
that are due, then, after the synth has written a block, `mix(buffer, start,
frames, now)` to add other sound to it (the video's own, engine.audio.film_sound).

Both outputs do the same thing block by block (`render_blocks`): pump the
events due at the block's first sample, synthesize the block, mix into it.
Their clock is the count of samples synthesized, so events, synth and film
sound share one clock, to the block (64 frames, FluidSynth's own granularity).

- `DriverOutput` is the real thing. While something is to be mixed in (a
  video with sound is open) it runs a FluidSynth audio driver in callback
  mode (`new_fluid_audio_driver2`), which asks for each period from its own
  thread, and the callback renders it as above. Otherwise the driver pulls
  from the synth in C while a scheduler thread pumps events on the wall
  clock: no Python in the audio thread (its class docstring says why).
- `OfflineOutput` has no device: time moves only when someone pulls samples
  with `advance()`, which is how the tests hear the player on machines without
  a sound card, deterministically and faster than real time.
"""
from __future__ import annotations

import ctypes
import logging
import sys
import threading
import time
from collections.abc import Callable, Mapping

import numpy as np

from engine.audio.errors import AudioError
from engine.audio.synth import FLUID_LOG, Synth

Pump = Callable[[float], None]
Mix = Callable[[np.ndarray, int, int, float], None]  # (buffer, first row, frames, output time of the first row)

BLOCK_FRAMES = 64  # events are sent at the start of each block of this many frames (FluidSynth renders 64 at a time)
log = logging.getLogger("engine.audio.output")


def render_blocks(synth: Synth, pump: Pump, mix: Mix | None, audio: np.ndarray, start_frame: int,
                  block_frames: int = BLOCK_FRAMES, hold_gil: bool = False) -> None:
    """Fill the (n, 2) float32 `audio` with the output from sample `start_frame` on: for each block, send the
    events due at its first sample, synthesize it, then mix other sound into it (`hold_gil`: Synth.write)."""
    rate = synth.settings.sample_rate
    total = len(audio)
    for start in range(0, total, block_frames):
        frames = min(block_frames, total - start)
        now = (start_frame + start) / rate
        pump(now)
        synth.write(audio, start, frames, hold_gil)
        if mix is not None:
            mix(audio, start, frames, now)


class AudioUnavailable(AudioError):
    """No audio device could be opened; `str()` says why in one line."""


def default_drivers() -> tuple[str, ...]:
    """FluidSynth drivers to try, in order. PulseAudio also reaches PipeWire; JACK is only
    tried on request because a missing JACK server makes it hang for seconds."""
    if sys.platform.startswith("linux"):
        return ("pulseaudio", "alsa")
    if sys.platform == "darwin":
        return ("coreaudio",)
    if sys.platform == "win32":
        return ("wasapi", "dsound")
    return ("sdl2",)


_FLOATS = ctypes.POINTER(ctypes.c_float)
_AUDIO_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                   ctypes.POINTER(_FLOATS), ctypes.c_int, ctypes.POINTER(_FLOATS))


class DriverOutput:
    """Real-time output through a FluidSynth audio driver.

    `period_size` frames per buffer times `periods` buffers is the output
    latency (256 x 2 at 44.1 kHz is 12 ms); it is a setting so MIDI-thru can
    trade it against dropouts. If no driver opens, the scheduler still runs on
    the wall clock (the playhead moves, nothing sounds) and `open` raises
    `AudioUnavailable` with the reason.

    Two modes, because the one that can mix pays for it:

    - native (the default): FluidSynth's driver pulls from the synth in C,
      without Python; a scheduler thread pumps events on the wall clock.
    - callback (`set_mixing(True)`, while a video with sound is open): the
      driver asks `_render` for each period, which pumps, synthesizes and
      mixes block by block. Every period then needs Python's GIL in time, so
      a busy Python thread can make it late (docs/VIDEO.md has the numbers);
      the switch interval is lowered to `SWITCH_SECONDS` meanwhile, which cut
      the late periods by a factor of 3 to 10 in the measurements.

    The clock runs on across a switch: in callback mode `now()` is the wall
    clock at the switch plus the frames rendered since.
    """

    TICK_SECONDS = 0.002  # how often due events are sent on the wall clock; well under one audio period
    SWITCH_SECONDS = 0.001  # sys.setswitchinterval in callback mode (Python's default is 0.005)

    def __init__(self, driver: str | None = None, period_size: int = 256, periods: int = 2,
                 clock: Callable[[], float] = time.monotonic,
                 options: Mapping[str, str | int | float] | None = None) -> None:
        if not 16 <= period_size <= 8192 or not 2 <= periods <= 64:
            raise ValueError(f"period size must be 16..8192 and periods 2..64, got {period_size} x {periods}")
        self.drivers = (driver,) if driver else default_drivers()
        self.period_size = period_size
        self.periods = periods
        self.options = dict(options or {})  # more FluidSynth audio.* settings (device names, file driver)
        self._clock = clock
        self._driver = 0
        self._driver_name = ""
        self._synth: Synth | None = None
        self._closing = threading.Event()
        self._thread: threading.Thread | None = None
        self._pump: Pump | None = None
        self._mix: Mix | None = None
        self._base = 0  # callback mode: the wall clock when it began, in frames
        self._frames = 0  # callback mode: frames rendered since
        self._scratch = np.zeros((period_size, 2), np.float32)
        self._callback = _AUDIO_CALLBACK(self._render)  # kept alive as long as the driver
        self._saved_switch: float | None = None
        self.callback_mode = False
        self.callback_errors = 0

    @property
    def latency(self) -> float:
        """Seconds between sending an event and hearing it (0 when nothing plays)."""
        if not self._driver or self._synth is None:
            return 0.0
        return self.period_size * self.periods / self._synth.settings.sample_rate

    def now(self) -> float:
        if self.callback_mode:
            return (self._base + self._frames) / self._synth.settings.sample_rate
        return self._clock()

    def open(self, synth: Synth | None, pump: Pump, mix: Mix | None = None) -> None:
        """Start the scheduler thread, then the first driver that opens (none without a synth)."""
        self._synth, self._pump, self._mix = synth, pump, mix
        self._thread = threading.Thread(target=self._run, name="cadenza-audio-scheduler", daemon=True)
        self._thread.start()
        if synth is None:
            return
        reasons = []
        for name in self.drivers:
            FLUID_LOG.recent.clear()
            self._driver = synth.start_driver(name, self.period_size, self.periods, self.options)
            if self._driver:
                self._driver_name = name
                return
            reasons.append(f"{name}: {FLUID_LOG.recent[-1] if FLUID_LOG.recent else 'driver failed'}")
        raise AudioUnavailable("; ".join(reasons))

    def set_mixing(self, on: bool) -> bool:
        """Switch to callback mode (True), where `mix` is heard, or back to the native driver; whether
        mixing is heard now. A driver without callback mode (FluidSynth's file driver, sdl2) stays native."""
        if not self._driver or on == self.callback_mode:
            return self.callback_mode
        Synth.stop_driver(self._driver)
        self._driver = 0
        if on:
            self._base, self._frames = round(self._clock() * self._synth.settings.sample_rate), 0
            self.callback_mode = True  # before the driver starts: its first callback reads the clock
            self._driver = self._synth.start_driver(self._driver_name, self.period_size, self.periods, self.options,
                                                    self._callback)
            if self._driver:
                self._saved_switch = sys.getswitchinterval()
                sys.setswitchinterval(min(self._saved_switch, self.SWITCH_SECONDS))
                return True
            self.callback_mode = False
        else:
            self.callback_mode = False
            self._restore_switch()
        self._driver = self._synth.start_driver(self._driver_name, self.period_size, self.periods, self.options)
        return False

    def _restore_switch(self) -> None:
        if self._saved_switch is not None:
            sys.setswitchinterval(self._saved_switch)
            self._saved_switch = None

    def _run(self) -> None:
        while not self._closing.wait(self.TICK_SECONDS):
            if not self.callback_mode:
                self._pump(self.now())

    def _render(self, _data, length: int, _nfx: int, _fx, nout: int, out) -> int:
        """The driver's callback (its audio thread): render `length` frames into its two float buffers.

        It must never raise into C, and never wait long: the player's pump and mix take its lock without
        blocking (engine.audio.player)."""
        try:
            if nout < 2 or length <= 0:
                return 0
            if len(self._scratch) < length:
                self._scratch = np.zeros((length, 2), np.float32)
            audio = self._scratch[:length]
            render_blocks(self._synth, self._pump, self._mix, audio, self._base + self._frames, hold_gil=True)
            self._frames += length
            ctypes.memmove(out[0], np.ascontiguousarray(audio[:, 0]).ctypes.data, 4 * length)
            ctypes.memmove(out[1], np.ascontiguousarray(audio[:, 1]).ctypes.data, 4 * length)
            return 0
        except BaseException:  # noqa: BLE001 - an exception here would be printed by ctypes on every period
            self.callback_errors += 1
            if self.callback_errors == 1:
                log.exception("audio callback failed")
            return 0

    def close(self) -> None:
        self._closing.set()
        if self._thread is not None:
            self._thread.join()
        Synth.stop_driver(self._driver)
        self._driver = 0
        self.callback_mode = False
        self._restore_switch()


class OfflineOutput:
    """An output without a device: `advance(seconds)` pumps events and returns the samples.

    Events are sent at the start of each `block_frames` block, the same
    granularity as FluidSynth's own 64-frame processing and as `DriverOutput`'s
    callback.
    """

    latency = 0.0

    def __init__(self, block_frames: int = BLOCK_FRAMES) -> None:
        self.block_frames = block_frames
        self._synth: Synth | None = None
        self._pump: Pump | None = None
        self._mix: Mix | None = None
        self._frames = 0

    def open(self, synth: Synth | None, pump: Pump, mix: Mix | None = None) -> None:
        self._synth, self._pump, self._mix, self._frames = synth, pump, mix, 0

    def set_mixing(self, on: bool) -> bool:
        """Offline, `mix` is always heard."""
        return self._synth is not None

    def now(self) -> float:
        return self._frames / self._synth.settings.sample_rate if self._synth else 0.0

    def advance(self, seconds: float) -> np.ndarray:
        """Run the clock forward by `seconds`; the stereo float32 audio produced meanwhile."""
        if self._synth is None:
            raise RuntimeError("the output is not open")
        audio = np.zeros((round(seconds * self._synth.settings.sample_rate), 2), dtype=np.float32)
        render_blocks(self._synth, self._pump, self._mix, audio, self._frames, self.block_frames)
        self._frames += len(audio)
        return audio

    def close(self) -> None:
        self._synth = self._pump = self._mix = None
