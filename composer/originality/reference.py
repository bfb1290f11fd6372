"""Indexes to match against: the training index that fits a model, and a folder of the user's own material.

The training index is found by the model's data hash (the checkpoint carries
it): the shipped resources/originality-index.npz when it was built for that
data, else `<hash>.npz` in the user's originality folder
($CADENZA_ORIGINALITY_DIR, default ~/.cache/cadenza/originality), where
`python -m composer.originality.build --checkpoint X --out ...` puts one for
a model of one's own. A reference folder is indexed on first use (every
MIDI, MusicXML and project file under it) and kept while its files are
unchanged. Both are cached per process, behind a lock: the editor asks from
worker threads.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from composer.originality.index import DEFAULT_THRESHOLDS, IndexBuilder, OriginalityError, OriginalityIndex

SHIPPED_INDEX = Path(__file__).resolve().parents[2] / "resources" / "originality-index.npz"
SONG_SUFFIXES = (".mid", ".midi", ".kar", ".musicxml", ".xml", ".mxl", ".cadenza")
MAX_REFERENCE_FILES = 2000

_lock = threading.Lock()
_cache: dict[tuple, OriginalityIndex | None] = {}


def user_folder() -> Path:
    return Path(os.environ.get("CADENZA_ORIGINALITY_DIR", Path.home() / ".cache" / "cadenza" / "originality"))


def _stamp(path: Path) -> tuple:
    try:
        info = path.stat()
        return str(path), info.st_size, info.st_mtime_ns
    except OSError:
        return str(path), None, None


def training_index(data_hash: str | None) -> OriginalityIndex | None:
    """The index of the songs a model with `data_hash` was trained on; None when there is none for it."""
    if not data_hash:
        return None
    for path in (SHIPPED_INDEX, user_folder() / f"{data_hash}.npz"):
        key = ("training", data_hash, *_stamp(path))
        with _lock:
            if key not in _cache:
                try:
                    index = OriginalityIndex.load(path)
                except OriginalityError:
                    index = None
                fits = index is not None and data_hash in (index.data_hash, index.meta.get("model_data_hash"))
                _cache[key] = index if fits else None
            if _cache[key] is not None:
                return _cache[key]
    return None


def song_files(folder: Path) -> list[Path]:
    """The song files under `folder` (sorted); OriginalityError when it is not a folder or holds none."""
    if not folder.is_dir():
        raise OriginalityError(f"{folder}: not a folder")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SONG_SUFFIXES)
    if not files:
        raise OriginalityError(f"{folder}: no MIDI, MusicXML or Cadenza files in it")
    if len(files) > MAX_REFERENCE_FILES:
        raise OriginalityError(f"{folder}: {len(files)} song files; a reference folder holds at most "
                               f"{MAX_REFERENCE_FILES}")
    return files


def folder_index(folder: str | os.PathLike[str], threshold_from: OriginalityIndex | None = None) -> OriginalityIndex:
    """An index of every song file under `folder` (pieces named "<folder name>:<path inside it>").

    A file that cannot be read is skipped and named in meta["skipped"]; the thresholds are the training
    index's (the base rate of independent songs), when one is given. Cached while the files are unchanged."""
    from engine.files import load_song_file  # engine's readers: MIDI, MusicXML, projects

    folder = Path(folder).expanduser()
    files = song_files(folder)
    key = ("folder", str(folder.resolve()), tuple(_stamp(p) for p in files),
           None if threshold_from is None else id(threshold_from))
    with _lock:
        if key in _cache and _cache[key] is not None:
            return _cache[key]
    builder = IndexBuilder(note_sample=1)   # in memory and small: every n-gram, so its runs are exact
    skipped = []
    for path in files:
        try:
            song = load_song_file(path).song
        except Exception as error:  # noqa: BLE001 - any unreadable file is named, never fatal
            skipped.append(f"{path.relative_to(folder)}: {str(error).splitlines()[0] if str(error) else error!r}")
            continue
        builder.add(f"{folder.name}:{path.relative_to(folder).as_posix()}", song)
    if not builder.pieces:
        raise OriginalityError(f"{folder}: none of its {len(files)} song files could be read ({skipped[0]})")
    meta = {"folder": str(folder), "skipped": skipped}
    if threshold_from is not None:
        meta["thresholds"] = {group: threshold_from.threshold(group) for group in DEFAULT_THRESHOLDS}
    index = builder.build(meta)
    with _lock:
        _cache[key] = index
    return index
