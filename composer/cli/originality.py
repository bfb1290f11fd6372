"""`cadenza originality FILE [--against FOLDER]`: how close each track of a song comes to the training data.

One JSON line per track with notes (and one for the chord lane, `"track":
"chords"`): the longest run of consecutive notes (chords) that also occurs in
one indexed piece, that piece's source and id, and the threshold over which
a proposal counts as close. Against the shipped model's training index by
default (`--model` for another checkpoint's, `--index` for a file), or, with
`--against FOLDER`, against every song file in that folder (the user's own
material). Matching is torch-free; only `--model` loads a checkpoint.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "originality", help="how close each track of a song comes to the training data (or a folder of songs)",
        description="Print one JSON line per track: the longest run of consecutive notes that also occurs in one "
                    "training piece (transposed or not), and that piece.")
    parser.add_argument("input", metavar="FILE", help="a MIDI file, MusicXML score or Cadenza project")
    parser.add_argument("--against", metavar="FOLDER", help="match against the song files in FOLDER instead")
    parser.add_argument("--index", metavar="PATH", help="an originality index file (default: the shipped model's)")
    parser.add_argument("--model", metavar="PATH", help="use the index built for this checkpoint's data")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from composer.originality.index import OriginalityError, OriginalityIndex
    from composer.originality.match import song_closeness
    from composer.originality.reference import SHIPPED_INDEX, folder_index, training_index
    from engine.files import load_song_file

    song = load_song_file(args.input).song   # a bad file is a one-line CadenzaError (exit 2) before any index work
    if args.index:
        index = OriginalityIndex.load(args.index)
    elif args.model:
        from composer.checkpoint import read_checkpoint_for_growth
        data_hash = read_checkpoint_for_growth(args.model)["data_hash"]
        index = training_index(data_hash)
        if index is None:
            raise OriginalityError(f"{args.model}: no originality index for its data (hash {data_hash}); build one "
                                   "with python -m composer.originality.build")
    elif args.against:   # the training index only lends its thresholds here: without one, the defaults
        index = OriginalityIndex.load(SHIPPED_INDEX) if SHIPPED_INDEX.is_file() else None
    else:
        index = OriginalityIndex.load(SHIPPED_INDEX)
    if args.against:
        index = folder_index(Path(args.against), index)
    found = song_closeness(index, song)
    if not found:
        raise OriginalityError(f"{args.input}: no track with two or more pitched notes, and no chords")
    for closeness in found:
        print(json.dumps(closeness.to_dict()), flush=True)
    return 0
