"""JSON text for project files: indented, but short arrays (a note, a tempo) on one line.

Plain `json.dumps(indent=2)` puts every number of every note on its own line;
with one `[start, pitch, duration, velocity]` per line a project stays
readable and diffs well under version control. Text is UTF-8 with non-ASCII
characters as they are, except strings that UTF-8 cannot hold (lone
surrogates from badly decoded MIDI text), which keep their \\u escapes so they
still round-trip.
"""
from __future__ import annotations

import json
from typing import Any


def dumps(value: Any) -> str:
    """The document as text; raises ValueError/TypeError for values JSON cannot hold (NaN, sets, ...)."""
    return _dump(value, "") + "\n"


def _dump(value: Any, indent: str) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(isinstance(key, str) for key in value):
            raise TypeError("object keys must be text")
        inner = indent + "  "
        items = [f"{inner}{_scalar(key)}: {_dump(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, (list, tuple)):
        if all(not isinstance(item, (dict, list, tuple)) for item in value):
            return "[" + ", ".join(_scalar(item) for item in value) + "]"
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + _dump(item, inner) for item in value) + "\n" + indent + "]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    if value is not None and not isinstance(value, (str, int, float, bool)):
        raise TypeError(f"{type(value).__name__} is not JSON data")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, allow_nan=False)
