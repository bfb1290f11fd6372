"""Open and save any file the app knows, chosen by extension: MIDI, Cadenza projects, MusicXML.

The editor's Open/Save dialogs and `cadenza convert` go through here, so the
two always agree on which types exist. Everything opens as a `Project`: a MIDI
file brings only a song, and gets the default editor state. Saving to MIDI or
MusicXML keeps only the music (the editor state lives in `.cadenza` files).
"""
from __future__ import annotations

from os import PathLike
from pathlib import Path

from engine.errors import CadenzaError
from engine.musicxml import MUSICXML_SUFFIXES, export_musicxml  # music21 itself loads only on export
from engine.project import PROJECT_SUFFIX, Project, load_project, save_project

MIDI_SUFFIXES = (".mid", ".midi", ".kar", ".smf")
OPEN_SUFFIXES = MIDI_SUFFIXES + (PROJECT_SUFFIX,)
SAVE_SUFFIXES = (".mid", ".midi", PROJECT_SUFFIX) + MUSICXML_SUFFIXES


class UnsupportedFileType(CadenzaError):
    """A file name whose extension Cadenza cannot open or save."""


def _suffix(path: str | PathLike[str], known: tuple[str, ...], verb: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in known:
        kind = f"file type {suffix!r}" if suffix else "file without an extension"
        raise UnsupportedFileType(f"{path}: cannot {verb} a {kind} (supported: {', '.join(known)})")
    return suffix


def check_save_type(path: str | PathLike[str]) -> None:
    """Raise `UnsupportedFileType` unless `save_song_file` can write `path` (check before long work)."""
    _suffix(path, SAVE_SUFFIXES, "save")


def load_song_file(path: str | PathLike[str]) -> Project:
    """The project in a MIDI file (with default editor state) or a `.cadenza` file."""
    if _suffix(path, OPEN_SUFFIXES, "open") == PROJECT_SUFFIX:
        return load_project(path)
    from engine.midi import read_midi

    return Project(song=read_midi(path))


def save_song_file(project: Project, path: str | PathLike[str]) -> list[str]:
    """Write `project` as the type `path` names, atomically; returns notes for the user (what was left out)."""
    suffix = _suffix(path, SAVE_SUFFIXES, "save")
    if suffix == PROJECT_SUFFIX:
        save_project(project, path)
        return []
    if suffix in MUSICXML_SUFFIXES:
        skipped = export_musicxml(project.song, path)
        return [f"drum track {name!r} left out (MusicXML export has no drum notation; use MIDI)" for name in skipped]
    from engine.midi import write_midi

    write_midi(project.song, path)
    return []
