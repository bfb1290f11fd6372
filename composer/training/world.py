"""Where a training process stands among the others, and on which device.

Why its own module: a run on one process and a run under torchrun differ only here. `start_world` reads
torchrun's environment (WORLD_SIZE, LOCAL_RANK) and starts the process group (nccl on CUDA, gloo on the CPU);
`World` then answers the two questions the training loop asks of it: is this the process that writes files
(rank 0), and did any process get a stop signal or use more time (so every process stops at the same step and
follows the same time-budget schedule).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import torch
import torch.distributed as dist

from composer.training.config import ConfigError


@dataclass(frozen=True)
class World:
    """This process's place among the training processes (rank 0 writes files) and its device."""

    rank: int = 0
    size: int = 1
    device: torch.device = torch.device("cpu")

    @property
    def main(self) -> bool:
        return self.rank == 0

    def sync(self, flag: bool, seconds: float) -> tuple[bool, float]:
        """(`flag` set on any process, the largest `seconds`): every process stops at the same step and
        follows the same time-budget schedule."""
        if self.size == 1:
            return flag, seconds
        value = torch.tensor([float(flag), seconds], dtype=torch.float64, device=self.device)
        dist.all_reduce(value, op=dist.ReduceOp.MAX)
        return bool(value[0].item()), float(value[1].item())


def resolve_device(name: str) -> torch.device:
    """The torch device for `train.device` ("cpu", "cuda", "auto"); under torchrun each process takes
    the GPU of its LOCAL_RANK."""
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    if name == "cuda":
        if not torch.cuda.is_available():
            raise ConfigError("train.device is 'cuda' but torch sees no CUDA device (use cpu or auto)")
        return torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
    return torch.device("cpu")


def start_world(device: torch.device) -> World:
    size = int(os.environ.get("WORLD_SIZE", "1"))
    if size == 1:
        return World(device=device)
    if device.type == "cuda":
        torch.cuda.set_device(device)
    dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return World(dist.get_rank(), dist.get_world_size(), device)
