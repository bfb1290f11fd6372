"""`cadenza info FILE|FOLDER...`: what is in MIDI files, one JSON line per file.

Made for scripts and for sizing up a dataset: each line stands alone (JSON
Lines), so a folder of thousands of files can be piped into `jq` or read line
by line. A file that cannot be read gets a line with `file` and `error` (the
one-line reason) instead of stopping the run; the exit status is 2 if any file
failed, else 0. Folders are searched recursively for *.mid, *.midi and *.kar
(any case), in sorted order.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from engine.midi import MidiFileError, MidiImport, import_midi

MIDI_SUFFIXES = (".mid", ".midi", ".kar")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "info", help="describe MIDI files as JSON lines",
        description="Print one JSON line per MIDI file: format, resolution, tracks (name, role, program, "
                    "channel, notes), note count, tempo changes, time signatures and duration. Folders are "
                    "searched recursively for .mid/.midi/.kar files. Exit status 2 if any file could not be read.")
    parser.add_argument("paths", nargs="+", metavar="FILE", help="MIDI files or folders")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failed = False
    try:
        for path, error in midi_paths(args.paths):
            if error is None:
                try:
                    line = describe(path, import_midi(path))
                except MidiFileError as problem:
                    error = problem.reason
            if error is not None:
                failed = True
                line = {"file": str(path), "error": error}
            print(json.dumps(line, ensure_ascii=False), flush=False)
        sys.stdout.flush()
    except BrokenPipeError:  # `cadenza info big/ | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 2 if failed else 0


def midi_paths(arguments: list[str]) -> Iterator[tuple[Path, str | None]]:
    """Each file to describe, with an error instead when a folder argument holds no MIDI files."""
    for argument in arguments:
        path = Path(argument)
        if not path.is_dir():
            yield path, None
            continue
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in MIDI_SUFFIXES and p.is_file())
        if not found:
            yield path, "folder holds no MIDI files (*.mid, *.midi, *.kar)"
        for file in found:
            yield file, None


def describe(path: Path, result: MidiImport) -> dict:
    song = result.song
    return {
        "file": str(path),
        "format": result.smf_format,
        "ticks_per_quarter": result.ticks_per_quarter,
        "tracks": [{"name": t.name, "role": t.role.value, "program": t.program, "channel": t.channel,
                    "notes": len(t.notes)} for t in song.tracks],
        "notes": song.note_count,
        "tempo_changes": len(song.tempos),
        "time_signatures": [str(m) for m in song.meters],
        "duration_seconds": round(song.duration_seconds, 6),
        "warnings": list(result.warnings),
    }
