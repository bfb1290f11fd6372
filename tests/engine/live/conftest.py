"""Helpers for the live-input tests: real mido messages with timestamps, a song with a tempo change."""
from __future__ import annotations

import mido
import pytest

from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import Track

TPQ = 480


def on(note: int, velocity: int = 100, channel: int = 0) -> mido.Message:
    return mido.Message("note_on", note=note, velocity=velocity, channel=channel)


def off(note: int, zero_velocity_on: bool = True) -> mido.Message:
    """What most keyboards send on release: note-on with velocity 0 (or a true note-off)."""
    if zero_velocity_on:
        return mido.Message("note_on", note=note, velocity=0)
    return mido.Message("note_off", note=note, velocity=64)


def cc(control: int, value: int, channel: int = 0) -> mido.Message:
    return mido.Message("control_change", control=control, value=value, channel=channel)


def bend(pitch: int) -> mido.Message:
    return mido.Message("pitchwheel", pitch=pitch)


@pytest.fixture
def song() -> Song:
    """One empty piano track at 120 BPM in 4/4."""
    return Song(tracks=(Track(id=1, name="piano"),), tempos=(TempoChange(0, 500_000),),
                meters=(TimeSignature(0, 4, 4),))
