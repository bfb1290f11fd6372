"""Edit, Notes, View and Help menus: every editing action with its DAW-standard shortcut.

Note actions (arrows, Delete, Ctrl+D, Q...) are scoped to the roll editor: they
work while the focus is in the roll or its lanes, so an arrow key in the track
list's role box or a slider moves that control, not the selected notes. Undo,
redo, zoom and the help stay window-wide.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget

from app.dialogs import QuantizeDialog, ShortcutsDialog
from app.note_actions import NoteActions
from app.roll.editor import RollEditor
from app.session import Session

ZOOM_STEP = 1.25


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


class EditMenus:
    def __init__(self, window: QMainWindow, session: Session, editor: RollEditor, notes: NoteActions) -> None:
        self.window = window
        self.session = session
        self.editor = editor
        self.notes = notes
        bar = window.menuBar()
        self.edit = bar.addMenu("&Edit")
        undo = session.undo_stack.createUndoAction(window, "&Undo")
        undo.setShortcut(QKeySequence.Undo)
        redo = session.undo_stack.createRedoAction(window, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            self.edit.addAction(action)
            window.addAction(action)
        self.edit.addSeparator()
        add_action(window, self.edit, "Cu&t", notes.cut, QKeySequence.Cut, scope=editor)
        add_action(window, self.edit, "&Copy", notes.copy, QKeySequence.Copy, scope=editor)
        add_action(window, self.edit, "&Paste at playhead", notes.paste, QKeySequence.Paste, scope=editor)
        add_action(window, self.edit, "&Duplicate", notes.duplicate, "Ctrl+D", scope=editor)
        add_action(window, self.edit, "De&lete", notes.delete, [QKeySequence.Delete, QKeySequence("Backspace")], scope=editor)
        add_action(window, self.edit, "Select &all", session.select_all, QKeySequence.SelectAll, scope=editor)
        add_action(window, self.edit, "Select &none", lambda: session.set_selection(()), "Escape", scope=editor)

        self.notes_menu = bar.addMenu("&Notes")
        menu = self.notes_menu
        add_action(window, menu, "Nudge left", lambda: notes.nudge(-1), "Left", scope=editor)
        add_action(window, menu, "Nudge right", lambda: notes.nudge(1), "Right", scope=editor)
        add_action(window, menu, "Nudge left a bar", lambda: notes.nudge(-1, bar=True), "Shift+Left", scope=editor)
        add_action(window, menu, "Nudge right a bar", lambda: notes.nudge(1, bar=True), "Shift+Right", scope=editor)
        add_action(window, menu, "Transpose up", lambda: notes.transpose(1), "Up", scope=editor)
        add_action(window, menu, "Transpose down", lambda: notes.transpose(-1), "Down", scope=editor)
        add_action(window, menu, "Octave up", lambda: notes.transpose(1, octave=True), "Shift+Up", scope=editor)
        add_action(window, menu, "Octave down", lambda: notes.transpose(-1, octave=True), "Shift+Down", scope=editor)
        menu.addSeparator()
        add_action(window, menu, "&Quantize…", self.quantize_dialog, "Q", scope=editor)
        add_action(window, menu, "&Humanize", notes.humanize, "H", scope=editor)
        add_action(window, menu, "&Legato", notes.legato, "L", scope=editor)
        add_action(window, menu, "Velocity +10%", lambda: notes.scale_velocity(1.1), scope=editor)
        add_action(window, menu, "Velocity −10%", lambda: notes.scale_velocity(0.9), scope=editor)

        self.view = bar.addMenu("&View")
        add_action(window, self.view, "Zoom in (time)", lambda: editor.zoom_time(ZOOM_STEP), ["Ctrl+=", "Ctrl++"])
        add_action(window, self.view, "Zoom out (time)", lambda: editor.zoom_time(1 / ZOOM_STEP), "Ctrl+-")
        add_action(window, self.view, "Zoom in (pitch)", lambda: editor.zoom_pitch(ZOOM_STEP), "Ctrl+Up")
        add_action(window, self.view, "Zoom out (pitch)", lambda: editor.zoom_pitch(1 / ZOOM_STEP), "Ctrl+Down")
        add_action(window, self.view, "Show the track's notes", editor.show_notes, "F")
        self.help = bar.addMenu("&Help")
        add_action(window, self.help, "Keyboard &shortcuts…", self.shortcuts_dialog, "F1")

    def quantize_dialog(self) -> bool:
        if not self.session.selection:
            self.session.message.emit("Quantize: select some notes first")
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
                rows.append((action.text().replace("&", "").rstrip("…"), keys))
        rows += [("Draw (drag sets length)", "drag"), ("Copy notes", "Alt+drag"), ("Place without snap", "Ctrl+drag"),
                 ("Add to selection", "Shift+click"), ("Zoom time", "Ctrl+wheel"), ("Zoom pitch", "Ctrl+Shift+wheel"),
                 ("Scroll sideways", "Shift+wheel")]
        return rows

    def shortcuts_dialog(self) -> None:
        ShortcutsDialog(self.shortcut_rows(), self.window).exec()
