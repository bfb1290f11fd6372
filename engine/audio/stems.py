"""Stems: one audio file per sounding track plus the mix, sample-aligned, for a director or a DAW.

Every stem and the mix start at the cue's first tick and run to the song's
end plus the release tail (longer with a large reverb room), so all files have the same number of frames and
line up when dropped at the same point of a DAW timeline. The files are
`<cue>.<ext>` (the mix) and `<cue>_<track>.<ext>` beside it, the track names
made safe for every filesystem and unique (see `stem_names`).

The mix *is* the sum of the stems: each track is rendered by its own synth
with the mix's settings (gains by role, reverb, chorus), the synths run in
lockstep block by block, and the mix block is the float sum of the stem
blocks. FluidSynth is linear (voices add, and the reverb and chorus are
linear filters on the sum of the sends), so this sum is also what one synth
playing every track renders, to float rounding, unless the song needs more
voices than the polyphony limit at once; measured in docs/SCORING.md, "Stems
and mix". Summing rather than rendering the mix separately makes "the stems
add up to the mix" exact by construction, and costs no extra synthesis.

Files are 24-bit (WAV or FLAC), the usual stem depth: the difference between
the mix file and the sum of the stem files is then the rounding of each file
to 24 bits, at most (tracks + 1) / 2 steps of 2^-23. Normalizing scales every
file by the one factor that puts the mix's peak at -1 dBFS, so the stems
still add up to the mix. Muted tracks get no stem; when any track is soloed
only the soloed ones do (the rule playback follows, engine.audio.schedule).

All files are written through engine.atomic, nested, so the set appears only
when every file is complete: a cancel or a failure leaves none of them. WAV
files carry the cue's SMPTE start as Broadcast WAV time (engine.audio.bwf), so
a DAW can spot them to their timecode.
"""
from __future__ import annotations

import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from engine.atomic import atomic_write_via
from engine.audio.bwf import bext_chunk, copy_with_bext
from engine.audio.errors import RenderCancelled, RenderError
from engine.audio.mix import DEFAULT_MIX, MixSettings
from engine.audio.render import (
    BLOCK_FRAMES,
    RENDER_SHARE,
    Cancel,
    Progress,
    block_peak,
    check_output,
    mixed,
    normalize_gain,
    open_renderer,
    to_db,
    total_frames,
    write_pcm,
)
from engine.audio.schedule import audible_tracks
from engine.song import Song
from engine.track import Track

SUBTYPE = "PCM_24"
MAX_NAME_CHARS = 60


@dataclass(frozen=True, slots=True)
class StemsResult:
    """What a stems export wrote: the mix file, (track id, stem file) pairs, and how it went."""

    mix: Path
    stems: tuple[tuple[int, Path], ...]
    seconds: float
    frames: int
    sample_rate: int
    soundfont: Path
    elapsed: float
    gain_db: float = 0.0
    peak_db: float = -np.inf  # the mix's peak as written
    normalized: bool = False
    clipped: bool = False  # some file went over full scale and was clipped (then the sum is off there)

    @property
    def paths(self) -> list[Path]:
        return [self.mix] + [path for _, path in self.stems]


def safe_name(name: str) -> str:
    """A track name as a file-name part: letters (any script), digits, '-' and '_' kept, the rest '_'."""
    text = unicodedata.normalize("NFC", name)
    text = re.sub(r"[^\w\-]+", "_", text)
    return re.sub(r"_+", "_", text).strip("_-")[:MAX_NAME_CHARS].strip("_-")


def stem_names(tracks: list[Track]) -> list[str]:
    """One file-name part per track, unique ignoring case (as macOS and Windows compare names).

    An unnamed track (or one named only in symbols) is called after its role;
    a repeat gets _2, _3, ... in track order."""
    names: list[str] = []
    taken: set[str] = set()
    for track in tracks:
        base = safe_name(track.name) or safe_name(track.role.value) or f"track{track.id}"
        name, number = base, 1
        while name.casefold() in taken:
            number += 1
            name = f"{base}_{number}"
        taken.add(name.casefold())
        names.append(name)
    return names


def stem_paths(mix_path: str | os.PathLike[str], song: Song) -> list[tuple[Track, Path]]:
    """Each sounding track and its stem file beside the mix: `<cue>_<track><ext>`."""
    mix_path = Path(mix_path)
    tracks = audible_tracks(song)
    return [(track, mix_path.with_name(f"{mix_path.stem}_{name}{mix_path.suffix}"))
            for track, name in zip(tracks, stem_names(tracks))]


def _write_all(paths: list[Path], write: Callable[[list[Path]], None]) -> None:
    """`write(temps)` writes one temporary file per path; all replace their targets only if it returns."""
    def nest(index: int, temps: list[Path]) -> None:
        if index == len(paths):
            write(temps)
        else:
            atomic_write_via(paths[index], lambda temp: nest(index + 1, temps + [temp]))

    nest(0, [])


def render_stems(song: Song, mix_path: str | os.PathLike[str], soundfont: str | os.PathLike[str] | None = None,
                 sample_rate: int = 44100, mix: MixSettings = DEFAULT_MIX, normalize: bool = False,
                 progress: Progress | None = None, cancel: Cancel | None = None) -> StemsResult:
    """Write the mix to `mix_path` (.wav or .flac) and one stem per sounding track beside it."""
    began = time.perf_counter()
    mix_path, file_format, sample_rate, font = check_output(mix_path, sample_rate, soundfont)
    stems = stem_paths(mix_path, song)
    if not stems:
        raise RenderError("no stems to export: every track is muted")
    total = total_frames(song, sample_rate, mix)
    played, settings = mixed(song, sample_rate, mix, font)
    count = len(stems)
    buffer = np.zeros((count, BLOCK_FRAMES, 2), dtype=np.float32)
    state = {"peak": 0.0, "gain": 1.0, "clipped": False}

    def synthesized(share: float):
        """Every block of every stem, the synths in lockstep: yields the (count, n, 2) block and its mix."""
        with ExitStack() as closing:
            renderers = []
            for track, _ in stems:
                renderer = open_renderer(played.with_(tracks=(played.track(track.id),), end_tick=song.length_ticks),
                                         font, settings)
                closing.callback(renderer.synth.close)
                renderers.append(renderer)
            for start in range(0, total, BLOCK_FRAMES):
                if cancel is not None and cancel():
                    raise RenderCancelled()
                frames = min(BLOCK_FRAMES, total - start)
                block = buffer[:, :frames]
                for index, renderer in enumerate(renderers):
                    block[index].fill(0.0)
                    renderer.fill(block[index])
                mix_block = block.sum(axis=0, dtype=np.float32)
                state["peak"] = max(state["peak"], block_peak(mix_block))
                yield block, mix_block
                if progress is not None:
                    progress(share * (start + frames) / total)

    def write(files: list[soundfile.SoundFile], block: np.ndarray, mix_block: np.ndarray) -> None:
        state["clipped"] |= block_peak(block) > 1.0 or block_peak(mix_block) > 1.0
        write_pcm(files[0], mix_block)  # the sum is taken before any clipping
        for out, stem in zip(files[1:], block):
            write_pcm(out, stem)

    def write_files(temps: list[Path]) -> None:
        if file_format != "WAV":
            write_audio(temps)
            return
        raws = [temp.with_name(temp.name + ".pcm") for temp in temps]  # libsndfile's file, before the bext chunk
        try:
            write_audio(raws)
            names = [mix_path.stem] + [f"{mix_path.stem} {track.name}" for track, _ in stems]
            start = round(song.timecode.start_seconds * sample_rate)
            for raw, temp, name in zip(raws, temps, names):
                copy_with_bext(raw, temp, bext_chunk(start, name))
        finally:
            for raw in raws:
                raw.unlink(missing_ok=True)

    def write_audio(paths: list[Path]) -> None:
        with ExitStack() as closing:
            files = [closing.enter_context(soundfile.SoundFile(path, "w", sample_rate, 2, SUBTYPE,
                                                               format=file_format)) for path in paths]
            if not normalize:
                for block, mix_block in synthesized(1.0):
                    write(files, block, mix_block)
                return
            scratches = [closing.enter_context(tempfile.TemporaryFile(dir=mix_path.parent)) for _ in stems]
            for block, _ in synthesized(RENDER_SHARE):
                for scratch, stem in zip(scratches, block):
                    scratch.write(stem.data)
            gain = np.float32(normalize_gain(state["peak"]))
            state["gain"] = float(gain)
            for scratch in scratches:
                scratch.seek(0)
            for start in range(0, total, BLOCK_FRAMES):
                if cancel is not None and cancel():
                    raise RenderCancelled()
                block = buffer[:, :min(BLOCK_FRAMES, total - start)]
                for scratch, stem in zip(scratches, block):
                    scratch.readinto(stem.data)
                block *= gain
                write(files, block, block.sum(axis=0, dtype=np.float32))
                if progress is not None:
                    progress(RENDER_SHARE + (1 - RENDER_SHARE) * (start + block.shape[1]) / total)

    _write_all([mix_path] + [path for _, path in stems], write_files)
    peak = state["peak"] * state["gain"]
    return StemsResult(mix_path, tuple((track.id, path) for track, path in stems), total / sample_rate, total,
                       sample_rate, font, time.perf_counter() - began, gain_db=to_db(state["gain"]),
                       peak_db=min(0.0, to_db(peak)), normalized=normalize, clipped=state["clipped"])
