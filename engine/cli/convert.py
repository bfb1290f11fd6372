"""`cadenza convert IN OUT`: between MIDI and Cadenza projects, and to MusicXML, by the files' extensions.

The output type is checked before the input is read, so a typo in OUT fails
at once. What a format cannot hold (drum tracks in MusicXML) is reported on
stderr, one line each; the conversion itself still succeeds.
"""
from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "convert", help="convert between MIDI (.mid) and Cadenza projects (.cadenza), or to MusicXML",
        description="Convert IN to OUT, each type chosen by its extension: .mid/.midi/.kar/.smf or .cadenza in; "
                    ".mid/.midi, .cadenza, .musicxml/.xml or .mxl (compressed MusicXML) out.")
    parser.add_argument("input", metavar="IN", help="a MIDI file or a Cadenza project")
    parser.add_argument("output", metavar="OUT", help="the file to write (replaced if it exists)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engine.files import check_save_type, load_song_file, save_song_file

    check_save_type(args.output)
    project = load_song_file(args.input)
    for note in save_song_file(project, args.output):
        print(f"cadenza convert: note: {note}", file=sys.stderr)
    song = project.song
    print(f"wrote {args.output} ({len(song.tracks)} tracks, {song.note_count} notes, {song.bar_count()} bars)")
    return 0
