"""The one event scheduler: a song becomes a time-sorted list of synth events in seconds.

Both the offline renderer and the real-time player consume this, so what you
hear is what you export. Every track gets its own synth channel (FluidSynth
has up to 256), so tracks that share a MIDI channel in a file still keep their
own instrument, volume and pan; drum tracks use the percussion bank 128.

Playing from a tick "chases" state: each channel is reset and then receives the
last program, controllers and pitch bend set before that tick, so starting in
the middle sounds like having played from the top. Notes still sounding there
are chased too (struck again at the start, with their own velocity, as a DAW's
"chase notes" does): a pad that began a bar before the loop, or an anticipated
chord, sounds on every pass of the loop and when play starts mid-note.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from engine.errors import CadenzaError
from engine.song import Song
from engine.track import Track

# Event kinds; their numeric order is also the order of simultaneous events:
# note-offs first (so a repeated note restarts), then instrument and controller
# state, then note-ons. A zero-length note's off goes after its own on.
NOTE_OFF, PROGRAM, CONTROL, BEND, NOTE_ON = range(5)
LATE_NOTE_OFF = 5
CHASED_NOTE_ON = 6  # `order` of a note struck again at a schedule's start (a player that keeps it ringing skips it)
DRUM_BANK = 128
RESET_ALL_CONTROLLERS = 121
METRONOME_ACCENT, METRONOME_BEAT = 76, 77  # GM hi and low wood block
METRONOME_VELOCITIES = (127, 90)
METRONOME_CLICK_SECONDS = 0.06
# FluidSynth has 256 channels: tracks take the lowest, the metronome the next,
# live MIDI thru (engine.live) channel 254; 255 is FluidSynth's own "no
# channel" marker, where a pitch bend corrupts the synth.
MAX_TRACKS = 253


class SynthEvent(NamedTuple):
    """One synth call. `a`, `b`: pitch/velocity, controller/value, bend/0 or bank/program."""

    time: float  # seconds since the schedule's start tick
    order: int
    kind: int
    channel: int
    a: int
    b: int


def _event(time: float, kind: int, channel: int, a: int, b: int = 0) -> SynthEvent:
    return SynthEvent(time, kind, kind, channel, a, b)


def audible_tracks(song: Song) -> list[Track]:
    """The tracks that sound: the soloed ones if any track is soloed (solo wins over mute), else the unmuted."""
    soloed = [t for t in song.tracks if t.solo]
    return soloed if soloed else [t for t in song.tracks if not t.mute]


def default_channels(song: Song) -> dict[int, int]:
    """Track id -> synth channel in track order, muted tracks included (muting never moves a track)."""
    if len(song.tracks) > MAX_TRACKS:
        raise CadenzaError(f"the synth can play at most {MAX_TRACKS} tracks; this song has {len(song.tracks)}")
    return {track.id: index for index, track in enumerate(song.tracks)}


def track_bank(track: Track) -> int:
    return DRUM_BANK if track.is_drums else track.bank


def track_setup(track: Track, channel: int, tick: int = 0) -> list[SynthEvent]:
    """Events at time 0 that put a channel in the state `track` has at `tick` (program, mixer, controllers)."""
    program = track.program
    for change in track.program_changes:
        if change.tick >= tick:
            break
        program = change.program
    events = [_event(0.0, PROGRAM, channel, track_bank(track), program),
              _event(0.0, CONTROL, channel, RESET_ALL_CONTROLLERS, 0),
              _event(0.0, CONTROL, channel, 7, track.volume),
              _event(0.0, CONTROL, channel, 10, track.pan)]
    last: dict[int, int] = {}
    for control in track.controls:
        if control.tick >= tick:
            break
        last.pop(control.controller, None)  # re-insert so dict order follows time
        last[control.controller] = control.value
    events += [_event(0.0, CONTROL, channel, controller, value) for controller, value in last.items()]
    bend = 0
    for pitch_bend in track.pitch_bends:
        if pitch_bend.tick >= tick:
            break
        bend = pitch_bend.value
    events.append(_event(0.0, BEND, channel, bend))
    return events


@dataclass(frozen=True)
class Schedule:
    """Synth events for ticks [start_tick, end_tick), times in seconds from start_tick.

    `events` begins with the setup of every channel (in the order it must be
    sent), then the time-sorted body. `held` lists the (channel, pitch) notes
    that started before start_tick and still sound there: the body strikes
    them again at time 0 (order CHASED_NOTE_ON) and ends them, so a player
    rescheduling mid-note can skip those note-ons and let them ring.
    """

    events: list[SynthEvent]
    start_tick: int
    end_tick: int
    duration: float
    channel_count: int
    held: frozenset[tuple[int, int]]


def build_schedule(song: Song, start_tick: int = 0, end_tick: int | None = None, *,
                   metronome: bool = False, channels: Mapping[int, int] | None = None) -> Schedule:
    """The events of `song` between two ticks (end defaults to the song's length)."""
    end_tick = song.length_ticks if end_tick is None else end_tick
    if start_tick < 0 or end_tick < start_tick:
        raise ValueError(f"bad schedule range {start_tick}..{end_tick}")
    channels = default_channels(song) if channels is None else channels
    seconds = song.tempo_map.seconds
    origin = seconds(start_tick)
    # Only a zero-length note can start at the song's very end (a last drum hit); it still sounds.
    last_start = end_tick if end_tick >= song.length_ticks else end_tick - 1
    setup: list[SynthEvent] = []
    body: list[SynthEvent] = []
    held: set[tuple[int, int]] = set()
    for track in audible_tracks(song):
        channel = channels[track.id]
        setup += track_setup(track, channel, start_tick)
        bank = track_bank(track)
        for note in track.notes:
            if note.start > last_start:
                break
            if note.end <= start_tick and note.start < start_tick:
                continue
            off = seconds(min(note.end, end_tick)) - origin
            if note.start < start_tick:
                held.add((channel, note.pitch))
                body.append(SynthEvent(0.0, CHASED_NOTE_ON, NOTE_ON, channel, note.pitch, note.velocity))
                body.append(_event(off, NOTE_OFF, channel, note.pitch))
                continue
            body.append(_event(seconds(note.start) - origin, NOTE_ON, channel, note.pitch, note.velocity))
            order = LATE_NOTE_OFF if note.duration == 0 else NOTE_OFF
            body.append(SynthEvent(off, order, NOTE_OFF, channel, note.pitch, 0))
        for control in track.controls:
            if start_tick <= control.tick < end_tick:
                body.append(_event(seconds(control.tick) - origin, CONTROL, channel, control.controller, control.value))
        for bend in track.pitch_bends:
            if start_tick <= bend.tick < end_tick:
                body.append(_event(seconds(bend.tick) - origin, BEND, channel, bend.value))
        for change in track.program_changes:
            if start_tick <= change.tick < end_tick:
                body.append(_event(seconds(change.tick) - origin, PROGRAM, channel, bank, change.program))
    used = max(channels.values(), default=-1) + 1
    if metronome:
        setup.append(_event(0.0, PROGRAM, used, DRUM_BANK, 0))
        body += _metronome_events(song, start_tick, end_tick, used, origin)
        used += 1
    body.sort(key=itemgetter(0, 1))
    return Schedule(setup + body, start_tick, end_tick, seconds(end_tick) - origin, max(used, 1), frozenset(held))


def _metronome_events(song: Song, start_tick: int, end_tick: int, channel: int, origin: float) -> list[SynthEvent]:
    """A click on every beat of the meter map in [start, end), the downbeat accented."""
    meters, seconds = song.meter_map, song.tempo_map.seconds
    events: list[SynthEvent] = []
    bar = meters.position(start_tick).bar
    while (bar_start := meters.bar_start(bar)) < end_tick:
        beat = meters.meter_at(bar_start).beat_ticks(song.ticks_per_quarter)
        next_bar = meters.bar_start(bar + 1)
        for index, tick in enumerate(range(bar_start, next_bar, beat)):
            if start_tick <= tick < end_tick:
                accent = index == 0
                time = seconds(tick) - origin
                pitch = METRONOME_ACCENT if accent else METRONOME_BEAT
                events.append(_event(time, NOTE_ON, channel, pitch, METRONOME_VELOCITIES[0 if accent else 1]))
                events.append(_event(time + METRONOME_CLICK_SECONDS, NOTE_OFF, channel, pitch))
        bar += 1
    return events


class Playback:
    """What a transport plays from `start_tick`: to the song's end, or to the loop's end and then the loop forever.

    The loop applies when playback starts before its end (a DAW's rule); a
    playhead already past the loop plays on to the end of the song.
    """

    def __init__(self, song: Song, start_tick: int = 0, loop: tuple[int, int] | None = None, *,
                 metronome: bool = False, channels: Mapping[int, int] | None = None) -> None:
        if loop is not None and not 0 <= loop[0] < loop[1]:
            raise ValueError(f"loop must satisfy 0 <= start < end, got {loop}")
        self.song = song
        self.start_tick = start_tick
        self.loop = loop if loop is not None and start_tick < loop[1] else None
        end = self.loop[1] if self.loop else max(song.length_ticks, start_tick)
        self.first = build_schedule(song, start_tick, end, metronome=metronome, channels=channels)
        self.repeat = (build_schedule(song, *self.loop, metronome=metronome, channels=channels)
                       if self.loop else None)

    @property
    def duration(self) -> float | None:
        """Seconds until playback ends; None while it loops forever."""
        return None if self.repeat else self.first.duration

    @property
    def held(self) -> frozenset[tuple[int, int]]:
        return self.first.held

    def events(self, ringing: frozenset[tuple[int, int]] = frozenset()) -> Iterator[SynthEvent]:
        """Every event in playing order, times in seconds since playback started.

        `ringing`: (channel, pitch) notes already sounding that go on ringing
        (a reschedule after an edit): the first pass does not strike them again.
        The loop's passes always do."""
        for event in self.first.events:
            if event.order != CHASED_NOTE_ON or (event.channel, event.a) not in ringing:
                yield event
        if self.repeat is None or not self.repeat.events:
            return  # a silent loop (no notes, no click): time still wraps (tick_at), and nothing is to be played
        offset = self.first.duration
        while True:
            for event in self.repeat.events:
                yield event._replace(time=event.time + offset)
            offset += self.repeat.duration

    def tick_at(self, elapsed: float) -> float:
        """The song tick sounding `elapsed` seconds after playback started (wrapping inside a loop)."""
        tempo = self.song.tempo_map
        if self.repeat is None or elapsed < self.first.duration:
            end = self.first.end_tick
            return min(tempo.tick(tempo.seconds(self.start_tick) + max(0.0, elapsed)), end)
        into_loop = (elapsed - self.first.duration) % self.repeat.duration
        return tempo.tick(tempo.seconds(self.repeat.start_tick) + into_loop)
