"""Style files: where they live, what they hold, and the one-line reasons one is refused.

A style is one file, `<data folder>/styles/<name>.cadenza-style`, a `torch.save`d
dict of plain values (read back with `weights_only=True`, so opening a style
never runs code):

    format "cadenza-style", format_version, name, base_model (file name),
    base_hash (sha256 of the base checkpoint's bytes), adapter (kind, rank,
    alpha, blocks), weights (the adapter's tensors, bf16), sources (every
    file read, with the reason of each skipped one), heldout (the held-out
    pieces), settings (steps, examples, seed), stats (measured: losses and
    the product-path statistics before and after), created (UTC time).

The data folder is the caller's (the app passes Qt's AppDataLocation);
without one, `$CADENZA_DATA_DIR`, else `$XDG_DATA_HOME/Cadenza/Cadenza` (where
Qt puts AppDataLocation on Linux, so the command line and the app share styles).
Writes go through engine/atomic.py: a cancelled learning run, a crash or a full
disk leaves the earlier file of that name (and every other style) whole.
Listing styles imports no torch (the editor's panel lists them at start-up);
reading and writing one does.
A style remembers the base model's hash: when the shipped model changes, the
style's adapter no longer means anything, and it is refused in one line.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import zipfile
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from composer.tokens.vocab import STYLES
from engine.atomic import atomic_write_via
from engine.errors import CadenzaError

FORMAT = "cadenza-style"
FORMAT_VERSION = 1
SUFFIX = ".cadenza-style"
_NAME = re.compile(r"^[\w][\w .'()+-]{0,63}$")  # letters of any script, digits, a few marks; no path parts


class StyleError(CadenzaError):
    """A style that cannot be learned, found or used: one line."""


def data_dir(folder: str | PathLike[str] | None = None) -> Path:
    """The user's data folder: `folder`, else $CADENZA_DATA_DIR, else the XDG data home's Cadenza/Cadenza."""
    if folder is not None:
        return Path(folder)
    if os.environ.get("CADENZA_DATA_DIR"):
        return Path(os.environ["CADENZA_DATA_DIR"])
    xdg = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(xdg) / "Cadenza" / "Cadenza"


def styles_dir(folder: str | PathLike[str] | None = None) -> Path:
    return data_dir(folder) / "styles"


def check_name(name: str) -> str:
    """`name` stripped, or StyleError: empty, a path, too long, or one of the built-in styles' names."""
    name = name.strip()
    if not name:
        raise StyleError("a style needs a name")
    if not _NAME.match(name) or name in (".", ".."):
        raise StyleError(f"style name {name!r}: use up to 64 letters, digits, spaces and . ' ( ) + - _")
    if name in STYLES:
        raise StyleError(f"style name {name!r} is a built-in style; choose another")
    return name


def style_path(name: str, folder: str | PathLike[str] | None = None) -> Path:
    return styles_dir(folder) / f"{check_name(name)}{SUFFIX}"


def list_styles(folder: str | PathLike[str] | None = None) -> list[str]:
    """The names of the styles in the data folder, sorted (files only; nothing is read)."""
    found = styles_dir(folder)
    return sorted(p.name.removesuffix(SUFFIX) for p in found.glob(f"*{SUFFIX}") if p.is_file()) \
        if found.is_dir() else []


_hashes: dict[tuple, str] = {}


def model_hash(path: str | PathLike[str]) -> str:
    """sha256 of a checkpoint file's bytes (cached by path, size and modification time)."""
    path = Path(path)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _hashes:
        digest = hashlib.sha256()
        with open(path, "rb") as file:
            for chunk in iter(lambda: file.read(1 << 20), b""):
                digest.update(chunk)
        _hashes[key] = digest.hexdigest()
    return _hashes[key]


@dataclass(frozen=True)
class Style:
    """A style file's contents (see the module docstring); `path` is where it was read from or goes."""

    name: str
    base_model: str
    base_hash: str
    adapter: dict
    weights: dict
    sources: list
    heldout: list
    settings: dict
    stats: dict
    created: str
    path: Path | None = None

    def record(self) -> dict:
        import torch
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "name": self.name,
                "base_model": self.base_model, "base_hash": self.base_hash, "adapter": self.adapter,
                "weights": {k: v.to(torch.bfloat16) for k, v in self.weights.items()},
                "sources": self.sources, "heldout": self.heldout, "settings": self.settings,
                "stats": self.stats, "created": self.created}

    def check_base(self, base: str | PathLike[str]) -> None:
        """StyleError unless this style was learned on the checkpoint at `base` (by its bytes' hash)."""
        if model_hash(base) != self.base_hash:
            raise StyleError(f"style {self.name!r} was learned on another composer model ({self.base_model}, "
                             f"hash {self.base_hash[:12]}); learn it again for this one")


def save_style(style: Style, folder: str | PathLike[str] | None = None) -> Path:
    """Write `style` as `<styles folder>/<name>.cadenza-style` atomically; returns the path."""
    path = style_path(style.name, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = style.record()
    import torch
    atomic_write_via(path, lambda temp: torch.save(record, temp))
    return path


def read_style(path: str | PathLike[str]) -> Style:
    """The style in the file at `path`; StyleError (one line) for a missing, broken or foreign file."""
    import torch

    path = Path(path)
    if not path.is_file():
        raise StyleError(f"{path}: no style file here")
    try:
        record = torch.load(path, map_location="cpu", weights_only=True)
    except (RuntimeError, pickle.UnpicklingError, EOFError, zipfile.BadZipFile, ValueError, OSError):
        raise StyleError(f"{path}: not a readable style file (corrupted or truncated)") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise StyleError(f"{path}: not a Cadenza style file")
    if record.get("format_version") != FORMAT_VERSION:
        raise StyleError(f"{path}: style format {record.get('format_version')}; this Cadenza reads {FORMAT_VERSION}")
    fields = ("name", "base_model", "base_hash", "adapter", "weights", "sources", "heldout", "settings", "stats",
              "created")
    missing = [f for f in fields if f not in record]
    if missing:
        raise StyleError(f"{path}: incomplete style file (no {missing[0]!r})")
    return Style(**{f: record[f] for f in fields}, path=path)


def find_style(name: str, folder: str | PathLike[str] | None = None) -> Style:
    """The style called `name` in the data folder; StyleError naming the styles there when there is none."""
    path = style_path(name, folder)
    if not path.is_file():
        known = ", ".join(list_styles(folder)) or "none yet (cadenza learn-style FOLDER --name NAME)"
        raise StyleError(f"no style called {name!r} in {path.parent} (styles: {known})")
    return read_style(path)
