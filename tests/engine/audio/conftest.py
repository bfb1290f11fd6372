"""Songs and measurements shared by the audio tests: small, built in code, quick to render."""
from __future__ import annotations

import numpy as np
import pytest

from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange
from engine.track import Track, TrackRole

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


@pytest.fixture
def band() -> Song:
    """Four seconds of piano, bass and drums (drums on MIDI channel 10) at 120 BPM."""
    return Song(tracks=(
        Track(id=1, name="piano", role=TrackRole.MELODY, program=0, notes=melody()),
        Track(id=2, name="bass", role=TrackRole.BASS, program=33, channel=1, notes=melody(pitch=36, length=200)),
        Track(id=3, name="drums", role=TrackRole.DRUMS, channel=9, notes=drum_beat()),
    ), tempos=(TempoChange(0, 500_000),))
