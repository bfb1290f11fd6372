"""Errors a user sees: one line that names the file (or input) and what is wrong.

Every loader raises a subclass of `CadenzaError`; the command line and the
editor show `str(error)` and nothing else (no traceback).
"""
from __future__ import annotations

from os import PathLike


class CadenzaError(Exception):
    """Base of all errors meant for the user; `str()` is the one-line message."""


class FileFormatError(CadenzaError):
    """A file that cannot be read: `path: reason`."""

    def __init__(self, path: str | PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
