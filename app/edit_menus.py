"""Edit, Notes, View and Help menus: every editing action with its DAW-standard shortcut.

Actions live on the main window (window-wide shortcuts), so the keys work
wherever the focus is except inside a text field, which takes its own keys
first (Qt's shortcut override), so typing a track name never deletes notes.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from app.dialogs import QuantizeDialog, ShortcutsDialog
from app.note_actions import NoteActions
from app.roll.editor import RollEditor
from app.session import Session

ZOOM_STEP = 1.25


def add_action(window: QMainWindow, menu: QMenu, text: str, slot: Callable[[], object],
               shortcut: str | QKeySequence | list | None = None) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(shortcut)
    action.triggered.connect(lambda checked=False: slot())
    menu.addAction(action)
    window.addAction(action)  # shortcuts work even with the menu bar hidden
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
        add_action(window, self.edit, "Cu&t", notes.cut, QKeySequence.Cut)
        add_action(window, self.edit, "&Copy", notes.copy, QKeySequence.Copy)
        add_action(window, self.edit, "&Paste at playhead", notes.paste, QKeySequence.Paste)
        add_action(window, self.edit, "&Duplicate", notes.duplicate, "Ctrl+D")
        add_action(window, self.edit, "De&lete", notes.delete, [QKeySequence.Delete, QKeySequence("Backspace")])
        add_action(window, self.edit, "Select &all", session.select_all, QKeySequence.SelectAll)
        add_action(window, self.edit, "Select &none", lambda: session.set_selection(()), "Escape")

        self.notes_menu = bar.addMenu("&Notes")
        menu = self.notes_menu
        add_action(window, menu, "Nudge left", lambda: notes.nudge(-1), "Left")
        add_action(window, menu, "Nudge right", lambda: notes.nudge(1), "Right")
        add_action(window, menu, "Nudge left a bar", lambda: notes.nudge(-1, bar=True), "Shift+Left")
        add_action(window, menu, "Nudge right a bar", lambda: notes.nudge(1, bar=True), "Shift+Right")
        add_action(window, menu, "Transpose up", lambda: notes.transpose(1), "Up")
        add_action(window, menu, "Transpose down", lambda: notes.transpose(-1), "Down")
        add_action(window, menu, "Octave up", lambda: notes.transpose(1, octave=True), "Shift+Up")
        add_action(window, menu, "Octave down", lambda: notes.transpose(-1, octave=True), "Shift+Down")
        menu.addSeparator()
        add_action(window, menu, "&Quantize…", self.quantize_dialog, "Q")
        add_action(window, menu, "&Humanize", notes.humanize, "H")
        add_action(window, menu, "&Legato", notes.legato, "L")
        add_action(window, menu, "Velocity +10%", lambda: notes.scale_velocity(1.1))
        add_action(window, menu, "Velocity −10%", lambda: notes.scale_velocity(0.9))

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
        for action in self.window.actions():
            keys = ", ".join(s.toString(QKeySequence.NativeText) for s in action.shortcuts())
            if keys:
                rows.append((action.text().replace("&", "").rstrip("…"), keys))
        rows += [("Draw (drag sets length)", "drag"), ("Copy notes", "Alt+drag"), ("Place without snap", "Ctrl+drag"),
                 ("Add to selection", "Shift+click"), ("Zoom time", "Ctrl+wheel"), ("Zoom pitch", "Ctrl+Shift+wheel"),
                 ("Scroll sideways", "Shift+wheel")]
        return rows

    def shortcuts_dialog(self) -> None:
        ShortcutsDialog(self.shortcut_rows(), self.window).exec()
