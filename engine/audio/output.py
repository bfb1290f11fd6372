"""Where the player's sound goes, and the clock that paces it.

An output owns the clock and calls the player's `pump(now)` to send the events
that are due, then, after the synth has written a block, `mix(buffer, start,
frames, now)` to add other sound to it (the video's own, engine.audio.film_sound).

Both outputs do the same thing block by block (`render_blocks`): pump the
events due at the block's first sample, synthesize the block, mix into it.
Their clock is the count of samples synthesized, so events, synth and film
sound share one clock, to the block (64 frames, FluidSynth's own granularity).

- `DriverOutput` is the real thing: a FluidSynth audio driver in callback
  mode (`new_fluid_audio_driver2`) asks for each period from its own thread,
  and the callback renders it as above. A driver without callback mode
  (FluidSynth's file driver) pulls from the synth itself while a scheduler
  thread pumps events on the wall clock, as before; nothing is mixed in then.
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
                  block_frames: int = BLOCK_FRAMES) -> None:
    """Fill the (n, 2) float32 `audio` with the output from sample `start_frame` on: for each block, send the
    events due at its first sample, synthesize it, then mix other sound into it."""
    rate = synth.settings.sample_rate
    total = len(audio)
    for start in range(0, total, block_frames):
        frames = min(block_frames, total - start)
        now = (start_frame + start) / rate
        pump(now)
        synth.write(audio, start, frames)
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

    In callback mode the clock is the number of frames the driver has asked
    for, so `now()` moves in steps of one period; the player's playhead
    subtracts `latency` from it, the frames asked for but not yet heard.
    """

    TICK_SECONDS = 0.002  # how often due events are sent on the wall clock; well under one audio period

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
        self._synth: Synth | None = None
        self._closing = threading.Event()
        self._thread: threading.Thread | None = None
        self._pump: Pump | None = None
        self._mix: Mix | None = None
        self._frames = 0  # frames the callback has rendered: the clock in callback mode
        self._scratch = np.zeros((period_size, 2), np.float32)
        self._callback = _AUDIO_CALLBACK(self._render)  # kept alive as long as the driver
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
            return self._frames / self._synth.settings.sample_rate
        return self._clock()

    def open(self, synth: Synth | None, pump: Pump, mix: Mix | None = None) -> None:
        """Start the first driver that opens, in callback mode where it has one; otherwise (or without a
        synth) pump on the wall clock."""
        self._synth, self._pump, self._mix = synth, pump, mix
        if synth is None:
            self._start_scheduler()
            return
        reasons = []
        for name in self.drivers:
            FLUID_LOG.recent.clear()
            self._driver = synth.start_driver(name, self.period_size, self.periods, self.options, self._callback)
            if self._driver:
                self.callback_mode = True
                return
            if not FLUID_LOG.recent:  # failed without a word: no callback mode (file, sdl2), not a dead device
                self._driver = synth.start_driver(name, self.period_size, self.periods, self.options)
                if self._driver:
                    self._start_scheduler()
                    return
            reasons.append(f"{name}: {FLUID_LOG.recent[-1] if FLUID_LOG.recent else 'driver failed'}")
        self._start_scheduler()
        raise AudioUnavailable("; ".join(reasons))

    def _start_scheduler(self) -> None:
        self._thread = threading.Thread(target=self._run, name="cadenza-audio-scheduler", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._closing.wait(self.TICK_SECONDS):
            self._pump(self.now())

    def _render(self, _data, length: int, _nfx: int, _fx, nout: int, out) -> int:
        """The driver's callback (its audio thread): render `length` frames into its two float buffers.

        It must never raise into C, and never wait long: the player's pump takes its lock without
        blocking (engine.audio.player)."""
        try:
            if nout < 2 or length <= 0:
                return 0
            if len(self._scratch) < length:
                self._scratch = np.zeros((length, 2), np.float32)
            audio = self._scratch[:length]
            render_blocks(self._synth, self._pump, self._mix, audio, self._frames)
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
