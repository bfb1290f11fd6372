"""The dark theme: one palette and the colours every painted widget uses.

Painted widgets (roll, lanes, keyboard) take their colours from here rather than
from the style, so the editor looks the same on every platform and the
screenshots in docs/ match what users see.
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

BACKGROUND = QColor("#1e2127")
PANEL = QColor("#262a31")
ROW_WHITE = QColor("#2b2f37")
ROW_BLACK = QColor("#23262d")
ROW_OUT_OF_SCALE = QColor("#1c1e23")
ROW_TONIC = QColor("#313744")
LINE_BAR = QColor("#5b6270")
LINE_BEAT = QColor("#3c424d")
LINE_GRID = QColor("#30353e")
LINE_OCTAVE = QColor("#444b57")
TEXT = QColor("#d7dae0")
TEXT_DIM = QColor("#8a909c")
ACCENT = QColor("#e5a93d")
PLAYHEAD = QColor("#ff5d5d")
LOOP = QColor(229, 169, 61, 60)
LOOP_EDGE = QColor("#e5a93d")
SELECTION = QColor("#ffffff")
RUBBER_BAND = QColor(120, 170, 255, 60)
ERROR = QColor("#ff6b6b")

# One hue per track, in track order; notes are drawn in their track's colour.
TRACK_COLOURS = tuple(QColor(c) for c in (
    "#4fa3e0", "#61c48a", "#e0884f", "#c36fd6", "#e0c34f", "#4fd1c9", "#e06a8f", "#9aa85a",
))


def track_colour(index: int) -> QColor:
    return TRACK_COLOURS[index % len(TRACK_COLOURS)]


def note_fill(base: QColor, velocity: int) -> QColor:
    """Louder notes are brighter, so dynamics read at a glance."""
    return base.darker(int(170 - velocity * 0.55))


def apply_dark_palette(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.Window: PANEL, QPalette.WindowText: TEXT, QPalette.Base: BACKGROUND,
        QPalette.AlternateBase: PANEL, QPalette.ToolTipBase: PANEL, QPalette.ToolTipText: TEXT,
        QPalette.Text: TEXT, QPalette.Button: QColor("#30353e"), QPalette.ButtonText: TEXT,
        QPalette.BrightText: ACCENT, QPalette.Highlight: QColor("#3d6fb4"),
        QPalette.HighlightedText: QColor("#ffffff"), QPalette.PlaceholderText: TEXT_DIM,
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    palette.setColor(QPalette.Disabled, QPalette.Text, TEXT_DIM)
    palette.setColor(QPalette.Disabled, QPalette.ButtonText, TEXT_DIM)
    app.setPalette(palette)
