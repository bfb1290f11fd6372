"""Where the player's sound goes, and the clock that paces it.

An output owns the clock and calls the player's `pump(now)` to send the events
that are due. `DriverOutput` is the real thing: a FluidSynth audio driver pulls
samples from the synth in its own thread while a scheduler thread pumps events
on the wall clock. `OfflineOutput` has no device: time moves only when someone
pulls samples with `advance()`, which is how the tests hear the player on
machines without a sound card, deterministically and faster than real time.
"""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Mapping

import numpy as np

from engine.audio.errors import AudioError
from engine.audio.synth import FLUID_LOG, Synth

Pump = Callable[[float], None]


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


class DriverOutput:
    """Real-time output through a FluidSynth audio driver.

    `period_size` frames per buffer times `periods` buffers is the output
    latency (256 x 2 at 44.1 kHz is 12 ms); it is a setting so MIDI-thru can
    trade it against dropouts. If no driver opens, the scheduler still runs on
    the wall clock (the playhead moves, nothing sounds) and `open` raises
    `AudioUnavailable` with the reason.
    """

    TICK_SECONDS = 0.002  # how often due events are sent; well under one audio period

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

    @property
    def latency(self) -> float:
        """Seconds between sending an event and hearing it (0 when nothing plays)."""
        if not self._driver or self._synth is None:
            return 0.0
        return self.period_size * self.periods / self._synth.settings.sample_rate

    def now(self) -> float:
        return self._clock()

    def open(self, synth: Synth | None, pump: Pump) -> None:
        """Start the scheduler thread, then the first driver that opens (none without a synth)."""
        self._synth = synth
        self._thread = threading.Thread(target=self._run, args=(pump,), name="cadenza-audio-scheduler", daemon=True)
        self._thread.start()
        if synth is None:
            return
        reasons = []
        for name in self.drivers:
            FLUID_LOG.recent.clear()
            self._driver = synth.start_driver(name, self.period_size, self.periods, self.options)
            if self._driver:
                return
            reasons.append(f"{name}: {FLUID_LOG.recent[-1] if FLUID_LOG.recent else 'driver failed'}")
        raise AudioUnavailable("; ".join(reasons))

    def _run(self, pump: Pump) -> None:
        while not self._closing.wait(self.TICK_SECONDS):
            pump(self.now())

    def close(self) -> None:
        self._closing.set()
        if self._thread is not None:
            self._thread.join()
        Synth.stop_driver(self._driver)
        self._driver = 0


class OfflineOutput:
    """An output without a device: `advance(seconds)` pumps events and returns the samples.

    Events are sent at the start of each `block_frames` block, the same
    granularity as FluidSynth's own 64-frame processing.
    """

    latency = 0.0

    def __init__(self, block_frames: int = 64) -> None:
        self.block_frames = block_frames
        self._synth: Synth | None = None
        self._pump: Pump | None = None
        self._frames = 0

    def open(self, synth: Synth | None, pump: Pump) -> None:
        self._synth, self._pump, self._frames = synth, pump, 0

    def now(self) -> float:
        return self._frames / self._synth.settings.sample_rate if self._synth else 0.0

    def advance(self, seconds: float) -> np.ndarray:
        """Run the clock forward by `seconds`; the stereo float32 audio produced meanwhile."""
        if self._synth is None:
            raise RuntimeError("the output is not open")
        total = round(seconds * self._synth.settings.sample_rate)
        audio = np.zeros((total, 2), dtype=np.float32)
        for start in range(0, total, self.block_frames):
            frames = min(self.block_frames, total - start)
            self._pump(self.now())
            self._synth.write(audio, start, frames)
            self._frames += frames
        return audio

    def close(self) -> None:
        self._synth = self._pump = None
