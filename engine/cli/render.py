"""`cadenza render IN OUT.wav|.flac`: a MIDI file, MusicXML score or project to audio, through the app's renderer.

Input goes through engine.files, like the editor's Open. The audio modules
load only when the command runs, so other subcommands (and `cadenza --help`)
do not pay for loading FluidSynth.
"""
from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "render", help="render a MIDI file, MusicXML score or project file to WAV or FLAC",
        description="Render a MIDI file, MusicXML score (repeats played out) or project file to a stereo 16-bit WAV or FLAC file (chosen by OUT's extension).")
    parser.add_argument("input", metavar="IN", help="a MIDI file, a MusicXML score or a Cadenza project")
    parser.add_argument("output", metavar="OUT", help="the audio file to write: .wav or .flac")
    parser.add_argument("--soundfont", metavar="PATH",
                        help="a .sf2/.sf3 SoundFont (default: the project's, then soundfonts/, TimGM6mb, system ones)")
    parser.add_argument("--sample-rate", metavar="N", type=int, default=44100, help="samples per second (default 44100)")
    parser.add_argument("--normalize", action="store_true",
                        help="scale the whole render so its peak is at -1 dBFS (at most +24 dB; silence stays "
                             "silent); without it the level is the synth's playback level, often peaking near "
                             "-15 dBFS")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engine.audio.render import audio_format, render_song
    from engine.files import load_song_file

    output = Path(args.output)
    audio_format(output)  # a wrong extension is reported before the input is read
    project = load_song_file(args.input)
    soundfont = args.soundfont or project.state.soundfont  # a project remembers the user's SoundFont
    result = render_song(project.song, output, soundfont=soundfont, sample_rate=args.sample_rate,
                         normalize=args.normalize)
    print(f"rendered {result.seconds:.1f} s of audio to {output} in {result.elapsed:.2f} s "
          f"({result.speed:.0f}x real time, {result.sample_rate} Hz, {result.soundfont.name}; {result.level})")
    return 0
