"""Atomic file writes: a saved file is either its old self or completely the new one.

A crash, a full disk or an exception halfway through serialization must never
leave a half-written project (or MIDI, or MusicXML) where the user's work was.
So every writer goes through here: write a temporary file in the target's own
folder (same filesystem, so the rename is atomic), flush and fsync it, rename it
over the target with os.replace, then fsync the folder so the rename itself
survives a power cut. If anything fails before the rename, the temporary file is
removed and the target is untouched.

Two things the plain recipe gets wrong, handled here:
- A writer killed outright (SIGKILL, power cut) cannot remove its temporary
  file; ten killed renders left 11 MB of them. So each temporary name carries
  the writer's pid (`.NAME.PID-RANDOM.tmpSUFFIX`), and every write first
  removes the temporaries of this pattern in its folder whose writer is gone
  (no such process) or that are older than `STALE_TEMP_SECONDS` (a recycled
  pid). Only our own pattern, never a live writer's file, never anything else.
- A target that is a symbolic link: renaming over it would replace the link
  with a file and leave the file it points to stale. We write the link's
  final target instead (its folder gets the temporary), so the link stays.
"""
from __future__ import annotations

import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from os import PathLike
from pathlib import Path

from engine.errors import CadenzaError

# A temporary file of ours: "." + target name + "." + writer pid + "-" + 8 hex digits + ".tmp" + suffix
# (before the pid was added, just the 8 hex digits: those are cleaned by age alone).
_TEMP_NAME = re.compile(r"^\..+\.(?:(\d+)-)?[0-9a-f]{8}\.tmp(\.[^.]*)?$")
STALE_TEMP_SECONDS = 24 * 3600  # older than any write takes, however long the render


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
    target = _final_target(Path(path))
    temp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp{target.suffix}")
    remove_stale_temporaries(target.parent)
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


def _final_target(path: Path) -> Path:
    """The file a write to `path` must replace: `path` itself, or where its chain of symbolic links ends."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def remove_stale_temporaries(folder: str | PathLike[str], now: float | None = None) -> list[Path]:
    """Remove the temporary files our killed writers left in `folder`; returns what was removed.

    A temporary counts as stale when the pid in its name runs no process, or
    when it is older than STALE_TEMP_SECONDS. Errors (a folder we cannot list,
    a file someone else removed first) are ignored: cleaning must never stop a save.
    """
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
            if old or (match.group(1) is not None and not _pid_alive(int(match.group(1)))):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists (one we may not signal counts as alive)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would terminate it there: only age cleans up on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


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
