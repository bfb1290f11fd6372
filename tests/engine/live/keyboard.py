"""Real mido messages as keyboards send them, for the live-input tests.

A module of its own, not conftest.py: two folders' conftest modules clash when imported by name.
"""
from __future__ import annotations

import mido

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
