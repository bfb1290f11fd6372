"""Saving and loading `.cadenza` project files.

Saving serializes the whole project to text first and only then writes it,
atomically (engine.atomic): a failure at any point leaves the previous file
exactly as it was. Loading never writes: a broken or too-new file raises a
one-line `ProjectFileError` and the file stays untouched for the user to fix
or to open with a newer Cadenza.
"""
from __future__ import annotations

import json
import os
import stat
from os import PathLike
from pathlib import Path

from engine.atomic import FileWriteError, atomic_write_bytes
from engine.limits import LIMITS, SongTooLargeError, check_song
from engine.errors import FileFormatError
from engine.project.codec import project_from_json, project_to_json
from engine.project.fields import Invalid
from engine.project.jsontext import dumps
from engine.project.model import Project

PROJECT_SUFFIX = ".cadenza"


class ProjectFileError(FileFormatError):
    """A project file that cannot be loaded: `path: reason`."""


def project_bytes(project: Project) -> bytes:
    """The project as the UTF-8 text of a `.cadenza` file."""
    return dumps(project_to_json(project)).encode("utf-8")


def save_project(project: Project, path: str | PathLike[str]) -> None:
    """Write `project` to `path` atomically; raises `FileWriteError` (one line) on failure."""
    try:
        data = project_bytes(project)
    except (TypeError, ValueError, RecursionError) as error:
        # Only the free-form AI takes can hold values JSON cannot; the song cannot.
        raise FileWriteError(path, f"the project's takes are not plain JSON data ({error})") from None
    atomic_write_bytes(path, data)


def load_project(path: str | PathLike[str]) -> Project:
    """Read a project file; raises `ProjectFileError(path, reason)` for any unreadable file."""
    try:
        info = os.stat(path)
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):  # a FIFO or device: reading could block
            raise ProjectFileError(path, "is not a regular file")
        if info.st_size > LIMITS.project_bytes:
            raise ProjectFileError(path, f"too large for a project file ({info.st_size // 2**20} MB; "
                                         f"at most {LIMITS.project_bytes // 2**20} MB)")
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ProjectFileError(path, "no such file") from None
    except IsADirectoryError:
        raise ProjectFileError(path, "is a folder, not a project file") from None
    except OSError as error:
        raise ProjectFileError(path, error.strerror or str(error)) from None
    return project_from_bytes(data, path)


def project_from_bytes(data: bytes, path: str | PathLike[str]) -> Project:
    """Parse the bytes of a project file; `path` only names the file in errors."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProjectFileError(path, "not a Cadenza project (the file is not UTF-8 text)") from None
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ProjectFileError(path, f"not valid JSON ({error.msg} at line {error.lineno} column {error.colno})") from None
    except (ValueError, RecursionError) as error:  # NaN/Infinity, absurdly long numbers or nesting
        raise ProjectFileError(path, f"not valid project JSON ({_first_line(error)})") from None
    try:
        project = project_from_json(document)
    except Invalid as error:
        raise ProjectFileError(path, str(error)) from None
    try:
        check_song(project.song, str(path))  # an end at tick 10^30 is valid JSON, but no song (engine.limits)
    except SongTooLargeError as error:
        raise ProjectFileError(path, error.reason) from None
    return project


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a project can hold")


def _first_line(error: BaseException) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0]
