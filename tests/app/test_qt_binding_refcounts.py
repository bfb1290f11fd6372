"""The pinned Qt binding must not leak references to None/True.

PySide6-Essentials 6.12.0 drops one reference to None on every void-returning
call and one to True on every Signal.emit under CPython 3.11; a busy piano roll
then aborts the interpreter within seconds ("none_dealloc"). pyproject.toml pins
6.11.3, which does not; this test guards that pin against a careless upgrade.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class Emitter(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_keep_singleton_reference_counts(qtbot):
    label, emitter = QLabel(), Emitter()
    emitter.fired.connect(lambda value: None)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2_000):  # below None's ~5,000 references, so a leaking binding fails here instead of aborting
        label.setText("x")
        emitter.fired.emit(i)
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert abs(after[0] - before[0]) < 100 and abs(after[1] - before[1]) < 100
