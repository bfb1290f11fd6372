"""`cadenza info FILE|FOLDER...`: what is in MIDI files and MusicXML scores, one JSON line per file.

Made for scripts and for sizing up a dataset: each line stands alone (JSON
Lines), so a folder of thousands of files can be piped into `jq` or read line
by line. A file that cannot be read gets a line with `file` and `error` (the
one-line reason) instead of stopping the run; the exit status is 2 if any file
failed, else 0. Folders are searched recursively for *.mid, *.midi, *.kar,
*.musicxml and *.mxl (any case; not *.xml, which too many other files use), in
sorted order. MusicXML scores are described as they open in the editor
(repeats unfolded), with `"format": "musicxml"` and their written measure count.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from engine.errors import FileFormatError
from engine.midi import import_midi
from engine.musicxml import MUSICXML_SUFFIXES
from engine.song import Song

MIDI_SUFFIXES = (".mid", ".midi", ".kar")
FOLDER_SUFFIXES = MIDI_SUFFIXES + (".musicxml", ".mxl")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "info", help="describe MIDI files and MusicXML scores as JSON lines",
        description="Print one JSON line per MIDI file or MusicXML score: format, resolution, tracks (name, role, "
                    "program, channel, notes), note count, tempo changes, time signatures and duration. Folders "
                    "are searched recursively for .mid/.midi/.kar/.musicxml/.mxl files. Exit status 2 if any file "
                    "could not be read.")
    parser.add_argument("paths", nargs="+", metavar="FILE", help="MIDI files, MusicXML scores or folders")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failed = False
    try:
        for path, error in song_paths(args.paths):
            if error is None:
                try:
                    line = describe_file(path)
                except FileFormatError as problem:
                    error = problem.reason
            if error is not None:
                failed = True
                line = {"file": str(path), "error": error}
            print(json.dumps(line, ensure_ascii=False), flush=False)
        sys.stdout.flush()
    except BrokenPipeError:  # `cadenza info big/ | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 2 if failed else 0


def song_paths(arguments: list[str]) -> Iterator[tuple[Path, str | None]]:
    """Each file to describe, with an error instead when a folder argument holds no MIDI or MusicXML files."""
    for argument in arguments:
        path = Path(argument)
        if not path.is_dir():
            yield path, None
            continue
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in FOLDER_SUFFIXES and p.is_file())
        if not found:
            yield path, "folder holds no MIDI files or MusicXML scores (*.mid, *.midi, *.kar, *.musicxml, *.mxl)"
        for file in found:
            yield file, None


def describe_file(path: Path) -> dict:
    """The JSON line for one file, by its extension (anything not MusicXML is read as MIDI)."""
    if path.suffix.lower() in MUSICXML_SUFFIXES:
        from engine.musicxml_import import import_musicxml

        score = import_musicxml(path)
        return {"file": str(path), "format": "musicxml", "ticks_per_quarter": score.song.ticks_per_quarter,
                "measures": score.measures, **_song_fields(score.song), "warnings": list(score.warnings)}
    result = import_midi(path)
    return {"file": str(path), "format": result.smf_format, "ticks_per_quarter": result.ticks_per_quarter,
            **_song_fields(result.song), "warnings": list(result.warnings)}


def _song_fields(song: Song) -> dict:
    return {
        "tracks": [{"name": t.name, "role": t.role.value, "program": t.program, "channel": t.channel,
                    "notes": len(t.notes)} for t in song.tracks],
        "notes": song.note_count,
        "tempo_changes": len(song.tempos),
        "time_signatures": [str(m) for m in song.meters],
        "duration_seconds": round(song.duration_seconds, 6),
    }
