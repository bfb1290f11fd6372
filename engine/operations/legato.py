"""Legato: every note lasts exactly until the next onset of its voice.

The notes given are one voice (normally a track's selection). Notes that start
together form a chord and are all held to the next later onset; notes that
overlapped the next onset are shortened to it, so the result has neither gaps
nor overlaps between successive onsets. The last onset has no next one, so its
notes keep their durations.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from engine.notes import Note


def legato(notes: Sequence[Note]) -> tuple[Note, ...]:
    """Notes lengthened or shortened to reach the next onset (see the module docstring)."""
    onsets = sorted({note.start for note in notes})
    result = []
    for note in notes:
        following = bisect_right(onsets, note.start)
        if following < len(onsets):
            note = note.with_(duration=onsets[following] - note.start)
        result.append(note)
    return tuple(result)
