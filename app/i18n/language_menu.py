"""View › Language: follow the system, English or 简体中文, applied the next time Cadenza starts.

The interface is built once in one language (app.i18n), so a new choice is
stored and the status bar says when it applies; the menu marks the stored
choice, not the language on screen, so it always shows what the next start
will do.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app.i18n import LANGUAGES, SYSTEM, language_preference, set_language_preference


class LanguageMenu(QObject):
    chosen = Signal(str)  # the language code just stored

    def __init__(self, parent_menu: QMenu, message: Signal | None = None) -> None:
        super().__init__(parent_menu)
        self.menu = parent_menu.addMenu(self.tr("&Language"))
        self.menu.setToolTipsVisible(True)
        self.message = message
        group = QActionGroup(self.menu)
        current = language_preference()
        self.actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            shown = QCoreApplication.translate("Language", name) if code == SYSTEM else name
            action = QAction(shown, self.menu, checkable=True, checked=code == current)
            action.setToolTip(self.tr("Applies the next time Cadenza starts"))
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
            group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        self.menu.addSeparator()
        note = self.menu.addAction(self.tr("(applies the next time Cadenza starts)"))
        note.setEnabled(False)

    def choose(self, code: str) -> None:
        set_language_preference(code)
        self.actions[code].setChecked(True)
        if self.message is not None:
            self.message.emit(self.tr("Interface language saved: it applies the next time Cadenza starts"))
        self.chosen.emit(code)
