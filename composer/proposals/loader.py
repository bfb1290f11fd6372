"""The composer model, loaded once per process and shared by every proposal.

Loading costs a few hundred milliseconds (torch, the file, the weights); a
proposal costs about as much, so the model stays in a process-wide cache,
keyed by the file's path, size and modification time (a retrained file is
picked up, an unchanged one is not read twice).

Weights: the Linear layers are quantized to int8 (dynamic quantization) on
load. Measured side by side on this 2-core CPU (benchmarks/bench_proposals.py,
docs/PROPOSALS.md), one thread: int8 decodes ~1.5x faster than fp32 at batch 1
and 1.4x at batch 4, bf16 is slower than fp32 (the matrices of a 3M-parameter
model are too small for its kernels to pay), and a second thread is several
times slower on a shared machine. `quantized=False` gives the plain fp32 model.
The load also compiles and warms up the decode step (composer.decode_step),
so the first proposal does not pay for it (~0.1 s once per process).
"""
from __future__ import annotations

import threading
import time
import warnings
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import torch

from composer.checkpoint import load_model as load_checkpoint
from composer.decode_step import DecodeStep
from composer.model import Composer

DEFAULT_CHECKPOINT = Path(__file__).resolve().parents[2] / "resources" / "composer.pt"

_cache: dict[tuple, LoadedModel] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class LoadedModel:
    model: Composer
    info: dict
    path: Path
    seconds: float          # how long the first load took (a cache hit returns the same object)


def load_model(path: str | PathLike[str] | None = None, quantized: bool = True) -> LoadedModel:
    """The model at `path` (default: the shipped resources/composer.pt), from the cache when unchanged.

    Raises composer.checkpoint.CheckpointError (a CadenzaError, one line) when the file is missing or unusable.
    """
    path = Path(path) if path is not None else DEFAULT_CHECKPOINT
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, quantized)
    except OSError:
        key = None
    with _lock:
        if key is not None and key in _cache:
            return _cache[key]
        started = time.perf_counter()
        model, info = load_checkpoint(path)
        model.requires_grad_(False)
        if quantized:
            model = quantize(model)
        DecodeStep(model).warm_up()
        info = {**info, "weights": "int8-dynamic" if quantized else "fp32"}
        loaded = LoadedModel(model, info, path, time.perf_counter() - started)
        if key is not None:
            _cache[key] = loaded
        return loaded


def quantize(model: Composer) -> Composer:
    """The model with int8 Linear layers (weights quantized once, activations per call); embeddings stay fp32."""
    with warnings.catch_warnings():  # torch.ao.quantization announces its move to torchao; it works in this torch
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def clear_cache() -> None:
    with _lock:
        _cache.clear()
