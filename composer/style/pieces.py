"""The user's folder -> pieces the composer can learn from, the skipped files with their reasons, the split.

Every file under the folder (sub-folders too, hidden files left alone) is
opened the way File › Open opens it (engine.files.open_song_file: MIDI,
MusicXML, Cadenza projects), so its tracks get the roles the importer gives
them (engine.midi.roles.import_roles). A file that cannot be used is skipped
with a one-line reason: not a music file, unreadable, no notes, a meter the
tokens lack, or shorter than one training example (`data.min_bars` bars).

The pieces then stand in for the training corpus (`PieceCorpus`): training's
own example code (composer.training.examples: windows, lane subsets, masks,
transposition, packing) draws from them, so a style learns exactly the task
the base model learned, on the user's music. Whole pieces are held out
(`split`): the held-out loss and statistics are on music the style never saw.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from composer.data.common import CorpusSong
from composer.tokens.grid import song_grid
from composer.training.config import DataSection
from composer.training.examples import Corpus
from engine.errors import CadenzaError
from engine.files import OPEN_SUFFIXES, open_song_file

SOURCE = "user"
# What a style learns from: training's defaults (composer/configs/composer_8m.json) without the corpus parts.
# The STYLE token is never said (dropout 1): a styled request says none, and the adapter is the style.
STYLE_DATA = DataSection(datasets="", sources={SOURCE: 1.0}, min_bars=4, max_bars=20, transpose=(-5, 6),
                         drop_lanes=0.3, context_loss_weight=0.25, style_dropout=1.0, drum_augment=0.0)


@dataclass
class Folder:
    """What a folder gave: the usable pieces, and (file, reason) for every file skipped."""

    pieces: list[CorpusSong] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def read_folder(folder: str | Path, data: DataSection = STYLE_DATA) -> Folder:
    """Every usable piece under `folder` (sorted by path) and the skipped files; CadenzaError if no folder."""
    root = Path(folder)
    if not root.is_dir():
        raise CadenzaError(f"{root}: not a folder")
    found = Folder()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.suffix.lower() not in OPEN_SUFFIXES:
            found.skipped.append((relative, "not a MIDI, MusicXML or Cadenza file"))
            continue
        try:
            piece = _piece(path, relative, data)
        except CadenzaError as error:
            found.skipped.append((relative, _one_line(str(error).removeprefix(f"{path}: "))))
            continue
        except (ValueError, OSError) as error:
            found.skipped.append((relative, _one_line(str(error) or type(error).__name__)))
            continue
        found.pieces.append(piece)
    return found


def _piece(path: Path, relative: str, data: DataSection) -> CorpusSong:
    song = open_song_file(path)[0].song
    if song.note_count == 0:
        raise ValueError("no notes")
    try:
        grid = song_grid(song)
    except ValueError as error:  # a meter the tokens lack: "bar 3: meter 5/16 is not in the token vocabulary"
        raise ValueError(str(error)) from None
    if grid.bar_count < data.min_bars:
        raise ValueError(f"too short: {grid.bar_count} bar(s); one example needs {data.min_bars}")
    return CorpusSong(SOURCE, relative, song, "train", "the user's own", "pop")


def _one_line(text: str) -> str:
    return (text.strip().splitlines() or ["unreadable"])[0][:200]


def split(pieces: list[CorpusSong], share: float = 0.2) -> tuple[list[CorpusSong], list[CorpusSong]]:
    """(learned from, held out): whole pieces, `share` of them (at least one) held out, chosen by a hash of
    their paths, so the same folder always gives the same split and adding a piece moves no other."""
    if len(pieces) < 2:
        raise ValueError("a style needs at least 2 usable pieces (one is held out to measure it)")
    ranked = sorted(pieces, key=lambda p: hashlib.sha1(p.song_id.encode()).hexdigest())
    count = min(len(pieces) - 1, max(1, round(len(pieces) * share)))
    held = {p.song_id for p in ranked[:count]}
    return ([p for p in pieces if p.song_id not in held],
            [CorpusSong(p.source, p.song_id, p.song, "validation", p.licence, p.style) for p in pieces
             if p.song_id in held])


class PieceCorpus(Corpus):
    """The user's pieces in the shape training's example code reads (composer.training.examples.Corpus)."""

    def __init__(self, learned: list[CorpusSong], heldout: list[CorpusSong]) -> None:  # noqa: super() reads a cache
        self.songs = {"train": {SOURCE: list(learned)}, "validation": {SOURCE: list(heldout)}}
        self._grids = {}
        self._costs = {}
