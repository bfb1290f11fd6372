"""A spin box for a count of bars that says it as a sentence would: "1 bar", "4 bars", "4 小节".

A suffix (" bars") cannot agree with the number in English and cannot move in
a language that puts the unit first, so the whole text is one translated
plural form ("%n bar(s)") and typing reads back the number in it.
"""
from __future__ import annotations

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget


class BarCountSpinBox(QSpinBox):
    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low, high)

    def textFromValue(self, value: int) -> str:
        return self.tr("%n bar(s)", "", value)

    def valueFromText(self, text: str) -> int:
        number = re.search(r"\d+", text)
        return int(number.group()) if number else self.minimum()

    def validate(self, text: str, pos: int):
        if text == self.specialValueText() and text:
            return QValidator.Acceptable, text, pos
        number = re.search(r"\d+", text)
        if number is None:
            return QValidator.Intermediate, text, pos
        state = QValidator.Acceptable if self.minimum() <= int(number.group()) <= self.maximum() \
            else QValidator.Intermediate
        return state, text, pos
