"""The region a proposal writes into (bars x tracks), and the user's locks on the song.

Bars come from Shift+drag on the ruler or from a rubber band over notes (the
bar span of the selected notes); tracks from Ctrl+click on track rows, else
the current track. Choosing the region is not an undo step: it is where the
user points, not part of the song.

Locks are part of the song (`Track.locked`, `Note.locked`) and change through
`Session.push` like any edit, so locking is undone and redone with the rest of
the history and is saved with the song. A locked track is left out of the
region's tracks (it conditions the others); locked notes go to the composer as
the region's locked notes. A note keeps its lock when it is moved, transposed
or resized (`Note.with_`), a copy never has one (`Note.copied`).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.session import Session
from composer.proposals.spec import Region
from engine.edits import NotesEdit, TrackPropertiesEdit
from engine.notes import Note


class RegionState(QObject):
    changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.bars: tuple[int, int] | None = None
        self.chosen_tracks: tuple[int, ...] = ()      # Ctrl+clicked rows; empty: the current track
        session.songChanged.connect(self._forget_missing_tracks)
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
    @property
    def locked_tracks(self) -> frozenset[int]:
        return locked_track_ids(self.session.song)

    def set_track_locked(self, track_id: int, locked: bool) -> bool:
        """Lock or unlock a whole track: one undo step."""
        track = self.session.song.track(track_id)
        if track.locked == locked:
            return False
        label = "Lock track" if locked else "Unlock track"
        return self.session.push(TrackPropertiesEdit.changing(track, label, locked=locked))

    def lock_notes(self, track_id: int, notes, locked: bool = True) -> bool:
        """Lock (or unlock) `notes` of a track: one undo step that changes their lock flag only."""
        changing = tuple(sorted(n for n in notes if n.locked != locked))
        if not changing:
            return False
        edit = NotesEdit(track_id, changing, tuple(n.with_(locked=locked) for n in changing),
                         "Lock notes" if locked else "Unlock notes")
        return self.session.push(edit, select_after=() if self.session.current_track_id != track_id
                                 else (self.session.selection - set(changing)) | set(edit.added))

    def locked_in(self, track_id: int) -> frozenset[Note]:
        """The locked notes of a track."""
        return frozenset(n for n in self.session.song.track(track_id).notes if n.locked)

    def request(self, continue_bars: int | None = None) -> Region | str:
        """The region for a proposal with the song's locks applied, or one line saying what is missing."""
        song = self.session.song
        if continue_bars is not None:
            first = song.bar_count()
            bars = (first, first + continue_bars - 1)
        elif self.bars is None:
            return self.tr("Select bars first: Shift+drag on the ruler, or draw a rubber band over notes")
        else:
            bars = self.bars
        if self.track_ids and all(t in self.locked_tracks for t in self.track_ids):
            return self.tr("Every track of the region is locked: unlock one to write into it")
        return Region(bars[0], bars[1], self.track_ids).with_song_locks(song)

    def _forget_missing_tracks(self, edit, before, after):
        """Region rows the song no longer has go; a lock changed by an edit, undo or redo is shown."""
        present = {t.id for t in after.tracks}
        chosen = tuple(t for t in self.chosen_tracks if t in present)
        if chosen != self.chosen_tracks:
            self.chosen_tracks = chosen
            self.changed.emit()
        elif locked_track_ids(before) != locked_track_ids(after):   # locked notes: the overlay draws them
            self.changed.emit()


def locked_track_ids(song) -> frozenset[int]:
    """The tracks of `song` locked against proposals."""
    return frozenset(t.id for t in song.tracks if t.locked)
