"""OpenScore Orchestra (symphonic movements, MuseScore-exported MIDI) -> Songs, roles by the ensemble rule.

Every part keeps its track and GM program (training windows take at most 8
tracks, so a 25-part score is fine); roles come from what each part plays
(composer.data.ensemble). The movements of one work (`Composer/Work/`) fall on
one side of the split (composer.data.split.work_of), so no movement of a
held-out symphony trains the model.
"""
from __future__ import annotations

from pathlib import Path

from composer.data.common import CorpusSong
from composer.data.ensemble import ensemble_tracks
from composer.data.score_midi import convert_file, file_id, midi_files

SOURCE = "orchestra"
FOLDER = "openscore-orchestra"
LICENCE = "CC0-1.0"
STYLE = "orchestral"


def files(root: Path) -> list[Path]:
    return midi_files(root, FOLDER)


def song_id(root: Path, path: Path) -> str:
    return file_id(root, FOLDER, path)


def convert(root: Path, path: Path) -> CorpusSong:
    ident = song_id(root, path)
    title = ident.replace("_", " ").replace("/", " - ")
    return convert_file(path, SOURCE, ident, ensemble_tracks, LICENCE, STYLE, title)
