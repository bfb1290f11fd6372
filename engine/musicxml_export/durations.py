"""A length in quarter notes as written notes: note types, dots, tuplets, tied pieces.

MusicXML gives every note a `<duration>` (what it lasts, in divisions) and a
`<type>` with dots and a `<time-modification>` (how it is drawn). A length
that no single note draws (5/4 of a quarter, a quintuplet's 3/5) becomes
several tied pieces. The rule: the length's odd denominator is its tuplet (a
third is a triplet 3:2, a fifth a quintuplet 5:4, a seventh 7:4, a ninth 9:8:
the actual notes against the power of two below them); what is left is a sum
of powers of two, read from the longest down, each run of adjacent powers one
dotted note (at most three dots). So 3/2 is a dotted quarter, 5/4 a quarter
tied to a sixteenth, 2/3 a triplet quarter, 3/5 a dotted quintuplet eighth.
The lengths a song uses are few, so each is worked out once (`lru_cache`).
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

# Quarter lengths of the note types MusicXML names, longest first (a "long" is two breves).
TYPES = ((Fraction(16), "long"), (Fraction(8), "breve"), (Fraction(4), "whole"), (Fraction(2), "half"),
         (Fraction(1), "quarter"), (Fraction(1, 2), "eighth"), (Fraction(1, 4), "16th"), (Fraction(1, 8), "32nd"),
         (Fraction(1, 16), "64th"), (Fraction(1, 32), "128th"), (Fraction(1, 64), "256th"),
         (Fraction(1, 128), "512th"), (Fraction(1, 256), "1024th"))
_TYPE_NAMES = dict(TYPES)
MAX_DOTS = 3


@dataclass(frozen=True, slots=True)
class Written:
    """One drawn note or rest: its sounding length (in divisions) and how it is drawn."""

    duration: int
    type: str
    dots: int = 0
    actual: int = 1  # a tuplet: `actual` notes in the time of `normal`
    normal: int = 1


@lru_cache(maxsize=4096)
def written(duration: int, divisions: int) -> tuple[Written, ...]:
    """`duration` divisions (> 0; `divisions` a quarter) as pieces to be tied, longest first, adding up to it."""
    if duration <= 0:
        raise ValueError(f"a written length must be above 0, got {duration}/{divisions} of a quarter")
    quarters = Fraction(duration, divisions)
    actual = _odd_part(quarters.denominator)
    normal = 1 << (actual.bit_length() - 1) if actual > 1 else 1
    drawn = quarters * actual / normal  # the length as drawn, before the tuplet shortens it: a dyadic fraction
    pieces = []
    for value, dots in _dotted_runs(drawn):
        length = value * normal / actual * divisions
        if length.denominator != 1:  # the writer's divisions hold every length it writes: a bug if not
            raise ValueError(f"a piece of {duration}/{divisions} of a quarter is not a whole number of divisions")
        pieces.append(Written(int(length), _TYPE_NAMES[_top(value, dots)], dots, actual, normal))
    return tuple(pieces)


def _odd_part(number: int) -> int:
    while number % 2 == 0:
        number //= 2
    return number


def _dotted_runs(drawn: Fraction) -> list[tuple[Fraction, int]]:
    """A dyadic length as (length, dots) pieces: each run of adjacent binary digits one dotted note."""
    longest, shortest = TYPES[0][0], TYPES[-1][0]
    pieces: list[tuple[Fraction, int]] = []
    rest = drawn
    while rest >= longest:  # longer than any type: whole longs
        pieces.append((longest, 0))
        rest -= longest
    power = longest
    while rest > 0 and power >= shortest:
        if rest >= power:
            value, dots, step = power, 0, power / 2
            while dots < MAX_DOTS and step >= shortest and rest - value >= step:
                value += step
                dots += 1
                step /= 2
            pieces.append((value, dots))
            rest -= value
            power = step
        else:
            power /= 2
    if rest > 0:
        raise ValueError(f"a length of {drawn} quarters is shorter than a 1024th note")
    return pieces


def _top(value: Fraction, dots: int) -> Fraction:
    """The undotted type of a dotted length: value / (2 - 1/2**dots)."""
    return value / (2 - Fraction(1, 2 ** dots))
