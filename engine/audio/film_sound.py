"""The video's own sound (dialogue, effects, temp music), mixed into the synth's output on the synth's clock.

A film composer writes against the dialogue and the temp track, so the
picture's sound must play with the cue, in sync, and be easy to mute. It is
not played through a second audio stream: that would run on its own clock,
drift against the music and never reach the export. Instead the output adds
the film's samples to each block the synth has just written
(engine.audio.output), at the position the player's playback is at in that
block. Both come from the same count of samples, so the film sound is where
the notes are, to the sample, whatever moves the playhead:

- film time = song seconds at the playhead + the video's offset (the same
  mapping the picture uses, app.video.controller);
- a block that crosses the loop's end is split there, and the second part
  reads the film from the loop's start;
- a seek or a tempo change restarts the playback, and the next block reads
  the film at the new moment.

Small slips are not followed: restarting the schedule after an edit while
playing truncates the playhead to a whole tick (up to ~1 ms), and jumping the
film back by that much would click. A position within `SLIP_FRAMES` of where
the last block ended continues from there instead.

`FilmAudio` decodes the whole soundtrack once, in a thread of its own (PyAV,
resampled to the synth's rate, kept as 16-bit stereo: 10.6 MB a minute at
44.1 kHz). Blocks read only what is decoded so far; the rest is silence
until it is.
"""
from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterator
from fractions import Fraction
from os import PathLike

import numpy as np

from engine.audio.schedule import Playback

SLIP_FRAMES = 64  # 1.5 ms at 44.1 kHz: closer than this to the last block's end is continuity, not a jump
DECODE_CHUNK_SECONDS = 1.0  # how often the decoder publishes what it has (a block reads up to there)
MIN_GAIN_DB, MAX_GAIN_DB = -60.0, 12.0


def decibels_to_gain(db: float) -> float:
    """The linear factor of a level in dB (the dock's slider); a level out of range is refused."""
    if not (math.isfinite(db) and MIN_GAIN_DB <= db <= MAX_GAIN_DB):
        raise ValueError(f"film sound level must be {MIN_GAIN_DB:g}..{MAX_GAIN_DB:g} dB, got {db}")
    return 10.0 ** (db / 20.0)


class FilmAudio:
    """A video file's first audio stream as 16-bit stereo at `rate`, decoded in the background.

    `samples[i]` is the sound at video time i / rate, where video time 0 is the
    first picture frame (frame 0 of engine.video.VideoReader), so sound and
    picture line up as the file lines them up. `has_sound` is False for a file
    without an audio stream; `error` says why decoding stopped early, if it did.
    """

    def __init__(self, path: str | PathLike[str], rate: int) -> None:
        import av

        self.path = os.fspath(path)
        self.rate = int(rate)
        self.error = ""
        self._decoded = 0  # samples[:_decoded] are final; a reader never sees a half-written block
        self._samples = np.zeros((0, 2), np.int16)
        self._stop = threading.Event()
        self.done = threading.Event()
        try:
            container = av.open(self.path, mode="r")
        except (av.FFmpegError, UnicodeDecodeError, ValueError, OSError) as error:
            self.error = f"{self.path}: cannot read its sound ({error})"
            self.has_sound = False
            self.done.set()
            return
        self.has_sound = bool(container.streams.audio)
        if not self.has_sound:
            container.close()
            self.done.set()
            return
        stream = container.streams.audio[0]
        seconds = container.duration / 1_000_000 if container.duration else 60.0
        self._samples = np.zeros((int(seconds * self.rate) + self.rate, 2), np.int16)
        self._thread = threading.Thread(target=self._decode, args=(av, container, stream),
                                        name="cadenza-film-sound", daemon=True)
        self._thread.start()

    @property
    def decoded_frames(self) -> int:
        return self._decoded

    def samples(self) -> np.ndarray:
        """What is decoded so far, (n, 2) int16 (a view: read-only by convention).

        The count is read before the array: a grown array holds everything published before it, so the
        audio thread never pairs a new count with an old, shorter array."""
        decoded = self._decoded
        return self._samples[:decoded]

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the whole soundtrack is decoded (tests, export); False on timeout."""
        return self.done.wait(timeout)

    def close(self) -> None:
        self._stop.set()
        if hasattr(self, "_thread"):
            self._thread.join()

    def _decode(self, av, container, stream) -> None:
        try:
            video = container.streams.video[0] if container.streams.video else None
            start = _stream_start(video) if video is not None else 0.0
            resampler = av.AudioResampler(format="s16", layout="stereo", rate=self.rate)
            position: int | None = None  # where the next decoded sample goes
            publish = int(DECODE_CHUNK_SECONDS * self.rate)
            for frame in container.decode(stream):
                if self._stop.is_set():
                    return
                if position is None:  # the first sound's time against the first picture's
                    first = frame.time if frame.time is not None else start
                    position = round((first - start) * self.rate)
                for out in resampler.resample(frame):
                    position = self._append(out.to_ndarray().reshape(-1, 2), position)
                if position - self._decoded >= publish:
                    self._decoded = max(0, position)
            for out in resampler.resample(None):
                position = self._append(out.to_ndarray().reshape(-1, 2), position or 0)
            self._decoded = max(0, position or 0)
        except (av.FFmpegError, ValueError) as error:
            self.error = f"{self.path}: its sound stops early ({error})"
        finally:
            container.close()
            self.done.set()

    def _append(self, chunk: np.ndarray, position: int) -> int:
        """Store `chunk` at sample `position` (dropping what falls before the picture's start)."""
        end = position + len(chunk)
        if position < 0:
            chunk, position = chunk[-position:], 0
        if end > len(self._samples):  # the container under-stated its length: grow (readers keep the old array)
            grown = np.zeros((max(end, len(self._samples) * 3 // 2), 2), np.int16)
            grown[:len(self._samples)] = self._samples
            self._samples = grown
        if len(chunk):
            self._samples[position:end] = chunk
        return end


def _stream_start(stream) -> float:
    """A stream's first timestamp in seconds (0 where the file does not say)."""
    if stream.start_time is None or stream.time_base is None:
        return 0.0
    return float(stream.start_time * Fraction(stream.time_base))


def playback_segments(playback: Playback, elapsed: float, frames: int,
                      rate: int) -> Iterator[tuple[int, int, float]]:
    """Split `frames` output frames from `elapsed` seconds of playback into runs of continuous song time.

    Yields (first row, row count, song seconds at the first row). A run ends
    where the loop goes round; rows after the playback's end are not yielded
    (the transport stops there)."""
    seconds = playback.song.tempo_map.seconds
    first = playback.first.duration
    row = 0
    while row < frames:
        now = elapsed + row / rate
        if playback.repeat is None or now < first:
            song_at, boundary = seconds(playback.start_tick) + now, first
        else:
            length = playback.repeat.duration
            into = (now - first) % length
            song_at, boundary = seconds(playback.repeat.start_tick) + into, now - into + length
        count = min(frames - row, math.ceil(round((boundary - now) * rate, 6)))
        if count <= 0:
            if playback.repeat is None:
                return
            count = 1  # float rounding at the loop's end: one frame, then the next pass
        yield row, count, song_at
        row += count


class FilmSound:
    """The film's sound as the player mixes it: where it sits (`offset_seconds`), how loud, muted or not.

    `add` is called from the audio thread for every block; the editor changes
    `muted`, `gain` and `offset_seconds` from the UI thread (plain attribute
    writes, read once per block)."""

    def __init__(self, audio: FilmAudio, offset_seconds: float = 0.0, gain: float = 1.0,
                 muted: bool = False) -> None:
        self.audio = audio
        self.offset_seconds = float(offset_seconds)
        self.gain = float(gain)
        self.muted = bool(muted)
        self._next: int | None = None  # the film sample after the last one mixed (continuity)

    def add(self, buffer: np.ndarray, start: int, frames: int, playback: Playback | None, elapsed: float) -> None:
        """Add the film's sound for rows start..start+frames of `buffer` ((n, 2) float32), at `elapsed`
        seconds into `playback` (nothing while stopped or muted)."""
        if playback is None or self.muted or self.gain == 0.0:
            self._next = None
            return
        rate = self.audio.rate
        offset, scale = self.offset_seconds, self.gain / 32768.0
        samples = self.audio.samples()
        for row, count, song_at in playback_segments(playback, elapsed, frames, rate):
            first = round((song_at + offset) * rate)
            if self._next is not None and abs(first - self._next) <= SLIP_FRAMES:
                first = self._next
            self._next = first + count
            begin, end = max(first, 0), min(first + count, len(samples))
            if begin < end:
                rows = slice(start + row + begin - first, start + row + end - first)
                buffer[rows] += samples[begin:end] * np.float32(scale)

    def forget_position(self) -> None:
        """The next block is a jump, whatever its distance (a seek): no continuity with the last one."""
        self._next = None

    def close(self) -> None:
        self.audio.close()
