"""Edits: the one way a song changes.

User actions, undo/redo, AI proposals and file loading all become an `Edit`
applied to a `Song`. Every edit knows its inverse, so undo is `apply(edit.inverse())`
and the editor's QUndoCommands are thin wrappers. Edits refer to tracks by id,
never by position, so they stay valid when tracks are reordered.

An edit checks that the song it is applied to is the one it was made for (the
notes it removes exist, the values it replaces are current) and raises
`EditError` otherwise: a stale edit never silently corrupts a song.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from dataclasses import dataclass, field
from heapq import merge
from typing import Any

from engine.notes import Note
from engine.song import Song
from engine.track import Track


class EditError(ValueError):
    """An edit that does not fit the song it was applied to."""


class Edit(ABC):
    label: str

    @abstractmethod
    def apply(self, song: Song) -> Song:
        """The song after this edit."""

    @abstractmethod
    def inverse(self) -> "Edit":
        """The edit that takes the result of `apply` back to the song before it."""


@dataclass(frozen=True)
class NotesEdit(Edit):
    """Remove some notes of one track and add others: covers add, delete, move,
    resize, velocity, locking and every operation (quantize, transpose, ...).

    What a note carries (its lock) is in the note: an operation that changes a
    note makes the new one with `Note.with_`, which keeps it, so no edit has
    to say which note became which.
    """

    track_id: int
    removed: tuple[Note, ...] = ()
    added: tuple[Note, ...] = ()
    label: str = "Edit notes"

    def apply(self, song: Song) -> Song:
        track = _track(song, self.track_id)
        notes = track.notes
        if self.removed:
            to_remove = Counter(self.removed)
            kept = []
            for note in notes:
                if to_remove[note]:
                    to_remove[note] -= 1
                else:
                    kept.append(note)
            missing = +to_remove
            if missing:
                raise EditError(f"{self.label}: {sum(missing.values())} note(s) to remove are not in track {track.name!r}")
            notes = tuple(kept)
        if self.added:
            notes = tuple(merge(notes, sorted(self.added)))
        return song.with_track(track.with_(notes=notes))

    def inverse(self) -> "NotesEdit":
        return NotesEdit(self.track_id, self.added, self.removed, self.label)


@dataclass(frozen=True)
class TrackPropertiesEdit(Edit):
    """Change fields of one track (name, role, program, volume, mute, controls, ...)."""

    track_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    label: str = "Change track"

    def apply(self, song: Song) -> Song:
        track = _track(song, self.track_id)
        _check_current(self.label, track, self.before)
        return song.with_track(track.with_(**self.after))

    def inverse(self) -> "TrackPropertiesEdit":
        return TrackPropertiesEdit(self.track_id, self.after, self.before, self.label)

    @staticmethod
    def changing(track: Track, label: str = "Change track", **after: Any) -> "TrackPropertiesEdit":
        """An edit from the track's current values to `after`."""
        return TrackPropertiesEdit(track.id, {k: getattr(track, k) for k in after}, after, label)


@dataclass(frozen=True)
class InsertTrack(Edit):
    index: int
    track: Track
    label: str = "Add track"

    def apply(self, song: Song) -> Song:
        if not 0 <= self.index <= len(song.tracks):
            raise EditError(f"{self.label}: position {self.index} is outside 0..{len(song.tracks)}")
        return song.with_(tracks=song.tracks[: self.index] + (self.track,) + song.tracks[self.index:])

    def inverse(self) -> "RemoveTrack":
        return RemoveTrack(self.index, self.track, self.label)


@dataclass(frozen=True)
class RemoveTrack(Edit):
    index: int
    track: Track
    label: str = "Delete track"

    def apply(self, song: Song) -> Song:
        if not (0 <= self.index < len(song.tracks) and song.tracks[self.index] == self.track):
            raise EditError(f"{self.label}: track {self.track.name!r} is not at position {self.index}")
        return song.with_(tracks=song.tracks[: self.index] + song.tracks[self.index + 1:])

    def inverse(self) -> InsertTrack:
        return InsertTrack(self.index, self.track, self.label)


@dataclass(frozen=True)
class MoveTrack(Edit):
    from_index: int
    to_index: int
    label: str = "Move track"

    def apply(self, song: Song) -> Song:
        count = len(song.tracks)
        if not (0 <= self.from_index < count and 0 <= self.to_index < count):
            raise EditError(f"{self.label}: positions {self.from_index}->{self.to_index} outside 0..{count - 1}")
        tracks = list(song.tracks)
        tracks.insert(self.to_index, tracks.pop(self.from_index))
        return song.with_(tracks=tuple(tracks))

    def inverse(self) -> "MoveTrack":
        return MoveTrack(self.to_index, self.from_index, self.label)


@dataclass(frozen=True)
class SongPropertiesEdit(Edit):
    """Change song-level fields: tempos, meters, keys, chords, markers, title, end_tick."""

    before: dict[str, Any]
    after: dict[str, Any]
    label: str = "Change song"

    def apply(self, song: Song) -> Song:
        if "tracks" in self.after:
            raise EditError(f"{self.label}: tracks change through track edits")
        _check_current(self.label, song, self.before)
        return song.with_(**self.after)

    def inverse(self) -> "SongPropertiesEdit":
        return SongPropertiesEdit(self.after, self.before, self.label)

    @staticmethod
    def changing(song: Song, label: str = "Change song", **after: Any) -> "SongPropertiesEdit":
        return SongPropertiesEdit({k: getattr(song, k) for k in after}, after, label)


@dataclass(frozen=True)
class ReplaceSong(Edit):
    """Swap the whole song (open a file, new song, revert)."""

    before: Song
    after: Song
    label: str = "Replace song"

    def apply(self, song: Song) -> Song:
        if song != self.before:
            raise EditError(f"{self.label}: the song changed since this edit was made")
        return self.after

    def inverse(self) -> "ReplaceSong":
        return ReplaceSong(self.after, self.before, self.label)


@dataclass(frozen=True)
class CompoundEdit(Edit):
    """Several edits as one step (quantize many tracks, accept a proposal): one undo takes all back."""

    edits: tuple[Edit, ...] = field(default=())
    label: str = "Edit"

    def apply(self, song: Song) -> Song:
        for edit in self.edits:
            song = edit.apply(song)
        return song

    def inverse(self) -> "CompoundEdit":
        return CompoundEdit(tuple(e.inverse() for e in reversed(self.edits)), self.label)


def _track(song: Song, track_id: int) -> Track:
    try:
        return song.track(track_id)
    except KeyError:
        raise EditError(f"no track with id {track_id} in the song") from None


def _check_current(label: str, owner: Any, before: dict[str, Any]) -> None:
    for name, value in before.items():
        if getattr(owner, name) != value:
            raise EditError(f"{label}: {name} is no longer {value!r}")
