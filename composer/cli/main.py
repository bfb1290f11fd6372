"""`cadenza`: the engine's subcommands (info, render, convert) plus `generate` and `compose`.

engine/ may not import composer/, so the entry point that knows both lives
here. The composer subcommands import torch and the model only when they run:
`cadenza info` and `cadenza --help` stay as fast as before.
"""
from __future__ import annotations

import argparse
import sys

from composer.cli import compose, generate
from engine.cli import main as engine_main


def build_parser() -> argparse.ArgumentParser:
    parser = engine_main.build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for module in (generate, compose):
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    return engine_main.main(argv, build_parser())


if __name__ == "__main__":
    sys.exit(main())
