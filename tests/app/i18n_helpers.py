"""What a window shows in words, and which of those words are still English.

`shown_texts` walks a widget tree the way a user reads it: labels, buttons,
check boxes, combo items, spin box suffixes, table and list cells, tooltips,
window and dock titles, and every menu and sub-menu action (text, tooltip,
status tip). Text a user typed (line edits' contents) is not the interface's
and is left out; track names are the user's data too, so the zh_CN tests give
their song Chinese names.

`english_words` is the check: every Latin-letter word in a text must be in
ALLOWED (what Chinese musicians and software write in Latin letters too: MIDI,
BPM, key names, units, file types) or read as a note name or chord symbol.
"""
from __future__ import annotations

import re

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QDockWidget, QGroupBox, QLabel,
                               QLineEdit, QListWidget, QMenu, QMenuBar, QProgressDialog, QSpinBox, QDoubleSpinBox,
                               QTableWidget, QToolBar, QWidget)

ALLOWED = frozenset(w.lower() for w in (
    # names of standards, formats, products and units, written this way in Chinese software as well
    "MIDI", "BPM", "GM", "FluidSynth", "Cadenza", "MusicXML", "WAV", "FLAC", "dB", "dBFS", "ms", "CC", "AI",
    "mid", "midi", "kar", "smf", "cadenza", "musicxml", "xml", "mxl", "wav", "flac", "sf2", "sf3",
    # key names on the keyboard
    "Ctrl", "Shift", "Alt", "Meta", "Home", "End", "Space", "Esc", "Escape", "Backspace", "Del", "Delete", "Ins",
    "Up", "Down", "Left", "Right", "Return", "Enter", "Tab", "PgUp", "PgDown", "F1",
))
# A note name ("C4", "F#3", "Bb") or a chord symbol ("Am7", "F/C", "Gsus4", "Cmaj7", "Bdim", "C7b9").
CHORD = re.compile(r"^[A-G][#b♯♭]?(m|maj|min|dim|aug|sus|add|M|ø|°)*\d*([#b♯♭]?\d+)*(sus\d?|add\d+)?"
                   r"(/[A-G][#b♯♭]?)?-?\d*$")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9#♯♭/]*")


def english_words(text: str) -> list[str]:
    """The words of `text` that are English (not allowed, not a note or chord, longer than one letter)."""
    found = []
    for word in WORD.findall(text):
        word = word.rstrip("/")
        letters = re.sub(r"[^A-Za-z]", "", word)
        if len(letters) <= 1 or word.lower() in ALLOWED or CHORD.match(word):
            continue
        if all(part.lower() in ALLOWED or CHORD.match(part) or len(part) <= 1 for part in word.split("/")):
            continue
        found.append(word)
    return found


def _action_texts(action: QAction, where: str, seen: set) -> list[tuple[str, str]]:
    out = [(f"{where} › action", action.text()), (f"{where} › {action.text()} tooltip", action.toolTip()),
           (f"{where} › {action.text()} status tip", action.statusTip()),
           (f"{where} › {action.text()} icon text", action.iconText())]
    menu = action.menu()
    if menu is not None:
        out += menu_texts(menu, f"{where} › {action.text()}", seen)
    return out


def menu_texts(menu: QMenu, where: str, seen: set | None = None) -> list[tuple[str, str]]:
    """Every action of `menu` and its sub-menus (once each)."""
    seen = set() if seen is None else seen
    if id(menu) in seen:
        return []
    seen.add(id(menu))
    out = [(where, menu.title())]
    for action in menu.actions():
        if not action.isSeparator():
            out += _action_texts(action, where, seen)
    return out


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every piece of interface text under `root` (itself included)."""
    out: list[tuple[str, str]] = [(type(root).__name__ + " title", root.windowTitle())]
    seen: set = set()
    for widget in [root] + root.findChildren(QWidget):
        name = f"{type(widget).__name__}({widget.objectName()})"
        if not isinstance(widget, QMenu):
            out.append((f"{name} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel):
            out.append((name, widget.text()))
        elif isinstance(widget, QAbstractButton):
            out.append((name, widget.text()))
        elif isinstance(widget, QComboBox):
            out += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            out += [(f"{name} suffix", widget.suffix()), (f"{name} prefix", widget.prefix()),
                    (f"{name} special", widget.specialValueText())]
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QAbstractSpinBox):
            out.append((f"{name} placeholder", widget.placeholderText()))
        elif isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                out.append((f"{name} header", header.text() if header else ""))
            out += [(f"{name} cell", widget.item(r, c).text()) for r in range(widget.rowCount())
                    for c in range(widget.columnCount()) if widget.item(r, c) is not None]
        elif isinstance(widget, QListWidget):
            out += [(f"{name} item", widget.item(i).text()) for i in range(widget.count())]
            out += [(f"{name} item tooltip", widget.item(i).toolTip()) for i in range(widget.count())]
        elif isinstance(widget, (QDockWidget, QToolBar)):
            out.append((f"{name} title", widget.windowTitle()))
        elif isinstance(widget, QGroupBox):
            out.append((f"{name} title", widget.title()))
        elif isinstance(widget, QProgressDialog):
            out.append((f"{name} title", widget.windowTitle()))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                out += menu_texts(action.menu(), action.text(), seen) if action.menu() else []
        elif isinstance(widget, QMenu):
            out += menu_texts(widget, widget.title(), seen)
        if isinstance(widget, (QToolBar, QAbstractButton)) or type(widget) is QWidget:
            for action in widget.actions():
                if not action.isSeparator():
                    out += _action_texts(action, name, seen)
    return [(where, text) for where, text in out if text]


def english_in(root: QWidget) -> list[str]:
    """'where: text' for each interface text under `root` with an English word left in it."""
    return [f"{where}: {text!r} ({', '.join(english_words(text))})" for where, text in shown_texts(root)
            if english_words(text)]


def clipped(root: QWidget) -> list[str]:
    """Visible labels, buttons and boxes narrower than their text needs (size hint), under `root`.

    Widgets a layout is allowed to squeeze (Ignored size policy, word-wrapped labels, elided list rows)
    are left out: they are built to shorten."""
    from PySide6.QtWidgets import QSizePolicy

    out = []
    for widget in [root] + root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QLabel, QAbstractButton, QComboBox, QAbstractSpinBox)):
            continue
        if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Ignored:
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        hint = widget.sizeHint()
        if widget.width() < hint.width() or widget.height() < min(hint.height(), widget.maximumHeight()):
            text = widget.text() if hasattr(widget, "text") else getattr(widget, "currentText", lambda: "")()
            out.append(f"{type(widget).__name__} {text!r}: {widget.width()}x{widget.height()} "
                       f"< hint {hint.width()}x{hint.height()}")
    return out
