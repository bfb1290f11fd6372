"""Autosave and crash recovery: what the editor writes every 30 s and offers back at start.

Each open document gets its own `RecoveryStore` session (one id, one pair of
files in the recovery folder): `<id>.cadenza`, an ordinary project file
written atomically, and `<id>.json`, small metadata (source path, save time,
pid and the process's start time). A clean close or save calls `discard`,
which removes both. Anything left behind by a process that is no longer
running is what `pending()` offers to recover. Entries of live processes
(another Cadenza window, or this one) are never offered, so two instances do
not steal each other's autosaves; the process start time guards against a
recycled pid making a dead session look alive.

Damage is expected here (these files exist because something went wrong):
a recovery project whose metadata is missing or unreadable is still offered,
its pid read from its id (`PID-RANDOM`) and its time from the file; a project
that cannot be read is `set_aside` under `damaged-<id>.cadenza` by the editor
after it has said so once, so the next start offers the next good one instead
of the same broken file again.

The folder is $CADENZA_HOME/recovery, else $XDG_STATE_HOME/cadenza/recovery,
else ~/.local/state/cadenza/recovery.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from engine.atomic import atomic_write_bytes
from engine.project.io import PROJECT_SUFFIX, load_project, save_project
from engine.project.model import Project

_META_SUFFIX = ".json"
_SESSION_ID = re.compile(r"^(\d+)-[0-9a-f]{8}$")  # RecoveryStore.session_id: the writer's pid, a random part


def default_recovery_dir() -> Path:
    """Where autosaves go when the caller does not choose (see the module docstring)."""
    if os.environ.get("CADENZA_HOME"):
        return Path(os.environ["CADENZA_HOME"]) / "recovery"
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "cadenza" / "recovery"


@dataclass(frozen=True, slots=True)
class RecoveryEntry:
    """One autosave: its files, the document it was editing (None: never saved) and when."""

    id: str
    project_path: Path
    source_path: str | None
    saved_at: float  # seconds since the epoch
    pid: int
    pid_started: int | None  # the process's start time in clock ticks since boot, where the OS tells

    @property
    def meta_path(self) -> Path:
        return self.project_path.with_suffix(_META_SUFFIX)


class RecoveryStore:
    """Autosaves of one document session, and the leftovers of sessions that crashed."""

    def __init__(self, directory: str | PathLike[str] | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_recovery_dir()
        self.session_id = f"{os.getpid()}-{secrets.token_hex(4)}"

    def autosave(self, project: Project, source_path: str | PathLike[str] | None = None) -> RecoveryEntry:
        """Write this session's recovery file (replacing the previous one) and return its entry.

        The project is written before the metadata, so metadata never points
        at a half-written project; a crash between the two loses only the very
        first autosave of a session.
        """
        self.directory.mkdir(parents=True, exist_ok=True)
        pid = os.getpid()
        entry = RecoveryEntry(
            id=self.session_id, project_path=self.directory / f"{self.session_id}{PROJECT_SUFFIX}",
            source_path=None if source_path is None else os.fspath(source_path),
            saved_at=time.time(), pid=pid, pid_started=_process_start(pid))
        save_project(project, entry.project_path)
        meta = {"source_path": entry.source_path, "saved_at": entry.saved_at, "pid": entry.pid,
                "pid_started": entry.pid_started}
        atomic_write_bytes(entry.meta_path, json.dumps(meta).encode("utf-8"))
        return entry

    def pending(self) -> list[RecoveryEntry]:
        """Recoveries left by sessions that ended without discarding them, newest first.

        Unreadable metadata is skipped rather than raised: a damaged leftover
        must not stop the editor from starting.
        """
        if not self.directory.is_dir():
            return []
        entries = []
        ids = {p.stem for p in self.directory.glob(f"*{_META_SUFFIX}")}
        ids |= {p.stem for p in self.directory.glob(f"*{PROJECT_SUFFIX}") if _SESSION_ID.match(p.stem)}
        for entry_id in ids:
            meta_path = self.directory / f"{entry_id}{_META_SUFFIX}"
            entry = _read_entry(meta_path) or _entry_without_metadata(meta_path)
            if entry is not None and entry.project_path.is_file() and not _is_running(entry.pid, entry.pid_started):
                entries.append(entry)
        return sorted(entries, key=lambda e: e.saved_at, reverse=True)

    def load(self, entry: RecoveryEntry) -> Project:
        """The autosaved project; a damaged one raises `ProjectFileError` like any project file."""
        return load_project(entry.project_path)

    def set_aside(self, entry: RecoveryEntry) -> Path:
        """Keep a recovery that cannot be read out of `pending()` (as `damaged-<id>.cadenza`, for anyone who wants
        to look at it); returns where it went."""
        kept = entry.project_path.with_name(f"damaged-{entry.id}{PROJECT_SUFFIX}")
        entry.meta_path.unlink(missing_ok=True)
        try:
            entry.project_path.replace(kept)
        except OSError:
            entry.project_path.unlink(missing_ok=True)
        return kept

    def discard(self, entry: RecoveryEntry) -> None:
        """Forget a recovery (after a clean save or close, or when the user declines it)."""
        entry.meta_path.unlink(missing_ok=True)  # metadata first: a half-discarded entry is never pending
        entry.project_path.unlink(missing_ok=True)


def _read_entry(meta_path: Path) -> RecoveryEntry | None:
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        source, saved_at, pid, started = meta["source_path"], meta["saved_at"], meta["pid"], meta["pid_started"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not (isinstance(source, (str, type(None))) and isinstance(saved_at, (int, float))
            and type(pid) is int and (started is None or type(started) is int)):
        return None
    return RecoveryEntry(meta_path.stem, meta_path.with_suffix(PROJECT_SUFFIX), source, float(saved_at), pid, started)


def _entry_without_metadata(meta_path: Path) -> RecoveryEntry | None:
    """The entry of a recovery project whose metadata is missing or damaged: pid from its id, time from its file
    (None for a file that is not one of ours)."""
    match = _SESSION_ID.match(meta_path.stem)
    project_path = meta_path.with_suffix(PROJECT_SUFFIX)
    try:
        saved_at = project_path.stat().st_mtime
    except OSError:
        return None
    if match is None:
        return None
    return RecoveryEntry(meta_path.stem, project_path, None, saved_at, int(match.group(1)), None)


def _process_start(pid: int) -> int | None:
    """Start time of `pid` (field 22 of /proc/PID/stat), or None where there is no /proc."""
    state = _proc_stat(pid)
    return None if state is None else int(state[19])


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first), or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def _is_running(pid: int, started: int | None) -> bool:
    """Whether the process that wrote an entry still runs (a zombie counts as gone)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate it there; a leftover of another pid counts as gone
        return pid == os.getpid()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    except OSError:
        return False
    state = _proc_stat(pid)
    if state is None:
        return True  # no /proc: trust the pid alone
    if state[0] in ("Z", "X"):
        return False
    return started is None or int(state[19]) == started
