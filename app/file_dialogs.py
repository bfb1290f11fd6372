"""Where file dialogs start: the folder last used, else the user's Music folder, else Documents, else home.

A dialog given a bare file name ("untitled.cadenza") starts in the process's
working directory, which for an app started from a menu or a terminal is an
arbitrary place (often the install folder). Every Open, Save As and Export
therefore starts in the folder the user last chose a file in (kept in the
settings as `files/last_folder`), or, the first time, in their Music folder
(Documents, then home, where there is none).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from app.settings import settings

LAST_FOLDER_KEY = "files/last_folder"


def start_folder() -> Path:
    """The folder a file dialog opens in (see the module docstring)."""
    last = settings().value(LAST_FOLDER_KEY, "")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    for location in (QStandardPaths.MusicLocation, QStandardPaths.DocumentsLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def start_path(suggested: str = "") -> str:
    """`suggested` (a file name, or a path) placed in `start_folder()` unless it already names a folder."""
    if suggested and Path(suggested).is_absolute() and Path(suggested).parent.is_dir():
        return suggested
    folder = start_folder()
    return str(folder / Path(suggested).name) if suggested else str(folder)


def remember_folder(chosen: str) -> None:
    """The next dialog starts where this file was chosen."""
    store = settings()
    store.setValue(LAST_FOLDER_KEY, str(Path(chosen).resolve().parent))
    store.sync()
