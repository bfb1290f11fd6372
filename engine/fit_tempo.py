"""Fit the tempo to hit points: one constant tempo, or a ramp, so that picture hits land on chosen beats.

A hit point is a moment of picture (seconds after the song's start); its target
is a bar and beat, or "the nearest downbeat" (None; see below). The song's start stays where it is (tick 0 at 0 s, i.e. at the SMPTE start
offset), meters stay at their ticks, and only the tempo map is replaced:

- constant: one tempo, by least squares over the hits. With the start fixed a
  target q quarter notes in lands at q * k seconds (k seconds per quarter), so
  k = sum(q * t) / sum(q * q).
- ramp: a tempo b0 from the start to the first hit's target, then linear in BPM
  (written as a staircase of tempo changes every 16th note, which is what a
  MIDI file and the synth can play) to b1 at the last hit's target, and b1 after.
  b0 and b1 are found numerically (Gauss-Newton on the staircase itself, so the
  errors reported are those of the tempo map that is applied).

"Nearest downbeat" picks the bar lines with the fit, the way a hit finder
does: of the constant tempos at which every such hit lies within half a frame
of a bar line (the hits land on their frames), the one closest to the song's
tempo now; when there is none in 20-400 BPM, the bar lines nearest to the hits
under the tempo the song has now (and the errors say how far off they are).

Each hit's remaining error is reported in milliseconds and frames (at the
song's frame rate): positive when the beat comes after the picture. A fit
outside 20-400 BPM, or hits whose order contradicts their targets, is refused
with one line and nothing changes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.edits import SongPropertiesEdit
from engine.errors import CadenzaError
from engine.song import Marker, Song
from engine.timing import TempoChange, TempoMap

MIN_BPM, MAX_BPM = 20.0, 400.0
_MAX_ITERATIONS = 40
MAX_CANDIDATE_BARS = 100_000   # bar lines the hit finder tries (at 400 BPM in 4/4: a cue of over 16 hours)
_STEP = 1e-4  # in log BPM for the numeric derivative: 0.01%, well above the 1 us rounding of a MIDI tempo


class FitError(CadenzaError, ValueError):
    """Hits that no tempo in range can fit, or targets that make no sense: one line."""


@dataclass(frozen=True, slots=True)
class BarBeat:
    """A target: 1-based bar and beat."""

    bar: int
    beat: int = 1

    def __str__(self) -> str:
        return f"{self.bar}.{self.beat}"



@dataclass(frozen=True, slots=True)
class HitResult:
    hit: Marker
    target_tick: int
    target: BarBeat
    error_seconds: float   # when the target beat sounds minus when the hit is
    error_frames: float

    @property
    def error_ms(self) -> float:
        return self.error_seconds * 1000


@dataclass(frozen=True)
class TempoFit:
    tempos: tuple[TempoChange, ...]
    bpm_start: float
    bpm_end: float
    ramp: bool
    results: tuple[HitResult, ...]

    def edit(self, song: Song) -> SongPropertiesEdit:
        """The whole fit as one undo step (the hit points' ticks follow by themselves)."""
        return SongPropertiesEdit.changing(song, "Fit tempo to hits", tempos=self.tempos)

    @property
    def worst_error_ms(self) -> float:
        return max((abs(r.error_ms) for r in self.results), default=0.0)


def tempo_ramp(start_tick: int, end_tick: int, bpm_start: float, bpm_end: float,
               step_ticks: int) -> tuple[TempoChange, ...]:
    """Tempo changes from `start_tick` every `step_ticks`, linear in BPM from `bpm_start`, and `bpm_end` at
    `end_tick` (each step plays the ramp's value at its start)."""
    if end_tick <= start_tick:
        raise ValueError(f"a ramp needs its end after its start, got ticks {start_tick}..{end_tick}")
    if step_ticks < 1:
        raise ValueError(f"ramp step must be at least 1 tick, got {step_ticks}")
    changes = []
    for tick in range(start_tick, end_tick, step_ticks):
        bpm = bpm_start + (bpm_end - bpm_start) * (tick - start_tick) / (end_tick - start_tick)
        changes.append(TempoChange.from_bpm(tick, bpm))
    changes.append(TempoChange.from_bpm(end_tick, bpm_end))
    return tuple(changes)


def target_tick(song: Song, target: BarBeat) -> int:
    """The tick of a 1-based bar and beat; FitError for a beat the bar does not have."""
    if target.bar < 1 or target.beat < 1:
        raise FitError(f"target {target} is not a bar.beat (both count from 1)")
    meters = song.meter_map
    start = meters.bar_start(target.bar - 1)
    meter = meters.meter_at(start)
    if target.beat > meter.numerator:
        raise FitError(f"bar {target.bar} is in {meter} and has no beat {target.beat}")
    return start + (target.beat - 1) * meter.beat_ticks(song.ticks_per_quarter)


def nearest_downbeat(song: Song, seconds: float) -> int:
    """The bar line nearest to `seconds` under the song's tempo now."""
    return _nearest_bar_line(song, song.tempo_map.tick(seconds))


def _nearest_bar_line(song: Song, tick: float) -> int:
    meters = song.meter_map
    bar = meters.position(int(tick)).bar
    before, after = meters.bar_start(bar), meters.bar_start(bar + 1)
    return before if tick - before <= after - tick else after


def _choose_downbeats(song: Song, hits: list[Marker], targets: dict[Marker, BarBeat | None]) -> dict[Marker, int]:
    """Target ticks for every hit: explicit ones as given, nearest-downbeat ones as the module docstring says."""
    fixed = {h: target_tick(song, t) for h, t in targets.items() if t is not None}
    free = [h for h in hits if targets[h] is None]
    fallback = {**fixed, **{h: nearest_downbeat(song, h.seconds) for h in free}}
    anchor = max(free, key=lambda h: h.seconds, default=None)
    if anchor is None or anchor.seconds <= 0:
        return fallback
    tpq = song.ticks_per_quarter
    tolerance = 0.5 / float(song.timecode.rate.fps)
    now = song.tempo_map.tick(anchor.seconds) / tpq * 60 / anchor.seconds  # the song's mean tempo up to the hit
    # Every bar line the latest free hit could land on gives one candidate tempo (a row below); at each, the
    # other free hits take their nearest bar line, the fixed ones their own targets, and one least-squares
    # tempo follows. All candidates are worked out at once with numpy.
    last_tick = anchor.seconds * MAX_BPM / 60 * tpq
    meters = song.meter_map
    bar_count = min(MAX_CANDIDATE_BARS, meters.bar_count(int(last_tick) + 1) + 2)   # bounded on absurd hits
    bar_lines = np.array([meters.bar_start(b) for b in range(bar_count)], float)
    candidates = bar_lines[1:] / tpq * 60 / anchor.seconds
    candidates = candidates[(candidates >= MIN_BPM) & (candidates <= MAX_BPM)]
    if not len(candidates):
        return fallback
    free_seconds = np.array([h.seconds for h in free])
    ticks = np.outer(candidates / 60 * tpq, free_seconds)
    above = np.clip(np.searchsorted(bar_lines, ticks), 1, len(bar_lines) - 1)
    lower, upper = bar_lines[above - 1], bar_lines[above]
    nearest = np.where(ticks - lower <= upper - ticks, lower, upper)
    order = {h: i for i, h in enumerate(free)}
    quarters = np.column_stack([nearest[:, order[h]] if h in order else np.full(len(candidates), fixed[h], float)
                                for h in hits]) / tpq
    seconds = np.array([h.seconds for h in hits])
    weight = (quarters * quarters).sum(axis=1)
    per_quarter = np.divide((quarters * seconds).sum(axis=1), weight, out=np.zeros_like(weight), where=weight > 0)
    with np.errstate(divide="ignore"):
        bpm = np.where(per_quarter > 0, 60 / np.where(per_quarter > 0, per_quarter, 1), 0)
    worst = np.abs(quarters * per_quarter[:, None] - seconds).max(axis=1)
    good = np.flatnonzero((bpm >= MIN_BPM) & (bpm <= MAX_BPM) & (worst <= tolerance))
    if not len(good):
        return fallback
    best = good[np.argmin(np.abs(np.log(bpm[good] / now)))]
    return {h: round(quarters[best, i] * tpq) for i, h in enumerate(hits)}


def fit_tempo(song: Song, targets: dict[Marker, BarBeat | None], ramp: bool = False) -> TempoFit:
    """Fit the tempo so each hit point in `targets` lands on its target (None: the nearest downbeat)."""
    if not targets:
        raise FitError("no hit points to fit (mark hits first, or name them)")
    for hit in targets:
        if not hit.is_hit:
            raise FitError(f"marker {hit.text!r} is not a hit point (lock it to its timecode first)")
    hits = sorted(targets, key=lambda m: m.seconds)
    chosen = _choose_downbeats(song, hits, targets)
    ticks = [chosen[h] for h in hits]
    _check_order(hits, ticks)
    seconds = [h.seconds for h in hits]
    tpq = song.ticks_per_quarter
    if ramp:
        b0, b1, tempos = _fit_ramp(ticks, seconds, tpq)
    else:
        quarters = [t / tpq for t in ticks]
        weight = sum(q * q for q in quarters)
        if weight == 0:
            raise FitError("every hit targets the song's start: no tempo moves it")
        per_quarter = sum(q * s for q, s in zip(quarters, seconds)) / weight
        b0 = b1 = 60 / per_quarter if per_quarter > 0 else math.inf
        _check_range(b0, b1)
        tempos = (TempoChange.from_bpm(0, b0),)
    tempo_map = TempoMap(tempos, tpq)
    fps = float(song.timecode.rate.fps)
    results = tuple(HitResult(h, t, _bar_beat(song, t), err, err * fps)
                    for h, t in zip(hits, ticks) for err in (tempo_map.seconds(t) - h.seconds,))
    return TempoFit(tempos, b0, b1, ramp, results)


def _check_order(hits: list[Marker], ticks: list[int]) -> None:
    for (a, ta), (b, tb) in zip(zip(hits, ticks), zip(hits[1:], ticks[1:])):
        if tb < ta:
            raise FitError(f"hit {b.text!r} comes after {a.text!r} but its target is earlier: no tempo fits")


def _check_range(b0: float, b1: float) -> None:
    for bpm in (b0, b1):
        if not MIN_BPM <= bpm <= MAX_BPM:
            best = f"{b0:.1f}" if b0 == b1 else f"{b0:.1f}-{b1:.1f}"
            raise FitError(f"no tempo between {MIN_BPM:.0f} and {MAX_BPM:.0f} BPM fits these hits (best fit: {best} BPM)")


def _ramp_tempos(ticks: list[int], b0: float, b1: float, tpq: int) -> tuple[TempoChange, ...]:
    first, last = ticks[0], ticks[-1]
    lead = (TempoChange.from_bpm(0, b0),) if first > 0 else ()
    return lead + tempo_ramp(first, last, b0, b1, max(1, tpq // 4))


def _ramp_seconds(ticks: list[int], b0: float, b1: float, tpq: int) -> list[float]:
    """When each target tick sounds under `_ramp_tempos(ticks, b0, b1, tpq)`, worked out with numpy over the
    staircase at once (the same microsecond-rounded steps a TempoMap of it would read, hundreds of times faster
    than building one per solver step; the reported errors still come from the real tempo map)."""
    first, last = ticks[0], ticks[-1]
    step = max(1, tpq // 4)
    starts = np.arange(first, last, step)
    bpms = b0 + (b1 - b0) * (starts - first) / (last - first)
    seconds_per_tick = np.round(60_000_000 / bpms) / 1e6 / tpq
    lengths = np.minimum(step, last - starts)
    at_start = np.concatenate(([0.0], np.cumsum(lengths * seconds_per_tick)))
    lead = first * round(60_000_000 / b0) / 1e6 / tpq
    tail = round(60_000_000 / b1) / 1e6 / tpq
    times = []
    for tick in ticks:
        if tick >= last:
            times.append(lead + at_start[-1] + (tick - last) * tail)
        else:
            k = (tick - first) // step
            times.append(lead + at_start[k] + (tick - starts[k]) * seconds_per_tick[k])
    return times


def _fit_ramp(ticks: list[int], seconds: list[float], tpq: int) -> tuple[float, float, tuple[TempoChange, ...]]:
    """Gauss-Newton in log BPM on the staircase that will be written; starts from the constant fit."""
    if len(set(ticks)) < 2:
        raise FitError("a ramp needs at least two hits with different targets")
    quarters = [t / tpq for t in ticks]
    k = sum(q * s for q, s in zip(quarters, seconds)) / sum(q * q for q in quarters)
    params = [math.log(60 / k)] * 2 if k > 0 else [math.log(120.0)] * 2

    def residuals(p: list[float]) -> list[float]:
        b0, b1 = (min(800.0, max(5.0, math.exp(v))) for v in p)
        return [t - s for t, s in zip(_ramp_seconds(ticks, b0, b1, tpq), seconds)]

    for _ in range(_MAX_ITERATIONS):
        r = residuals(params)
        jac = []
        for j in range(2):
            moved = list(params)
            moved[j] += _STEP
            jac.append([(a - b) / _STEP for a, b in zip(residuals(moved), r)])
        # Normal equations of a 2-parameter least squares, with a touch of damping.
        a11 = sum(x * x for x in jac[0]) + 1e-12
        a22 = sum(x * x for x in jac[1]) + 1e-12
        a12 = sum(x * y for x, y in zip(jac[0], jac[1]))
        g1 = sum(x * e for x, e in zip(jac[0], r))
        g2 = sum(x * e for x, e in zip(jac[1], r))
        det = a11 * a22 - a12 * a12
        if abs(det) < 1e-18:
            break
        d1, d2 = -(a22 * g1 - a12 * g2) / det, -(a11 * g2 - a12 * g1) / det
        params = [max(math.log(5.0), min(math.log(800.0), params[0] + d1)),
                  max(math.log(5.0), min(math.log(800.0), params[1] + d2))]
        if abs(d1) < 1e-9 and abs(d2) < 1e-9:
            break
    b0, b1 = math.exp(params[0]), math.exp(params[1])
    _check_range(b0, b1)
    return b0, b1, _ramp_tempos(ticks, b0, b1, tpq)


def _bar_beat(song: Song, tick: int) -> BarBeat:
    pos = song.meter_map.position(tick)
    return BarBeat(pos.bar + 1, pos.beat + 1)
