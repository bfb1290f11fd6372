"""Finding the notes in a time window fast: bisect by start plus a bounded look-back.

`Track.notes` is sorted by start, so the notes starting inside a window are one
bisect away. A long note that starts before the window but still sounds in it
would be missed; instead of scanning from the beginning we look back only as far
as the track's longest note, which we remember per notes tuple (tuples are
immutable, so the cached value stays right until the track changes).

For a view holding thousands of notes the painter works on columns instead of
Note objects (`arrays`: starts, durations, pitches, velocities and each note's
hash, to find the selected ones), built once per notes tuple as well.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Any, Iterator, NamedTuple

from engine.notes import Note
from engine.track import Track


def _start(note: Note) -> int:
    return note.start


class NoteArrays(NamedTuple):
    """A track's notes as numpy columns, in the order of `Track.notes`."""

    starts: Any      # numpy arrays (numpy loads with the first dense view, not at start-up)
    durations: Any
    pitches: Any
    velocities: Any
    hashes: Any      # hash(note): membership in a selection without touching Note objects


class NoteIndex:
    def __init__(self) -> None:
        self._longest: dict[int, tuple[tuple[Note, ...], int]] = {}
        self._arrays: dict[int, tuple[tuple[Note, ...], NoteArrays]] = {}

    def longest(self, track: Track) -> int:
        cached = self._longest.get(track.id)
        if cached is not None and cached[0] is track.notes:
            return cached[1]
        longest = max((n.duration for n in track.notes), default=0)
        self._longest[track.id] = (track.notes, longest)
        return longest

    def span(self, track: Track, start: float, end: float) -> tuple[int, int]:
        """Indices [lo, hi) of `track.notes` that may overlap [start, end] (the look-back included)."""
        notes = track.notes
        return (bisect_left(notes, start - self.longest(track), key=_start), bisect_left(notes, end, key=_start))

    def sounding(self, track: Track, start: float, end: float) -> Iterator[Note]:
        """Notes that overlap [start, end] (a zero-length note at `start` counts)."""
        notes = track.notes
        lo, hi = self.span(track, start, end)
        for i in range(lo, hi):
            note = notes[i]
            if note.start + note.duration >= start:
                yield note

    def note_at(self, track: Track, tick: float, pitch: int) -> Note | None:
        """The topmost note of `pitch` sounding at `tick` (the last drawn, so the one seen)."""
        found = None
        for note in self.sounding(track, tick, tick):
            if note.pitch == pitch and note.start <= tick <= note.end:
                found = note
        return found

    def arrays(self, track: Track) -> NoteArrays:
        cached = self._arrays.get(track.id)
        if cached is not None and cached[0] is track.notes:
            return cached[1]
        import numpy as np

        notes = track.notes
        count = len(notes)
        columns = NoteArrays(
            np.fromiter((n.start for n in notes), np.float64, count),
            np.fromiter((n.duration for n in notes), np.float64, count),
            np.fromiter((n.pitch for n in notes), np.int64, count),
            np.fromiter((n.velocity for n in notes), np.int64, count),
            np.fromiter((hash(n) for n in notes), np.int64, count))
        self._arrays[track.id] = (notes, columns)
        return columns
