"""Where the user's settings live: one QSettings for every part of the app (language, recent files, preferences).

Its own module so that anything may read a setting without importing the file
controller (the language is read before the window, and app.files itself
needs translations). `load_fields` / `save_fields` keep a small frozen
dataclass of preferences under one group (app.midi_input.preferences,
app.audio_preferences), so each set of preferences is read and written whole.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")


def settings() -> QSettings:
    """User settings; under $CADENZA_HOME when set (tests, portable installs), else Qt's usual place."""
    home = os.environ.get("CADENZA_HOME")
    if home:
        return QSettings(str(Path(home) / "settings.ini"), QSettings.IniFormat)
    return QSettings("Cadenza", "Cadenza")


def load_fields(defaults: T, group: str, valid: Mapping[str, Callable[[Any], bool]] = MappingProxyType({}),
                store: QSettings | None = None) -> T:
    """`defaults` (a dataclass of plain values) with each field read from `group/<field>` where it is stored.

    A value that does not parse as the field's type, or that `valid[field]` refuses (a hand-edited
    settings file, an older version's choice), keeps its default instead of failing."""
    store = store or settings()
    values = {}
    for field in fields(defaults):
        raw = store.value(f"{group}/{field.name}")
        if raw is None:
            continue
        default = getattr(defaults, field.name)
        try:
            value = _coerce(default, raw)
        except (TypeError, ValueError):
            continue
        if valid.get(field.name, lambda _: True)(value):
            values[field.name] = value
    return replace(defaults, **values)


def save_fields(values: Any, group: str, store: QSettings | None = None) -> None:
    """Write every field of the dataclass `values` to `group/<field>`, and flush."""
    store = store or settings()
    for field in fields(values):
        store.setValue(f"{group}/{field.name}", getattr(values, field.name))
    store.sync()


def _coerce(default, raw):
    """`raw` as read back from QSettings (an INI file gives strings) in the type of `default`."""
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
    return type(default)(raw)
