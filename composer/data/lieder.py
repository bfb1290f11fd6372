"""OpenScore Lieder (MuseScore-exported MIDI) -> Songs: the voice as melody over the piano.

The MIDI files carry no part names, but a song's parts are plain: the piano
(or guitar) is a keyboard program on two staves (two tracks, one channel:
merged, composer.data.score_midi), the voice another program. So the rule is
composer.data.ensemble.solo_with_keyboard: the voice (the highest line, if a
duet) is the melody, a second voice 'other', the piano split into bass (its
lowest line, composer.data.texture) and accompaniment. Meter, key and tempo
come from the file. Each song is its own work for the split.
"""
from __future__ import annotations

from pathlib import Path

from composer.data.common import CorpusSong
from composer.data.ensemble import solo_with_keyboard
from composer.data.score_midi import convert_file, file_id, midi_files

SOURCE = "lieder"
FOLDER = "openscore-lieder"
LICENCE = "CC0-1.0"
STYLE = "art_song"


def files(root: Path) -> list[Path]:
    return midi_files(root, FOLDER)


def song_id(root: Path, path: Path) -> str:
    """Composer/Set/Song/lcNNNN: the file's place in the collection."""
    return file_id(root, FOLDER, path)


def convert(root: Path, path: Path) -> CorpusSong:
    ident = song_id(root, path)
    title = f"{path.parent.name.replace('_', ' ')} ({ident.split('/')[0].split(',')[0]})"
    return convert_file(path, SOURCE, ident, solo_with_keyboard, LICENCE, STYLE, title)
