"""Tempo and meter: the only way ticks become seconds, bars and beats.

A song keeps its own resolution (`ticks_per_quarter`, taken from the MIDI file
it came from so nothing is rounded on import). Seconds come only through the
tempo map; bars come only through the meter map. Both maps are immutable
snapshots built from the song's event lists and cached by the song.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

DEFAULT_TEMPO_US = 500_000  # 120 BPM, the MIDI default when a file names none
DEFAULT_TICKS_PER_QUARTER = 480


@dataclass(frozen=True, slots=True, order=True)
class TempoChange:
    """From `tick` on, a quarter note lasts `us_per_quarter` microseconds (MIDI's own unit)."""

    tick: int
    us_per_quarter: int

    def __post_init__(self) -> None:
        if self.tick < 0:
            raise ValueError(f"tempo change tick must be >= 0, got {self.tick}")
        if not 1 <= self.us_per_quarter <= 0xFFFFFF:
            raise ValueError(f"tempo must be 1..16777215 us per quarter, got {self.us_per_quarter}")

    @property
    def bpm(self) -> float:
        return 60_000_000 / self.us_per_quarter

    @staticmethod
    def from_bpm(tick: int, bpm: float) -> "TempoChange":
        if not 3.6 <= bpm <= 1000:
            raise ValueError(f"tempo must be between 3.6 and 1000 BPM, got {bpm:g}")
        return TempoChange(tick, round(60_000_000 / bpm))


@dataclass(frozen=True, slots=True, order=True)
class TimeSignature:
    """From `tick` on, bars have `numerator` beats of 1/`denominator` notes."""

    tick: int
    numerator: int
    denominator: int

    def __post_init__(self) -> None:
        if self.tick < 0:
            raise ValueError(f"time signature tick must be >= 0, got {self.tick}")
        if not 1 <= self.numerator <= 255:
            raise ValueError(f"time signature numerator must be 1..255, got {self.numerator}")
        if self.denominator not in (1, 2, 4, 8, 16, 32, 64):
            raise ValueError(f"time signature denominator must be a power of two up to 64, got {self.denominator}")

    def bar_ticks(self, ticks_per_quarter: int) -> int:
        return self.numerator * self.beat_ticks(ticks_per_quarter)

    def beat_ticks(self, ticks_per_quarter: int) -> int:
        return max(1, ticks_per_quarter * 4 // self.denominator)

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"


class TempoMap:
    """Converts between ticks and seconds for one tempo list.

    The list is sorted by tick; when several changes share a tick the last one
    wins (as a sequencer reading the file in order would end up). Before the
    first change the MIDI default of 120 BPM applies.
    """

    def __init__(self, tempos: tuple[TempoChange, ...], ticks_per_quarter: int) -> None:
        self.ticks_per_quarter = ticks_per_quarter
        effective: dict[int, int] = {0: DEFAULT_TEMPO_US}
        for change in tempos:
            effective[change.tick] = change.us_per_quarter
        self._ticks = sorted(effective)
        self._us_per_quarter = [effective[t] for t in self._ticks]
        self._seconds: list[float] = []
        elapsed = 0.0
        for i, tick in enumerate(self._ticks):
            if i:
                elapsed += (tick - self._ticks[i - 1]) * self._us_per_quarter[i - 1] / (ticks_per_quarter * 1e6)
            self._seconds.append(elapsed)

    def seconds(self, tick: int | float) -> float:
        i = bisect_right(self._ticks, tick) - 1
        return self._seconds[i] + (tick - self._ticks[i]) * self._us_per_quarter[i] / (self.ticks_per_quarter * 1e6)

    def tick(self, seconds: float) -> float:
        """The (fractional) tick sounding at `seconds`; callers round as they need."""
        i = max(0, bisect_right(self._seconds, seconds) - 1)
        return self._ticks[i] + (seconds - self._seconds[i]) * self.ticks_per_quarter * 1e6 / self._us_per_quarter[i]

    def us_per_quarter_at(self, tick: int) -> int:
        return self._us_per_quarter[bisect_right(self._ticks, tick) - 1]

    def bpm_at(self, tick: int) -> float:
        return 60_000_000 / self.us_per_quarter_at(tick)


@dataclass(frozen=True, slots=True)
class BarPosition:
    """Where a tick falls: 0-based bar and beat, ticks into the beat, and the bar's meter."""

    bar: int
    beat: int
    tick_in_beat: int
    meter: TimeSignature


class MeterMap:
    """Bars and beats for one meter list.

    A meter change starts a new bar where it stands, even mid-bar (MIDI allows
    that and files do it); before the first change the bars are 4/4.
    """

    def __init__(self, meters: tuple[TimeSignature, ...], ticks_per_quarter: int) -> None:
        self.ticks_per_quarter = ticks_per_quarter
        effective: dict[int, TimeSignature] = {0: TimeSignature(0, 4, 4)}
        for meter in meters:
            effective[meter.tick] = meter
        self._segments = [effective[t] for t in sorted(effective)]
        self._segment_ticks = [m.tick for m in self._segments]
        # Index of the first bar of every segment.
        self._first_bar: list[int] = []
        bar = 0
        for i, meter in enumerate(self._segments):
            self._first_bar.append(bar)
            if i + 1 < len(self._segments):
                length = self._segments[i + 1].tick - meter.tick
                bar += -(-length // meter.bar_ticks(ticks_per_quarter))

    def meter_at(self, tick: int) -> TimeSignature:
        return self._segments[bisect_right(self._segment_ticks, tick) - 1]

    def position(self, tick: int) -> BarPosition:
        i = bisect_right(self._segment_ticks, tick) - 1
        meter = self._segments[i]
        bar_len = meter.bar_ticks(self.ticks_per_quarter)
        beat_len = meter.beat_ticks(self.ticks_per_quarter)
        offset = tick - meter.tick
        into_bar = offset % bar_len
        return BarPosition(self._first_bar[i] + offset // bar_len, into_bar // beat_len, into_bar % beat_len, meter)

    def bar_start(self, bar: int) -> int:
        """The tick where 0-based `bar` starts (bars past the last change repeat its meter)."""
        if bar < 0:
            raise ValueError(f"bar must be >= 0, got {bar}")
        i = bisect_right(self._first_bar, bar) - 1
        meter = self._segments[i]
        return meter.tick + (bar - self._first_bar[i]) * meter.bar_ticks(self.ticks_per_quarter)

    def bar_range(self, first_bar: int, last_bar: int) -> tuple[int, int]:
        """Start and end tick of bars first..last (0-based, inclusive)."""
        if last_bar < first_bar:
            raise ValueError(f"bar range is empty: {first_bar + 1}-{last_bar + 1}")
        return self.bar_start(first_bar), self.bar_start(last_bar + 1)

    def bar_count(self, end_tick: int) -> int:
        """How many bars it takes to hold everything before `end_tick`."""
        if end_tick <= 0:
            return 0
        pos = self.position(end_tick - 1)
        return pos.bar + 1
