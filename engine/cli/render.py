"""`cadenza render IN OUT.wav|.flac [--stems]`: a MIDI file, MusicXML score or project to audio, through the app's renderer.

Input goes through engine.files, like the editor's Open. A project renders with
its own mix (gains by role, reverb, chorus: engine.audio.mix); a MIDI file or
score with the default mix, or `--dry` / `--no-balance` over either. `--stems`
writes the mix to OUT and one file per sounding track beside it,
OUT_<track>.wav (engine.audio.stems). The audio modules
load only when the command runs, so other subcommands (and `cadenza --help`)
do not pay for loading FluidSynth.
"""
from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "render", help="render a MIDI file, MusicXML score or project file to WAV or FLAC",
        description="Render a MIDI file, MusicXML score (repeats played out) or project file to a stereo 16-bit WAV or FLAC file (chosen by OUT's extension), with the project's mix (balance by role, reverb, chorus); with --stems, also one 24-bit file per track.")
    parser.add_argument("input", metavar="IN", help="a MIDI file, a MusicXML score or a Cadenza project")
    parser.add_argument("output", metavar="OUT", help="the audio file to write: .wav or .flac")
    parser.add_argument("--soundfont", metavar="PATH",
                        help="a .sf2/.sf3 SoundFont (default: the project's, then soundfonts/, FluidR3_GM, TimGM6mb, "
                             "system ones)")
    parser.add_argument("--sample-rate", metavar="N", type=int, default=44100, help="samples per second (default 44100)")
    parser.add_argument("--normalize", action="store_true",
                        help="scale the whole render so its peak is at -1 dBFS (at most +24 dB; silence stays "
                             "silent); without it the level is the synth's playback level, often peaking near "
                             "-15 dBFS")
    parser.add_argument("--stems", action="store_true",
                        help="also write each sounding track to OUT_<track>.wav (or .flac) beside OUT; all files are "
                             "24-bit, the same length, and add up to the mix in OUT")
    parser.add_argument("--dry", action="store_true", help="no reverb and no chorus, whatever the project says")
    parser.add_argument("--no-balance", action="store_true",
                        help="play every track at its own volume, without the balance (instrument and texture "
                             "levelled, then gains by role) that lets the melody lead")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engine.audio.mix import describe
    from engine.audio.render import audio_format, render_song
    from engine.files import load_song_file

    output = Path(args.output)
    audio_format(output)  # a wrong extension is reported before the input is read
    project = load_song_file(args.input)
    soundfont = args.soundfont or project.state.soundfont  # a project remembers the user's SoundFont
    mix = project.state.mix
    if args.dry:
        mix = mix.with_(reverb=False, chorus=False)
    if args.no_balance:
        mix = mix.with_(balance=False)
    if args.stems:
        return _stems(project.song, output, soundfont, args, mix)
    result = render_song(project.song, output, soundfont=soundfont, sample_rate=args.sample_rate,
                         normalize=args.normalize, mix=mix)
    print(f"rendered {result.seconds:.1f} s of audio to {output} in {result.elapsed:.2f} s "
          f"({result.speed:.0f}x real time, {result.sample_rate} Hz, {result.soundfont.name}, {describe(mix)}; "
          f"{result.level})")
    return 0


def _stems(song, output: Path, soundfont, args: argparse.Namespace, mix) -> int:
    from engine.audio.mix import describe
    from engine.audio.render import SILENCE_DB
    from engine.audio.stems import render_stems

    result = render_stems(song, output, soundfont=soundfont, sample_rate=args.sample_rate, mix=mix,
                          normalize=args.normalize)
    level = "silent" if result.peak_db < SILENCE_DB else f"mix peak {result.peak_db:.1f} dBFS"
    if result.normalized and result.peak_db >= SILENCE_DB:
        level = f"normalized {result.gain_db:+.1f} dB, {level}"
    clipped = "; some samples went over full scale and were clipped (try --normalize)" if result.clipped else ""
    names = ", ".join(path.name for _, path in result.stems)
    print(f"rendered {result.seconds:.1f} s of audio to {output} and {len(result.stems)} stems ({names}) in "
          f"{result.elapsed:.2f} s ({result.sample_rate} Hz, 24-bit, {result.soundfont.name}, {describe(mix)}; "
          f"{level}){clipped}")
    return 0
