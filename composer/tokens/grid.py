"""A song as a (bars x lanes) grid of quantized cells: what tokens describe.

Quantization is the only lossy step of tokenization, and it happens here, once:
onsets to the nearest 1/12 quarter, lengths to the nearest `DURATION_STEPS` bin
(by ratio), velocities to the nearest `VELOCITIES` bin, drum hits to a fixed
16th. A note belongs to the bar its onset falls in (it may sound on into the
next ones). Two notes of one pitch on one step become one (the longer, the
louder). Encoding a grid and decoding it gives the same grid back exactly.

Meters: a bar whose meter the vocabulary lacks is an error for training data
(the corpus converters give every bar a token meter). A proposal reads any
song (`lenient`): such a bar is read at a token meter of the same length when
there is one (4/16 as 2/8, 8/8 as 4/4, 2/1 as 4/2), and a bar no token meter
lasts as long as (5/16, 9/4) is marked `unreadable`, for windows to leave
out. The song's own meter is never changed; `Grid.own_meters` keeps it for
the warnings.

The chord lane is a lane like the tracks: each bar's cell restates the chord
in force at its start (so a masked bar never depends on a bar far away), then
lists the changes inside the bar; a cell with nothing at step 0 means "no chord"
there.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass

from engine.chords import Chord
from engine.song import Song
from engine.track import TrackRole
from composer.tokens.vocab import (
    DENSITY_EDGES, DURATION_STEPS, MAX_BAR_STEPS, METERS, POLYPHONY_EDGES, RANGE_EDGES,
    STEPS_PER_QUARTER, TEMPOS_BPM, VELOCITIES,
)


@dataclass(frozen=True, slots=True, order=True)
class NoteEvent:
    """A note in a cell: step in the bar, pitch, length in steps (0 for drums), velocity bin value."""

    pos: int
    pitch: int
    duration: int
    velocity: int


@dataclass(frozen=True, slots=True)
class ChordMark:
    """A chord symbol (None: no chord) from step `pos` of the bar on."""

    pos: int
    chord: Chord | None


@dataclass(frozen=True, slots=True)
class Lane:
    """A track of the grid (`track_id` of the song) or the chord lane (`track_id` None)."""

    track_id: int | None
    role: str
    drums: bool = False

    @property
    def is_chords(self) -> bool:
        return self.track_id is None


@dataclass(frozen=True)
class Grid:
    """Cells of quantized events: `cells[bar][lane]` is a tuple of NoteEvent or ChordMark.

    `bar_steps[b]` is where bar b starts in grid steps from the song start
    (one more entry than bars: the end of the last bar). Per bar: its meter,
    its key (tonic pitch class, 'major'/'minor') or None. `style` (one of
    vocab.STYLES, or None for "unsaid") is what the header tells the model the
    piece is; a song carries none, so it is set on the grid by whoever knows it
    (the training corpus, a sketch brief).
    """

    lanes: tuple[Lane, ...]
    bar_steps: tuple[int, ...]
    meters: tuple[tuple[int, int], ...]
    keys: tuple[tuple[int, str] | None, ...]
    tempo_bpm: int
    cells: tuple[tuple[tuple, ...], ...]
    style: str | None = None
    own_meters: tuple[tuple[int, tuple[int, int]], ...] = ()   # (bar, its meter) where `meters` stands in for it
    unreadable: frozenset[int] = frozenset()                   # bars no token meter lasts as long as

    @property
    def bar_count(self) -> int:
        return len(self.meters)


def song_grid(song: Song, track_ids: list[int] | None = None, chord_lane: bool | None = None,
              lenient: bool = False) -> Grid:
    """The grid of a whole song: the given tracks (default all) plus the chord lane
    (default: when the song has chord symbols). A bar in a meter the tokens lack raises ValueError,
    unless `lenient` (module docstring: stand-in meters, unreadable bars)."""
    tracks = [song.track(i) for i in track_ids] if track_ids is not None else list(song.tracks)
    if chord_lane is None:
        chord_lane = bool(song.chords)
    tpq = song.ticks_per_quarter
    bars = max(1, song.bar_count())
    meter_map = song.meter_map
    bar_steps = tuple(to_steps(meter_map.bar_start(b), tpq) for b in range(bars + 1))
    meters = []
    own: list[tuple[int, tuple[int, int]]] = []
    unreadable = set()
    for b in range(bars):
        meter = meter_map.meter_at(meter_map.bar_start(b))
        pair = (meter.numerator, meter.denominator)
        if pair in METERS and bar_steps[b + 1] - bar_steps[b] <= MAX_BAR_STEPS:
            meters.append(pair)
            continue
        if not lenient:
            raise ValueError(f"bar {b + 1}: meter {meter} is not in the token vocabulary")
        stand_in, same_length = nearest_meter(pair, bar_steps[b + 1] - bar_steps[b])
        meters.append(stand_in)
        own.append((b, pair))
        if not same_length:
            unreadable.add(b)
    keys = tuple(_key_at(song, meter_map.bar_start(b)) for b in range(bars))
    lanes = ([Lane(None, "chords")] if chord_lane else []) + [
        Lane(t.id, t.role.value, t.is_drums or t.role is TrackRole.DRUMS) for t in tracks]
    columns = []
    for lane in lanes:
        if lane.is_chords:
            columns.append(_chord_cells(song, bar_steps))
        else:
            columns.append(_note_cells(song.track(lane.track_id).notes, tpq, bar_steps, lane.drums))
    cells = tuple(tuple(column[b] for column in columns) for b in range(bars))
    return Grid(tuple(lanes), bar_steps, tuple(meters), keys, nearest_tempo(song.tempo_map.bpm_at(0)), cells,
                own_meters=tuple(own), unreadable=frozenset(unreadable))


def meter_steps(meter: tuple[int, int]) -> int:
    return meter[0] * 4 * STEPS_PER_QUARTER // meter[1]


def nearest_meter(meter: tuple[int, int], steps: int) -> tuple[tuple[int, int], bool]:
    """(the token meter to read a bar of `meter` lasting `steps` grid steps at, whether it lasts as long):
    of the token meters of the bar's length, the one whose beat unit is nearest (4/16 -> 2/8, not 1/4);
    without one, the nearest in length (the bar is then unreadable: it stays out of every window)."""
    def unit_distance(candidate: tuple[int, int]) -> float:
        return abs(math.log2(candidate[1] / meter[1]))
    same = [m for m in METERS if meter_steps(m) == steps]
    if same:
        return min(same, key=lambda m: (unit_distance(m), m)), True
    return min(METERS, key=lambda m: (abs(meter_steps(m) - steps), unit_distance(m), m)), False


def to_steps(tick: int, ticks_per_quarter: int) -> int:
    return round(tick * STEPS_PER_QUARTER / ticks_per_quarter)


def nearest_duration(steps: float) -> int:
    """The duration bin nearest by ratio (a 1-step note is never rounded to 0)."""
    steps = max(steps, 1)
    return min(DURATION_STEPS, key=lambda s: abs(math.log(s / steps)))


def nearest_velocity(velocity: int) -> int:
    return min(VELOCITIES, key=lambda v: abs(v - velocity))


def nearest_tempo(bpm: float) -> int:
    return min(TEMPOS_BPM, key=lambda b: abs(math.log(b / bpm)))


def _key_at(song: Song, tick: int) -> tuple[int, str] | None:
    key = song.key_at(tick)
    return None if key is None else (key.tonic, "minor" if key.is_minor else "major")


def _note_cells(notes, tpq: int, bar_steps: tuple[int, ...], drums: bool) -> list[tuple[NoteEvent, ...]]:
    found: dict[tuple[int, int, int], NoteEvent] = {}
    for note in notes:
        step = to_steps(note.start, tpq)
        bar = min(bisect_right(bar_steps, step) - 1, len(bar_steps) - 2)
        pos = step - bar_steps[bar]
        duration = 0 if drums else nearest_duration(note.duration * STEPS_PER_QUARTER / tpq)
        event = NoteEvent(pos, note.pitch, duration, nearest_velocity(note.velocity))
        old = found.get((bar, pos, note.pitch))
        if old is not None:
            event = NoteEvent(pos, note.pitch, max(old.duration, duration), max(old.velocity, event.velocity))
        found[bar, pos, note.pitch] = event
    cells: list[list[NoteEvent]] = [[] for _ in range(len(bar_steps) - 1)]
    for (bar, _, _), event in found.items():
        cells[bar].append(event)
    return [tuple(sorted(cell)) for cell in cells]


def _chord_cells(song: Song, bar_steps: tuple[int, ...]) -> list[tuple[ChordMark, ...]]:
    steps: dict[int, Chord | None] = {}
    for event in song.chords:  # sorted by tick; a later one on the same step wins
        steps[to_steps(event.tick, song.ticks_per_quarter)] = event.chord
    changes = sorted(steps.items())
    change_steps = [s for s, _ in changes]
    cells = []
    for bar in range(len(bar_steps) - 1):
        start, end = bar_steps[bar], bar_steps[bar + 1]
        before = bisect_right(change_steps, start) - 1
        current = changes[before][1] if before >= 0 else None
        marks = [ChordMark(0, current)] if current is not None else []
        for step, chord in changes[before + 1:bisect_right(change_steps, end - 1)]:
            if chord != current:
                marks.append(ChordMark(step - start, chord))
                current = chord
        cells.append(tuple(marks))
    return cells


def cell_shape(events) -> frozenset[tuple[int, int]]:
    """A cell's onsets and pitches, lengths and velocities left out: what "the same bar again" means when
    repetition is counted (the proposals' echo, the benchmarks' repeated bars)."""
    return frozenset((e.pos, e.pitch) for e in events)


def cell_controls(events: tuple[NoteEvent, ...]) -> tuple[int, int, int]:
    """(density, polyphony, range) bin indices of a note cell: the controls a fill starts with."""
    onsets: dict[int, int] = {}
    for event in events:
        onsets[event.pos] = onsets.get(event.pos, 0) + 1
    pitches = [e.pitch for e in events]
    span = max(pitches) - min(pitches) if pitches else 0
    return (_bin(len(events), DENSITY_EDGES), _bin(max(onsets.values(), default=0), POLYPHONY_EDGES),
            _bin(span, RANGE_EDGES))


def _bin(value: int, edges: tuple[int, ...]) -> int:
    return bisect_right(edges, value) - 1
