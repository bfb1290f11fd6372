"""MIDI preferences (input device, recording, step input, call and response, learn bindings) in QSettings.

One small dataclass read and written as a whole (app.settings.load_fields),
so the dialog, the recorder and the toolbar agree on the same values. A value
that does not parse (a hand-edited settings file) falls back to its default
instead of failing. The audio buffer is app.audio_preferences.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

from app.settings import load_fields, save_fields
from app.settings import settings as app_settings

GROUP = "midi"
RECORD_MODES = ("overdub", "replace")
MAX_ANSWER_BARS = 16


@dataclass(frozen=True)
class MidiPreferences:
    device: str = ""                 # the input to open; '' = the first one found
    count_in_bars: int = 1
    record_mode: str = "overdub"
    input_quantize: bool = False     # quantize recorded note starts to the snap grid
    record_metronome: bool = True    # click while recording even when the metronome is off
    step_length: str = "1/8"         # a snap label, or "Grid" to follow the snap grid
    answer_bars: int = 0             # call-and-response: bars the model answers with; 0 = as long as the phrase


_VALID = {"record_mode": RECORD_MODES.__contains__,
          "count_in_bars": lambda bars: 0 <= bars <= 8, "answer_bars": lambda bars: 0 <= bars <= MAX_ANSWER_BARS}


def load(store: QSettings | None = None) -> MidiPreferences:
    return load_fields(MidiPreferences(), GROUP, _VALID, store)


def save(prefs: MidiPreferences, store: QSettings | None = None) -> None:
    save_fields(prefs, GROUP, store)


def load_bindings(store: QSettings | None = None) -> dict | None:
    """The saved MIDI learn bindings (`MidiLearn.to_dict()` output), or None."""
    raw = (store or app_settings()).value(f"{GROUP}/learn")
    try:
        return json.loads(raw) if raw else None
    except (TypeError, ValueError):
        return None


def save_bindings(data: dict, store: QSettings | None = None) -> None:
    store = store or app_settings()
    store.setValue(f"{GROUP}/learn", json.dumps(data))
    store.sync()


def update(**changes) -> MidiPreferences:
    """Change some preferences and save them; the new whole."""
    prefs = replace(load(), **changes)
    save(prefs)
    return prefs
