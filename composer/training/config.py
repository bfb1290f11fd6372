"""Training configuration: one JSON file says everything a run depends on.

A run is reproducible from its config alone (seeded data sampling, seeded
init, and `train.threads`: the intra-op thread count changes the order of
float sums, so the process's own default, 1 in a test or every core in a
shell, would give other weights), and the config travels inside every checkpoint, so a resumed run can
check it is continuing the same experiment: the `model` and `data` sections and
the seed must match; the `train` section may change (e.g. more steps, another
device, more data workers, a budget). Starting a new run from another run's
weights (`--init-from`) needs only the same `model` section.
Unknown keys are an error, so a typo never silently falls back to a default.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from engine.errors import CadenzaError


_ABSENT = object()


class ConfigError(CadenzaError):
    """A training config that cannot be used: one line naming the file and the problem."""


@dataclass(frozen=True)
class ModelSection:
    block_size: int = 1024
    n_layer: int = 4
    n_head: int = 4
    n_embd: int = 256


@dataclass(frozen=True)
class DataSection:
    datasets: str = "../shared/datasets"         # relative to the working directory
    limit: int | None = None                     # first N songs of each source (tests)
    sources: dict[str, float] = field(default_factory=lambda: {
        "pop909": 0.45, "groove": 0.15, "openewld": 0.1, "nottingham": 0.3})  # sampling weights
    min_bars: int = 4
    max_bars: int = 20
    transpose: tuple[int, int] = (-5, 6)         # semitones, both ends included; drums never move
    drop_lanes: float = 0.3                      # chance a window keeps only a random subset of its lanes
    context_loss_weight: float = 0.25            # weight of context tokens; fills (after SEP) weigh 1
    style_dropout: float = 1.0                   # chance a window's header leaves its STYLE token out (1: never said)
    drum_augment: float = 0.0                    # chance a window with drums gets a groove-keeping variation
    masks: dict[str, float] = field(default_factory=lambda: {
        "cells": 0.15, "lane": 0.2, "lane_span": 0.2, "bars": 0.1, "continue": 0.15,
        "all_but_one": 0.1, "chords": 0.1})


@dataclass(frozen=True)
class TrainSection:
    batch_size: int = 8                          # sequences per step and process
    steps: int = 12000
    lr: float = 1e-3
    min_lr: float = 1e-4
    warmup_steps: int = 200
    weight_decay: float = 0.1
    grad_clip: float = 1.0
    ema_decay: float = 0.998                     # the shipped weights are this average (smoother than the last step)
    bf16: bool = True                            # autocast matmuls to bf16 on CPU (1.8x faster, measured)
    log_every: int = 10
    eval_every: int = 200
    eval_sequences: int = 32
    checkpoint_every: int = 100
    threads: int = 2                             # torch intra-op threads: part of what the weights come out as
    device: str = "cpu"                          # "cpu", "cuda" or "auto" (cuda when there is one)
    data_workers: int = 0                        # processes making batches ahead; 0: in the training process
    max_tokens: int | None = None                # budget: stop after this many tokens (this run folder's)
    max_seconds: float | None = None             # budget: stop after this much training time (resumes add up)
    best_guard_roles: tuple[str, ...] = ()       # best.pt only when these roles' EMA validation loss ...
    best_guard_ceiling: float | None = None      # ... is at most this (None: no guard)

    def __post_init__(self) -> None:
        from composer.training.roles import FILL_ROLES
        if self.device not in ("cpu", "cuda", "auto"):
            raise ConfigError(f"train.device must be cpu, cuda or auto, not {self.device!r}")
        if self.data_workers < 0:
            raise ConfigError("train.data_workers must be 0 or more")
        for name in ("max_tokens", "max_seconds"):
            if getattr(self, name) is not None and getattr(self, name) <= 0:
                raise ConfigError(f"train.{name} must be positive or null")
        unknown = set(self.best_guard_roles) - set(FILL_ROLES)
        if unknown:
            raise ConfigError(f"train.best_guard_roles: unknown role(s) {', '.join(sorted(unknown))} "
                              f"(roles: {', '.join(FILL_ROLES)})")

    @property
    def budgeted(self) -> bool:
        return self.max_tokens is not None or self.max_seconds is not None


@dataclass(frozen=True)
class TrainConfig:
    name: str
    out_dir: str                                 # '~' expands; checkpoints, loss curve, metrics
    seed: int = 1234
    model: ModelSection = ModelSection()
    data: DataSection = DataSection()
    train: TrainSection = TrainSection()

    def to_dict(self) -> dict:
        return json.loads(json.dumps(asdict(self)))  # tuples -> lists: what JSON and checkpoints hold

    @property
    def run_dir(self) -> Path:
        return Path(self.out_dir).expanduser()

    def same_experiment(self, other: dict, keys: tuple[str, ...] = ("model", "data", "seed")) -> str | None:
        """None if `other` (a stored config dict) trains the same model on the same data, else what differs."""
        differs = self.differences(other, keys)
        return differs[0] if differs else None

    def differences(self, other: dict, keys: tuple[str, ...] = ("model", "data", "seed")) -> list[str]:
        """What differs between `other` (a stored config dict) and this config in `keys`, one line each."""
        mine, other = self.to_dict(), json.loads(json.dumps(other))
        for side in (mine, other):  # where the datasets lie is no part of the experiment (the data hash is)
            side.get("data", {}).pop("datasets", None)
        lines = []
        for key in keys:
            theirs = other.get(key)
            if mine[key] == theirs:
                continue
            if isinstance(mine[key], dict) and isinstance(theirs, dict):  # name the keys inside that differ
                lines += [f"'{key}.{name}' differs: {theirs.get(name, '(absent)')} in the checkpoint, "
                          f"{mine[key].get(name, '(absent)')} now" for name in sorted({*mine[key], *theirs})
                          if mine[key].get(name, _ABSENT) != theirs.get(name, _ABSENT)]
            else:
                lines.append(f"'{key}' differs: {theirs} in the checkpoint, {mine[key]} now")
        return lines


def _section(cls, values: dict, where: str):
    known = {f.name for f in fields(cls)}
    unknown = set(values) - known
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
    try:
        return cls(**values)
    except ConfigError as error:
        raise ConfigError(f"{where}: {error}") from None


def config_from_dict(values: dict, where: str = "config") -> TrainConfig:
    values = dict(values)
    try:
        sections = {name: _section(cls, values.pop(name, {}), f"{where} [{name}]")
                    for name, cls in (("model", ModelSection), ("data", DataSection), ("train", TrainSection))}
        return _section(TrainConfig, {**values, **sections}, where)
    except TypeError as error:  # a missing required key
        raise ConfigError(f"{where}: {error}") from None


def load_config(path: str | Path) -> TrainConfig:
    try:
        values = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}: not JSON: {error}") from None
    return config_from_dict(values, str(path))
