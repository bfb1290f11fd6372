"""The originality index: hashed n-grams of lines and chord progressions, each with the pieces it occurs in.

Two tables, one for note lines and one for chord progressions, each a sorted
array of 32-bit n-gram hashes (`lines.ngram_hashes`) with, beside every hash,
one piece it occurs in (a hash found in several pieces has several rows). An
n-gram found in more than `COMMON_PIECES` pieces is a commonplace (a scale, a
repeated note, I-V-vi-IV): it keeps one row with the piece `COMMON` instead of
dozens, which keeps the file small; a match may pass through it but is never
made of it (composer.originality.match). Half the note n-grams are kept (those
whose hash is even, `NOTE_SAMPLE`): the file stays a few MB, and since the
rule is known, an n-gram outside it is "unknown" at lookup, never "absent".

On disk it is one `.npz` (numpy, no pickles, so loading a file never runs
code): the hashes delta-coded (sorted, so the gaps are small and zlib packs
them), the piece numbers, the piece names ("source:piece id") and a JSON
`meta` that says what data it was built from (`data_hash`, the model's; see
composer/checkpoint.py), the n-gram sizes, and the thresholds and base rate
measured on held-out songs.
"""
from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

import numpy as np

from composer.originality.lines import chord_codes, line_codes, ngram_hashes, song_lines
from engine.atomic import atomic_write_via
from engine.errors import CadenzaError
from engine.song import Song

FORMAT = "cadenza-originality-1"
NOTE_GRAM = 5        # steps per n-gram: 5 steps are 6 notes, the shortest run the index can see
CHORD_GRAM = 3       # 3 chord changes are 4 chords
COMMON_PIECES = 16   # an n-gram in more pieces than this is a commonplace (piece COMMON)
NOTE_SAMPLE = 2      # note n-grams kept: those whose hash is a multiple of this (half: the file stays a few MB)
CHORD_SAMPLE = 1     # chord n-grams kept: all (there are few)
COMMON = 0xFFFF
KINDS = ("notes", "chords")
DEFAULT_THRESHOLDS = {"tune": 12, "parts": 16, "chords": 12}   # an index without a measured base rate (a test's)


class OriginalityError(CadenzaError):
    """An index or reference folder that cannot be used: one line naming it and why."""


@dataclass
class Table:
    """Sorted hashes and, row by row, the piece each occurs in (COMMON: in many)."""

    hashes: np.ndarray   # uint32, sorted
    pieces: np.ndarray   # uint16

    def pieces_of(self, queries: np.ndarray) -> list[np.ndarray]:
        """For every query hash, the pieces it occurs in (empty when nowhere)."""
        low = np.searchsorted(self.hashes, queries, side="left")
        high = np.searchsorted(self.hashes, queries, side="right")
        return [self.pieces[a:b] for a, b in zip(low.tolist(), high.tolist())]

    @property
    def rows(self) -> int:
        return len(self.hashes)


@dataclass
class OriginalityIndex:
    notes: Table
    chords: Table
    pieces: list[str]                    # "source:piece id", by piece number
    meta: dict = field(default_factory=dict)

    @property
    def data_hash(self) -> str | None:
        return self.meta.get("data_hash")

    def threshold(self, group: str) -> int:
        """Runs of this many notes (chords) or more are "close", for a line of `group` (lines.role_group: "tune" or
        "parts") or for "chords": measured on held-out songs (composer.originality.baseline, docs/ORIGINALITY.md)."""
        return int(self.meta.get("thresholds", {}).get(group, DEFAULT_THRESHOLDS[group]))

    def table(self, kind: str) -> Table:
        return self.notes if kind == "notes" else self.chords

    def sampled(self, hashes: np.ndarray, kind: str) -> np.ndarray:
        """Which of these n-gram hashes the index would hold if they occurred in it (its sampling rule): a
        hash outside the rule is unknown, not absent."""
        sample = int(self.meta.get(f"{kind}_sample", 1))
        return hashes % np.uint32(sample) == 0

    def gram(self, kind: str) -> int:
        return int(self.meta.get("note_gram" if kind == "notes" else "chord_gram",
                                 NOTE_GRAM if kind == "notes" else CHORD_GRAM))

    def piece_name(self, number: int) -> tuple[str, str]:
        """(source, piece id) of a piece number."""
        source, _, piece = self.pieces[number].partition(":")
        return source, piece

    # --- disk ---------------------------------------------------------------------------------
    def save(self, path: str | PathLike[str]) -> None:
        """Write the index atomically (the old file stays whole until the new one is)."""
        arrays = {"meta": np.frombuffer(json.dumps({**self.meta, "format": FORMAT}).encode(), dtype=np.uint8),
                  "pieces": np.frombuffer("\n".join(self.pieces).encode(), dtype=np.uint8)}
        for kind in KINDS:
            table = self.table(kind)
            arrays[f"{kind}_gaps"] = np.diff(table.hashes, prepend=np.uint32(0)).astype(np.uint32)
            arrays[f"{kind}_pieces"] = table.pieces.astype(np.uint16)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        atomic_write_via(path, lambda temp: _write_npz(temp, arrays))

    @classmethod
    def load(cls, path: str | PathLike[str]) -> OriginalityIndex:
        """The index in `path`; OriginalityError (one line) when it is missing, broken or another format."""
        path = Path(path)
        if not path.is_file():
            raise OriginalityError(f"{path}: no originality index here")
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(bytes(data["meta"]).decode())
                if meta.get("format") != FORMAT:
                    raise OriginalityError(f"{path}: not a Cadenza originality index ({meta.get('format')!r})")
                pieces = bytes(data["pieces"]).decode().split("\n") if len(data["pieces"]) else []
                tables = [Table(np.cumsum(data[f"{k}_gaps"], dtype=np.uint32), data[f"{k}_pieces"].astype(np.uint16))
                          for k in KINDS]
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, UnicodeDecodeError, EOFError) as error:
            raise OriginalityError(f"{path}: not a readable originality index ({type(error).__name__})") from None
        return cls(tables[0], tables[1], pieces, meta)


def _write_npz(path, arrays: dict) -> None:
    with open(path, "wb") as file:   # a file object: numpy would append .npz to a name without it
        np.savez_compressed(file, **arrays)


class IndexBuilder:
    """Collects the n-grams of songs, piece by piece, then packs them into an OriginalityIndex."""

    def __init__(self, note_gram: int = NOTE_GRAM, chord_gram: int = CHORD_GRAM, note_sample: int = NOTE_SAMPLE,
                 chord_sample: int = CHORD_SAMPLE) -> None:
        self.note_gram, self.chord_gram = note_gram, chord_gram
        self.samples = {"notes": note_sample, "chords": chord_sample}
        self.pieces: list[str] = []
        self._rows: dict[str, list[tuple[np.ndarray, int]]] = {kind: [] for kind in KINDS}

    def add(self, name: str, song: Song) -> None:
        """Add one piece (`name` is "source:piece id")."""
        self.add_codes(name, [line_codes(line) for _, line in song_lines(song)], chord_codes(song))

    def add_codes(self, name: str, lines: list[np.ndarray], chords: np.ndarray) -> None:
        """Add one piece from its lines' and chord lane's codes (lines.line_codes, lines.chord_codes)."""
        number = len(self.pieces)
        if number >= COMMON:
            raise OriginalityError(f"an index holds at most {COMMON} pieces")
        self.pieces.append(name)
        for kind, gram, sequences in (("notes", self.note_gram, lines), ("chords", self.chord_gram, [chords])):
            hashes = np.unique(np.concatenate([ngram_hashes(c, gram) for c in sequences] or [np.zeros(0, np.uint32)]))
            self._rows[kind].append((hashes[hashes % np.uint32(self.samples[kind]) == 0], number))

    def add_all(self, named_songs: Iterable[tuple[str, Song]]) -> None:
        for name, song in named_songs:
            self.add(name, song)

    def build(self, meta: dict | None = None) -> OriginalityIndex:
        tables = [self._table(self._rows[kind]) for kind in KINDS]
        meta = {"note_gram": self.note_gram, "chord_gram": self.chord_gram, "common_pieces": COMMON_PIECES,
                "notes_sample": self.samples["notes"], "chords_sample": self.samples["chords"], **(meta or {})}
        return OriginalityIndex(tables[0], tables[1], list(self.pieces), meta)

    @staticmethod
    def _table(rows: list[tuple[np.ndarray, int]]) -> Table:
        hashes = np.concatenate([h for h, _ in rows] or [np.zeros(0, np.uint32)]).astype(np.uint32)
        if not len(hashes):
            return Table(np.zeros(0, np.uint32), np.zeros(0, np.uint16))
        pieces = np.concatenate([np.full(len(h), n, np.uint16) for h, n in rows])
        order = np.lexsort((pieces, hashes))
        hashes, pieces = hashes[order], pieces[order]
        starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
        counts = np.diff(np.r_[starts, len(hashes)])
        common = np.repeat(counts > COMMON_PIECES, counts)
        first = np.zeros(len(hashes), dtype=bool)
        first[starts] = True
        keep = ~common | first   # a commonplace keeps its first row only
        pieces = np.where(common, np.uint16(COMMON), pieces)[keep]
        return Table(hashes[keep], pieces)
