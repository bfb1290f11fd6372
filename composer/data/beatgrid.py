"""Put a performed or tracker-annotated song onto a clean beat grid.

POP909's MIDI has a tempo event per beat and wrong time signatures, but its
`beat_midi.txt` lists every beat (seconds) and marks downbeats. We map each
listed beat to exactly one quarter note (beat i -> tick i * 480), moving every
note, chord and key change by piecewise-linear interpolation between the beats
around it. Bars then fall exactly on the annotated downbeats, and the grid the
tokenizer uses (1/12 beat) lines up with what the arranger played.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from composer.data.common import TICKS_PER_QUARTER


@dataclass(frozen=True)
class BeatGrid:
    """Maps source ticks to grid ticks through the source tick of every beat.

    Before the first beat and after the last, the first and last beat
    intervals extend the grid (a note there is placed as if the tempo held).
    """

    beat_ticks: tuple[float, ...]  # source tick of beat 0, 1, ... (strictly increasing)
    ticks_per_beat: int = TICKS_PER_QUARTER

    def __post_init__(self) -> None:
        if len(self.beat_ticks) < 2:
            raise ValueError("a beat grid needs at least two beats")
        if any(b <= a for a, b in zip(self.beat_ticks, self.beat_ticks[1:])):
            raise ValueError("beat times must strictly increase")

    def beat_position(self, tick: float) -> float:
        """The (fractional) beat index at a source tick."""
        beats = self.beat_ticks
        i = min(max(bisect_right(beats, tick) - 1, 0), len(beats) - 2)
        return i + (tick - beats[i]) / (beats[i + 1] - beats[i])

    def to_grid(self, tick: float) -> int:
        """The grid tick of a source tick, rounded to the nearest tick."""
        return round(self.beat_position(tick) * self.ticks_per_beat)


def bar_lengths(downbeat: list[bool], half_bar: list[bool], beat_count: int) -> list[int]:
    """Bars as beat counts, from per-beat downbeat marks (and the half-bar marks).

    - beats before the first downbeat form a pickup bar of their own length;
    - a 6-beat span whose half-bar mark falls on its 4th beat is two bars of 3
      (POP909's triple-meter songs mark downbeats every 6 beats and halves
      every 3);
    - a span longer than 8 beats is cut into bars of the song's usual length;
    - the last downbeat starts a bar of the usual length (its end may be
      extrapolated).
    """
    downs = [i for i in range(beat_count) if downbeat[i]]
    if not downs:
        raise ValueError("no downbeat marked")
    spans = [b - a for a, b in zip(downs, downs[1:])]
    usual = max(set(spans), key=spans.count) if spans else 4
    usual_bar = 3 if usual == 6 and _splits_in_three(downs, half_bar, usual) else usual
    bars = [downs[0]] if downs[0] else []
    for start, span in zip(downs, spans):
        if span == 6 and half_bar[start + 3]:
            bars += [3, 3]
        elif span > 8:
            bars += [usual_bar] * (span // usual_bar) + ([span % usual_bar] if span % usual_bar else [])
        else:
            bars.append(span)
    bars.append(usual_bar)
    return bars


def _splits_in_three(downs: list[int], half_bar: list[bool], usual: int) -> bool:
    sixes = [d for d, e in zip(downs, downs[1:]) if e - d == usual]
    return sum(half_bar[d + 3] for d in sixes) * 2 > len(sixes)
