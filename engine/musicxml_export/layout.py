"""A track's notes laid out in bars: chords, voices, ties across bar lines and the rests between.

Every note is cut at the bar lines it crosses (the pieces tied), found by
bisection over the bar offsets, so the work grows with the notes and not with
notes x bars. Notes of one track that start together, last as long and tie
alike are one chord; notes that overlap otherwise go to further voices, each
note to the first voice free at its start. Each voice is then filled with
rests so every bar adds up; a bar where the track is silent has no voices
(the writer gives it a measure rest). All times are whole divisions (units.py).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from typing import NamedTuple

from engine.musicxml_export.units import Measure, Units
from engine.track import Track


class Sound(NamedTuple):
    """A chord, a single note or (no pitches) a rest inside one bar; `tie` joins it to the next or last bar."""

    offset: int
    length: int
    pitches: tuple[int, ...] = ()
    tie: str | None = None  # "start", "stop", "continue" (both) or None


def track_bars(track: Track, layout: list[Measure], units: Units) -> dict[int, list[list[Sound]]]:
    """Bar number -> voices (each a gapless list of sounds from 0 to the bar's length); silent bars are absent."""
    offsets = [bar.offset for bar in layout]
    groups: dict[tuple[int, int, int, str | None], set[int]] = defaultdict(set)
    for note in track.notes:
        start, end = units.span(note.start, note.end)
        index = max(0, bisect_right(offsets, start) - 1)
        while index < len(layout) and layout[index].offset < end:
            bar = layout[index]
            bar_end = bar.offset + bar.length
            low, high = max(start, bar.offset), min(end, bar_end)
            if low < high:
                tie = (None if (low == start and high == end) else "start" if low == start
                       else "stop" if high == end else "continue")
                groups[(index, low - bar.offset, high - low, tie)].add(note.pitch)
            index += 1
    by_bar: dict[int, list[Sound]] = defaultdict(list)
    for (index, offset, length, tie), pitches in groups.items():
        by_bar[index].append(Sound(offset, length, tuple(sorted(pitches)), tie))
    return {layout[index].number: _voices(sounds, layout[index].length) for index, sounds in by_bar.items()}


def _voices(sounds: list[Sound], bar_length: int) -> list[list[Sound]]:
    """Sounds into voices (first free voice at each start), each voice then filled with rests."""
    voices: list[list[Sound]] = []
    ends: list[int] = []
    for sound in sorted(sounds, key=lambda s: (s.offset, -s.length, s.pitches)):
        for index, end in enumerate(ends):
            if end <= sound.offset:
                voices[index].append(sound)
                ends[index] = sound.offset + sound.length
                break
        else:
            voices.append([sound])
            ends.append(sound.offset + sound.length)
    return [_with_rests(voice, bar_length) for voice in voices]


def _with_rests(voice: list[Sound], bar_length: int) -> list[Sound]:
    filled: list[Sound] = []
    cursor = 0
    for sound in voice:
        if sound.offset > cursor:
            filled.append(Sound(cursor, sound.offset - cursor))
        filled.append(sound)
        cursor = sound.offset + sound.length
    if cursor < bar_length:
        filled.append(Sound(cursor, bar_length - cursor))
    return filled
