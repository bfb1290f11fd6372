"""What is matched: each track as one monophonic line of (interval, onset gap) steps, the chord lane as chord steps.

A tune is recognised by its intervals and its rhythm, not by its key or its
articulation, so a line's step from one note to the next is the pitch
interval (transposition-invariant) and the gap from one onset to the next in
twelfths of a quarter (the token grid; rhythm-aware and tempo-free). How long
a note is held is left out on purpose: a staccato copy of a tune is still
that tune. A polyphonic track is read as its top voice (the highest note of
each onset) except a bass, read as its lowest; drums are not lines.

Chords are matched as progressions: each step is the root's move (mod 12) to
the next chord, that chord's quality, and how many beats the previous chord
lasted, so I-V-vi-IV in any key and at the same harmonic rhythm matches.
"""
from __future__ import annotations

import numpy as np

from engine.chords import QUALITIES
from engine.song import Song
from engine.track import Track, TrackRole

STEPS_PER_QUARTER = 12          # the token grid: onset gaps are counted in these
MAX_GAP_STEPS = 4 * 12 * 2      # a rest longer than two 4/4 bars counts as two bars (the line goes on)
MAX_INTERVAL = 36               # a leap wider than three octaves counts as three octaves
MAX_CHORD_QUARTERS = 16
_QUALITY_NUMBER = {name: i for i, name in enumerate(QUALITIES)}


TUNE_ROLES = (TrackRole.MELODY, TrackRole.OTHER)   # lines a listener follows as a tune (OTHER: a counter-melody)


def role_group(track: Track) -> str:
    """"tune" for a melody or counter-melody, "parts" for a bass, chords or accompaniment: their base rates differ
    (accompaniment figures repeat across pieces far more than tunes do), so each has its own threshold."""
    return "tune" if track.role in TUNE_ROLES else "parts"


def track_line(track: Track, ticks_per_quarter: int) -> list[tuple[int, int]]:
    """(pitch, onset in grid steps) of the track's single line, in time order; [] for drums."""
    if track.is_drums or track.role is TrackRole.DRUMS:
        return []
    lowest = track.role is TrackRole.BASS
    chosen: dict[int, int] = {}
    for note in track.notes:
        step = round(note.start * STEPS_PER_QUARTER / ticks_per_quarter)
        have = chosen.get(step)
        if have is None or (note.pitch < have if lowest else note.pitch > have):
            chosen[step] = note.pitch
    return [(chosen[step], step) for step in sorted(chosen)]


def line_codes(line: list[tuple[int, int]]) -> np.ndarray:
    """One int per step between consecutive notes: (interval, onset gap) packed; len(line) - 1 of them."""
    if len(line) < 2:
        return np.zeros(0, dtype=np.uint64)
    pitches = np.array([p for p, _ in line], dtype=np.int64)
    steps = np.array([s for _, s in line], dtype=np.int64)
    intervals = np.clip(np.diff(pitches), -MAX_INTERVAL, MAX_INTERVAL) + MAX_INTERVAL
    gaps = np.clip(np.diff(steps), 1, MAX_GAP_STEPS)
    return (intervals * 1024 + gaps).astype(np.uint64)


def chord_codes(song: Song) -> np.ndarray:
    """One int per chord change of the chord lane: (root move, new quality, beats the last chord held) packed."""
    events = [e for e in song.chords if e.chord is not None]
    merged = []
    for event in events:
        if merged and merged[-1].chord == event.chord:
            continue
        merged.append(event)
    if len(merged) < 2:
        return np.zeros(0, dtype=np.uint64)
    codes = []
    for before, after in zip(merged, merged[1:]):
        move = (after.chord.root - before.chord.root) % 12
        quarters = min(MAX_CHORD_QUARTERS, max(1, round((after.tick - before.tick) / song.ticks_per_quarter)))
        codes.append((move * 64 + _QUALITY_NUMBER.get(after.chord.quality, 63)) * 64 + quarters)
    return np.array(codes, dtype=np.uint64)


def song_lines(song: Song) -> list[tuple[int, list[tuple[int, int]]]]:
    """(track id, line) for every pitched track of the song that has at least two notes."""
    out = []
    for track in song.tracks:
        line = track_line(track, song.ticks_per_quarter)
        if len(line) >= 2:
            out.append((track.id, line))
    return out


_MIX = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)


def ngram_hashes(codes: np.ndarray, n: int) -> np.ndarray:
    """A 32-bit hash of every n consecutive codes (len(codes) - n + 1 of them; none when shorter).

    Plain uint64 arithmetic (wrapping), so the same n-gram hashes the same on every machine and run."""
    count = len(codes) - n + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint32)
    with np.errstate(over="ignore"):
        h = np.full(count, np.uint64(n), dtype=np.uint64)
        for j in range(n):
            h = (h ^ codes[j:j + count]) * _MIX
            h ^= h >> np.uint64(29)
        h = (h ^ (h >> np.uint64(31))) * _MIX2
    return (h >> np.uint64(32)).astype(np.uint32)
