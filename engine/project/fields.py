"""Typed reading of decoded JSON, with errors that say where in the file the problem is.

A project file is user-editable text, so anything can be in it. Every value is
checked for its JSON type before it reaches a model constructor (JSON `true`
is not the integer 1 here, and 2.0 is not a tick), and every complaint names
its place, e.g. `song.tracks[1].notes[7]: note pitch must be 0..127, got 300`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Invalid(ValueError):
    """A value in the document that is not what the format says; the message starts with its place."""


def obj(value: Any, where: str, fields: tuple[str, ...]) -> dict[str, Any]:
    """A JSON object with exactly `fields` (missing and unknown fields are both errors)."""
    if not isinstance(value, dict):
        raise Invalid(f"{where}: expected an object, got {_kind(value)}")
    missing = [name for name in fields if name not in value]
    if missing:
        raise Invalid(f"{where}: missing field {missing[0]!r}")
    unknown = [name for name in value if name not in fields]
    if unknown:
        raise Invalid(f"{where}: unknown field {unknown[0]!r}")
    return value


def array(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise Invalid(f"{where}: expected a list, got {_kind(value)}")
    return value


def row(value: Any, where: str, names: tuple[str, ...]) -> list[Any]:
    """A fixed-length array such as a note's [start, pitch, duration, velocity]."""
    items = array(value, where)
    if len(items) != len(names):
        raise Invalid(f"{where}: expected [{', '.join(names)}], got {len(items)} value(s)")
    return items


def integer(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"{where}: expected a whole number, got {_kind(value)}")
    return value


def number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid(f"{where}: expected a number, got {_kind(value)}")
    return float(value)


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise Invalid(f"{where}: expected text, got {_kind(value)}")
    return value


def boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"{where}: expected true or false, got {_kind(value)}")
    return value


def optional(value: Any, where: str, read: Callable[[Any, str], T]) -> T | None:
    return None if value is None else read(value, where)


def build(where: str, make: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a model constructor, turning its ValueError into an `Invalid` at `where`."""
    try:
        return make(*args, **kwargs)
    except ValueError as error:
        raise Invalid(f"{where}: {error}") from None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return "a list" if isinstance(value, list) else "an object"
