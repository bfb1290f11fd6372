"""Training batches made ahead of time in worker processes (`train.data_workers`).

A batch stays a function of (seed, rank, step): step `s` is always
`make_batch(..., random.Random(f"{seed}:{rank}:{s}"))`, whoever makes it, so a
run draws the same batches with 0 or N workers, and a resumed run the same as
a straight one. With N > 0 workers, each worker process (spawned, so it never
inherits a CUDA context or torch's threads) builds its own `Corpus` once and the
trainer keeps up to `2 N` future steps in flight; batches come back as numpy
arrays (plain pickles, no shared-memory file descriptors).
"""
from __future__ import annotations

import multiprocessing
import random
import signal
from collections import deque
from pathlib import Path

import torch

from composer.training.config import DataSection
from composer.training.examples import Corpus, make_batch

_worker: dict = {}


def step_batch(corpus: Corpus, data: DataSection, seed: int, rank: int, step: int, batch_size: int,
               block_size: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The training batch of `step` on process `rank`: (inputs, targets, weights)."""
    return make_batch(corpus, "train", data, random.Random(f"{seed}:{rank}:{step}"), batch_size, block_size)


def _start_worker(data: DataSection, datasets: Path | None, seed: int, rank: int, batch_size: int,
                  block_size: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the trainer stops cleanly
    torch.set_num_threads(1)
    _worker.update(corpus=Corpus(data, datasets), data=data, seed=seed, rank=rank, batch_size=batch_size,
                   block_size=block_size)


def _make(step: int):
    w = _worker
    batch = step_batch(w["corpus"], w["data"], w["seed"], w["rank"], step, w["batch_size"], w["block_size"])
    return step, tuple(t.numpy() for t in batch)


class Batches:
    """`get(step)`: the batch of `step`; steps are asked for in order (first, first + 1, ...)."""

    def __init__(self, corpus: Corpus, data: DataSection, datasets: Path | None, seed: int, rank: int,
                 batch_size: int, block_size: int, workers: int = 0) -> None:
        self.corpus, self.data, self.seed, self.rank = corpus, data, seed, rank
        self.batch_size, self.block_size, self.workers = batch_size, block_size, workers
        self.pool = None
        if workers > 0:
            self.pool = multiprocessing.get_context("spawn").Pool(
                workers, _start_worker, (data, datasets, seed, rank, batch_size, block_size))
        self.pending: deque = deque()
        self.next_step: int | None = None  # the step after the last one submitted

    def get(self, step: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        if self.pool is None:
            return step_batch(self.corpus, self.data, self.seed, self.rank, step, self.batch_size, self.block_size)
        if self.pending and self.pending[0][0] != step:  # not the step expected: start over from this one
            self.pending.clear()
        if not self.pending:
            self.next_step = step
        while len(self.pending) < 2 * self.workers:
            self.pending.append((self.next_step, self.pool.apply_async(_make, (self.next_step,))))
            self.next_step += 1
        expected, result = self.pending.popleft()
        made, arrays = result.get()
        assert made == expected == step
        return tuple(torch.from_numpy(a) for a in arrays)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def __enter__(self):
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
