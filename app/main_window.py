"""The main window: track list and roll editor side by side, toolbars, menus, undo history, status bar.

It only assembles parts and wires them together; each part (session, editor,
track list, menus, transport, files) lives in its own module and can be tested
on its own.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QUndoView, QWidget

from app.edit_menus import EditMenus, add_action
from app.edit_toolbar import EditToolBar
from app.file_menu import FileMenu
from app.midi_input.midi_input import MidiInput
from app.mix_settings import install_mix
from app.files import FileController
from app.i18n.language_menu import LanguageMenu
from app.note_actions import NoteActions
from app.proposals.install import install_proposals
from app.roll.editor import RollEditor
from app.roll.options import EditorOptions
from app.session import Session
from app.tracks.track_list import TrackList
from app.transport import Transport, default_player, name_in_words
from app.transport_bar import TransportBar
from app.undo_keys import pass_undo_to_window
from app.video.install import install_video
from engine.project import RecoveryStore
from engine.song import Song

WINDOW_SIZE = (1600, 1000)


class MainWindow(QMainWindow):
    def __init__(self, song: Song | None = None, *, interactive: bool = True,
                 player_factory: Callable[[], object] | None = default_player,
                 recovery: RecoveryStore | None = None, midi_backend: Callable[[], object] | None = None,
                 midi_poll_seconds: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(*WINDOW_SIZE)
        self.session = Session(song, self)
        self.options = EditorOptions(self)
        self.editor = RollEditor(self.session, self.options)
        self.track_list = TrackList(self.session)
        self.note_actions = NoteActions(self.session, self.options, self)
        self.transport = Transport(self.session, self.options, player_factory, self)
        self.files = FileController(self, self.session, self.options, recovery, interactive)
        self.files.view_source = self.editor.view.state
        self.files.projectShown.connect(lambda project: self.editor.view.restore(project.state.view,
                                                                                 self.editor.roll.height()))
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.track_list)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.transport_bar = TransportBar(self.session, self.transport, self)
        self.addToolBar(self.transport_bar)
        self.addToolBarBreak()
        self.edit_toolbar = EditToolBar(self.session, self.options, self.editor.roll, self.editor, self)
        self.addToolBar(self.edit_toolbar)
        self.menus = EditMenus(self, self.session, self.editor, self.note_actions)
        self.file_menu = FileMenu(self, self.files)
        self.midi = MidiInput(self, self.session, self.options, self.transport, self.transport_bar, self.editor.roll,
                              midi_backend, midi_poll_seconds)
        self.addToolBar(self.midi.toolbar)
        self._add_song_menu()
        self._add_history_dock()
        self.compose = install_proposals(self)
        self.proposals = self.compose.controller
        self.video = install_video(self)
        self.mix = install_mix(self)
        self._add_status_bar()
        self.editor.roll.auditioned.connect(self.transport.audition)
        self.editor.keyboard.pressed.connect(self.transport.audition)
        self.files.pathChanged.connect(self._show_title)
        self._show_title()
        self.editor.roll.setFocus()

    def _show_title(self) -> None:
        self.setWindowTitle(self.files.title)

    def _add_song_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Transport"))
        self.transport_menu = menu
        self.menuBar().insertMenu(self.menus.help.menuAction(), menu)
        bar = self.transport_bar
        name_in_words(bar)  # the menu says what each does; the toolbar keeps its glyphs
        pass_undo_to_window(bar.tempo, bar.numerator)  # Ctrl+Z undoes the song's change from these boxes too
        for action in (bar.play, bar.home, bar.loop, bar.metronome):
            menu.addAction(action)
        menu.addSeparator()
        add_action(self, menu, self.tr("Insert tempo change at playhead"), bar.insert_tempo_change)
        add_action(self, menu, self.tr("Insert meter change at playhead"), bar.insert_meter_change)
        menu.addSeparator()   # timecode, markers and hit points (app/roll/marker_lane.py, app/fit_tempo_dialog.py)
        markers = self.editor.marker_lane
        add_action(self, menu, self.tr("Timecode (frame rate, start offset)…"), bar.edit_timecode)
        add_action(self, menu, self.tr("Add marker at playhead"), markers.add_marker_at_playhead, "M")
        add_action(self, menu, self.tr("Add hit point at playhead"), markers.add_hit_at_playhead, "Shift+M")
        add_action(self, menu, self.tr("Add hit point at timecode…"), markers.add_hit_at_timecode)
        add_action(self, menu, self.tr("Fit tempo to hits…"), self.fit_tempo_to_hits)
        markers.fitRequested.connect(self.fit_tempo_to_hits)

    def fit_tempo_to_hits(self) -> None:
        from app.fit_tempo_dialog import FitTempoDialog
        FitTempoDialog(self.session, self).exec()

    def _add_history_dock(self) -> None:
        self.history = QUndoView(self.session.undo_stack)
        self.history.setEmptyLabel(self.tr("<opened>"))
        dock = QDockWidget(self.tr("History"), self)
        dock.setObjectName("HistoryDock")
        dock.setWidget(self.history)
        dock.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable)
        self.addDockWidget(Qt.RightDockWidgetArea, dock)
        dock.setMinimumWidth(160)
        self.resizeDocks([dock], [190], Qt.Horizontal)
        self.history_dock = dock
        self.menus.view.addAction(dock.toggleViewAction())
        self.menus.view.addSeparator()
        self.language_menu = LanguageMenu(self.menus.view, self.session.message)

    def _add_status_bar(self) -> None:
        self.counts = QLabel()
        self.audio_status = QLabel()
        self.audio_status.setStyleSheet("color: #e5a93d; padding-right: 8px;")
        self.statusBar().addPermanentWidget(self.midi.status)
        self.statusBar().addPermanentWidget(self.audio_status)
        self.statusBar().addPermanentWidget(self.counts)
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.session.selectionChanged.connect(self._show_counts)
        self.session.songChanged.connect(lambda *_: self._show_counts())
        self.transport.statusChanged.connect(self._show_audio_status)
        self._show_counts()

    def _show_audio_status(self, text: str) -> None:
        """'No audio output' stays visible (the full reason, from the engine, is the tooltip)."""
        self.audio_status.setText(self.tr("No audio output") if text else "")
        self.audio_status.setToolTip(text)

    def _show_counts(self) -> None:
        song = self.session.song
        selected = len(self.session.selection)
        tracks = len(song.tracks)
        parts = [self.tr("%n track(s)", "", tracks), self.tr("%n note(s)", "", song.note_count)]
        if selected:
            parts.append(self.tr("%n selected", "notes", selected))
        self.counts.setText(" · ".join(parts))

    def start(self, path: str | None) -> None:
        """Open the command line's file (or an empty song), offer recovery, then start audio and MIDI."""
        self.files.start(path)
        self.editor.show_notes()
        QTimer.singleShot(0, lambda: self.transport.player)
        QTimer.singleShot(0, self.midi.start)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.midi.finish_take()
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.proposals.shutdown()
        self.video.close()
        self.midi.close()
        self.transport.close()
        self.files.close()
        event.accept()
