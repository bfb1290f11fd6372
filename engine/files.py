"""Open and save any file the app knows, chosen by extension: MIDI, Cadenza projects, MusicXML.

The editor's Open/Save dialogs and every `cadenza` subcommand go through here,
so they always agree on which types exist. Everything opens as a `Project`: a
MIDI or MusicXML file brings only a song, and gets the default editor state.
Saving to MIDI or MusicXML keeps only the music (the editor state lives in
`.cadenza` files). `open_song_file` also returns what the import left out or
changed (one line per kind), for the status bar and the command line.
"""
from __future__ import annotations

from collections.abc import Callable
from os import PathLike
from pathlib import Path

from engine.errors import CadenzaError
from engine.limits import check_song
from engine.musicxml import MUSICXML_SUFFIXES, export_musicxml
from engine.project import PROJECT_SUFFIX, Project, load_project, save_project

MIDI_SUFFIXES = (".mid", ".midi", ".kar", ".smf")
OPEN_SUFFIXES = MIDI_SUFFIXES + MUSICXML_SUFFIXES + (PROJECT_SUFFIX,)
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
    """The project in a MIDI or MusicXML file (with default editor state) or a `.cadenza` file."""
    return open_song_file(path)[0]


def open_song_file(path: str | PathLike[str], unfold_repeats: bool = True,
                   progress: Callable[[float], None] | None = None) -> tuple[Project, list[str]]:
    """(project, notes for the user) for any file Cadenza opens; `progress` hears 0..1 (MusicXML only), and
    `unfold_repeats` False keeps a score's repeats folded (written order)."""
    suffix = _suffix(path, OPEN_SUFFIXES, "open")
    if suffix == PROJECT_SUFFIX:
        return load_project(path), []
    if suffix in MUSICXML_SUFFIXES:
        from engine.musicxml_import import import_musicxml

        score = import_musicxml(path, unfold=unfold_repeats, progress=progress)
        check_song(score.song, str(path))  # MIDI and project files check while they are read (engine.limits)
        return Project(song=score.song), list(score.warnings)
    from engine.midi import import_midi

    midi = import_midi(path)
    return Project(song=midi.song), list(midi.warnings)


def save_song_file(project: Project, path: str | PathLike[str],
                   progress: Callable[[float], None] | None = None) -> list[str]:
    """Write `project` as the type `path` names, atomically; returns notes for the user (what was left out).
    `progress` hears 0..1 (MusicXML only; it may raise engine.musicxml.ExportCancelled to stop)."""
    suffix = _suffix(path, SAVE_SUFFIXES, "save")
    if suffix == PROJECT_SUFFIX:
        save_project(project, path)
        return []
    if suffix in MUSICXML_SUFFIXES:
        skipped = export_musicxml(project.song, path, progress)
        return [f"drum track {name!r} left out (MusicXML export has no drum notation; use MIDI)" for name in skipped]
    from engine.midi import write_midi

    write_midi(project.song, path)
    return []
