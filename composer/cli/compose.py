"""`cadenza compose OUT --bars 16 --key "A minor" --tempo 90 --meter 4/4`: a new sketch from nothing.

Each part (chords, melody, bass, accompaniment, drums, in that order) is
proposed over the parts before it; one JSON line per part goes to stdout.
"""
from __future__ import annotations

import argparse
import json

from composer.cli import args as types
from composer.proposals.spec import PARTS
from composer.tokens.vocab import STYLES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compose", help="write a new sketch (chords, melody, bass, accompaniment, drums) with the composer model",
        description="Compose a new song from nothing, each part conditioned on the ones before it, and save it as OUT.")
    parser.add_argument("output", metavar="OUT", help="the file to write (.mid or .cadenza)")
    parser.add_argument("--bars", type=types.positive_int, default=16)
    parser.add_argument("--key", type=types.key, default="C major")
    parser.add_argument("--tempo", type=types.number, default=100.0, help="beats per minute")
    parser.add_argument("--meter", type=types.meter, default=(4, 4), metavar="N/D")
    parser.add_argument("--parts", default=",".join(PARTS), metavar="PART,...")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--temperature", type=types.number, default=1.0)
    parser.add_argument("--style", choices=STYLES, help="what the piece is, said to the model (default: unsaid)")
    parser.add_argument("--model", metavar="PATH", help="a composer checkpoint (default: the shipped one)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from composer.proposals.compose import compose_song
    from engine.errors import CadenzaError
    from engine.files import check_save_type, save_song_file
    from engine.project import Project

    check_save_type(args.output)
    if not 10 <= args.tempo <= 400:
        raise CadenzaError(f"tempo {args.tempo:g} must be 10..400 BPM")
    parts = tuple(p.strip() for p in args.parts.split(",") if p.strip())

    def report(part: str, stats: dict) -> None:
        print(json.dumps({"part": part, **stats}), flush=True)

    song = compose_song(args.bars, args.key, args.tempo, args.meter, parts, args.seed, args.model,
                        args.temperature, on_part=report, style=args.style)
    save_song_file(Project(song=song), args.output)
    print(json.dumps({"file": args.output, "bars": args.bars, "tracks": len(song.tracks), "notes": song.note_count}))
    return 0
