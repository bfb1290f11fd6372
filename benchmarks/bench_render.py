"""Offline render speed: our renderer against Debian's `fluidsynth -ni -F`, side by side in one run.

Builds a 60-second 4-track song (melody, chords, bass, drums), writes it to a
temporary MIDI file, then alternates the two renders of that file with the
same SoundFont and sample rate, several times, and prints medians as JSON.
Both sides pay for reading the MIDI file, loading the SoundFont and writing a
16-bit WAV. Targets: ratio <= 1.2 and >= 50x real time with TimGM6mb.

The "normalize" rows time the two ways to peak-normalize a file whose peak is
known only at the end, on the same song: the shipped one (synthesize once,
floats to a scratch file, read back scaled) and the other (synthesize twice:
once for the peak, once to write scaled), beside the plain render.

    .venv/bin/python benchmarks/bench_render.py [--soundfont PATH] [--repeats N] [--sample-rate N]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import soundfile

from engine.atomic import atomic_write_via
from engine.audio.render import BLOCK_FRAMES, _blocks, write_pcm, block_peak, normalize_gain, render_song
from engine.audio.soundfonts import find_soundfont
from engine.audio.synth import DEFAULT_SETTINGS
from engine.midi import read_midi, write_midi
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

TPQ = 480
BARS = 30  # at 120 BPM in 4/4: 60 seconds
SCALE = (0, 2, 4, 5, 7, 9, 11, 12)
PROGRESSION = ((0, 4, 7), (9, 12, 16), (5, 9, 12), (7, 11, 14))  # I vi IV V in C


def benchmark_song() -> Song:
    """A busy but ordinary pop texture: eighth-note melody, half-note chords, quarter bass, eighth drums."""
    melody, chords, bass, drums = [], [], [], []
    for bar in range(BARS):
        start = bar * 4 * TPQ
        chord = PROGRESSION[bar % len(PROGRESSION)]
        for eighth in range(8):
            pitch = 72 + SCALE[(bar * 3 + eighth * 5) % len(SCALE)]
            melody.append(Note(start=start + eighth * TPQ // 2, pitch=pitch, duration=TPQ // 2 - 20, velocity=90))
            drums.append(Note(start=start + eighth * TPQ // 2, pitch=42, duration=60, velocity=70))
        for half in range(2):
            chords += [Note(start=start + half * 2 * TPQ, pitch=60 + p, duration=2 * TPQ - 30, velocity=70) for p in chord]
        for beat in range(4):
            bass.append(Note(start=start + beat * TPQ, pitch=36 + chord[beat % 2], duration=TPQ - 40, velocity=95))
            drums.append(Note(start=start + beat * TPQ, pitch=36 if beat % 2 == 0 else 38, duration=60, velocity=110))
    return Song(tracks=(
        Track(id=1, name="melody", role=TrackRole.MELODY, program=73, channel=0, notes=tuple(melody)),
        Track(id=2, name="chords", role=TrackRole.CHORDS, program=0, channel=1, notes=tuple(chords)),
        Track(id=3, name="bass", role=TrackRole.BASS, program=33, channel=2, notes=tuple(bass)),
        Track(id=4, name="drums", role=TrackRole.DRUMS, channel=9, notes=tuple(drums)),
    ), end_tick=BARS * 4 * TPQ)


def time_ours(midi: Path, out: Path, soundfont: Path, sample_rate: int) -> tuple[float, float]:
    began = time.perf_counter()
    result = render_song(read_midi(midi), out, soundfont=soundfont, sample_rate=sample_rate)
    return time.perf_counter() - began, result.seconds


def time_normalized(midi: Path, out: Path, soundfont: Path, sample_rate: int) -> float:
    began = time.perf_counter()
    render_song(read_midi(midi), out, soundfont=soundfont, sample_rate=sample_rate, normalize=True)
    return time.perf_counter() - began


def time_two_pass(midi: Path, out: Path, soundfont: Path, sample_rate: int) -> float:
    """The design not shipped: synthesize the song once to find the peak, then again to write it scaled."""
    began = time.perf_counter()
    song = read_midi(midi)
    block = np.zeros((BLOCK_FRAMES, 2), dtype=np.float32)
    peak = 0.0
    for chunk in _blocks(song, soundfont, sample_rate, None, None, lambda start, n: block[:n]):
        peak = max(peak, block_peak(chunk))
    gain = np.float32(normalize_gain(peak))

    def write(temp: Path) -> None:
        with soundfile.SoundFile(temp, "w", sample_rate, 2, "PCM_16", format="WAV") as file:
            for chunk in _blocks(song, soundfont, sample_rate, None, None, lambda start, n: block[:n]):
                chunk *= gain
                write_pcm(file, chunk)

    atomic_write_via(out, write)
    return time.perf_counter() - began


def time_fluidsynth(midi: Path, out: Path, soundfont: Path, sample_rate: int) -> float:
    command = ["fluidsynth", "-ni", "-q", "-r", str(sample_rate), "-g", str(DEFAULT_SETTINGS.gain), "-F", str(out),
               str(soundfont), str(midi)]
    began = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--soundfont", help="default: the automatic lookup (TimGM6mb)")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--sample-rate", type=int, default=44100)
    args = parser.parse_args()
    if shutil.which("fluidsynth") is None:
        print("bench_render: the fluidsynth command line is not installed", file=sys.stderr)
        return 2
    soundfont = find_soundfont(args.soundfont)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        midi = folder / "song.mid"
        write_midi(benchmark_song(), midi)
        time_ours(midi, folder / "warm.wav", soundfont, args.sample_rate)  # page cache and imports, both sides
        time_fluidsynth(midi, folder / "warm-fs.wav", soundfont, args.sample_rate)
        ours, theirs, scratch, twice = [], [], [], []
        for _ in range(args.repeats):
            elapsed, audio_seconds = time_ours(midi, folder / "ours.wav", soundfont, args.sample_rate)
            ours.append(elapsed)
            theirs.append(time_fluidsynth(midi, folder / "fluidsynth.wav", soundfont, args.sample_rate))
            scratch.append(time_normalized(midi, folder / "normalized.wav", soundfont, args.sample_rate))
            twice.append(time_two_pass(midi, folder / "two-pass.wav", soundfont, args.sample_rate))
        cli_audio_seconds = soundfile.info(folder / "fluidsynth.wav").duration
        same = np.array_equal(soundfile.read(folder / "normalized.wav")[0], soundfile.read(folder / "two-pass.wav")[0])
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    scratch_median, twice_median = statistics.median(scratch), statistics.median(twice)
    print(json.dumps({
        "benchmark": "render_60s_4_tracks",
        "soundfont": soundfont.name,
        "sample_rate": args.sample_rate,
        "repeats": args.repeats,
        "audio_seconds": round(audio_seconds, 3),
        "fluidsynth_cli_audio_seconds": round(cli_audio_seconds, 3),
        "ours_seconds": round(ours_median, 4),
        "fluidsynth_cli_seconds": round(theirs_median, 4),
        "ratio_ours_to_cli": round(ours_median / theirs_median, 3),
        "ratio_target": 1.2,
        "ratio_per_audio_second": round((ours_median / audio_seconds) / (theirs_median / cli_audio_seconds), 3),
        "ours_x_real_time": round(audio_seconds / ours_median, 1),
        "x_real_time_target": 50,
        "ours_all": [round(t, 4) for t in ours],
        "cli_all": [round(t, 4) for t in theirs],
        "normalize": {
            "plain_seconds": round(ours_median, 4),
            "scratch_file_seconds": round(scratch_median, 4),
            "two_pass_seconds": round(twice_median, 4),
            "scratch_file_to_plain": round(scratch_median / ours_median, 3),
            "two_pass_to_plain": round(twice_median / ours_median, 3),
            "same_samples": same,
            "scratch_file_all": [round(t, 4) for t in scratch],
            "two_pass_all": [round(t, 4) for t in twice],
        },
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
