"""`cadenza`: the engine's subcommands (info, render, convert) plus `generate`, `compose`, `learn-style`
and `originality`.

engine/ may not import composer/, so the entry point that knows both lives
here. The composer subcommands import torch and the model only when they run:
`cadenza info` and `cadenza --help` stay as fast as before.
"""
from __future__ import annotations

import sys

from composer.cli import compose, generate, learn_style, originality
from engine.cli import main as engine_main


def main(argv: list[str] | None = None) -> int:
    return engine_main.main(argv, engine_main.build_parser((generate, compose, learn_style, originality)))


if __name__ == "__main__":
    sys.exit(main())
