"""Times for notation: ticks to quarter lengths on a 1/16-or-triplet grid, and the bars to put them in.

A performance played from MIDI has starts like 487 and lengths like 223 ticks;
written as such it would be a forest of 64th-note ties. Every start and end is
therefore snapped to the nearer of two grids, sixteenths (1/4 of a quarter) and
eighth-note triplets (1/3 of a quarter), ties going to sixteenths; a note never
shrinks to nothing (at least one step of its start's grid). Bar lines come
from the song's meter map, so the score has exactly the editor's bars, a bar
cut short by a meter change included (it gets its own meter, e.g. 2/4).

A song whose every time already sits on a notatable grid (a score read from
MusicXML: 32nds, 64ths, tuplets of 3, 5, 6, 7, grace notes) is written exactly
instead (`is_notatable`), so a score survives a MusicXML round trip note for
note; snapping is for performances.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from engine.song import Song
from engine.timing import TimeSignature

SIXTEENTH = Fraction(1, 4)
TRIPLET = Fraction(1, 3)
TWELFTHS = 12  # sixteenths and eighth-note triplets are both whole twelfths of a quarter
# Fractions of a quarter note notation writes without trouble: 1/d for d dividing NOTATABLE (128th notes,
# tuplets of 3, 5, 7 and 9: music21 writes MusicXML at 10080 divisions, which is this) up to MAX_DENOMINATOR;
# a performance's 487/480 is none of them, and neither is a score's 13-tuplet (then the whole song is snapped).
NOTATABLE = 2 ** 5 * 3 ** 2 * 5 * 7
MAX_DENOMINATOR = 96


def is_notatable(ticks: Iterable[int], ticks_per_quarter: int) -> bool:
    """Whether every tick in `ticks` sits on a notation grid (see NOTATABLE), so `exact` can write it."""
    for tick in set(ticks):
        denominator = Fraction(tick, ticks_per_quarter).denominator
        if denominator > MAX_DENOMINATOR or NOTATABLE % denominator:
            return False
    return True


def exact(ticks: int, ticks_per_quarter: int) -> Fraction:
    """`ticks` as quarter notes, unrounded (for songs that are `is_notatable`)."""
    return Fraction(ticks, ticks_per_quarter)


def snap(ticks: int, ticks_per_quarter: int) -> Fraction:
    """`ticks` as quarter notes on the nearer of the sixteenth and triplet grids."""
    return Fraction(snap_twelfths(ticks, ticks_per_quarter), TWELFTHS)


def snap_span(start: int, end: int, ticks_per_quarter: int) -> tuple[Fraction, Fraction]:
    """A note's (offset, end) in quarters, never empty."""
    offset, finish = snap_span_twelfths(start, end, ticks_per_quarter)
    return Fraction(offset, TWELFTHS), Fraction(finish, TWELFTHS)


def snap_twelfths(ticks: int, ticks_per_quarter: int) -> int:
    """`snap` in whole twelfths of a quarter (both grids are whole twelfths): integers only, which the
    exporter needs for speed (Fraction arithmetic took most of a 49k-note export's time)."""
    on_sixteenths = 3 * _round_half_even(4 * ticks, ticks_per_quarter)
    on_triplets = 4 * _round_half_even(3 * ticks, ticks_per_quarter)
    # distances in 1/(12 * ticks_per_quarter) of a quarter; ties go to sixteenths
    if abs(on_triplets * ticks_per_quarter - 12 * ticks) < abs(on_sixteenths * ticks_per_quarter - 12 * ticks):
        return on_triplets
    return on_sixteenths


def snap_span_twelfths(start: int, end: int, ticks_per_quarter: int) -> tuple[int, int]:
    """`snap_span` in whole twelfths of a quarter."""
    offset, finish = snap_twelfths(start, ticks_per_quarter), snap_twelfths(end, ticks_per_quarter)
    step = 3 if offset % 3 == 0 else 4  # a sixteenth or an eighth-note triplet
    return offset, max(finish, offset + step)


def _round_half_even(numerator: int, denominator: int) -> int:
    """round(numerator / denominator) as Python rounds a Fraction (halves to even), in integers."""
    quotient, remainder = divmod(numerator, denominator)
    if 2 * remainder > denominator or (2 * remainder == denominator and quotient % 2):
        quotient += 1
    return quotient


@dataclass(frozen=True, slots=True)
class Bar:
    """One measure: its span in quarters and its meter (as written, after shortening)."""

    number: int
    offset: Fraction
    length: Fraction
    meter: TimeSignature


def bars(song: Song, end_tick: int, unrounded: bool = False) -> list[Bar]:
    """The song's bars up to `end_tick` (at least one), on the sixteenth grid (`unrounded`: where they are)."""
    meter_map = song.meter_map
    tpq = song.ticks_per_quarter
    count = max(1, meter_map.bar_count(end_tick))
    place = exact if unrounded else _on_sixteenths
    edges = [place(meter_map.bar_start(i), tpq) for i in range(count + 1)]
    result = []
    for i in range(count):
        length = edges[i + 1] - edges[i]
        if length <= 0:  # a bar narrower than a sixteenth vanishes into its neighbour
            continue
        meter = meter_map.meter_at(meter_map.bar_start(i))
        result.append(Bar(len(result) + 1, edges[i], length, _meter_of_length(meter, length)))
    return result


def _on_sixteenths(tick: int, ticks_per_quarter: int) -> Fraction:
    return round(Fraction(tick, ticks_per_quarter) / SIXTEENTH) * SIXTEENTH


def _meter_of_length(meter: TimeSignature, length: Fraction) -> TimeSignature:
    """`meter` if the bar is complete, else a meter that fills exactly `length` quarters."""
    if Fraction(meter.numerator * 4, meter.denominator) == length:
        return meter
    for denominator in (meter.denominator, 4, 8, 16, 2, 1):
        beats = length * denominator / 4
        if beats.denominator == 1 and 1 <= beats <= 255:
            return TimeSignature(meter.tick, int(beats), denominator)
    return TimeSignature(meter.tick, int(length * 4), 16)  # length is whole sixteenths
