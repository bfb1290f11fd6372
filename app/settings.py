"""Where the user's settings live: one QSettings for every part of the app (language, recent files, preferences).

Its own module so that anything may read a setting without importing the file
controller (the language is read before the window, and app.files itself
needs translations).
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    """User settings; under $CADENZA_HOME when set (tests, portable installs), else Qt's usual place."""
    home = os.environ.get("CADENZA_HOME")
    if home:
        return QSettings(str(Path(home) / "settings.ini"), QSettings.IniFormat)
    return QSettings("Cadenza", "Cadenza")
