"""File handling for the window: new, open, save, import/export, recent files, drag and drop, autosave, recovery.

All reading and writing is engine.files / engine.project; this controller adds
the user's side: dialogs, the unsaved-changes question, the document's path and
title, and the recovery offer (app.recovery_offer). A file that fails to open shows its one-line
reason and leaves the current song exactly as it was (the song is only
replaced after the whole file has been read).

MusicXML scores (.musicxml, .xml, .mxl) open like MIDI files (File > Open,
Open recent, a file dropped on the window, the command line), but in the
background with a progress bar (app.score_files holds that one job): a
symphony takes a second or two to read. Their repeats are unfolded unless the user turned that off
(`unfold_repeats`, kept in the settings as `open/unfold_repeats`).

`ask` and `choose_path` are the only ways it talks to the user; with
`interactive` off (screenshot mode) errors go to stderr and questions take
their safe default, so a batch run can never hang on a dialog.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.autosave import Autosaver
from app.dialogs import ask, file_error_text
from app.file_dialogs import remember_folder, start_path
from app.recovery_offer import RecoveryOffer
from app.i18n import fill
from app.roll.options import EditorOptions
from app.roll.snap import snap_for_ticks
from app.score_files import ScoreFiles
from app.session import Session
from app.settings import settings
from engine.errors import CadenzaError
from engine.files import MIDI_SUFFIXES, OPEN_SUFFIXES, check_save_type, load_song_file, save_song_file
from engine.musicxml import MUSICXML_SUFFIXES
from engine.audio.mix import MixSettings
from engine.project import PROJECT_SUFFIX, LoopRegion, Project, ProjectState, RecoveryStore, ViewState
from engine.song import Song
from engine.track import Track, TrackRole

MAX_RECENT = 8
UNFOLD_KEY = "open/unfold_repeats"


def open_filter() -> str:
    """The Open dialog's file types (every type engine.files opens, then each kind alone)."""
    translate = QCoreApplication.translate  # not "tr": lupdate would read tr("FileController", ...) as QObject.tr
    return ";;".join((
        fill(translate("FileController", "Songs and scores (%1)"), " ".join(f"*{s}" for s in OPEN_SUFFIXES)),
        translate("FileController", "Cadenza projects (*.cadenza)"),
        translate("FileController", "MIDI files (*.mid *.midi *.kar *.smf)"),
        translate("FileController", "MusicXML scores (*.musicxml *.xml *.mxl)"),
    ))


def new_song() -> Song:
    """What File > New gives: one piano track to draw into."""
    name = QCoreApplication.translate("FileController", "Piano")
    return Song(tracks=(Track(id=1, name=name, role=TrackRole.MELODY, program=0, channel=0),))


def is_score(path: str) -> bool:
    """A MusicXML score, which opens in the background."""
    return Path(path).suffix.lower() in MUSICXML_SUFFIXES


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
        self.source_path: str | None = None  # the MIDI file or score the song came from, until saved as a project
        self.interactive = interactive
        self.recovery = recovery or RecoveryStore()
        self.takes_source = list  # () -> the JSON-able AI takes saved with the project
        self.video_source = lambda: None  # () -> the VideoLink of the picture the song is scored to
        self.mix_source = MixSettings  # () -> how playback and exports mix the song (app.mix_settings)
        self.style_source = lambda: None  # () -> the learned style the proposals use (app.proposals.panel)
        self.view_source = ViewState  # () -> the roll's zoom and scroll (app.roll.view.RollView.state)
        self.soundfont: str | None = None  # the project's own soundfont, kept as it was opened (no chooser yet)
        self.autosaver = Autosaver(self, session, self.recovery, self.project, lambda: self.path)
        self.autosaver.failed.connect(self._autosave_failed)
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        self.scores = ScoreFiles(self)  # MusicXML, in the background
        self.recovery_offer = RecoveryOffer(self)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

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
        path, _ = dialog(self.window, title, start_path(suggested), file_filter)  # not the working directory
        if path:
            remember_folder(path)
        return path or None

    @property
    def dirty(self) -> bool:
        return not self.session.undo_stack.isClean()

    @property
    def document_name(self) -> str:
        """The project's file name, else the MIDI file or score it was opened from, else Untitled."""
        named = self.path or self.source_path
        return Path(named).name if named else self.tr("Untitled")

    @property
    def title(self) -> str:
        return fill(self.tr("%1%2 — Cadenza"), self.document_name, " •" if self.dirty else "")

    @property
    def unfold_repeats(self) -> bool:
        """Whether a score's repeats are played out on open (on unless the user chose written order)."""
        return str(settings().value(UNFOLD_KEY, True)).lower() in ("true", "1")

    def set_unfold_repeats(self, on: bool) -> None:
        store = settings()
        store.setValue(UNFOLD_KEY, bool(on))
        store.sync()

    # --- drag and drop ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Files dropped on the window open as if chosen in File > Open (the first one Cadenza can open)."""
        if watched is self.window and event.type() in (QEvent.DragEnter, QEvent.DragMove):
            if self._dropped_path(event) is not None:
                event.acceptProposedAction()
                return True
        elif watched is self.window and event.type() == QEvent.Drop:
            path = self._dropped_path(event)
            if path is not None:
                event.acceptProposedAction()
                QTimer.singleShot(0, lambda: self.open_file(path))  # after the drop returns: no dialog inside it
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _dropped_path(event) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            path = url.toLocalFile()
            if path and Path(path).suffix.lower() in OPEN_SUFFIXES:
                return path
        return None

    # --- the project on disk ---------------------------------------------------------
    def project(self) -> Project:
        """The song plus the editor state a .cadenza file keeps."""
        loop = self.options.loop
        state = ProjectState(
            loop=LoopRegion(loop[0], loop[1], self.options.loop_enabled) if loop else None,
            soundfont=self.soundfont, selected_track_id=self.session.current_track_id, view=self.view_source(),
            snap_ticks=self.options.snap.step(self.session.song.ticks_per_quarter) if self.options.snap.enabled else 0,
            takes=self.takes_source(), video=self.video_source(),
            mix=self.mix_source(), style=self.style_source())
        return Project(song=self.session.song, state=state)

    def show_project(self, project: Project, path: str | None, saved_state: bool = True,
                      source: str | None = None) -> None:
        """Show `project`; `saved_state` False (new songs, MIDI files) keeps the user's snap grid; `source`:
        the MIDI file or score it was read from (names the document until it is saved as a project)."""
        self.session.replace_song(project.song)
        state = project.state
        self.soundfont = state.soundfont
        snap = snap_for_ticks(state.snap_ticks, project.song.ticks_per_quarter) if saved_state else None
        snap = snap or self.options.snap
        self.options.set(loop=(state.loop.start, state.loop.end) if state.loop else None,
                         loop_enabled=bool(state.loop and state.loop.enabled), snap=snap)
        self.options.set_playhead(0)
        if state.selected_track_id is not None and any(t.id == state.selected_track_id for t in project.song.tracks):
            self.session.set_current_track(state.selected_track_id)
        self.path = path
        self.source_path = source
        self.autosaver.mark_saved()
        self.projectShown.emit(project)
        self.pathChanged.emit()

    def start(self, path: str | None) -> None:
        """Start-up: the file from the command line (or an empty song), then any recovery, then autosave.

        A score opens in the background over the empty song, which stays if the score cannot be read."""
        if path is not None and is_score(path):
            self.show_project(Project(song=new_song()), None, saved_state=False)
            self.open_file(path, confirm=False)
            if not self.interactive:  # a batch run (screenshot) wants the score, not the empty song
                self.wait_for_open()
        elif path is None or not self.open_file(path, confirm=False):
            self.show_project(Project(song=new_song()), None, saved_state=False)
        self.offer_recovery()
        self.autosaver.start()

    def confirm_discard(self) -> bool:
        """Before the song is replaced or the window closes: save, discard or cancel unsaved changes."""
        if not self.dirty:
            return True
        answer = self.ask(QMessageBox.Question, self.tr("Unsaved changes"),
                          fill(self.tr("Save the changes to %1?"), self.document_name),
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def new(self) -> bool:
        if not self.confirm_discard():
            return False
        self.show_project(Project(song=new_song()), None, saved_state=False)
        self._forget_recovery()
        return True

    def open_file(self, path: str | None = None, confirm: bool = True) -> bool:
        """Open a project, MIDI file or MusicXML score; on failure show why and keep the current song.

        A score is read in the background: True then means the reading started, and the song is replaced
        when it is done (`open_job.finished_with`)."""
        if self.open_job is not None:
            return False  # one file at a time; the running open's dialog is on screen
        if confirm and not self.confirm_discard():
            return False
        path = path or self.choose_path(self.tr("Open"), False, open_filter())
        if not path:
            return False
        if is_score(path) and Path(path).is_file():
            return self.scores.read(path, self.unfold_repeats, self._opened)
        try:
            project = load_song_file(path)
        except (CadenzaError, OSError) as error:
            self.ask(QMessageBox.Warning, self.tr("Cannot open file"), file_error_text(path, error))
            return False
        self._opened(path, project, [])
        return True

    @property
    def open_job(self):
        """The ScoreOpen reading (or ScoreExport writing) a score in the background, else None."""
        return self.scores.job

    def wait_for_open(self, timeout_s: float = 120.0) -> bool:
        """Keep the event loop turning until a background open has finished; False if it is still running."""
        return self.scores.wait(timeout_s)

    def _opened(self, path: str, project: Project, notes: list[str]) -> None:
        is_project = Path(path).suffix.lower() == PROJECT_SUFFIX
        self.show_project(project, path if is_project else None, saved_state=is_project,
                          source=None if is_project else path)
        self._forget_recovery()
        self.add_recent(path)
        name = Path(path).name
        if is_score(path):
            song = project.song
            text = fill(self.tr("Opened %1: %2 parts, %3 notes; save it as a Cadenza project to keep the editor state"),
                        name, len(song.tracks), song.note_count)
            self.session.message.emit("; ".join([text] + notes[:3]))
        elif Path(path).suffix.lower() in MIDI_SUFFIXES:
            self.session.message.emit(
                fill(self.tr("Opened %1: save it as a Cadenza project to keep the editor state"), name))

    def save(self) -> bool:
        return self.save_as(self.path) if self.path else self.save_as()

    def save_as(self, path: str | None = None) -> bool:
        path = path or self.choose_path(self.tr("Save project"), True, self.tr("Cadenza project (*.cadenza)"),
                                        self.suggested_path(PROJECT_SUFFIX))
        if not path:
            return False
        if not Path(path).suffix:
            path += PROJECT_SUFFIX
        if is_score(path):
            return self._export_score(path)  # in the background, as File › Export MusicXML… does
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
        filters = {"midi": self.tr("MIDI file (*.mid)"), "musicxml": self.tr("MusicXML (*.musicxml *.xml *.mxl)")}
        titles = {"midi": self.tr("Export MIDI"), "musicxml": self.tr("Export MusicXML")}
        suffix = {"midi": ".mid", "musicxml": ".musicxml"}[kind]
        path = path or self.choose_path(titles[kind], True, filters[kind], self.suggested_path(suffix))
        if path and kind == "musicxml":
            return self._export_score(path)
        return bool(path) and self._write(path)

    def _export_score(self, path: str) -> bool:
        """MusicXML is written in the background with progress and Cancel (app.score_files); True: it started."""
        if self.open_job is not None:
            return False  # one background file job at a time; its dialog is on screen
        try:
            check_save_type(path)
        except CadenzaError as error:
            self.ask(QMessageBox.Warning, self.tr("Cannot save file"), file_error_text(path, error))
            return False
        return self.scores.write(self.project(), path)

    def _write(self, path: str) -> bool:
        try:
            check_save_type(path)
            notes = save_song_file(self.project(), path)
        except (CadenzaError, OSError) as error:
            self.ask(QMessageBox.Warning, self.tr("Cannot save file"), file_error_text(path, error))
            return False
        self.session.message.emit("; ".join([fill(self.tr("Saved %1"), Path(path).name)] + notes))
        return True

    def suggested_path(self, suffix: str) -> str:
        named = self.path or self.source_path
        return str(Path(named).with_suffix(suffix)) if named else self.tr("untitled", "file name") + suffix

    def import_midi(self, path: str | None = None) -> bool:
        """Add the tracks of a MIDI file to this song (one undo step), rescaled to this song's resolution."""
        from app.midi_import import import_tracks_edit

        path = path or self.choose_path(self.tr("Import MIDI"), False, self.tr("MIDI files (*.mid *.midi *.kar)"))
        if not path:
            return False
        try:
            other = load_song_file(path).song
        except (CadenzaError, OSError) as error:
            self.ask(QMessageBox.Warning, self.tr("Cannot import file"), file_error_text(path, error))
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
        """Write the recovery file now if anything changed since the last one (app.autosave says when it is due)."""
        return self.autosaver.save()

    def _autosave_failed(self, error: Exception) -> None:
        reason = file_error_text(self.tr("recovery file"), error)
        self.session.message.emit(fill(self.tr("Autosave failed: %1"), reason))

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest readable autosave left behind (app.recovery_offer says how)."""
        return self.recovery_offer.offer()

    def _forget_recovery(self) -> None:
        """The work is saved or discarded: this session's recovery file goes, and a recovered one not yet replaced."""
        self.autosaver.forget()

    def close(self) -> None:
        """A clean close: stop a score still being read, stop autosaving and remove this session's recovery file."""
        self.scores.stop()  # a QThread destroyed while it runs takes the process down
        self.autosaver.stop()
        self._forget_recovery()
