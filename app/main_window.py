"""The main window: track list and roll editor side by side, toolbars, menus, undo history, status bar.

It only assembles parts and wires them together; each part (session, editor,
track list, menus, transport, files) lives in its own module and can be tested
on its own.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QUndoView, QWidget

from app.edit_menus import EditMenus
from app.edit_toolbar import EditToolBar
from app.note_actions import NoteActions
from app.roll.editor import RollEditor
from app.roll.options import EditorOptions
from app.session import Session
from app.tracks.track_list import TrackList
from engine.song import Song

WINDOW_SIZE = (1600, 1000)


class MainWindow(QMainWindow):
    def __init__(self, song: Song | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cadenza")
        self.resize(*WINDOW_SIZE)
        self.session = Session(song, self)
        self.options = EditorOptions(self)
        self.editor = RollEditor(self.session, self.options)
        self.track_list = TrackList(self.session)
        self.note_actions = NoteActions(self.session, self.options)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.track_list)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.edit_toolbar = EditToolBar(self.session, self.options, self.editor.roll, self)
        self.addToolBar(self.edit_toolbar)
        self.menus = EditMenus(self, self.session, self.editor, self.note_actions)
        self._add_history_dock()
        self.status_message = QLabel()
        self.statusBar().addPermanentWidget(self.status_message)
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.session.selectionChanged.connect(self._show_counts)
        self.session.songChanged.connect(lambda *_: self._show_counts())
        self._show_counts()
        self.editor.roll.setFocus()

    def _add_history_dock(self) -> None:
        self.history = QUndoView(self.session.undo_stack)
        self.history.setEmptyLabel("<opened>")
        dock = QDockWidget("History", self)
        dock.setObjectName("HistoryDock")
        dock.setWidget(self.history)
        dock.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable)
        self.addDockWidget(Qt.RightDockWidgetArea, dock)
        dock.setMinimumWidth(180)
        self.history_dock = dock
        self.menus.view.addAction(dock.toggleViewAction())

    def _show_counts(self) -> None:
        song = self.session.song
        selected = len(self.session.selection)
        text = f"{len(song.tracks)} tracks · {song.note_count} notes"
        if selected:
            text += f" · {selected} selected"
        self.status_message.setText(text)

    def start(self, path: str | None) -> None:
        """Open `path` from the command line (files arrive with the file controller)."""
