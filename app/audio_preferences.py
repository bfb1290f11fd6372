"""The audio output preference: the driver's buffer (period) size, kept in QSettings between runs.

Smaller buffers let a played key sound sooner, larger ones survive a busy
machine without dropouts. The player reads it once, when it opens the sound
card (app.transport.default_player), so a change applies at the next start.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

from app.settings import load_fields, save_fields

# The group its key has always been saved under ("midi/period_size", from when the MIDI preferences held it):
# kept, so a buffer size users already chose still loads.
GROUP = "midi"
PERIOD_SIZES = (64, 128, 256, 512, 1024, 2048)
PERIODS = 2  # buffers per DriverOutput (the player's default)


@dataclass(frozen=True)
class AudioPreferences:
    period_size: int = 256           # audio frames per buffer (x PERIODS = output latency)


_VALID = {"period_size": PERIOD_SIZES.__contains__}


def load(store: QSettings | None = None) -> AudioPreferences:
    return load_fields(AudioPreferences(), GROUP, _VALID, store)


def save(prefs: AudioPreferences, store: QSettings | None = None) -> None:
    save_fields(prefs, GROUP, store)


def update(**changes) -> AudioPreferences:
    """Change some preferences and save them; the new whole."""
    prefs = replace(load(), **changes)
    save(prefs)
    return prefs
