"""The real-time player: transport (play, stop, seek, loop, metronome), playhead and note audition.

It plays the same `Playback` schedule the renderer writes, through an output
that owns the clock (see engine.audio.output). The output calls `pump(now)`,
which sends every event that is due; the editor's calls only change state
under a lock, so they never wait for audio. When no sound device opens (or no
SoundFont is installed) the player says so (`available`, `status_message`)
and keeps working silently: the playhead still moves and nothing raises.

Tracks keep their synth channel for the player's life (new tracks take a free
one), so editing the song while it plays reschedules from the current position
without cutting the notes that are still sounding.
"""
from __future__ import annotations

import heapq
import os
import threading
from collections.abc import Iterator
from typing import Self

from engine.audio.errors import AudioError
from engine.audio.film_sound import FilmSound
from engine.audio.mix import MixSettings, balanced, synth_settings
from engine.audio.output import AudioUnavailable, DriverOutput, OfflineOutput
from engine.audio.schedule import (
    MAX_TRACKS,
    NOTE_OFF,
    NOTE_ON,
    Playback,
    SynthEvent,
    track_setup,
)
from engine.audio.soundfonts import find_soundfont
from engine.audio.synth import DEFAULT_SETTINGS, MAX_CHANNELS, Synth, SynthSettings
from engine.errors import CadenzaError
from engine.song import Song


class Player:
    """Plays a song live. All methods are safe to call from the UI thread while it plays."""

    def __init__(self, song: Song | None = None, soundfont: str | os.PathLike[str] | None = None,
                 output: DriverOutput | OfflineOutput | None = None,
                 settings: SynthSettings = DEFAULT_SETTINGS) -> None:
        self._lock = threading.RLock()
        self._song = Song()
        self._written = Song()  # the song as given; _song is it as the mix plays it
        self._mix: MixSettings | None = None  # None: the synth's defaults, unbalanced
        self._channels: dict[int, int] = {}
        self._loop: tuple[int, int] | None = None
        self._metronome = False
        self._playback: Playback | None = None
        self._events: Iterator[SynthEvent] = iter(())
        self._next: SynthEvent | None = None
        self._origin = 0.0
        self._position = 0
        self._active: set[tuple[int, int]] = set()
        self._audition_offs: list[tuple[float, int, int]] = []
        self._output = output or DriverOutput()
        self._film: FilmSound | None = None  # the video's own sound, mixed into each block (engine.audio.film_sound)
        self._film_clock: tuple[Playback | None, float] = (None, 0.0)
        self._synth: Synth | None = None
        self.status_message = ""
        try:
            self._synth = Synth(find_soundfont(soundfont), MAX_CHANNELS, settings)
            self._output.open(self._synth, self.pump, self.mix)
        except AudioUnavailable as error:
            self.status_message = f"No audio output: {error}"
        except AudioError as error:  # no usable SoundFont: keep the clock, play nothing
            self.status_message = f"No audio output: {error}"
            self._output.open(None, self.pump)
        self.available = not self.status_message
        self.set_song(song or Song())

    # --- state ------------------------------------------------------------------
    @property
    def output_latency(self) -> float:
        """Seconds from sending an event to hearing it (the audio buffer); 0 offline or without audio.

        Recording subtracts it from every timestamp: a player hears the click
        this late and plays along with what they hear."""
        return self._output.latency

    @property
    def synth(self) -> Synth | None:
        """The synth playback sounds on (None without a SoundFont), for live MIDI thru on its own channel.

        Thru calls it directly instead of `note_on`, which waits for the lock
        held while the schedule is rebuilt after an edit.
        """
        return self._synth

    @property
    def is_playing(self) -> bool:
        return self._playback is not None

    @property
    def song(self) -> Song:
        """The song as given to `set_song`."""
        return self._written

    @property
    def mixed_song(self) -> Song:
        """The song as the synth plays it: with the mix's balance (engine.audio.mix) once `set_mix` was called."""
        return self._song

    @property
    def loop(self) -> tuple[int, int] | None:
        return self._loop

    @property
    def metronome(self) -> bool:
        return self._metronome

    def position_tick(self) -> int:
        """The tick being heard now (the editor's playhead), or where playback stopped."""
        with self._lock:
            if self._playback is None:
                return self._position
            heard = self._output.now() - self._origin - self._output.latency
            return int(self._playback.tick_at(max(0.0, heard)))

    # --- transport ----------------------------------------------------------------
    def play(self, from_tick: int | None = None) -> None:
        """Start playing at `from_tick` (default: the current position); restarts if already playing."""
        with self._lock:
            start = self.position_tick() if from_tick is None else from_tick
            if start < 0:
                raise ValueError(f"cannot play from a negative tick ({start})")
            self._halt()
            self._start(start, keep=frozenset())

    def stop(self) -> None:
        """Stop: note-offs, then sustain off and all-notes-off (CC 64, CC 123) on every channel."""
        with self._lock:
            if self._playback is not None:
                self._position = self.position_tick()
                self._playback = None
            self._halt()

    def seek(self, tick: int) -> None:
        """Move the playhead; while playing, continue from there."""
        with self._lock:
            if self._playback is None:
                self._position = max(0, tick)
            else:
                self.play(max(0, tick))

    def set_loop(self, start_tick: int | None, end_tick: int | None = None) -> None:
        """Loop [start_tick, end_tick) while playing; None for either turns looping off."""
        loop = None if start_tick is None or end_tick is None else (start_tick, end_tick)
        if loop is not None and not 0 <= loop[0] < loop[1]:
            raise ValueError(f"loop must satisfy 0 <= start < end, got {loop}")
        with self._lock:
            self._loop = loop
            self._reschedule()

    def set_metronome(self, on: bool) -> None:
        with self._lock:
            self._metronome = bool(on)
            self._reschedule()

    def set_mix(self, mix: MixSettings) -> None:
        """Play with the project's mix (gains by role, reverb, chorus) from now on, while playing too."""
        with self._lock:
            self._mix = mix
            if self._synth is not None:
                self._synth.set_effects(synth_settings(mix, self._synth.settings.sample_rate))
            self.set_song(self._written)

    def set_song(self, song: Song) -> None:
        """Play `song` from now on; while playing, continue from the current position with the new notes."""
        with self._lock:
            self._assign_channels(song)
            self._written = song
            if self._mix is not None:
                song = balanced(song, self._mix, self._synth.soundfont if self._synth is not None else None)
            self._song = song
            for track in song.tracks:  # so auditioning any track (muted ones too) sounds its instrument
                for event in track_setup(track, self._channels[track.id], self.position_tick()):
                    self._send(event)
            self._reschedule()

    # --- audition --------------------------------------------------------------
    def note_on(self, track_id: int, pitch: int, velocity: int = 100) -> None:
        """Sound `pitch` with the track's instrument until `note_off` (clicking the piano keyboard)."""
        with self._lock:
            if self._synth is not None:
                self._synth.note_on(self._channels[track_id], pitch, velocity)

    def note_off(self, track_id: int, pitch: int) -> None:
        with self._lock:
            if self._synth is not None:
                self._synth.note_off(self._channels[track_id], pitch)

    def play_note(self, track_id: int, pitch: int, velocity: int = 100, seconds: float = 0.4) -> None:
        """Sound a note for `seconds` (drawing or moving a note in the editor)."""
        with self._lock:
            self.note_on(track_id, pitch, velocity)
            heapq.heappush(self._audition_offs, (self._output.now() + seconds, self._channels[track_id], pitch))

    # --- the output's side ---------------------------------------------------------
    def pump(self, now: float) -> None:
        """Send everything due at output time `now`. Called by the output, never by the editor.

        It never waits for the lock: in the audio driver's callback a wait is a dropout. While the editor
        holds it (rebuilding the schedule after an edit), the due events go out with the next block."""
        if not self._lock.acquire(blocking=False):
            return
        try:
            self._pump(now)
        finally:
            self._lock.release()

    def _pump(self, now: float) -> None:
        while self._audition_offs and self._audition_offs[0][0] <= now:
            _, channel, pitch = heapq.heappop(self._audition_offs)
            if self._synth is not None:
                self._synth.note_off(channel, pitch)
        if self._playback is None:
            return
        elapsed = now - self._origin
        while self._next is not None and self._next.time <= elapsed:
            self._send(self._next)
            self._next = next(self._events, None)
        duration = self._playback.duration
        if self._next is None and duration is not None and elapsed >= duration:
            self._position = self._playback.first.end_tick
            self._playback = None

    def set_film_sound(self, film: FilmSound | None) -> bool:
        """Mix the video's sound into the output from now on (None: no film sound); whether it is heard (not
        without a sound device, or with a driver that cannot mix). The caller owns `film`."""
        with self._lock:
            if film is not None:
                film.forget_position()
            self._film = film
        return self._output.set_mixing(film is not None)

    @property
    def film_sound(self) -> FilmSound | None:
        return self._film

    @property
    def sample_rate(self) -> int:
        return self._synth.settings.sample_rate if self._synth is not None else DEFAULT_SETTINGS.sample_rate

    def mix(self, buffer, start: int, frames: int, now: float) -> None:
        """Add the film's sound to rows start.. of a block the synth has just written at output time `now`.
        Called by the output after each block; like `pump`, it never waits for the lock (it mixes by the
        playback it saw last)."""
        film = self._film
        if film is None:
            return
        if self._lock.acquire(blocking=False):
            self._film_clock = (self._playback, self._origin)
            self._lock.release()
        playback, origin = self._film_clock
        film.add(buffer, start, frames, playback, now - origin)

    def close(self) -> None:
        """Stop and release the audio device and the synth."""
        self.stop()
        self._output.close()
        if self._synth is not None:
            self._synth.close()
            self._synth = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- internals ---------------------------------------------------------------
    def _assign_channels(self, song: Song) -> None:
        if len(song.tracks) > MAX_TRACKS:
            raise CadenzaError(f"the synth can play at most {MAX_TRACKS} tracks; this song has {len(song.tracks)}")
        ids = {track.id for track in song.tracks}
        self._channels = {tid: channel for tid, channel in self._channels.items() if tid in ids}
        free = (c for c in range(MAX_TRACKS) if c not in set(self._channels.values()))
        for track in song.tracks:
            if track.id not in self._channels:
                self._channels[track.id] = next(free)

    def _start(self, tick: int, keep: frozenset[tuple[int, int]]) -> None:
        """Begin a playback at `tick`; sounding notes not in `keep` get their note-off now."""
        playback = Playback(self._song, tick, self._loop, metronome=self._metronome,
                            channels=self._channels)
        ringing = keep & playback.held
        for channel, pitch in self._active - ringing:
            if self._synth is not None:
                self._synth.note_off(channel, pitch)
        self._active &= ringing
        self._playback = playback
        self._events = playback.events(ringing)
        self._next = next(self._events, None)
        self._origin = self._output.now()
        self.pump(self._origin)

    def _reschedule(self) -> None:
        """Rebuild the playback from the tick being scheduled now (not the one heard, which lags
        by the output latency: restarting there would play the notes in between twice)."""
        if self._playback is not None:
            scheduled = int(self._playback.tick_at(self._output.now() - self._origin))
            self._start(scheduled, keep=frozenset(self._active))

    def _halt(self) -> None:
        if self._synth is None:
            return
        for channel, pitch in self._active:
            self._synth.note_off(channel, pitch)
        self._active.clear()
        self._synth.silence()

    def _send(self, event: SynthEvent) -> None:
        if event.kind == NOTE_ON:
            self._active.add((event.channel, event.a))
        elif event.kind == NOTE_OFF:
            self._active.discard((event.channel, event.a))
        if self._synth is not None:
            self._synth.apply(event)
