"""Offline render speed: our renderer against Debian's `fluidsynth -ni -F`, side by side in one run.

Builds a 60-second 4-track song (melody, chords, bass, drums), writes it to a
temporary MIDI file, then alternates the two renders of that file with the
same SoundFont and sample rate, several times, and prints medians as JSON.
Both sides pay for reading the MIDI file, loading the SoundFont and writing a
16-bit WAV. Targets: ratio <= 1.2 and >= 50x real time with TimGM6mb.

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

import soundfile

from engine.audio.render import render_song
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
        ours, theirs = [], []
        for _ in range(args.repeats):
            elapsed, audio_seconds = time_ours(midi, folder / "ours.wav", soundfont, args.sample_rate)
            ours.append(elapsed)
            theirs.append(time_fluidsynth(midi, folder / "fluidsynth.wav", soundfont, args.sample_rate))
        cli_audio_seconds = soundfile.info(folder / "fluidsynth.wav").duration
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
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
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
