"""The composer model, loaded once per process and shared by every proposal.

Loading costs a few hundred milliseconds (torch, the file, the weights); a
proposal costs less than that, so the model stays in a process-wide cache,
keyed by the file's path, size and modification time (a retrained file is
picked up, an unchanged one is not read twice). Weights run in fp32: on this
machine's CPU, measured side by side in benchmarks/bench_proposals.py, bf16
and dynamic int8 decode no faster for a model this small (per-op overhead,
not memory, bounds it), so the simplest exact path wins.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import torch

from composer.checkpoint import load_model as load_checkpoint
from composer.model import Composer

DEFAULT_CHECKPOINT = Path(__file__).resolve().parents[2] / "resources" / "composer.pt"

_cache: dict[tuple, LoadedModel] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class LoadedModel:
    model: Composer
    info: dict
    path: Path
    seconds: float          # how long loading took (0 for a cache hit is not recorded: the first load's time)


def load_model(path: str | PathLike[str] | None = None, dtype: torch.dtype = torch.float32) -> LoadedModel:
    """The model at `path` (default: the shipped resources/composer.pt), from the cache when unchanged.

    Raises composer.checkpoint.CheckpointError (a CadenzaError, one line) when the file is missing or unusable.
    """
    path = Path(path) if path is not None else DEFAULT_CHECKPOINT
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, dtype)
    except OSError:
        key = None
    with _lock:
        if key is not None and key in _cache:
            return _cache[key]
        started = time.perf_counter()
        model, info = load_checkpoint(path, dtype=dtype)
        model.requires_grad_(False)
        loaded = LoadedModel(model, info, path, time.perf_counter() - started)
        if key is not None:
            _cache[key] = loaded
        return loaded


def clear_cache() -> None:
    with _lock:
        _cache.clear()
