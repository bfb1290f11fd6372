"""A track's notes laid out in bars: chords, voices, ties across bar lines and the rests between.

Every note is cut at the bar lines it crosses (the pieces tied), found by
bisection over the bar offsets, so the work grows with the notes and not with
notes x bars. Notes of one track that start together, last as long and tie
alike are one chord; notes that overlap otherwise go to further voices, each
note to the first voice free at its start, and a note tied over a bar line
stays in its voice (notation programs join ties within a voice). Each voice is then filled with
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
    # (bar index, offset, length, tie) -> {note number: pitch}: notes that start, last and tie alike are a chord
    groups: dict[tuple[int, int, int, str | None], dict[int, int]] = defaultdict(dict)
    for number, note in enumerate(track.notes):
        start, end = units.span(note.start, note.end)
        index = max(0, bisect_right(offsets, start) - 1)
        while index < len(layout) and layout[index].offset < end:
            bar = layout[index]
            low, high = max(start, bar.offset), min(end, bar.offset + bar.length)
            if low < high:
                tie = (None if (low == start and high == end) else "start" if low == start
                       else "stop" if high == end else "continue")
                groups[(index, low - bar.offset, high - low, tie)][number] = note.pitch
            index += 1
    by_bar: dict[int, list[tuple[Sound, tuple[int, ...]]]] = defaultdict(list)
    for (index, offset, length, tie), notes in groups.items():
        by_bar[index].append((Sound(offset, length, tuple(sorted(set(notes.values()))), tie), tuple(notes)))
    result = {}
    carried: dict[int, int] = {}  # note number -> the voice its last piece was in (a tie continues there)
    for index in sorted(by_bar):
        voices = _voices(by_bar[index], carried)
        result[layout[index].number] = [_with_rests(voice, layout[index].length) for voice in voices]
    return result


def _voices(sounds: list[tuple[Sound, tuple[int, ...]]], carried: dict[int, int]) -> list[list[Sound]]:
    """Sounds into voices: a tied-over piece in the voice its note was in (notation ties stay in one voice),
    the rest each in the first voice free at its start; `carried` is updated for the next bar."""
    voices: list[list[Sound]] = []
    ends: list[int] = []

    def place(sound: Sound, voice: int) -> None:
        while len(voices) <= voice:
            voices.append([])
            ends.append(0)
        voices[voice].append(sound)
        ends[voice] = sound.offset + sound.length

    ordered = sorted(sounds, key=lambda item: (item[0].offset, -item[0].length, item[0].pitches))
    later = []
    for sound, notes in ordered:  # tied-over pieces first: they start the bar, in their notes' voice
        wanted = carried.get(notes[0]) if sound.tie in ("stop", "continue") else None
        if wanted is not None and (wanted >= len(ends) or not voices[wanted]):
            place(sound, wanted)
            _carry(carried, sound, notes, wanted)
        else:
            later.append((sound, notes))
    for sound, notes in later:
        voice = next((i for i, end in enumerate(ends) if end <= sound.offset), len(ends))
        place(sound, voice)
        _carry(carried, sound, notes, voice)
    return voices  # a voice left empty between others (its tie ended) becomes a bar's rest


def _carry(carried: dict[int, int], sound: Sound, notes: tuple[int, ...], voice: int) -> None:
    for number in notes:
        if sound.tie in ("start", "continue"):
            carried[number] = voice
        else:
            carried.pop(number, None)


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
