"""The `Song`: an immutable snapshot of everything a composition holds.

Tracks, the chord lane, tempo map, meter map, key signatures and markers, at the
song's own resolution. Every change produces a new `Song` (see engine.edits), so
a snapshot handed to the audio thread or the composer never changes under it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property

from engine.chords import ChordEvent
from engine.keys import Key, KeySignature
from engine.timecode import SongTimecode
from engine.timing import DEFAULT_TICKS_PER_QUARTER, MeterMap, TempoChange, TempoMap, TimeSignature
from engine.track import DRUM_CHANNEL, Track, TrackRole


@dataclass(frozen=True, slots=True)
class Marker:
    """A named position (verse, chorus, cue) on the timeline.

    A hit point (`seconds` set) is locked to a moment of picture: it stays at
    `seconds` after the song's start when the tempo changes, and the song
    recomputes its `tick` from the tempo map. An ordinary marker (`seconds`
    None) stays at its tick, so at its bar and beat. Seconds are kept to the
    microsecond, which is what a MIDI file carries for them (engine.markers).
    """

    tick: int
    text: str
    seconds: float | None = None

    def __post_init__(self) -> None:
        if self.tick < 0:
            raise ValueError(f"marker tick must be >= 0, got {self.tick}")
        if self.seconds is not None:
            if not 0 <= self.seconds < 1e7:  # also refuses NaN
                raise ValueError(f"hit point time must be 0 or more seconds, got {self.seconds}")
            object.__setattr__(self, "seconds", round(float(self.seconds), 6))

    @property
    def is_hit(self) -> bool:
        return self.seconds is not None


def _sorted_by_tick(events: tuple) -> tuple:
    return tuple(sorted(events, key=lambda e: e.tick))


@dataclass(frozen=True)
class Song:
    """A whole composition. Build new versions with `with_(...)` or edits.

    `end_tick` is an explicit song end (a MIDI file's end-of-track, or a length
    the user set); `length_ticks` is the larger of it and the content's end.
    """

    tracks: tuple[Track, ...] = ()
    ticks_per_quarter: int = DEFAULT_TICKS_PER_QUARTER
    tempos: tuple[TempoChange, ...] = (TempoChange(0, 500_000),)
    meters: tuple[TimeSignature, ...] = (TimeSignature(0, 4, 4),)
    keys: tuple[KeySignature, ...] = ()
    chords: tuple[ChordEvent, ...] = ()
    markers: tuple[Marker, ...] = ()
    title: str = ""
    end_tick: int = 0
    timecode: SongTimecode = SongTimecode()  # frame rate and SMPTE start offset (engine.timecode)

    def __post_init__(self) -> None:
        if not 1 <= self.ticks_per_quarter <= 32767:
            raise ValueError(f"ticks per quarter must be 1..32767, got {self.ticks_per_quarter}")
        if self.end_tick < 0:
            raise ValueError(f"song end must be >= 0, got {self.end_tick}")
        ids = [t.id for t in self.tracks]
        if len(set(ids)) != len(ids):
            raise ValueError(f"track ids must be unique, got {ids}")
        for name in ("tempos", "meters", "keys", "chords", "markers"):
            object.__setattr__(self, name, _sorted_by_tick(tuple(getattr(self, name))))
        object.__setattr__(self, "tracks", tuple(self.tracks))
        if any(m.is_hit for m in self.markers):  # hit points keep their time: their ticks follow the tempo map
            placed = tuple(m if not m.is_hit else replace(m, tick=round(self.tempo_map.tick(m.seconds)))
                           for m in self.markers)
            object.__setattr__(self, "markers", _sorted_by_tick(placed))

    # --- time -------------------------------------------------------------
    @cached_property
    def tempo_map(self) -> TempoMap:
        return TempoMap(self.tempos, self.ticks_per_quarter)

    @cached_property
    def meter_map(self) -> MeterMap:
        return MeterMap(self.meters, self.ticks_per_quarter)

    @cached_property
    def content_end_tick(self) -> int:
        """Where the last note, controller, chord, marker or meta event is."""
        ends = [t.end_tick for t in self.tracks]
        for events in (self.tempos, self.meters, self.keys, self.chords, self.markers):
            if events:
                ends.append(events[-1].tick)
        return max(ends, default=0)

    @property
    def length_ticks(self) -> int:
        return max(self.end_tick, self.content_end_tick)

    @property
    def duration_seconds(self) -> float:
        return self.tempo_map.seconds(self.length_ticks)

    def seconds(self, tick: int | float) -> float:
        return self.tempo_map.seconds(tick)

    def bar_count(self) -> int:
        return self.meter_map.bar_count(self.length_ticks)

    # --- lookups ------------------------------------------------------------
    def track(self, track_id: int) -> Track:
        for track in self.tracks:
            if track.id == track_id:
                return track
        raise KeyError(f"no track with id {track_id}")

    def track_index(self, track_id: int) -> int:
        for i, track in enumerate(self.tracks):
            if track.id == track_id:
                return i
        raise KeyError(f"no track with id {track_id}")

    @property
    def next_track_id(self) -> int:
        return max((t.id for t in self.tracks), default=0) + 1

    @cached_property
    def _key_ticks(self) -> list[int]:
        return [k.tick for k in self.keys]

    @cached_property
    def _chord_ticks(self) -> list[int]:
        return [c.tick for c in self.chords]

    def key_at(self, tick: int) -> Key | None:
        """The key in force at `tick` (the editor asks on every paint: the tick list is cached)."""
        i = bisect_right(self._key_ticks, tick) - 1
        return self.keys[i].key if i >= 0 else None

    def chord_at(self, tick: int) -> ChordEvent | None:
        i = bisect_right(self._chord_ticks, tick) - 1
        return self.chords[i] if i >= 0 else None

    def free_channel(self, role: TrackRole = TrackRole.OTHER) -> int:
        """A channel for a new track: 10 for drums, else the first unused melodic one."""
        if role is TrackRole.DRUMS:
            return DRUM_CHANNEL
        melodic = [c for c in range(16) if c != DRUM_CHANNEL]
        users = {c: sum(t.channel == c for t in self.tracks) for c in melodic}
        # All 15 taken: share the least crowded one (the renderer gives every
        # track its own synth channel anyway; only MIDI export must share).
        return min(melodic, key=lambda c: (users[c], c))

    @property
    def note_count(self) -> int:
        return sum(len(t.notes) for t in self.tracks)

    def with_(self, **changes) -> "Song":
        return replace(self, **changes)

    def with_track(self, track: Track) -> "Song":
        """The song with the track of the same id replaced by `track`."""
        index = self.track_index(track.id)
        return replace(self, tracks=self.tracks[:index] + (track,) + self.tracks[index + 1:])
