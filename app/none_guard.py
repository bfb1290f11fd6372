"""Keep `None`, `True` and `False` alive under PySide6 6.12 on CPython 3.11.

Measured here: every call of a void-returning PySide6 6.12.0 method (QPainter.fillRect,
QWidget.update, QLabel.setText, ...) leaves `None` with one reference fewer, and
every `Signal.emit` does the same to `True`. From CPython 3.12 on these
singletons are immortal and that is harmless; on 3.11 a piano roll that paints
a few thousand rectangles per frame drives the count to zero within seconds and
the interpreter aborts ("none_dealloc: deallocating None", "bool_dealloc").
They are static objects that are never freed, so giving them a vast reference
count (what 3.12 does for every immortal object) removes the crash and nothing
else. Called from app/__init__.py, before any Qt call.
"""
from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40  # ~10^12 leaked references: years of continuous painting


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: the first field of every object
        if refcount.value < HEADROOM:
            refcount.value += HEADROOM
