"""Notes and audio measurements shared by the audio tests (a plain module: importing
`conftest` by name is ambiguous when several test folders have one)."""
from __future__ import annotations

import numpy as np

from engine.notes import Note

TPQ = 480  # at the default 120 BPM a quarter note is 0.5 s
SILENT = 1e-5  # FluidSynth writes exact zeros with no voices; this allows for denormal reverb leftovers


def rms(audio: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(audio, dtype=np.float64)))) if audio.size else 0.0


def peak(audio: np.ndarray) -> float:
    return float(np.max(np.abs(audio))) if audio.size else 0.0


def melody(start: int = 0, count: int = 8, pitch: int = 60, length: int = 400) -> tuple[Note, ...]:
    return tuple(Note(start=start + i * TPQ, pitch=pitch + i % 5, duration=length, velocity=100) for i in range(count))


def drum_beat(start: int = 0, count: int = 16) -> tuple[Note, ...]:
    return tuple(Note(start=start + i * TPQ // 2, pitch=36 if i % 4 == 0 else 42, duration=60, velocity=110)
                 for i in range(count))
