"""Generation off the UI thread: a QThread runs the composer, reports progress, and can be cancelled.

The composer (and torch) are imported here, inside `run`, on the worker
thread the first time the user asks for a proposal, so neither the window's
start-up nor its event loop ever pays for them. Torch gets every core this
process may use but one, which stays with the UI thread (at least one thread),
or the count the user set under `composer/threads` in the settings; only for
the length of the job (`composer_threads`, decoding.torch_threads).

The first `import torch` would freeze the UI for ~270 ms: Python loads
libtorch_cpu.so (hundreds of MB) with dlopen while holding the GIL. So the
worker first dlopens torch's libraries through ctypes, which releases the
GIL around the call; the import then finds them loaded. What remains is
torch's own Python-level import. Its long stalls (20-90 ms each, with the
GIL held) were the cyclic garbage collector: the import makes ~170k objects,
so full collections ran in the middle of it and walked all of them. The
imports and the model load therefore run with the collector off
(`quiet_gc`), and what they made is frozen afterwards (`gc.freeze`), so no
later full collection, on either thread, walks torch's objects again; later
generations keep the event loop within ~10 ms.
Even that one stall is moved off the first Generate: the controller starts
`warm_up` on a worker thread a couple of seconds after the window is shown
(only when a model file exists), which imports torch and the composer and
loads the model into the loader's cache; a Generate then finds both ready.
Results, failures and cancellation come back as queued signals, so the UI
thread applies nothing until the job is over, and a failed or cancelled job
changes nothing.
"""
from __future__ import annotations

import ctypes
import gc
import importlib.util
import os
import sys
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QThread, Signal

from app.settings import settings as user_settings
from composer.proposals.spec import Controls, Region, Task
from engine.errors import CadenzaError
from engine.song import Song

@dataclass(frozen=True)
class ProposalRequest:
    """What the worker is handed: plain, validated values (app.proposals.controls made the Controls)."""

    song: Song
    region: Region
    task: Task
    controls: Controls
    style: str | None = None        # a learned style to decode in (docs/STYLES.md), None: the composer's own
    model_path: str | None = None


TORCH_LIBRARIES = ("libtorch_cpu.so", "libtorch_python.so")
THREADS_KEY = "composer/threads"   # a user setting: torch threads for proposals (absent or 0: every core but one)
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "resources" / "composer.pt"  # = composer's DEFAULT_CHECKPOINT


def model_file(model_path: str | None) -> Path:
    """The checkpoint a proposal would load (without importing the composer)."""
    return Path(model_path) if model_path is not None else DEFAULT_MODEL


def preload_torch() -> None:
    """dlopen torch's big libraries without the GIL (Linux; anything unexpected just skips the shortcut)."""
    if "torch" in sys.modules or not sys.platform.startswith("linux"):
        return
    spec = importlib.util.find_spec("torch")
    if spec is None or not spec.submodule_search_locations:
        return
    lib = Path(list(spec.submodule_search_locations)[0]) / "lib"
    try:
        dlopen = ctypes.CDLL(None).dlopen   # a CDLL call releases the GIL while it runs
        dlopen.restype, dlopen.argtypes = ctypes.c_void_p, [ctypes.c_char_p, ctypes.c_int]
        for name in TORCH_LIBRARIES:
            if (lib / name).is_file():
                dlopen(str(lib / name).encode(), os.RTLD_NOW | os.RTLD_LOCAL)
    except (OSError, AttributeError):
        pass


_gc_lock = threading.Lock()
_gc_users = 0
_gc_was_enabled = False


@contextmanager
def quiet_gc():
    """No cyclic garbage collection inside; when the last user leaves, what was made is frozen (never walked again).

    A full collection holds the GIL for as long as it walks every tracked
    object, and the UI thread waits it out: while torch imports that was
    20-90 ms at a time. Nested and concurrent uses (a warm-up and a Generate)
    share one switch. Cycles already garbage when it ends are never collected:
    a few, once, from imports.
    """
    global _gc_users, _gc_was_enabled
    with _gc_lock:
        if _gc_users == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                gc.freeze()
                if _gc_was_enabled:
                    gc.enable()


_imported = False     # torch and the composer's generation code are imported (by a warm-up or a Generate)


def load_composer(model_path: str | None, cancel: threading.Event | None = None):
    """Import torch and the composer (the first time with the collector quiet) and load the model (cached).

    None when `cancel` was set once the imports were done.
    """
    global _imported
    with quiet_gc() if not _imported else nullcontext():
        preload_torch()
        import torch  # noqa: F401 - imported here, with the collector quiet

        from composer.proposals import load_model, propose  # noqa: F401 - the imports a Generate needs
        from composer.proposals.decoding import torch_threads

        if cancel is not None and cancel.is_set():
            return None
        with torch_threads(composer_threads()):
            model = load_model(model_path)
        from composer.originality.reference import training_index
        training_index(model.info.get("data_hash"))   # read once here, so no Generate waits for it
        _imported = True
        return model


def chosen_threads() -> int:
    """The user's `composer/threads` setting: a count, or 0 for automatic (a bad value reads as automatic)."""
    try:
        return max(0, int(user_settings().value(THREADS_KEY, 0)))
    except (TypeError, ValueError):
        return 0


def choose_threads(count: int) -> None:
    """Keep the user's thread count for proposals (0: automatic, every core but one)."""
    store = user_settings()
    store.setValue(THREADS_KEY, max(0, int(count)))
    store.sync()


def composer_threads() -> int:
    """Torch threads for a job: the user's `composer/threads` setting when it is a count, else every core
    this process may use but one (the UI thread's), at least one."""
    chosen = chosen_threads()
    if chosen > 0:
        return chosen
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, cores - 1)


def warm_up(model_path: str | None, cancel: threading.Event, progress: Callable[[float], None]) -> float:
    """Import torch and the composer and load the model into the cache (on a worker thread); the seconds it took."""
    started = time.perf_counter()
    if cancel.is_set():
        return 0.0
    load_composer(model_path, cancel)
    return time.perf_counter() - started


def run_proposal(request: ProposalRequest, cancel: threading.Event, progress: Callable[[float], None]) -> list:
    """Candidates for the request (on the worker thread); a learned style is merged into the model once (cached)."""
    model = load_composer(request.model_path)
    from composer.proposals import propose
    from composer.proposals.decoding import torch_threads

    with torch_threads(composer_threads()):
        if request.style:
            from app.proposals.learn_style import style_data_folder
            from composer.style.apply import styled_model

            model = styled_model(request.style, request.model_path, style_data_folder())
        return propose(request.song, request.region, request.task, request.controls, model, cancel, progress)


class ProposalJob(QThread):
    """Runs `work(cancel, progress)` once; exactly one of succeeded/failed/cancelled follows."""

    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[threading.Event, Callable[[float], None]], object], parent=None) -> None:
        super().__init__(parent)
        self.work = work
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        try:
            result = self.work(self.cancel_event, self.progressed.emit)
        except Exception as error:  # noqa: BLE001 - any failure becomes one line for the user
            if self.cancel_event.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(one_line(error))
            return
        if self.cancel_event.is_set():
            self.cancelled.emit()
        else:
            self.succeeded.emit(result)


def one_line(error: Exception) -> str:
    """Our errors already are one line; anything else gets its type and first line."""
    if isinstance(error, CadenzaError):
        return str(error)
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}{': ' + text[0] if text else ''}"
