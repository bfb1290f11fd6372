"""The shared `band` song for the audio tests: small, built in code, quick to render."""
from __future__ import annotations

import pytest

from audio_measure import drum_beat, melody
from engine.song import Song
from engine.timing import TempoChange
from engine.track import Track, TrackRole


@pytest.fixture
def band() -> Song:
    """Four seconds of piano, bass and drums (drums on MIDI channel 10) at 120 BPM."""
    return Song(tracks=(
        Track(id=1, name="piano", role=TrackRole.MELODY, program=0, notes=melody()),
        Track(id=2, name="bass", role=TrackRole.BASS, program=33, channel=1, notes=melody(pitch=36, length=200)),
        Track(id=3, name="drums", role=TrackRole.DRUMS, channel=9, notes=drum_beat()),
    ), tempos=(TempoChange(0, 500_000),))
