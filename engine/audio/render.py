"""Offline render: a song to a stereo WAV/FLAC file or a numpy array, faster than real time.

The schedule's events are applied at their exact sample frame and FluidSynth
writes float samples straight into the output buffer between them, so the only
Python work is one call per event; the cost is FluidSynth's own synthesis, the
same as the fluidsynth command line. Files are written block by block (a long
song never sits in memory whole) through engine.atomic: a temporary file next
to the target replaces it only when complete, so a cancelled or failed render
leaves nothing behind.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from engine.atomic import atomic_write_via
from engine.audio.errors import RenderCancelled, RenderError
from engine.audio.schedule import Schedule, build_schedule
from engine.audio.soundfonts import find_soundfont
from engine.audio.synth import Synth, SynthSettings, check_sample_rate
from engine.song import Song

TAIL_SECONDS = 1.5  # room for releases and reverb after the song's end
MAX_RENDER_SECONDS = 2 * 60 * 60
BLOCK_FRAMES = 32768  # progress, cancel and file writes happen once per block
FORMATS = {".wav": "WAV", ".flac": "FLAC"}

Progress = Callable[[float], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What a render produced: where, how long, at which rate, with which SoundFont, and how fast."""

    path: Path | None
    seconds: float
    sample_rate: int
    soundfont: Path
    elapsed: float

    @property
    def speed(self) -> float:
        """Seconds of audio per second of rendering (the 'x real time' figure)."""
        return self.seconds / self.elapsed if self.elapsed > 0 else float("inf")


class ScheduleRenderer:
    """Pulls samples from a synth for a schedule, applying each event at its frame."""

    def __init__(self, synth: Synth, schedule: Schedule) -> None:
        self.synth = synth
        self.events = schedule.events
        self.rate = synth.settings.sample_rate
        self.index = 0
        self.cursor = 0  # frames written so far

    def fill(self, buffer: np.ndarray) -> None:
        """Render len(buffer) frames into `buffer` (C-contiguous float32, shape (n, 2))."""
        synth, events, rate = self.synth, self.events, self.rate
        base = self.cursor  # the frame buffer[0] holds
        end = base + len(buffer)
        while self.index < len(events):
            event = events[self.index]
            frame = int(event.time * rate + 0.5)
            if frame >= end:
                break
            if frame > self.cursor:
                synth.write(buffer, self.cursor - base, frame - self.cursor)
                self.cursor = frame
            synth.apply(event)
            self.index += 1
        synth.write(buffer, self.cursor - base, end - self.cursor)
        self.cursor = end


def _total_frames(song: Song, sample_rate: int) -> int:
    seconds = song.duration_seconds
    if seconds > MAX_RENDER_SECONDS:
        raise RenderError(f"the song is {seconds / 3600:.1f} hours long; renders are limited to "
                          f"{MAX_RENDER_SECONDS // 3600} hours")
    return round((seconds + TAIL_SECONDS) * sample_rate)


def _blocks(song: Song, soundfont: Path, sample_rate: int, progress: Progress | None, cancel: Cancel | None,
            buffer_for: Callable[[int, int], np.ndarray]):
    """Render the whole song block by block; `buffer_for(start, frames)` says where each block goes."""
    total = _total_frames(song, sample_rate)
    schedule = build_schedule(song)
    synth = Synth(soundfont, schedule.channel_count, SynthSettings(sample_rate=sample_rate))
    try:
        renderer = ScheduleRenderer(synth, schedule)
        for start in range(0, total, BLOCK_FRAMES):
            if cancel is not None and cancel():
                raise RenderCancelled()
            block = buffer_for(start, min(BLOCK_FRAMES, total - start))
            renderer.fill(block)
            yield block
            if progress is not None:
                progress(min(1.0, (start + len(block)) / total))
    finally:
        synth.close()


def render_array(song: Song, soundfont: str | os.PathLike[str] | None = None, sample_rate: int = 44100,
                 progress: Progress | None = None, cancel: Cancel | None = None) -> np.ndarray:
    """The song as float32 stereo samples, shape (frames, 2): its length plus a release tail."""
    sample_rate = check_sample_rate(sample_rate)
    font = find_soundfont(soundfont)
    audio = np.zeros((_total_frames(song, sample_rate), 2), dtype=np.float32)
    for _ in _blocks(song, font, sample_rate, progress, cancel, lambda start, n: audio[start:start + n]):
        pass
    return audio


def audio_format(path: Path) -> str:
    """The soundfile format for an output path, chosen by its extension."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise RenderError(f"{path}: unsupported audio format {path.suffix or '(no extension)'!r} "
                          "(use .wav or .flac)") from None


def render_song(song: Song, path: str | os.PathLike[str], soundfont: str | os.PathLike[str] | None = None,
                sample_rate: int = 44100, progress: Progress | None = None,
                cancel: Cancel | None = None) -> RenderResult:
    """Render `song` to a 16-bit stereo WAV or FLAC file (by extension), atomically."""
    began = time.perf_counter()
    path = Path(path)
    file_format = audio_format(path)
    sample_rate = check_sample_rate(sample_rate)
    font = find_soundfont(soundfont)
    if not path.parent.is_dir():
        raise RenderError(f"{path}: folder {path.parent} does not exist")
    block = np.zeros((BLOCK_FRAMES, 2), dtype=np.float32)
    frames = 0

    def write(temp: Path) -> None:
        nonlocal frames
        with soundfile.SoundFile(temp, "w", sample_rate, 2, "PCM_16", format=file_format) as out:
            for chunk in _blocks(song, font, sample_rate, progress, cancel, lambda start, n: block[:n]):
                np.clip(chunk, -1.0, 1.0, out=chunk)  # libsndfile would wrap, not clip, past full scale
                out.write(chunk)
                frames += len(chunk)

    atomic_write_via(path, write)
    return RenderResult(path, frames / sample_rate, sample_rate, font, time.perf_counter() - began)

