"""The song the live-input tests record into."""
from __future__ import annotations

import pytest

from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import Track


@pytest.fixture
def song() -> Song:
    """One empty piano track at 120 BPM in 4/4."""
    return Song(tracks=(Track(id=1, name="piano"),), tempos=(TempoChange(0, 500_000),),
                meters=(TimeSignature(0, 4, 4),))
