"""File handling for the window: new, open, save, import/export, recent files, autosave and recovery.

All reading and writing is engine.files / engine.project; this controller adds
the user's side: dialogs, the unsaved-changes question, the document's path and
title, and the recovery offer. A file that fails to open shows its one-line
reason and leaves the current song exactly as it was (the song is only
replaced after the whole file has been read).

`ask` and `choose_path` are the only ways it talks to the user; with
`interactive` off (screenshot mode) errors go to stderr and questions take
their safe default, so a batch run can never hang on a dialog.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.dialogs import ask
from app.roll.options import EditorOptions
from app.roll.snap import snap_for_ticks
from app.session import Session
from engine.errors import CadenzaError
from engine.files import MIDI_SUFFIXES, check_save_type, load_song_file, save_song_file
from engine.project import PROJECT_SUFFIX, Locks, LoopRegion, Project, ProjectState, RecoveryStore
from engine.song import Song
from engine.track import Track, TrackRole

AUTOSAVE_MS = 30_000
MAX_RECENT = 8
OPEN_FILTER = "Songs (*.cadenza *.mid *.midi *.kar);;Cadenza projects (*.cadenza);;MIDI files (*.mid *.midi *.kar)"


def new_song() -> Song:
    """What File > New gives: one piano track to draw into."""
    return Song(tracks=(Track(id=1, name="Piano", role=TrackRole.MELODY, program=0, channel=0),))


def settings() -> QSettings:
    """User settings; under $CADENZA_HOME when set (tests, portable installs), else Qt's usual place."""
    home = os.environ.get("CADENZA_HOME")
    if home:
        return QSettings(str(Path(home) / "settings.ini"), QSettings.IniFormat)
    return QSettings("Cadenza", "Cadenza")


def _reason(path: str, error: Exception) -> str:
    if isinstance(error, CadenzaError):
        return str(error)
    return f"{path}: {getattr(error, 'strerror', None) or error}"


class FileController(QObject):
    pathChanged = Signal()
    recentChanged = Signal()
    projectShown = Signal(object)  # the Project just opened, recovered or started (its takes go to the composer)

    def __init__(self, window: QWidget, session: Session, options: EditorOptions,
                 recovery: RecoveryStore | None = None, interactive: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.options = options
        self.path: str | None = None
        self.interactive = interactive
        self.recovery = recovery or RecoveryStore()
        self._autosaved_revision = session.document.revision
        self._recovery_entry = None
        self.takes_source = list  # () -> the JSON-able AI takes saved with the project
        self.locks_source = Locks  # () -> the tracks and notes locked against AI proposals
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        session.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        self.pathChanged.emit()

    # --- talking to the user ------------------------------------------------------------
    def ask(self, icon, title: str, text: str, buttons=QMessageBox.Ok, default=QMessageBox.NoButton):
        if not self.interactive:
            print(f"cadenza-app: {text}", file=sys.stderr)
            return default if default != QMessageBox.NoButton else QMessageBox.No
        return ask(self.window, icon, title, text, buttons, default)

    def choose_path(self, title: str, save: bool, file_filter: str, suggested: str = "") -> str | None:
        if not self.interactive:
            return None
        dialog = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        path, _ = dialog(self.window, title, suggested, file_filter)
        return path or None

    @property
    def dirty(self) -> bool:
        return not self.session.undo_stack.isClean()

    @property
    def title(self) -> str:
        name = Path(self.path).name if self.path else "Untitled"
        return f"{name}{' •' if self.dirty else ''} — Cadenza"

    # --- the project on disk ---------------------------------------------------------
    def project(self) -> Project:
        """The song plus the editor state a .cadenza file keeps."""
        loop = self.options.loop
        state = ProjectState(
            loop=LoopRegion(loop[0], loop[1], self.options.loop_enabled) if loop else None,
            selected_track_id=self.session.current_track_id,
            snap_ticks=self.options.snap.step(self.session.song.ticks_per_quarter) if self.options.snap.enabled else 0,
            takes=self.takes_source(), locks=self.locks_source())
        return Project(song=self.session.song, state=state)

    def _show_project(self, project: Project, path: str | None, saved_state: bool = True) -> None:
        """Show `project`; `saved_state` False (new songs, MIDI files) keeps the user's snap grid."""
        self.session.replace_song(project.song)
        state = project.state
        snap = snap_for_ticks(state.snap_ticks, project.song.ticks_per_quarter) if saved_state else None
        snap = snap or self.options.snap
        self.options.set(loop=(state.loop.start, state.loop.end) if state.loop else None,
                         loop_enabled=bool(state.loop and state.loop.enabled), snap=snap)
        self.options.set_playhead(0)
        if state.selected_track_id is not None and any(t.id == state.selected_track_id for t in project.song.tracks):
            self.session.set_current_track(state.selected_track_id)
        self.path = path
        self._autosaved_revision = self.session.document.revision
        self.projectShown.emit(project)
        self.pathChanged.emit()

    def start(self, path: str | None) -> None:
        """Start-up: the file from the command line (or an empty song), then any recovery, then autosave."""
        if path is None or not self.open_file(path, confirm=False):
            self._show_project(Project(song=new_song()), None, saved_state=False)
        self.offer_recovery()
        self.autosave_timer.start()

    def confirm_discard(self) -> bool:
        """Before the song is replaced or the window closes: save, discard or cancel unsaved changes."""
        if not self.dirty:
            return True
        answer = self.ask(QMessageBox.Question, "Unsaved changes", f"Save the changes to {self.title.split(' •')[0]}?",
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def new(self) -> bool:
        if not self.confirm_discard():
            return False
        self._show_project(Project(song=new_song()), None, saved_state=False)
        self._forget_recovery()
        return True

    def open_file(self, path: str | None = None, confirm: bool = True) -> bool:
        """Open a project or MIDI file; on failure show why and keep the current song."""
        if confirm and not self.confirm_discard():
            return False
        path = path or self.choose_path("Open", False, OPEN_FILTER)
        if not path:
            return False
        try:
            project = load_song_file(path)
        except (CadenzaError, OSError) as error:
            self.ask(QMessageBox.Warning, "Cannot open file", _reason(path, error))
            return False
        is_project = Path(path).suffix.lower() == PROJECT_SUFFIX
        self._show_project(project, path if is_project else None, saved_state=is_project)
        self._forget_recovery()
        self.add_recent(path)
        if Path(path).suffix.lower() in MIDI_SUFFIXES:
            self.session.message.emit(f"Opened {Path(path).name}: save it as a Cadenza project to keep the editor state")
        return True

    def save(self) -> bool:
        return self.save_as(self.path) if self.path else self.save_as()

    def save_as(self, path: str | None = None) -> bool:
        path = path or self.choose_path("Save project", True, f"Cadenza project (*{PROJECT_SUFFIX})", "untitled.cadenza")
        if not path:
            return False
        if not Path(path).suffix:
            path += PROJECT_SUFFIX
        if not self._write(path):
            return False
        if Path(path).suffix.lower() == PROJECT_SUFFIX:
            self.path = path
            self.session.undo_stack.setClean()
            self._forget_recovery()
            self.add_recent(path)
            self.pathChanged.emit()
        return True

    def export(self, kind: str, path: str | None = None) -> bool:
        """Export MIDI or MusicXML; the document keeps its own path and unsaved state."""
        filters = {"midi": "MIDI file (*.mid)", "musicxml": "MusicXML (*.musicxml *.xml)"}
        suffix = {"midi": ".mid", "musicxml": ".musicxml"}[kind]
        path = path or self.choose_path(f"Export {kind.upper()}", True, filters[kind], self.suggested_path(suffix))
        return bool(path) and self._write(path)

    def _write(self, path: str) -> bool:
        try:
            check_save_type(path)
            notes = save_song_file(self.project(), path)
        except (CadenzaError, OSError) as error:
            self.ask(QMessageBox.Warning, "Cannot save file", _reason(path, error))
            return False
        self.session.message.emit("; ".join([f"Saved {Path(path).name}"] + notes))
        return True

    def suggested_path(self, suffix: str) -> str:
        return str(Path(self.path).with_suffix(suffix)) if self.path else f"untitled{suffix}"

    def import_midi(self, path: str | None = None) -> bool:
        """Add the tracks of a MIDI file to this song (one undo step), rescaled to this song's resolution."""
        from app.midi_import import import_tracks_edit

        path = path or self.choose_path("Import MIDI", False, "MIDI files (*.mid *.midi *.kar)")
        if not path:
            return False
        try:
            other = load_song_file(path).song
        except (CadenzaError, OSError) as error:
            self.ask(QMessageBox.Warning, "Cannot import file", _reason(path, error))
            return False
        edit = import_tracks_edit(self.session.song, other, Path(path).stem)
        return edit is not None and self.session.push(edit)

    # --- recent files --------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = settings().value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        paths = [path] + [p for p in self.recent() if p != path]
        settings().setValue("recent", paths[:MAX_RECENT])
        self.recentChanged.emit()

    # --- autosave and recovery -------------------------------------------------------------
    def autosave(self) -> bool:
        """Write the recovery file if anything changed since the last one (every 30 s)."""
        revision = self.session.document.revision
        if not self.dirty or revision == self._autosaved_revision:
            return False
        try:
            self._recovery_entry = self.recovery.autosave(self.project(), self.path)
        except (CadenzaError, OSError) as error:
            self.session.message.emit(f"Autosave failed: {_reason('recovery file', error)}")
            return False
        self._autosaved_revision = revision
        return True

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest autosave left behind; the others are kept for later."""
        pending = self.recovery.pending()
        if not pending:
            return False
        entry = pending[0]
        source = Path(entry.source_path).name if entry.source_path else "an untitled song"
        answer = self.ask(QMessageBox.Question, "Recover unsaved work",
                          f"Cadenza did not close properly. Recover the unsaved changes to {source}?",
                          QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer != QMessageBox.Yes:
            if self.interactive:
                self.recovery.discard(entry)
            return False
        try:
            project = self.recovery.load(entry)
        except (CadenzaError, OSError) as error:
            self.ask(QMessageBox.Warning, "Cannot recover", _reason(str(entry.project_path), error))
            return False
        source_is_project = bool(entry.source_path and entry.source_path.endswith(PROJECT_SUFFIX))
        self._show_project(project, entry.source_path if source_is_project else None)
        self.session.undo_stack.resetClean()  # recovered work is unsaved until the user saves it
        self.recovery.discard(entry)
        self.autosave()
        return True

    def _forget_recovery(self) -> None:
        if self._recovery_entry is not None:
            self.recovery.discard(self._recovery_entry)
            self._recovery_entry = None

    def close(self) -> None:
        """A clean close: stop autosaving and remove this session's recovery file."""
        self.autosave_timer.stop()
        self._forget_recovery()
