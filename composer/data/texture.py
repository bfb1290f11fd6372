"""Splitting one keyboard texture into lines: the bass under it and a top line over it.

POP909's PIANO track, a Lieder piano part and a Mutopia keyboard piece are all
one stream of notes that the composer should see as bass + accompaniment (+ a
melody when the top voice is a real line). One rule, shared, so every source's
"bass" means the same thing (docs/DATA.md, "Bass split rule").
"""
from __future__ import annotations

import statistics
from collections import defaultdict

from composer.data.common import GRID_TICKS
from engine.notes import Note

# Below G3 the lowest note of an onset is the left hand's bass line; at and
# above it, left-hand chords and the right hand (see docs/DATA.md for the
# measured effect on POP909).
BASS_SPLIT_PITCH = 55
ONSET_STEP = GRID_TICKS
# A top line is a melody when most of its onsets stand out (alone, or a minor
# third or more above the next note struck with it) and it moves like a tune
# (median step at most a fourth), not like a broken chord.
LINE_STANDOUT_SHARE = 0.6
LINE_STANDOUT_GAP = 3
LINE_MEDIAN_STEP = 5


def _onsets(notes) -> dict[int, list[Note]]:
    groups: dict[int, list[Note]] = defaultdict(list)
    for note in notes:
        groups[(note.start + ONSET_STEP // 2) // ONSET_STEP].append(note)
    return groups


def split_bass(notes: tuple[Note, ...], split_pitch: int = BASS_SPLIT_PITCH) -> tuple[tuple[Note, ...], tuple[Note, ...]]:
    """(bass, rest): per onset step, the lowest note below `split_pitch` is bass,
    unless the last bass note still sounds below it (then it is an arpeggio or a
    chord tone over that bass, and stays in the accompaniment)."""
    onsets = _onsets(notes)
    bass: list[Note] = []
    rest: list[Note] = []
    for step in sorted(onsets):
        group = onsets[step]
        lowest = min(group, key=lambda n: n.pitch)
        under = bass[-1] if bass and bass[-1].end > lowest.start and bass[-1].pitch < lowest.pitch else None
        for note in group:
            (bass if note is lowest and note.pitch < split_pitch and under is None else rest).append(note)
    return tuple(bass), tuple(sorted(rest))


def split_top_line(notes: tuple[Note, ...]) -> tuple[tuple[Note, ...], tuple[Note, ...]]:
    """(top line, rest) when the highest voice is a clear line, else ((), notes).

    The top line takes the highest note of each onset step unless a higher top
    note still sounds over it (an inner voice moving under a held melody note).
    """
    onsets = _onsets(notes)
    top: list[Note] = []
    standout = 0
    for step in sorted(onsets):
        group = sorted(onsets[step], key=lambda n: -n.pitch)
        highest = group[0]
        if top and top[-1].end > highest.start and top[-1].pitch > highest.pitch:
            continue
        top.append(highest)
        standout += len(group) == 1 or highest.pitch - group[1].pitch >= LINE_STANDOUT_GAP
    if len(top) < 8:
        return (), tuple(notes)
    steps = [abs(b.pitch - a.pitch) for a, b in zip(top, top[1:])]
    if standout < LINE_STANDOUT_SHARE * len(top) or statistics.median(steps) > LINE_MEDIAN_STEP:
        return (), tuple(notes)
    chosen = {id(n) for n in top}
    return tuple(top), tuple(n for n in notes if id(n) not in chosen)
