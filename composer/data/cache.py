"""Converted songs cached per source, so a second build (or a training run) is fast.

One pickle per source under the cache dir (default ~/.cache/cadenza/corpus,
outside the repo), named by a hash of: the converter code (the modules that
decide what a song becomes, `_CONVERTER_CODE`, plus the split file, so a
changed rule rebuilds), the source's files (relative path, size, mtime) and
the --limit. A stale or unreadable cache file is rebuilt, never trusted; a new
full build of a source deletes that source's older full-build files.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from composer.data.common import CorpusSong
from composer.data.sources import SOURCES

DEFAULT_CACHE_DIR = Path(os.environ.get("CADENZA_CORPUS_CACHE", Path.home() / ".cache" / "cadenza" / "corpus"))
_HERE = Path(__file__).parent
_CONVERTER_CODE = [_HERE / f"{name}.py" for name in (
    "common", "beatgrid", "chord_recognition", "split", "pop909", "groove", "openewld", "nottingham",
    "texture", "score_midi", "ensemble", "lieder", "orchestra", "quartets", "mutopia", "freedoom")] + [
    _HERE / "validation_ids.txt", _HERE.parent / "tokens" / "vocab.py"] + [
    # the engine rules the ensemble sources' roles and names come from (engine.ensemble.corpus_roles)
    _HERE.parents[1] / "engine" / name for name in ("ensemble.py", "instruments.py", "midi/roles.py",
                                                     "midi/song_builder.py")] + [
    # the classes the pickles hold: a field added to a note or track (Note.locked) makes old pickles unreadable
    _HERE.parents[1] / "engine" / name for name in ("notes.py", "track.py", "song.py", "timing.py", "chords.py")]


@dataclass(frozen=True)
class SourceCorpus:
    """A source's converted songs, the items that failed (name, reason), and whether it came from the cache."""

    source: str
    songs: tuple[CorpusSong, ...]
    failures: tuple[tuple[str, str], ...]
    cached: bool = False


def cache_key(source: str, datasets: Path, limit: int | None) -> str:
    digest = hashlib.sha1(f"{source}|{limit}".encode())
    for path in _CONVERTER_CODE:
        digest.update(path.read_bytes())
    folder = datasets / SOURCES[source].folder
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            digest.update(f"{path.relative_to(folder)}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def load_source(source: str, datasets: Path, limit: int | None = None,
                cache_dir: Path = DEFAULT_CACHE_DIR) -> SourceCorpus:
    """The source's songs from the cache, converting (and caching) them when needed."""
    scope = "" if limit is None else f"limit{limit}-"
    path = cache_dir / f"{source}-{scope}{cache_key(source, datasets, limit)}.pkl"
    if path.exists():
        try:
            with open(path, "rb") as file:
                corpus = pickle.load(file)
            return SourceCorpus(corpus.source, corpus.songs, corpus.failures, cached=True)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # rebuilt below
    corpus = convert_source(source, datasets, limit)
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with open(temporary, "wb") as file:
        pickle.dump(corpus, file, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)
    if limit is None:  # an older full build of this source is dead weight now
        for old in cache_dir.glob(f"{source}-*.pkl"):
            if old != path and not old.name.startswith(f"{source}-limit"):
                old.unlink(missing_ok=True)
    return corpus


def convert_source(source: str, datasets: Path, limit: int | None = None) -> SourceCorpus:
    """Convert every item (the first `limit`); a song that fails is reported, not fatal."""
    spec = SOURCES[source]
    items = spec.items(datasets)[:limit]
    songs, failures = [], []
    for item in items:
        try:
            songs.append(spec.convert(datasets, item))
        except (ValueError, OSError, KeyError, IndexError) as error:
            failures.append((spec.item_name(datasets, item), f"{type(error).__name__}: {error}"))
    return SourceCorpus(source, tuple(songs), tuple(failures))
