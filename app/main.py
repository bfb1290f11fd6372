"""Start the editor: `cadenza-app [FILE] [--screenshot OUT.png]`.

Kept light on purpose: only Qt and the engine are imported on the way to the
window (torch and the composer load later, when first used), so the window
opens fast. `--screenshot` renders the window at 1600x1000 to a PNG and exits,
which is how docs/screenshots are made and how start-up is smoke-tested.
"""
from __future__ import annotations

import argparse
import os
import sys


def open_types() -> str:
    """What the editor opens, from the same list File › Open uses (so the help cannot promise more)."""
    from engine.files import MIDI_SUFFIXES, PROJECT_SUFFIX
    from engine.musicxml import MUSICXML_SUFFIXES

    return (f"a Cadenza project ({PROJECT_SUFFIX}), a MIDI file ({', '.join(MIDI_SUFFIXES)}) or a MusicXML "
            f"score ({', '.join(MUSICXML_SUFFIXES)})")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cadenza-app", description="Cadenza: the piano-roll editor.")
    parser.add_argument("file", nargs="?", help=f"a song or score to open: {open_types()}")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window to OUT.png and exit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.startup import run

    app = QApplication.instance() or QApplication(sys.argv[:1])
    return run(app, args.file, args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
