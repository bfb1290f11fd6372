"""Atomic file writes: a saved file is either its old self or completely the new one.

A crash, a full disk or an exception halfway through serialization must never
leave a half-written project (or MIDI, or MusicXML) where the user's work was.
So every writer goes through here: write a temporary file in the target's own
folder (same filesystem, so the rename is atomic), flush and fsync it, rename it
over the target with os.replace, then fsync the folder so the rename itself
survives a power cut. If anything fails before the rename, the temporary file is
removed and the target is untouched.
"""
from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable
from os import PathLike
from pathlib import Path

from engine.errors import CadenzaError


class FileWriteError(CadenzaError):
    """A file that could not be written: `path: reason` (the old file, if any, is intact)."""

    def __init__(self, path: str | PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: cannot write: {reason}")


def atomic_write_bytes(path: str | PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` atomically."""
    def write(temp: Path) -> None:
        with open(temp, "wb") as file:
            file.write(data)

    atomic_write_via(path, write)


def atomic_write_via(path: str | PathLike[str], write: Callable[[Path], None]) -> None:
    """Replace `path` atomically with what `write(temp_path)` writes.

    For libraries that insist on opening the output path themselves (mido,
    music21). The temporary name keeps the target's suffix, for writers that
    choose a format by extension. Exceptions from `write` propagate after the
    temporary file is removed; OS errors become a one-line `FileWriteError`.
    """
    target = Path(path)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp{target.suffix}")
    try:
        # Created by us with the usual 0666-minus-umask permissions (mkstemp would give 0600).
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        try:
            write(temp)
            _fsync_file(temp)
            if target.exists():
                os.chmod(temp, stat.S_IMODE(target.stat().st_mode))
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise FileWriteError(target, error.strerror or str(error)) from None
    _fsync_directory(target.parent)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # platforms without directory handles (Windows): the rename is all we get
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
