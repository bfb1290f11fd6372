"""The bytes of a file the user named, with one line for every way that can fail.

Every reader of user files (MIDI, MusicXML) refuses a folder, a FIFO or device (reading one
could block forever), a missing or unreadable file, and a file over its size
limit (a mistaken path to a disk image must not fill memory), each as the
reader's own `FileFormatError` subclass, so the message names the file.
"""
from __future__ import annotations

import os
import stat
from os import PathLike

from engine.errors import FileFormatError


def read_input_file(path: str | PathLike[str], error: type[FileFormatError], kind: str, max_bytes: int) -> bytes:
    """All of `path` (at most `max_bytes`); `error(path, reason)` for anything else, `kind` naming the format."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise error(path, f"is a directory, not a {kind}")
        if not stat.S_ISREG(info.st_mode):
            raise error(path, "is not a regular file")
        if info.st_size > max_bytes:
            raise error(path, f"too large for a {kind} ({info.st_size // 1_000_000} MB)")
        with open(path, "rb") as file:
            return file.read(max_bytes + 1)
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except FileFormatError:
        raise
    except OSError as problem:
        raise error(path, f"cannot read: {problem.strerror or problem}") from None
