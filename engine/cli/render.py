"""`cadenza render IN OUT.wav|.flac`: a MIDI or project file to audio, through the app's own renderer.

The audio modules load only when the command runs, so other subcommands
(and `cadenza --help`) do not pay for loading FluidSynth.
"""
from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from engine.errors import CadenzaError
from engine.song import Song

MIDI_SUFFIXES = (".mid", ".midi", ".smf", ".kar")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "render", help="render a MIDI or project file to WAV or FLAC",
        description="Render a MIDI or project file to a stereo 16-bit WAV or FLAC file (chosen by OUT's extension).")
    parser.add_argument("input", metavar="IN", help="a MIDI file or a Cadenza project")
    parser.add_argument("output", metavar="OUT", help="the audio file to write: .wav or .flac")
    parser.add_argument("--soundfont", metavar="PATH",
                        help="a .sf2/.sf3 SoundFont (default: soundfonts/, then TimGM6mb, then system ones)")
    parser.add_argument("--sample-rate", metavar="N", type=int, default=44100, help="samples per second (default 44100)")
    parser.set_defaults(func=run)


def load_song(path: Path) -> Song:
    """Any file the app opens. Project files need engine.files; without it, MIDI files still work."""
    try:
        files = importlib.import_module("engine.files")
    except ModuleNotFoundError as error:
        if error.name != "engine.files":
            raise
        if path.suffix.lower() not in MIDI_SUFFIXES:
            raise CadenzaError(f"{path}: not a MIDI file (expected {', '.join(MIDI_SUFFIXES)})") from None
        from engine.midi import read_midi
        return read_midi(path)
    return files.load_song_file(path)


def run(args: argparse.Namespace) -> int:
    from engine.audio.render import audio_format, render_song

    output = Path(args.output)
    audio_format(output)  # a wrong extension is reported before the input is read
    song = load_song(Path(args.input))
    result = render_song(song, output, soundfont=args.soundfont, sample_rate=args.sample_rate)
    print(f"rendered {result.seconds:.1f} s of audio to {output} in {result.elapsed:.2f} s "
          f"({result.speed:.0f}x real time, {result.sample_rate} Hz, {result.soundfont.name})")
    return 0
