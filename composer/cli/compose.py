"""`cadenza compose OUT --bars 16 --key "A minor" --tempo 90 --meter 4/4`: a new sketch from nothing.

`--brief "tense chase in D minor, 140 bpm, strings and taiko, 32 bars"` reads
a brief in English or Chinese (composer.brief) into the same settings; any
option given beside it wins over what the brief says. The reading is printed
first, as one JSON line with the words it did not understand, so what will be
composed is visible before it is. Then each part (chords, melody, bass,
accompaniment, drums, in that order) is proposed over the parts before it; one
JSON line per part goes to stdout.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import replace

from composer.cli import args as types
from composer.proposals.spec import PARTS
from composer.tokens.vocab import STYLES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compose", help="write a new sketch (chords, melody, bass, accompaniment, drums) with the composer model",
        description="Compose a new song from nothing, each part conditioned on the ones before it, and save it as OUT.")
    parser.add_argument("output", metavar="OUT", help="the file to write (.mid or .cadenza)")
    parser.add_argument("--brief", metavar="TEXT",
                        help='the piece in words, English or Chinese, e.g. "gentle piano piece in G, 16 bars"')
    parser.add_argument("--bars", type=types.positive_int, help="length in bars (default 16)")
    parser.add_argument("--key", type=types.key, help='e.g. "A minor" (default C major)')
    parser.add_argument("--tempo", type=types.number, help="beats per minute (default: the style's)")
    parser.add_argument("--meter", type=types.meter, metavar="N/D", help="default 4/4")
    parser.add_argument("--parts", metavar="PART,...", help=f"default: the style's ({','.join(PARTS)} unstyled)")
    parser.add_argument("--style", metavar="NAME", help=f"a built-in style said to the model ({','.join(STYLES)}) "
                                                        "or a style you learned (cadenza learn-style); default: none")
    parser.add_argument("--variation", choices=("exact", "varied"), default="exact",
                        help="how a repeated section comes back (default exact)")
    parser.add_argument("--seed", type=types.seed, default=0)
    parser.add_argument("--temperature", type=types.number, default=1.0)
    parser.add_argument("--model", metavar="PATH", help="a composer checkpoint (default: the shipped one)")
    parser.set_defaults(func=run)


def settings_from_args(args: argparse.Namespace):
    """The brief's settings (or the plain defaults) with every option the user gave laid over them."""
    from composer.brief import read_brief
    from composer.brief.settings import SketchSettings, settings_from_brief
    from composer.brief.styles import defaults_for
    from engine.errors import CadenzaError

    brief = read_brief(args.brief) if args.brief else None
    settings = settings_from_brief(brief) if brief else SketchSettings()
    if args.style in STYLES and args.style != settings.style:   # a learned style is a model, not a setting
        style = defaults_for(args.style)
        named = brief is not None and brief.instruments   # the instruments a brief names stay
        settings = replace(settings, style=args.style, parts=settings.parts if named else style.parts,
                           programs=settings.programs if named else style.programs,
                           tempo=settings.tempo if brief and brief.tempo else float(style.typical_tempo))
    if args.bars is not None:
        settings = settings.with_bars(args.bars)
    overrides = {name: value for name, value in (("key", args.key), ("tempo", args.tempo), ("meter", args.meter))
                 if value is not None}
    if args.parts is not None:
        overrides["parts"] = tuple(p.strip() for p in args.parts.split(",") if p.strip())   # checked by the settings
    settings = replace(settings, variation=args.variation, **overrides)
    if not 10 <= settings.tempo <= 400:
        raise CadenzaError(f"tempo {settings.tempo:g} must be 10..400 BPM")
    return brief, settings


def run(args: argparse.Namespace) -> int:
    from composer.proposals.compose import compose_sketch
    from composer.style.apply import style_choice
    from engine.files import check_save_type, save_song_file
    from engine.project import Project

    check_save_type(args.output)
    _, model = style_choice(args.style, args.model)   # a learned style: refused before any work
    brief, settings = settings_from_args(args)
    print(json.dumps(_reading(brief, settings), ensure_ascii=False), flush=True)

    def report(part: str, stats: dict) -> None:
        print(json.dumps({"part": part, **stats}), flush=True)

    song = compose_sketch(settings, args.seed, model, args.temperature, on_part=report)
    save_song_file(Project(song=song), args.output)
    print(json.dumps({"file": args.output, "bars": settings.bars, "tracks": len(song.tracks),
                      "notes": song.note_count}))
    return 0


def _reading(brief, settings) -> dict:
    """What will be composed, as the user can check it: the settings and the brief's words not understood."""
    return {"brief": brief.text if brief else None, "style": settings.style, "key": str(settings.key),
            "tempo": settings.tempo, "meter": f"{settings.meter[0]}/{settings.meter[1]}", "bars": settings.bars,
            "parts": list(settings.parts), "programs": settings.programs,
            "sections": [[s.name, s.bars] for s in settings.sections],
            "energy": list(settings.energy), "mood": brief.mood if brief else None,
            "not_understood": list(brief.not_understood) if brief else [], "notes": list(settings.notes)}
