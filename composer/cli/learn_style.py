"""`cadenza learn-style FOLDER --name NAME`: adapt the composer to a folder of your own pieces.

Reads every MIDI, MusicXML and Cadenza file under FOLDER, holds some pieces
out, learns a small adapter on the CPU and writes the style to the data folder
($CADENZA_DATA_DIR, else the app's own: ~/.local/share/Cadenza/Cadenza/styles).
Progress goes to stderr (one line every few steps: loss, time left); skipped
files are listed there with their reasons; stdout gets the held-out figures
and ends with one JSON line (heldout_loss_before, heldout_loss_after, pieces,
skipped, seconds, ...). Use the style with `--style NAME` on `cadenza generate`
and `cadenza compose`, or choose it in the editor's proposal panel.
Bad input (an empty folder, no music files, pieces too short) is one line on
stderr, exit 2, and no style file. See docs/STYLES.md.
"""
from __future__ import annotations

import argparse
import json
import sys

from composer.cli import args as types


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "learn-style", help="adapt the composer to a folder of your own MIDI (a style for --style NAME)",
        description="Learn a style from the pieces in FOLDER (CPU, a few minutes) and save it as NAME.")
    parser.add_argument("folder", metavar="FOLDER", help="a folder of MIDI, MusicXML or Cadenza files (sub-folders too)")
    parser.add_argument("--name", required=True, help="the style's name (what --style and the editor call it)")
    parser.add_argument("--seconds", type=types.number, default=None,
                        help="training time in seconds at most (default 180)")
    parser.add_argument("--steps", type=types.positive_int, default=None, help="at most this many steps (default 400)")
    parser.add_argument("--total-seconds", type=types.number, default=None,
                        help="the whole run aims to end within this (default 285); training gets what measuring leaves")
    parser.add_argument("--adapter", choices=("lora", "blocks"), default="lora",
                        help="low-rank adapters on every projection (default) or the top two blocks")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", metavar="PATH", help="the base composer checkpoint (default: the shipped one)")
    parser.add_argument("--data-dir", metavar="DIR", help="where styles are kept (default: $CADENZA_DATA_DIR or "
                                                          "the editor's data folder)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from composer.style.learn import LearnSettings, learn_style
    from composer.style.store import StyleError

    settings = LearnSettings(adapter=args.adapter, seed=args.seed)
    if args.seconds is not None:
        if args.seconds <= 0:
            raise StyleError(f"--seconds {args.seconds:g} must be positive")
        settings = replace(settings, max_seconds=args.seconds)
    if args.steps is not None:
        settings = replace(settings, steps=args.steps)
    if args.total_seconds is not None:
        if args.total_seconds <= 0:
            raise StyleError(f"--total-seconds {args.total_seconds:g} must be positive")
        settings = replace(settings, total_seconds=args.total_seconds)
    shown = {"step": -1}

    def progress(report) -> None:
        if report.phase != "learning":
            print(f"{report.phase}... ({report.seconds:.0f} s)", file=sys.stderr, flush=True)
        elif report.step - shown["step"] >= 5 or report.step == 1:
            shown["step"] = report.step
            left = f"{report.seconds_left:.0f} s left" if report.seconds_left is not None else ""
            print(f"step {report.step} loss {report.loss:.3f} {left}", file=sys.stderr, flush=True)

    result = learn_style(args.folder, args.name, args.model, args.data_dir, settings, progress)
    for file, reason in result.skipped:
        print(f"skipped {file}: {reason}", file=sys.stderr)
    stats = result.style.stats
    verdict = "improved" if stats["improved"] else "did NOT improve"
    print(f"style {result.style.name!r}: held-out loss {stats['heldout_loss_before']:.4f} -> "
          f"{stats['heldout_loss_after']:.4f} ({verdict}) on {len(result.style.heldout)} held-out piece(s)")
    print(json.dumps({"proposals": stats["proposals"]}))
    print(json.dumps(result.summary()), flush=True)
    return 0
