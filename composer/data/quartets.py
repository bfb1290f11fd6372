"""OpenScore String Quartets (the MuseScore-exported MIDIs only) -> Songs, roles by the ensemble rule.

Each file is a whole quartet (all movements); the first violin is normally the
melody and the cello the bass (composer.data.ensemble). Only the ~45 works
already converted to MIDI are used: converting the other .mxl here would need
MuseScore or music21 at build time.
"""
from __future__ import annotations

from pathlib import Path

from composer.data.common import CorpusSong
from composer.data.ensemble import ensemble_tracks
from composer.data.score_midi import convert_file, midi_files

SOURCE = "quartets"
FOLDER = "openscore-stringquartets"
LICENCE = "CC0-1.0"
STYLE = "string_quartet"


def files(root: Path) -> list[Path]:
    return midi_files(root, FOLDER)


def song_id(root: Path, path: Path) -> str:
    """Composer/Work (one file per work)."""
    return path.parent.relative_to(root / FOLDER / "midi").as_posix()


def convert(root: Path, path: Path) -> CorpusSong:
    ident = song_id(root, path)
    return convert_file(path, SOURCE, ident, ensemble_tracks, LICENCE, STYLE, ident.replace("_", " ").replace("/", " - "))
