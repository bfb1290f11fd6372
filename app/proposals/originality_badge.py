"""Originality in the editor: a take's badge and hover details, and the reference folder proposals are checked against.

The figures come with the take (`Take.stats["originality"]`, made by
composer.originality.proposal on the proposal's worker thread, so the UI
thread only formats them): the closest match of each track (and of the chord
lane) against the model's training index and, when the user chose one, a
folder of their own songs. The badge says "original", or "close to <source>
#<piece>: N notes" for the closest match at or over its threshold (a number
measured on held-out real songs, docs/ORIGINALITY.md). A take made without an
index (a model of one's own with no index built for it) has no badge.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QWidget

from app.dialogs import show_error
from app.i18n import fill
from app.settings import settings as user_settings

CLOSE_COLOUR = QColor("#ffb347")
REFERENCE_SETTING = "originality/reference_folder"


def _tr(text: str) -> str:
    return QCoreApplication.translate("OriginalityBadge", text)


def figures(stats: dict) -> list[dict]:
    """The take's closeness figures, closest first ([] when it was made without an index)."""
    found = stats.get("originality") if isinstance(stats, dict) else None
    return [c for c in found if isinstance(c, dict) and "longest_match_notes" in c] if isinstance(found, list) else []


def is_close(stats: dict) -> bool:
    return any(c.get("close") for c in figures(stats))


def _amount(found: dict) -> str:
    count = int(found["longest_match_notes"])
    return fill(_tr("%1 chords") if found.get("kind") == "chords" else _tr("%1 notes"), count)


def _where(found: dict) -> str:
    return f"{found.get('source')} #{found.get('piece')}" if found.get("piece") else str(found.get("source"))


def badge_text(stats: dict) -> str:
    """"original", "close to pop909 #017: 9 notes", or "" when the take has no figures."""
    found = figures(stats)
    if not found:
        return ""
    closest = found[0]
    if not closest.get("close"):
        return _tr("original")
    return fill(_tr("close to %1: %2"), _where(closest), _amount(closest))


def details(stats: dict) -> str:
    """The hover text: every track's longest shared run, where it is from, and the threshold."""
    lines = []
    for found in figures(stats):
        track = _tr("chord lane") if found.get("kind") == "chords" else found.get("track", "")
        if not found["longest_match_notes"]:
            text = fill(_tr("%1: no run of the index's length found"), track)
        else:
            text = fill(_tr("%1: %2 in a row as in %3 (close from %4)"), track, _amount(found), _where(found),
                        found.get("threshold"))
        lines.append(("⚠ " if found.get("close") else "") + text)
    return "\n".join(lines)


def reference_folder() -> str | None:
    """The folder of the user's own songs that proposals are also checked against (None: not chosen)."""
    value = user_settings().value(REFERENCE_SETTING, "", type=str)
    return value or None


def choose_reference_folder(parent: QWidget) -> str | None:
    """Ask for the reference folder (Cancel keeps the old one); returns the folder now."""
    start = reference_folder() or str(Path.home())
    chosen = QFileDialog.getExistingDirectory(parent, _tr("Originality reference folder"), start)
    if chosen:
        set_reference_folder(parent, chosen)
    return reference_folder()


def set_reference_folder(parent: QWidget, folder: str) -> bool:
    """Make `folder` the reference folder when it holds songs; otherwise say why in a message box (one line
    naming the folder) and keep the old one."""
    from composer.originality.index import OriginalityError   # torch-free: numpy and the engine only
    from composer.originality.reference import song_files

    try:
        count = len(song_files(Path(folder)))
    except OriginalityError as error:
        show_error(parent, _tr("Originality reference folder"), str(error))
        return False
    user_settings().setValue(REFERENCE_SETTING, folder)
    return count > 0


def clear_reference_folder() -> None:
    user_settings().setValue(REFERENCE_SETTING, "")
