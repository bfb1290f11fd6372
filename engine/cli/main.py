"""`cadenza`: entry point and dispatch.

Each subcommand lives in its own module exposing `register(subparsers)`, which
adds its parser and sets `func` to a `run(args) -> int`. Errors meant for the
user (`CadenzaError`, bad arguments) end as one line on stderr and exit 2.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable
from types import ModuleType

from engine.errors import CadenzaError

SUBCOMMAND_MODULES = ("info", "render", "convert", "fit_tempo")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser(more_subcommands: Iterable[ModuleType] = ()) -> argparse.ArgumentParser:
    """The engine's subcommands, then `more_subcommands` (modules with `register`) from layers above."""
    parser = _Parser(prog="cadenza", description="Cadenza: compose with a machine partner (command line).")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(f"engine.cli.{name}").register(subparsers)
    for module in more_subcommands:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None, parser: argparse.ArgumentParser | None = None) -> int:
    """Run `cadenza ARGV`; `parser` lets a front end with more subcommands (composer.cli) reuse this dispatch."""
    args = (parser or build_parser()).parse_args(argv)
    try:
        return args.func(args)
    except CadenzaError as error:
        print(f"cadenza {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"cadenza {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
