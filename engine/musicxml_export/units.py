"""Times in whole MusicXML divisions: how ticks become notation, and the bars in those units.

Everything the writer lays out is an integer number of divisions of a quarter
note, as MusicXML writes it; Fraction arithmetic per note took most of the
time of a 49k-note export. A performance is snapped to sixteenths and
eighth-note triplets (engine.notation_grid), 12 divisions a quarter; a song
that is notation already (every time on the notatable grid) is written
exactly, with the fewest divisions that hold all its times.
"""
from __future__ import annotations

from dataclasses import dataclass
from math import gcd

from engine.notation_grid import TWELFTHS, bars, is_notatable, snap_span_twelfths, snap_twelfths
from engine.song import Song
from engine.timing import TimeSignature
from engine.track import Track


@dataclass(frozen=True, slots=True)
class Units:
    """Ticks to divisions: snapped (12 a quarter) or exact (`divisions` a quarter)."""

    divisions: int
    ticks_per_quarter: int
    snapped: bool

    def at(self, tick: int) -> int:
        if self.snapped:
            return snap_twelfths(tick, self.ticks_per_quarter)
        return tick * self.divisions // self.ticks_per_quarter

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A note's (offset, end), never empty."""
        if self.snapped:
            return snap_span_twelfths(start, end, self.ticks_per_quarter)
        return self.at(start), self.at(end)


@dataclass(frozen=True, slots=True)
class Measure:
    """One bar in divisions, with its meter as written (a bar cut short by a meter change gets its own)."""

    number: int
    offset: int
    length: int
    meter: TimeSignature


def units_for(song: Song, pitched: list[Track]) -> Units:
    tpq = song.ticks_per_quarter
    if not written_exactly(song, pitched):
        return Units(TWELFTHS, tpq, snapped=True)
    common = gcd(tpq, song.length_ticks)
    for track in pitched:
        for note in track.notes:
            common = gcd(common, note.start, note.duration)
    for events in (song.tempos, song.keys, song.chords, song.meters):
        for event in events:
            common = gcd(common, event.tick)
    divisions = tpq // common
    divisions *= 4 // gcd(divisions, 4)  # marks are kept a sixteenth inside the song's end (marks.bar_marks)
    return Units(divisions, tpq, snapped=False)


def written_exactly(song: Song, pitched: list[Track]) -> bool:
    """Whether `song` is notation already (every time on the notatable grid, no zero-length note)."""
    if any(note.duration == 0 for track in pitched for note in track.notes):
        return False
    ticks = {t for track in pitched for note in track.notes for t in (note.start, note.end)}
    ticks.update(e.tick for events in (song.tempos, song.keys, song.chords, song.meters) for e in events)
    ticks.add(song.length_ticks)
    return is_notatable(ticks, song.ticks_per_quarter)


def measures(song: Song, units: Units) -> list[Measure]:
    """The song's bars (engine.notation_grid.bars) in divisions."""
    return [Measure(bar.number, int(bar.offset * units.divisions), int(bar.length * units.divisions), bar.meter)
            for bar in bars(song, song.length_ticks, unrounded=not units.snapped)]
