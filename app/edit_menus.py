"""Edit, Notes, View and Help menus: every editing action with its DAW-standard shortcut.

Note actions (arrows, Delete, Ctrl+D, Q...) are scoped to the roll editor: they
work while the focus is in the roll or its lanes, so an arrow key in the track
list's role box or a slider moves that control, not the selected notes. Undo,
redo, zoom and the help stay window-wide.
"""
from __future__ import annotations

import re
from typing import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtCore import QCoreApplication, QObject, Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget

from app.dialogs import QuantizeDialog, ShortcutsDialog
from app.i18n import fill
from app.note_actions import NoteActions
from app.roll.editor import RollEditor
from app.session import Session

translate = QCoreApplication.translate

ZOOM_STEP = 1.25
# Mouse gestures listed after the actions in the shortcut list: (what, how), both shown translated.
GESTURES = (
    (QT_TRANSLATE_NOOP("EditMenus", "Draw (drag sets length)"), QT_TRANSLATE_NOOP("EditMenus", "drag")),
    (QT_TRANSLATE_NOOP("EditMenus", "Copy notes"), QT_TRANSLATE_NOOP("EditMenus", "Alt+drag")),
    (QT_TRANSLATE_NOOP("EditMenus", "Place without snap"), QT_TRANSLATE_NOOP("EditMenus", "Ctrl+drag")),
    (QT_TRANSLATE_NOOP("EditMenus", "Add to selection"), QT_TRANSLATE_NOOP("EditMenus", "Shift+click")),
    (QT_TRANSLATE_NOOP("EditMenus", "Zoom time"), QT_TRANSLATE_NOOP("EditMenus", "Ctrl+wheel")),
    (QT_TRANSLATE_NOOP("EditMenus", "Zoom pitch"), QT_TRANSLATE_NOOP("EditMenus", "Ctrl+Shift+wheel")),
    (QT_TRANSLATE_NOOP("EditMenus", "Scroll sideways"), QT_TRANSLATE_NOOP("EditMenus", "Shift+wheel")),
)


def menu_label(text: str) -> str:
    """A menu item's text without its accelerator ("&Save" and "保存(&S)" read "Save", "保存") or its "…"."""
    return re.sub(r"\(&\w\)|&(?=\w)", "", text).rstrip("…").strip()


def undo_actions(window: QMainWindow, stack) -> tuple[QAction, QAction]:
    """Undo and Redo whose text names the step ("Undo Quantize") as one translatable sentence each.

    QUndoStack's own prefix would glue the translated "Undo" to the step's name; here the whole
    line, mnemonic included, is one string a translator can reorder."""
    undo = QAction(translate("EditMenus", "&Undo"), window)
    redo = QAction(translate("EditMenus", "&Redo"), window)
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: undo.setText(
        fill(translate("EditMenus", "&Undo %1"), text) if text else translate("EditMenus", "&Undo")))
    stack.redoTextChanged.connect(lambda text: redo.setText(
        fill(translate("EditMenus", "&Redo %1"), text) if text else translate("EditMenus", "&Redo")))
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    return undo, redo


def add_action(window: QMainWindow, menu: QMenu, text: str, slot: Callable[[], object],
               shortcut: str | QKeySequence | list | None = None, scope: QWidget | None = None) -> QAction:
    """A menu item whose shortcut works in the whole window, or only while the focus is in `scope`."""
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(shortcut)
    action.triggered.connect(lambda checked=False: slot())
    menu.addAction(action)
    if scope is None:
        window.addAction(action)  # shortcuts work even with the menu bar hidden
    else:
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        scope.addAction(action)
    return action


class EditMenus(QObject):
    def __init__(self, window: QMainWindow, session: Session, editor: RollEditor, notes: NoteActions) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.editor = editor
        self.notes = notes
        bar = window.menuBar()
        self.edit = bar.addMenu(self.tr("&Edit"))
        undo, redo = undo_actions(window, session.undo_stack)
        undo.setShortcut(QKeySequence.Undo)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            self.edit.addAction(action)
            window.addAction(action)
        self.edit.addSeparator()
        add_action(window, self.edit, self.tr("Cu&t"), notes.cut, QKeySequence.Cut, scope=editor)
        add_action(window, self.edit, self.tr("&Copy"), notes.copy, QKeySequence.Copy, scope=editor)
        add_action(window, self.edit, self.tr("&Paste at playhead"), notes.paste, QKeySequence.Paste, scope=editor)
        add_action(window, self.edit, self.tr("&Duplicate"), notes.duplicate, "Ctrl+D", scope=editor)
        add_action(window, self.edit, self.tr("De&lete"), notes.delete,
                   [QKeySequence.Delete, QKeySequence("Backspace")], scope=editor)
        add_action(window, self.edit, self.tr("Select &all"), session.select_all, QKeySequence.SelectAll, scope=editor)
        add_action(window, self.edit, self.tr("Select &none"), lambda: session.set_selection(()), "Escape",
                   scope=editor)

        self.notes_menu = bar.addMenu(self.tr("&Notes"))
        menu = self.notes_menu
        add_action(window, menu, self.tr("Nudge left"), lambda: notes.nudge(-1), "Left", scope=editor)
        add_action(window, menu, self.tr("Nudge right"), lambda: notes.nudge(1), "Right", scope=editor)
        add_action(window, menu, self.tr("Nudge left a bar"), lambda: notes.nudge(-1, bar=True), "Shift+Left",
                   scope=editor)
        add_action(window, menu, self.tr("Nudge right a bar"), lambda: notes.nudge(1, bar=True), "Shift+Right",
                   scope=editor)
        add_action(window, menu, self.tr("Transpose up"), lambda: notes.transpose(1), "Up", scope=editor)
        add_action(window, menu, self.tr("Transpose down"), lambda: notes.transpose(-1), "Down", scope=editor)
        add_action(window, menu, self.tr("Octave up"), lambda: notes.transpose(1, octave=True), "Shift+Up",
                   scope=editor)
        add_action(window, menu, self.tr("Octave down"), lambda: notes.transpose(-1, octave=True), "Shift+Down",
                   scope=editor)
        menu.addSeparator()
        add_action(window, menu, self.tr("&Quantize…"), self.quantize_dialog, "Q", scope=editor)
        add_action(window, menu, self.tr("&Humanize"), notes.humanize, "H", scope=editor)
        add_action(window, menu, self.tr("&Legato"), notes.legato, "L", scope=editor)
        add_action(window, menu, self.tr("Velocity +10%"), lambda: notes.scale_velocity(1.1), scope=editor)
        add_action(window, menu, self.tr("Velocity −10%"), lambda: notes.scale_velocity(0.9), scope=editor)

        self.view = bar.addMenu(self.tr("&View"))
        add_action(window, self.view, self.tr("Zoom in (time)"), lambda: editor.zoom_time(ZOOM_STEP),
                   ["Ctrl+=", "Ctrl++"])
        add_action(window, self.view, self.tr("Zoom out (time)"), lambda: editor.zoom_time(1 / ZOOM_STEP), "Ctrl+-")
        add_action(window, self.view, self.tr("Zoom in (pitch)"), lambda: editor.zoom_pitch(ZOOM_STEP), "Ctrl+Up")
        add_action(window, self.view, self.tr("Zoom out (pitch)"), lambda: editor.zoom_pitch(1 / ZOOM_STEP),
                   "Ctrl+Down")
        add_action(window, self.view, self.tr("Show the track's notes"), editor.show_notes, "F")
        self.help = bar.addMenu(self.tr("&Help"))
        add_action(window, self.help, self.tr("Keyboard &shortcuts…"), self.shortcuts_dialog, "F1")

    def quantize_dialog(self) -> bool:
        if not self.session.selection:
            self.session.message.emit(self.tr("Quantize: select some notes first"))
            return False
        dialog = QuantizeDialog(self.editor.roll.snap, self.window)
        if dialog.exec() != QDialog.Accepted:
            return False
        return self.notes.quantize(**dialog.settings(self.session.song.ticks_per_quarter))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        for action in self.window.actions() + self.editor.actions():
            keys = ", ".join(s.toString(QKeySequence.NativeText) for s in action.shortcuts())
            if keys:
                rows.append((menu_label(action.text()), keys))
        rows += [(self.tr(what), self.tr(how)) for what, how in GESTURES]
        return rows

    def shortcuts_dialog(self) -> None:
        ShortcutsDialog(self.shortcut_rows(), self.window).exec()
