"""The registry of corpus sources: how to list each one's songs and convert one.

A source is its listing (items in a stable order) plus a converter for one
item; the cache and the build CLI treat all sources alike through this table.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from composer.data import freedoom, groove, lieder, mutopia, nottingham, openewld, orchestra, pop909, quartets
from composer.data.common import CorpusSong


@dataclass(frozen=True)
class Source:
    name: str
    folder: str                                  # under the datasets root; what the cache key hashes
    items: Callable[[Path], list[Any]]
    convert: Callable[[Path, Any], CorpusSong]
    item_name: Callable[[Path, Any], str]        # for error reports


SOURCES: dict[str, Source] = {s.name: s for s in (
    Source("pop909", "pop909", pop909.song_dirs, lambda root, d: pop909.convert(d), lambda root, d: d.name),
    Source("groove", "groove", groove.rows, groove.convert, lambda root, row: row["id"]),
    Source("openewld", "openewld", openewld.files, openewld.convert, openewld.song_id),
    Source("nottingham", "nottingham", nottingham.files, lambda root, p: nottingham.convert(p), lambda root, p: p.stem),
    Source("lieder", lieder.FOLDER, lieder.files, lieder.convert, lieder.song_id),
    Source("orchestra", orchestra.FOLDER, orchestra.files, orchestra.convert, orchestra.song_id),
    Source("quartets", quartets.FOLDER, quartets.files, quartets.convert, quartets.song_id),
    Source("mutopia", mutopia.FOLDER, mutopia.files, mutopia.convert, mutopia.song_id),
    Source("freedoom", freedoom.FOLDER, freedoom.files, freedoom.convert, lambda root, p: p.stem),
)}
