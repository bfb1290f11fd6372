"""The editing session: the document, its undo stack, and what the user has selected.

Widgets talk to one `Session` instead of to each other. Every change to the song
is an engine `Edit` pushed with `Session.push`, which wraps it in an
`EditCommand` on the QUndoStack, so undo is always `edit.inverse()` applied to
the same `SongDocument` and there is no second way to change a song.

The rest of the project state that has a history goes the same way: the AI
takes and their kept marks live in a Qt-free `ProposalSession`
(composer.proposals.session) and change only through `push_project`, whose
step may change the song and the takes together (a Keep), so Undo and Redo
restore both and the stack's clean state tells honestly whether there is
anything to save. (Locks are part of the song itself: `Note.locked`.)

The selection is a set of `Note` values of the current track. Notes are values,
not objects with identity, so an action that replaces notes says which notes to
select afterwards; after undo/redo the selection keeps only notes that still
exist. An action that changes notes (moves, transposes, resizes them) says so
with `Note.with_`, which keeps what the note carries (its lock).
"""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.i18n import fill
from app.i18n.terms import edit_label
from composer.proposals.session import ProjectEdit, ProposalSession
from engine.document import SongDocument
from engine.edits import Edit, EditError, NotesEdit, ReplaceSong
from engine.notes import Note
from engine.song import Song
from engine.track import Track

class EditCommand(QUndoCommand):
    """One undo step: redo applies the edit, undo applies its inverse (song and takes alike)."""

    def __init__(self, session: "Session", edit: ProjectEdit, select_after: Iterable[Note] | None,
                 computed: tuple[Song, Song] | None = None) -> None:
        super().__init__(edit_label(edit.label))
        self._session = session
        self.edit = edit
        self._computed = computed  # the validated result, used by the first redo only
        self._select_after = None if select_after is None else frozenset(select_after)
        self._select_before = session.selection

    def redo(self) -> None:
        computed, self._computed = self._computed, None
        self._session.apply(self.edit, computed)
        if self._select_after is not None:
            self._session.set_selection(self._select_after)

    def undo(self) -> None:
        self._session.apply(self.edit.inverse())
        self._session.set_selection(self._select_before)


class Session(QObject):
    """The song being edited plus the editor state every widget shares."""

    songChanged = Signal(object, object, object)  # edit, song before, song after
    takesChanged = Signal()                       # the take list or a kept mark changed (an edit, undo, redo)
    selectionChanged = Signal()
    currentTrackChanged = Signal(int)
    message = Signal(str)  # one-line notes for the status bar

    def __init__(self, song: Song | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = SongDocument(song)
        self.undo_stack = QUndoStack(self)
        self.proposals = ProposalSession()
        self._selection: frozenset[Note] = frozenset()
        self._current_track_id: int | None = None
        self.document.subscribe(self._on_document_changed)
        self._pick_current_track()

    # --- the song -------------------------------------------------------------
    @property
    def song(self) -> Song:
        return self.document.song

    def push(self, edit: Edit, select_after: Iterable[Note] | None = None) -> bool:
        """Apply a song edit as one undo step; a stale edit is reported, never half-applied."""
        return self.push_project(ProjectEdit(edit, None, edit.label), select_after)

    def push_project(self, edit: ProjectEdit, select_after: Iterable[Note] | None = None) -> bool:
        """Apply an edit of the song and/or the takes as one undo step; a stale one is reported, never half-applied."""
        before = self.song
        try:  # validate first: QUndoStack.push cannot fail
            after = before if edit.song is None else edit.song.apply(before)
            if edit.takes is not None:
                edit.takes.apply(self.proposals.takes)
        except (EditError, ValueError) as error:  # the engine's reason (English) after the step's name
            self.message.emit(fill(self.tr("Cannot %1: %2"), edit_label(edit.label), error))
            return False
        self.undo_stack.push(EditCommand(self, edit, select_after, (before, after)))
        return True

    def apply(self, edit: ProjectEdit, computed: tuple[Song, Song] | None = None) -> None:
        """Apply one step's edits (the undo stack calls this both ways): the song's, then the takes'."""
        if edit.song is not None:
            self.document.apply(edit.song, computed)
        if edit.takes is not None:
            self.proposals.apply(edit.takes)
            self.takesChanged.emit()

    def replace_song(self, song: Song) -> None:
        """Start over with `song` (open, new, recover): not undoable, history is cleared."""
        self.undo_stack.clear()
        self._selection = frozenset()
        self._current_track_id = None
        self.document.apply(ReplaceSong(self.song, song, self.tr("Open")))
        self.undo_stack.setClean()
        self.selectionChanged.emit()

    def _on_document_changed(self, edit: Edit, before: Song, after: Song) -> None:
        self._pick_current_track()
        self.songChanged.emit(edit, before, after)
        self._drop_stale_selection()

    # --- current track --------------------------------------------------------
    @property
    def current_track_id(self) -> int | None:
        return self._current_track_id

    @property
    def current_track(self) -> Track | None:
        if self._current_track_id is None:
            return None
        return self.song.track(self._current_track_id)

    def set_current_track(self, track_id: int) -> None:
        if track_id == self._current_track_id:
            return
        self.song.track(track_id)  # KeyError for a track that is not there
        self._current_track_id = track_id
        self._selection = frozenset()
        self.selectionChanged.emit()
        self.currentTrackChanged.emit(track_id)

    def _pick_current_track(self) -> None:
        ids = [t.id for t in self.song.tracks]
        if self._current_track_id in ids:
            return
        self._current_track_id = ids[0] if ids else None
        self._selection = frozenset()
        self.currentTrackChanged.emit(-1 if self._current_track_id is None else self._current_track_id)

    # --- selection ------------------------------------------------------------
    @property
    def selection(self) -> frozenset[Note]:
        return self._selection

    def selected_notes(self) -> tuple[Note, ...]:
        """The selection in track order (sorted), as edits want them."""
        return tuple(sorted(self._selection))

    def set_selection(self, notes: Iterable[Note]) -> None:
        notes = frozenset(notes)
        if notes != self._selection:
            self._selection = notes
            self.selectionChanged.emit()

    def select_all(self) -> None:
        track = self.current_track
        self.set_selection(track.notes if track else ())

    def _drop_stale_selection(self) -> None:
        track = self.current_track
        present = frozenset(track.notes) if track else frozenset()
        if not self._selection <= present:
            self.set_selection(self._selection & present)

    # --- helpers for note actions ---------------------------------------------
    def replace_notes(self, removed: Iterable[Note], added: Iterable[Note], label: str,
                      select: Iterable[Note] | None | str = "added") -> bool:
        """One NotesEdit on the current track. Afterwards the selection is what was
        added (the default), the notes in `select`, or (None) what is left of it."""
        track = self.current_track
        if track is None:
            self.message.emit(self.tr("Add a track first"))
            return False
        removed, added = tuple(sorted(removed)), tuple(sorted(added))
        if not removed and not added:
            return False
        select_after = added if select == "added" else select
        return self.push(NotesEdit(track.id, removed, added, label), select_after)
