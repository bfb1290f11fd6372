"""Real-time recording: a performance on the keyboard becomes one undoable edit of a track.

The recorder keeps the raw `(message, timestamp)` pairs (appending is all the
MIDI thread does) and turns them into notes only when asked: `take(now)` for a
live preview, `stop(at)` for the result, `record_edit` for the one edit.

Time: `start(at)` says when, on the port's clock, the count-in begins; the
start tick sounds `count_in_seconds` later. A message `s` seconds after that
lands on `tempo_map.tick(seconds(start_tick) + s)`, so tempo changes in the
song are honoured. `latency` (the audio output's, which the player heard the
song late by) is subtracted from every timestamp, including the stop time.

Policies (docs/MIDI_INPUT.md):
- Note-offs pair with note-ons of the same pitch first-in-first-out, the same
  rule as MIDI import; note-on velocity 0 is a note-off; a note-off without a
  note-on (a key held before recording began) is ignored.
- Count-in: a note that starts in the last `count_in_snap_beats` beats of the
  count-in is snapped to the start tick (players come in a little early); it
  ends where the key was released, or keeps its played length if that was
  before the start. Notes started earlier in the count-in are dropped (warming
  up). The last value of each controller and of the pitch wheel set during the
  count-in applies at the start tick.
- Notes still held at the stop close at the stop tick; a device that vanished
  closes them where it vanished, and what was recorded is kept. A sustain pedal
  still down or a bend off centre gets its release (CC 64 = 0, bend 0) at that
  tick, so the rest of the track does not ring on or play out of tune.
- Controllers 1..119 except bank select (0/32) are recorded as ControlChange
  (sustain is CC 64), the wheel as PitchBend; all channels are recorded (omni).
- Replace clears the notes that start, and the controllers and bends that lie,
  in [start tick, stop tick) of the track; overdub keeps everything.
- Input quantize (optional) moves the recorded note starts with
  engine.operations.quantize; controllers and bends stay where they were played.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import Enum

import mido

from engine.edits import CompoundEdit, Edit, NotesEdit, TrackPropertiesEdit
from engine.live.errors import MidiInputError
from engine.live.note_messages import is_note_off, is_note_on
from engine.notes import Note
from engine.operations import quantize
from engine.song import Song
from engine.track import ControlChange, PitchBend

SUSTAIN = 64
_BANK_SELECT = (0, 32)


class RecordMode(str, Enum):
    OVERDUB = "overdub"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class RecordSettings:
    mode: RecordMode = RecordMode.OVERDUB
    count_in_bars: int = 0
    count_in_snap_beats: float = 1.0
    quantize_grid: int = 0          # ticks; 0 records as played
    quantize_strength: float = 1.0
    latency: float = 0.0            # seconds subtracted from every timestamp

    def __post_init__(self) -> None:
        if self.count_in_bars < 0 or self.count_in_snap_beats < 0 or self.quantize_grid < 0 or self.latency < 0:
            raise MidiInputError("count-in, snap window, quantize grid and latency cannot be negative")


@dataclass(frozen=True, slots=True)
class Take:
    """What was recorded into one track between two ticks (notes sorted, ready for `record_edit`)."""

    track_id: int
    mode: RecordMode
    start_tick: int
    end_tick: int
    notes: tuple[Note, ...]
    controls: tuple[ControlChange, ...]
    pitch_bends: tuple[PitchBend, ...]


def count_in_seconds(song: Song, start_tick: int, bars: int) -> float:
    """How long `bars` bars of the meter and tempo at `start_tick` last."""
    return bars * song.meter_map.meter_at(start_tick).bar_ticks(song.ticks_per_quarter) * _seconds_per_tick(song, start_tick)


def count_in_clicks(song: Song, start_tick: int, bars: int) -> list[tuple[float, bool]]:
    """(seconds after the count-in begins, is a downbeat) for every beat of the count-in: the editor clicks these."""
    meter = song.meter_map.meter_at(start_tick)
    beat = meter.beat_ticks(song.ticks_per_quarter) * _seconds_per_tick(song, start_tick)
    return [(i * beat, i % meter.numerator == 0) for i in range(bars * meter.numerator)]


def _seconds_per_tick(song: Song, tick: int) -> float:
    return song.tempo_map.us_per_quarter_at(tick) / (song.ticks_per_quarter * 1e6)


class Recorder:
    """Records one track from `start_tick`. `feed` is a port listener (safe on the MIDI thread)."""

    def __init__(self, song: Song, track_id: int, start_tick: int, settings: RecordSettings = RecordSettings()) -> None:
        try:
            song.track(track_id)
        except KeyError:
            raise MidiInputError(f"cannot record: no track with id {track_id}") from None
        if start_tick < 0:
            raise MidiInputError(f"cannot record from a negative tick ({start_tick})")
        self.song, self.track_id, self.start_tick, self.settings = song, track_id, start_tick, settings
        self.count_in_seconds = count_in_seconds(song, start_tick, settings.count_in_bars)
        meter = song.meter_map.meter_at(start_tick)
        self._beat_seconds = meter.beat_ticks(song.ticks_per_quarter) * _seconds_per_tick(song, start_tick)
        self._start_seconds = song.tempo_map.seconds(start_tick)
        self._events: list[tuple[mido.Message, float]] = []
        self._origin: float | None = None  # port-clock time at which start_tick sounds
        self._lost_at: float | None = None
        self._stopped = False

    @property
    def recording(self) -> bool:
        return self._origin is not None and not self._stopped

    def start(self, at: float) -> None:
        """The count-in (or, without one, the recording) begins at port-clock time `at`."""
        self._origin = at + self.count_in_seconds

    def feed(self, message: mido.Message, timestamp: float) -> None:
        if self._origin is not None and not self._stopped and self._lost_at is None:
            self._events.append((message, timestamp))

    def input_lost(self, at: float) -> None:
        """The device vanished at `at`: keep everything, close its held notes there."""
        if self._lost_at is None:
            self._lost_at = at

    def stop(self, at: float) -> Take:
        """Stop at port-clock time `at`; the take to hand to `record_edit`."""
        take = self.take(at)
        self._stopped = True
        return take

    def tick_at(self, timestamp: float) -> int:
        """The song tick a port-clock time falls on (the start tick for anything in the count-in)."""
        elapsed = self._elapsed(timestamp)
        if elapsed <= 0:
            return self.start_tick
        return round(self.song.tempo_map.tick(self._start_seconds + elapsed))

    def _elapsed(self, timestamp: float) -> float:
        if self._origin is None:
            raise MidiInputError("the recorder has not been started")
        return timestamp - self.settings.latency - self._origin

    def take(self, now: float) -> Take:
        """Everything recorded until `now`, held notes closed there (a preview while recording)."""
        end = now if self._lost_at is None else min(now, self._lost_at)
        end_tick = self.tick_at(end)
        if self._elapsed(end) <= 0:  # stopped during the count-in: nothing was recorded
            return Take(self.track_id, self.settings.mode, self.start_tick, self.start_tick, (), (), ())
        events = sorted(self._events, key=lambda pair: pair[1])  # a copy (atomic under the GIL); stable for equal stamps
        notes, controls, bends = _Performance(self).replay([e for e in events if e[1] <= end], end_tick)
        if self.settings.quantize_grid:
            notes = list(quantize(notes, self.settings.quantize_grid, self.settings.quantize_strength))
        return Take(self.track_id, self.settings.mode, self.start_tick, self.tick_at(now),
                    tuple(sorted(notes)), tuple(sorted(controls)), tuple(sorted(bends)))


class _Performance:
    """One pass over the messages of a take, turning them into notes, controllers and bends.

    The song model keeps one value per controller per tick (and one bend per
    tick), so a later message on the same tick replaces an earlier one: that is
    also how count-in moves collapse to their last value on the start tick.
    """

    def __init__(self, recorder: Recorder) -> None:
        self.rec = recorder
        self.held: dict[int, deque[tuple[int, int, float] | None]] = {}
        self.notes: list[Note] = []
        self.controls: dict[tuple[int, int], int] = {}
        self.bends: dict[int, int] = {}
        self.sustain_down = False
        self.bend = 0

    def replay(self, events: list[tuple[mido.Message, float]], end_tick: int):
        rec = self.rec
        snap = rec.settings.count_in_snap_beats * rec._beat_seconds
        for message, timestamp in events:
            elapsed = rec._elapsed(timestamp)
            tick = rec.tick_at(timestamp)
            kind = message.type
            if is_note_on(message):
                keep = elapsed >= 0 or -elapsed <= snap
                self.held.setdefault(message.note, deque()).append((tick, message.velocity, elapsed) if keep else None)
            elif is_note_off(message):
                self._close(message.note, tick, elapsed)
            elif kind == "control_change" and 0 < message.control < 120 and message.control not in _BANK_SELECT:
                self.controls[tick, message.control] = message.value
                if message.control == SUSTAIN:
                    self.sustain_down = message.value >= 64
            elif kind == "pitchwheel":
                self.bends[tick] = self.bend = message.pitch
        for pitch, starts in self.held.items():
            while starts:
                self._close(pitch, end_tick, None)
        if self.sustain_down:
            self.controls[end_tick, SUSTAIN] = 0
        if self.bend:
            self.bends[end_tick] = 0
        controls = [ControlChange(tick, controller, value) for (tick, controller), value in self.controls.items()]
        return self.notes, controls, [PitchBend(tick, value) for tick, value in self.bends.items()]

    def _close(self, pitch: int, tick: int, elapsed: float | None) -> None:
        starts = self.held.get(pitch)
        if not starts:
            return  # a key that was down before recording started
        started = starts.popleft()
        if started is None:
            return  # a warm-up note of the count-in
        start, velocity, started_at = started
        if elapsed is not None and elapsed < 0:  # a snapped count-in note released before the start: keep its length
            rec = self.rec
            length = rec.song.tempo_map.tick(rec._start_seconds + (elapsed - started_at)) - rec.start_tick
            tick = start + round(length)
        self.notes.append(Note(start, pitch, max(0, tick - start), velocity))


def record_edit(song: Song, take: Take, label: str = "Record") -> Edit | None:
    """The one edit that puts `take` into its track (None when it changes nothing)."""
    track = song.track(take.track_id)
    removed: tuple[Note, ...] = ()
    controls, bends = track.controls, track.pitch_bends
    if take.mode is RecordMode.REPLACE and take.end_tick > take.start_tick:
        start, end = take.start_tick, take.end_tick
        removed = track.notes_between(start, end)
        controls = tuple(c for c in controls if not start <= c.tick < end)
        bends = tuple(b for b in bends if not start <= b.tick < end)
    controls = tuple(sorted(controls + take.controls))
    bends = tuple(sorted(bends + take.pitch_bends))
    edits: list[Edit] = []
    if removed or take.notes:
        edits.append(NotesEdit(track.id, removed, take.notes, label))
    if controls != track.controls or bends != track.pitch_bends:
        edits.append(TrackPropertiesEdit.changing(track, label, controls=controls, pitch_bends=bends))
    return CompoundEdit(tuple(edits), label) if edits else None
