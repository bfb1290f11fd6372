"""MIDI and audio-buffer preferences, kept in QSettings between runs.

One small dataclass read and written as a whole, so the dialog, the recorder
and the player factory agree on the same values. A value that does not parse
(a hand-edited settings file) falls back to its default instead of failing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace

from PySide6.QtCore import QSettings

from app.settings import settings as app_settings

GROUP = "midi"
PERIOD_SIZES = (64, 128, 256, 512, 1024, 2048)
PERIODS = 2  # buffers per DriverOutput (the player's default)
RECORD_MODES = ("overdub", "replace")
MAX_ANSWER_BARS = 16


@dataclass(frozen=True)
class MidiPreferences:
    device: str = ""                 # the input to open; '' = the first one found
    count_in_bars: int = 1
    record_mode: str = "overdub"
    input_quantize: bool = False     # quantize recorded note starts to the snap grid
    record_metronome: bool = True    # click while recording even when the metronome is off
    period_size: int = 256           # audio frames per buffer (x PERIODS = output latency)
    step_length: str = "1/8"         # a snap label, or "Grid" to follow the snap grid
    answer_bars: int = 0             # call-and-response: bars the model answers with; 0 = as long as the phrase


_VALID = {"period_size": PERIOD_SIZES.__contains__, "record_mode": RECORD_MODES.__contains__,
          "count_in_bars": lambda bars: 0 <= bars <= 8, "answer_bars": lambda bars: 0 <= bars <= MAX_ANSWER_BARS}


def _coerce(default, raw):
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
    return type(default)(raw)


def load(store: QSettings | None = None) -> MidiPreferences:
    store = store or app_settings()
    values = {}
    for field in fields(MidiPreferences):
        raw = store.value(f"{GROUP}/{field.name}")
        try:
            value = _coerce(field.default, raw) if raw is not None else field.default
        except (TypeError, ValueError):
            continue
        if _VALID.get(field.name, lambda _: True)(value):
            values[field.name] = value
    return replace(MidiPreferences(), **values)


def save(prefs: MidiPreferences, store: QSettings | None = None) -> None:
    store = store or app_settings()
    for field in fields(MidiPreferences):
        store.setValue(f"{GROUP}/{field.name}", getattr(prefs, field.name))
    store.sync()


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
