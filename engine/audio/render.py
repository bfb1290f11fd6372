"""Offline render: a song to a stereo WAV/FLAC file or a numpy array, faster than real time.

The schedule's events are applied at their exact sample frame and FluidSynth
writes float samples straight into the output buffer between them, so the only
Python work is one call per event; the cost is FluidSynth's own synthesis, the
same as the fluidsynth command line. Files are written block by block (a long
song never sits in memory whole) through engine.atomic: a temporary file next
to the target replaces it only when complete, so a cancelled or failed render
leaves nothing behind.

`normalize=True` is an export's "Auto Normalize": the whole render is scaled by
one factor so that its peak sits at -1 dBFS (at most +24 dB; a render that is
silent, peak below -80 dBFS, is left as it is). The synth gain stays what live
playback needs (SynthSettings.gain); only the file is louder. The peak is known
only at the end, so the float samples go to an unnamed scratch file next to the
target (4 bytes a sample, gone when closed, even after a crash) and are read
back block by block, scaled, into the 16-bit file: memory stays one block, and
the song is synthesized once. benchmarks/bench_render.py times this against
synthesizing twice (once for the peak, once to write): on its 61 s song the
scratch file costs nothing measurable over a plain render, twice costs 1.7x.

`mix` is the project's mix (engine.audio.mix: gains by role, reverb, chorus);
without one the song renders as the synth's defaults play it, unbalanced.
engine.audio.stems renders one file per track with the same pieces.
"""
from __future__ import annotations

import math
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from engine.atomic import atomic_write_via
from engine.audio.errors import RenderCancelled, RenderError
from engine.audio.mix import MixSettings, balanced, synth_settings, tail_seconds
from engine.audio.schedule import Schedule, build_schedule
from engine.audio.soundfonts import find_soundfont
from engine.audio.synth import Synth, SynthSettings, check_sample_rate
from engine.song import Song

TAIL_SECONDS = 1.5  # room for releases and reverb after the song's end
MAX_RENDER_SECONDS = 2 * 60 * 60
BLOCK_FRAMES = 32768  # progress, cancel and file writes happen once per block
FORMATS = {".wav": "WAV", ".flac": "FLAC"}
NORMALIZE_PEAK_DB = -1.0  # where a normalized render's peak sits
NORMALIZE_MAX_GAIN_DB = 24.0
SILENCE_DB = -80.0  # a render peaking below this is silence: normalizing never amplifies it
RENDER_SHARE = 0.9  # of a normalized render's progress; reading back and scaling is the rest

Progress = Callable[[float], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What a render produced: where, how long, at which rate, with which SoundFont, how fast and how loud.

    `gain_db` is what normalizing applied (0.0 without it, or for silence);
    `peak_db` is the peak of the samples written, in dBFS (-inf for digital silence).
    """

    path: Path | None
    seconds: float
    sample_rate: int
    soundfont: Path
    elapsed: float
    gain_db: float = 0.0
    peak_db: float = -math.inf
    normalized: bool = False  # whether normalizing was asked for

    @property
    def level(self) -> str:
        """The level in words, for a summary line: 'normalized +14.2 dB, peak -1.0 dBFS', 'peak -15.2 dBFS'."""
        if self.peak_db < SILENCE_DB:
            return "silent, not normalized" if self.normalized else "silent"
        peak = f"peak {self.peak_db:.1f} dBFS"
        return f"normalized {self.gain_db:+.1f} dB, {peak}" if self.normalized else peak

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


def to_db(level: float) -> float:
    return 20 * math.log10(level) if level > 0 else -math.inf


def normalize_gain(peak: float) -> float:
    """The factor that brings a render peaking at `peak` (linear) to NORMALIZE_PEAK_DB; 1.0 for silence."""
    if to_db(peak) < SILENCE_DB:
        return 1.0
    return 10 ** (min(NORMALIZE_PEAK_DB - to_db(peak), NORMALIZE_MAX_GAIN_DB) / 20)


def block_peak(block: np.ndarray) -> float:
    return float(max(block.max(initial=0.0), -block.min(initial=0.0)))


def total_frames(song: Song, sample_rate: int, mix: MixSettings | None = None) -> int:
    """Frames in a render of `song`: its length plus the release tail, longer under a mix with a large
    reverb room (engine.audio.mix.tail_seconds); refuses songs over the limit."""
    seconds = song.duration_seconds
    if seconds > MAX_RENDER_SECONDS:
        raise RenderError(f"the song is {seconds / 3600:.1f} hours long; renders are limited to "
                          f"{MAX_RENDER_SECONDS // 3600} hours")
    tail = TAIL_SECONDS if mix is None else tail_seconds(mix, TAIL_SECONDS)
    return round((seconds + tail) * sample_rate)


def open_renderer(song: Song, soundfont: Path, settings: SynthSettings) -> ScheduleRenderer:
    """A renderer over its own synth for the whole of `song` (close it with `renderer.synth.close()`)."""
    schedule = build_schedule(song)
    return ScheduleRenderer(Synth(soundfont, schedule.channel_count, settings), schedule)


def mixed(song: Song, sample_rate: int, mix: MixSettings | None, soundfont: Path) -> tuple[Song, SynthSettings]:
    """The song as the synth plays it under `mix` with `soundfont`, and the synth settings (defaults without a mix)."""
    if mix is None:
        return song, SynthSettings(sample_rate=sample_rate)
    return balanced(song, mix, soundfont), synth_settings(mix, sample_rate)


def _blocks(song: Song, soundfont: Path, sample_rate: int, progress: Progress | None, cancel: Cancel | None,
            buffer_for: Callable[[int, int], np.ndarray], mix: MixSettings | None = None):
    """Render the whole song block by block; `buffer_for(start, frames)` says where each block goes."""
    total = total_frames(song, sample_rate, mix)
    played, settings = mixed(song, sample_rate, mix, soundfont)
    renderer = open_renderer(played, soundfont, settings)
    synth = renderer.synth
    try:
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
                 progress: Progress | None = None, cancel: Cancel | None = None,
                 normalize: bool = False, mix: MixSettings | None = None) -> np.ndarray:
    """The song as float32 stereo samples, shape (frames, 2): its length plus a release tail.

    With `normalize` the samples are scaled so the peak is at -1 dBFS (see normalize_gain)."""
    sample_rate = check_sample_rate(sample_rate)
    font = find_soundfont(soundfont)
    audio = np.zeros((total_frames(song, sample_rate, mix), 2), dtype=np.float32)
    for _ in _blocks(song, font, sample_rate, progress, cancel, lambda start, n: audio[start:start + n], mix):
        pass
    if normalize:
        audio *= np.float32(normalize_gain(block_peak(audio)))
    return audio


def audio_format(path: Path) -> str:
    """The soundfile format for an output path, chosen by its extension."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise RenderError(f"{path}: unsupported audio format {path.suffix or '(no extension)'!r} "
                          "(use .wav or .flac)") from None


def check_output(path: str | os.PathLike[str], sample_rate: int,
                 soundfont: str | os.PathLike[str] | None) -> tuple[Path, str, int, Path]:
    """(path, soundfile format, sample rate, soundfont) for a render to `path`, each checked before any work:
    a bad extension, rate, soundfont or missing folder is one RenderError line (the render and the stems alike)."""
    path = Path(path)
    file_format = audio_format(path)
    sample_rate = check_sample_rate(sample_rate)
    font = find_soundfont(soundfont)
    if not path.parent.is_dir():
        raise RenderError(f"{path}: folder {path.parent} does not exist")
    return path, file_format, sample_rate, font


def write_pcm(out: soundfile.SoundFile, chunk: np.ndarray) -> None:
    np.clip(chunk, -1.0, 1.0, out=chunk)  # libsndfile would wrap, not clip, past full scale
    out.write(chunk)


def render_song(song: Song, path: str | os.PathLike[str], soundfont: str | os.PathLike[str] | None = None,
                sample_rate: int = 44100, progress: Progress | None = None,
                cancel: Cancel | None = None, normalize: bool = False, mix: MixSettings | None = None) -> RenderResult:
    """Render `song` to a 16-bit stereo WAV or FLAC file (by extension), atomically.

    With `normalize` the whole render is scaled so its peak is at -1 dBFS (see the module notes)."""
    began = time.perf_counter()
    path, file_format, sample_rate, font = check_output(path, sample_rate, soundfont)
    block = np.zeros((BLOCK_FRAMES, 2), dtype=np.float32)
    frames, peak, gain = 0, 0.0, 1.0

    def render(progress: Progress | None):
        nonlocal frames, peak
        for chunk in _blocks(song, font, sample_rate, progress, cancel, lambda start, n: block[:n], mix):
            peak = max(peak, block_peak(chunk))
            frames += len(chunk)
            yield chunk

    def write(temp: Path) -> None:
        nonlocal gain
        with soundfile.SoundFile(temp, "w", sample_rate, 2, "PCM_16", format=file_format) as out:
            if not normalize:
                for chunk in render(progress):
                    write_pcm(out, chunk)
                return
            with tempfile.TemporaryFile(dir=path.parent) as scratch:
                share = None if progress is None else (lambda done: progress(done * RENDER_SHARE))
                for chunk in render(share):
                    scratch.write(chunk.data)
                gain = normalize_gain(peak)
                scratch.seek(0)
                for start in range(0, frames, BLOCK_FRAMES):
                    if cancel is not None and cancel():
                        raise RenderCancelled()
                    chunk = block[:min(BLOCK_FRAMES, frames - start)]
                    scratch.readinto(chunk.data)
                    chunk *= np.float32(gain)
                    write_pcm(out, chunk)
                    if progress is not None:
                        progress(RENDER_SHARE + (1 - RENDER_SHARE) * (start + len(chunk)) / frames)

    atomic_write_via(path, write)
    return RenderResult(path, frames / sample_rate, sample_rate, font, time.perf_counter() - began,
                        gain_db=to_db(gain), peak_db=min(0.0, to_db(peak * gain)), normalized=normalize)

