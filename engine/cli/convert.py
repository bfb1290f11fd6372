"""`cadenza convert IN OUT`: between MIDI, MusicXML and Cadenza projects, by the files' extensions.

The output type is checked before the input is read, so a typo in OUT fails
at once. What the import changed or left out (a score's repeats unfolded, its
slurs ignored) and what the output format cannot hold (drum tracks in
MusicXML) are reported on stderr, one line each; the conversion still succeeds.
"""
from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "convert", help="convert between MIDI (.mid), MusicXML (.musicxml/.xml/.mxl) and Cadenza projects (.cadenza)",
        description="Convert IN to OUT, each type chosen by its extension: .mid/.midi/.kar/.smf, "
                    ".musicxml/.xml/.mxl or .cadenza in; .mid/.midi, .cadenza, .musicxml/.xml or .mxl "
                    "(compressed MusicXML) out. A score's repeats are played out unless --keep-repeats.")
    parser.add_argument("input", metavar="IN", help="a MIDI file, a MusicXML score or a Cadenza project")
    parser.add_argument("output", metavar="OUT", help="the file to write (replaced if it exists)")
    parser.add_argument("--keep-repeats", action="store_true",
                        help="read a MusicXML score's measures in written order instead of unfolding its repeats")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engine.files import check_save_type, open_song_file, save_song_file

    check_save_type(args.output)
    project, notes = open_song_file(args.input, unfold_repeats=not args.keep_repeats)
    for note in notes + save_song_file(project, args.output):
        print(f"cadenza convert: note: {note}", file=sys.stderr)
    song = project.song
    print(f"wrote {args.output} ({len(song.tracks)} tracks, {song.note_count} notes, {song.bar_count()} bars)")
    return 0
