"""The region a proposal writes into (bars x tracks) and what the user locked.

Bars come from Shift+drag on the ruler or from a rubber band over notes (the
bar span of the selected notes); tracks from Ctrl+click on track rows, else
the current track. Locks are context the model must keep: a locked track is
left out of the region's tracks (it conditions the others), locked notes go
to the composer as the region's locked notes. None of this is part of the
song, so choosing it or (un)locking is not an undo step; it is state the
proposal feature owns. The locks
(not the region) are saved with the project (ProjectState.locks): `locks()`
gives them, `restore_locks` brings them back when a project is shown.

Locks follow the notes through the user's edits (`follow`, a Session
follower): a note an edit changes (a paired NotesEdit: moved, transposed,
resized) stays locked; a deleted note or track loses its lock, and undoing
the deletion gives it back; Undo and Redo of a move take the lock along. A new note is never locked, even one equal to a
note that was (notes are values: a copy pasted over a deleted locked note).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from app.session import Session
from engine.edits import CompoundEdit, Edit, NotesEdit
from engine.notes import Note
from engine.project import Locks


@dataclass(frozen=True)
class RegionRequest:
    """What a proposal is asked to fill: plain values, handed to the worker thread."""

    first_bar: int
    last_bar: int
    track_ids: tuple[int, ...]
    locked: dict[int, tuple[Note, ...]]


class RegionState(QObject):
    changed = Signal()
    locksEdited = Signal()      # the user locked or unlocked something (not emitted by restore_locks)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.bars: tuple[int, int] | None = None
        self.chosen_tracks: tuple[int, ...] = ()      # Ctrl+clicked rows; empty: the current track
        self.locked_tracks: frozenset[int] = frozenset()
        self.locked_notes: dict[int, frozenset[Note]] = {}
        session.songChanged.connect(self._forget_missing_tracks)
        session.add_follower(self.follow)
        session.currentTrackChanged.connect(lambda *_: self.changed.emit())

    # --- bars ---------------------------------------------------------------------------
    def set_bars(self, first: int, last: int) -> None:
        bars = (max(0, min(first, last)), max(0, first, last))
        if bars != self.bars:
            self.bars = bars
            self.changed.emit()

    def set_bars_from_ticks(self, start: int, end: int) -> None:
        """The whole bars that [start, end) touches."""
        meters = self.session.song.meter_map
        first = meters.position(start).bar
        last = meters.position(max(start, end - 1)).bar
        self.set_bars(first, last)

    def select_notes(self, notes) -> None:
        """A rubber band over notes: their bar span on the current track."""
        notes = tuple(notes)
        if notes and self.session.current_track_id is not None:
            self.chosen_tracks = (self.session.current_track_id,)
            self.set_bars_from_ticks(min(n.start for n in notes), max(n.end for n in notes))
            self.changed.emit()

    def clear(self) -> None:
        if self.bars is not None or self.chosen_tracks:
            self.bars, self.chosen_tracks = None, ()
            self.changed.emit()

    def ticks(self) -> tuple[int, int] | None:
        if self.bars is None:
            return None
        return self.session.song.meter_map.bar_range(*self.bars)

    # --- tracks -------------------------------------------------------------------------
    @property
    def track_ids(self) -> tuple[int, ...]:
        """The region's tracks in song order (locked ones included: they show as context)."""
        if self.chosen_tracks:
            return self.chosen_tracks
        current = self.session.current_track_id
        return () if current is None else (current,)

    def toggle_track(self, track_id: int) -> None:
        chosen = list(self.chosen_tracks or self.track_ids)
        if track_id in chosen:
            chosen.remove(track_id)
        else:
            chosen.append(track_id)
        order = [t.id for t in self.session.song.tracks]
        self.chosen_tracks = tuple(sorted(chosen, key=order.index))
        self.changed.emit()

    # --- locks ----------------------------------------------------------------------------
    def set_track_locked(self, track_id: int, locked: bool) -> None:
        self.locked_tracks = self.locked_tracks | {track_id} if locked else self.locked_tracks - {track_id}
        self.changed.emit()
        self.locksEdited.emit()

    def lock_notes(self, track_id: int, notes, locked: bool = True) -> None:
        current = self.locked_notes.get(track_id, frozenset())
        self.locked_notes[track_id] = current | frozenset(notes) if locked else current - frozenset(notes)
        self.changed.emit()
        self.locksEdited.emit()

    def locks(self) -> Locks:
        """The locks as saved with the project: locked tracks, and locked notes that still exist."""
        present = {t.id for t in self.session.song.tracks}
        notes = {t: tuple(sorted(self.locked_in(t))) for t in sorted(self.locked_notes) if t in present}
        return Locks(tuple(sorted(self.locked_tracks & present)), {t: ns for t, ns in notes.items() if ns})

    def restore_locks(self, locks: Locks) -> None:
        """A project was shown: its locks replace the current ones (tracks and notes it no longer has are dropped)."""
        present = {t.id for t in self.session.song.tracks}
        self.locked_tracks = frozenset(locks.tracks) & present
        self.locked_notes = {t: frozenset(ns) for t, ns in locks.notes.items() if t in present}
        self.changed.emit()

    def follow(self, edit: Edit, given_back: Locks | None) -> Locks:
        """An undo step's edit (or, undoing it, its inverse) was applied: the locks follow the notes.

        Returns the locks it took (of deleted notes, and of tracks the song no
        longer has); `given_back`, what the same step took when it was last
        applied the other way, is locked again.
        """
        notes = {t: set(ns) for t, ns in self.locked_notes.items()}
        taken: dict[int, set[Note]] = {}
        for step in _steps(edit):
            locked = notes.get(step.track_id) if isinstance(step, NotesEdit) else None
            if not locked:
                continue
            if step.paired:
                moves = [(before, after) for before, after in step.moves() if before in locked]
                locked.difference_update(before for before, _ in moves)
                locked.update(after for _, after in moves)
            else:
                gone = locked.intersection(Counter(step.removed) - Counter(step.added))
                locked -= gone
                taken.setdefault(step.track_id, set()).update(gone)
        present = {t.id for t in self.session.song.tracks}
        for track_id in set(notes) - present:
            taken.setdefault(track_id, set()).update(notes.pop(track_id))
        tracks, taken_tracks = self.locked_tracks & present, self.locked_tracks - present
        if given_back is not None:
            tracks |= frozenset(given_back.tracks)
            for track_id, back in given_back.notes.items():
                notes.setdefault(track_id, set()).update(back)
        locked_notes = {t: frozenset(ns) for t, ns in notes.items() if ns}
        if (tracks, locked_notes) != (self.locked_tracks, self.locked_notes):
            self.locked_tracks, self.locked_notes = tracks, locked_notes
            self.changed.emit()
        return Locks(tuple(sorted(taken_tracks)), {t: tuple(sorted(ns)) for t, ns in taken.items() if ns})

    def locked_in(self, track_id: int) -> frozenset[Note]:
        """Locked notes of a track that still exist (edits may have replaced some)."""
        locked = self.locked_notes.get(track_id, frozenset())
        if not locked:
            return locked
        return locked & frozenset(self.session.song.track(track_id).notes)

    def request(self, continue_bars: int | None = None) -> RegionRequest | str:
        """The region for a proposal, or one line saying what is missing."""
        song = self.session.song
        if continue_bars is not None:
            first = song.bar_count()
            bars = (first, first + continue_bars - 1)
        elif self.bars is None:
            return self.tr("Select bars first: Shift+drag on the ruler, or draw a rubber band over notes")
        else:
            bars = self.bars
        tracks = tuple(t for t in self.track_ids if t not in self.locked_tracks)
        if self.track_ids and not tracks:
            return self.tr("Every track of the region is locked: unlock one to write into it")
        start, end = song.meter_map.bar_range(*bars)
        locked = {}
        for track_id in tracks:
            notes = tuple(sorted(n for n in self.locked_in(track_id) if start <= n.start < end))
            if notes:
                locked[track_id] = notes
        return RegionRequest(bars[0], bars[1], tracks, locked)

    def _forget_missing_tracks(self, *_):
        """Region rows the song no longer has (locks of deleted tracks go in `follow`, to come back on undo)."""
        present = {t.id for t in self.session.song.tracks}
        chosen = tuple(t for t in self.chosen_tracks if t in present)
        if chosen != self.chosen_tracks:
            self.chosen_tracks = chosen
            self.changed.emit()


def _steps(edit: Edit):
    """The plain edits of `edit` in the order they apply."""
    if isinstance(edit, CompoundEdit):
        for part in edit.edits:
            yield from _steps(part)
    else:
        yield edit
