"""`python -m composer.train --config CONFIG.json`: train the infilling model, resumably, on 1 or N processes.

    nice -n 5 .venv/bin/python -m composer.train --config composer/configs/composer_3m.json
    torchrun --nproc_per_node=2 -m composer.train --config ...   (DistributedDataParallel, gloo)

Everything comes from the config (composer/training/config.py): the data,
the model, the schedule, the seed. The run folder (`out_dir`) holds
`checkpoint.pt`, `loss.png` and `metrics.jsonl`. Run the same command again
and it resumes from `checkpoint.pt` (same model, data section and seed
required; the data hash must match), drawing exactly the batches it would have
drawn: a batch is a function of (seed, rank, step). A checkpoint is written
atomically every `checkpoint_every` steps, at the end, and when SIGINT or SIGTERM
arrives (the signal is noted and the run stops after the current step, on every
process at once). Progress goes to stdout as one plain line every `log_every`
steps (loss, learning rate, tokens/s, tokens seen, time left), which reads well
in a nohup log, unlike a redrawn bar.

`--init-from FILE` starts a run whose folder has no checkpoint yet from the
weights of another file of the same experiment, typically the shipped
resources/composer.pt (a training folder lives in ~/.cache and may be gone in
the next session; the shipped weights are in git). Model and averaged weights
both start from its weights, the step and tokens seen carry on from its
record (so the schedule continues), the optimizer starts fresh and the
learning rate warms up again over `warmup_steps`.
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import os
import random
import signal
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

from composer.checkpoint import model_from_record, read_checkpoint, save_checkpoint
from composer.model import Composer, ModelConfig
from composer.tokens.vocab import VOCAB
from composer.training.config import ConfigError, TrainConfig, load_config
from composer.training.examples import Corpus, make_batch
from composer.training.plot import plot_history
from engine.errors import CadenzaError


@dataclass(frozen=True)
class World:
    """This process's place among the training processes (rank 0 writes files)."""

    rank: int = 0
    size: int = 1

    @property
    def main(self) -> bool:
        return self.rank == 0

    def any(self, flag: bool) -> bool:
        """True when `flag` is set on any process (so every process stops at the same step)."""
        if self.size == 1:
            return flag
        value = torch.tensor([float(flag)])
        dist.all_reduce(value, op=dist.ReduceOp.MAX)
        return bool(value.item())


def start_world() -> World:
    size = int(os.environ.get("WORLD_SIZE", "1"))
    if size == 1:
        return World()
    dist.init_process_group("gloo")
    return World(dist.get_rank(), dist.get_world_size())


def learning_rate(step: int, train) -> float:
    """Linear warmup, then cosine decay to `min_lr` at `steps`."""
    if step < train.warmup_steps:
        return train.lr * (step + 1) / train.warmup_steps
    progress = min(1.0, (step - train.warmup_steps) / max(1, train.steps - train.warmup_steps))
    return train.min_lr + 0.5 * (train.lr - train.min_lr) * (1 + math.cos(math.pi * progress))


def token_losses(model, inputs, targets, bf16: bool) -> torch.Tensor:
    """Cross-entropy of every target token, (batch, block), in fp32."""
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        logits = model(inputs)
    return F.cross_entropy(logits.float().view(-1, logits.shape[-1]), targets.reshape(-1),
                           reduction="none").view_as(targets)


@torch.no_grad()
def fill_loss(model, batches, bf16: bool) -> float:
    """Mean cross-entropy over the fill tokens (weight 1) of fixed validation batches."""
    total = count = 0.0
    for inputs, targets, weights in batches:
        losses = token_losses(model, inputs, targets, bf16)
        fill = weights == 1
        total += losses[fill].sum().item()
        count += fill.sum().item()
    return total / max(count, 1)


class Trainer:
    def __init__(self, config: TrainConfig, world: World, datasets: Path | None,
                 init_from: Path | None = None) -> None:
        self.config, self.world = config, world
        self.run_dir = config.run_dir
        self.checkpoint_path = self.run_dir / "checkpoint.pt"
        self.corpus = Corpus(config.data, datasets)
        self.data_hash = self.corpus.data_hash()
        torch.manual_seed(config.seed)
        self.model_config = ModelConfig(len(VOCAB), **vars(config.model))
        self.model = Composer(self.model_config)
        self.ema = copy.deepcopy(self.model).eval()
        decay, plain = [], []
        for param in self.model.parameters():
            (decay if param.dim() >= 2 else plain).append(param)
        self.optimizer = torch.optim.AdamW(
            [{"params": decay, "weight_decay": config.train.weight_decay}, {"params": plain, "weight_decay": 0.0}],
            lr=config.train.lr, betas=(0.9, 0.95))
        self.step, self.tokens_seen = 0, 0
        self.history: dict[str, list] = {"train": [], "val": []}
        self.rewarm_from: int | None = None
        if self.checkpoint_path.exists():
            self._resume()
        elif init_from is not None:
            self._start_from(init_from)
        self.ddp = DistributedDataParallel(self.model) if world.size > 1 else self.model
        rng = random.Random(f"{config.seed}:validation")
        train = config.train
        self.val_batches = [make_batch(self.corpus, "validation", config.data, rng,
                                       min(train.batch_size, train.eval_sequences - i), config.model.block_size)
                            for i in range(0, train.eval_sequences, train.batch_size)]

    def _same_experiment(self, path: Path) -> dict:
        """The checkpoint at `path`, checked to come from this experiment and data (ConfigError otherwise)."""
        record = read_checkpoint(path)
        differs = self.config.same_experiment(record["config"])
        if differs:
            raise ConfigError(f"{path}: another experiment ({differs}); use a new out_dir")
        if record["data_hash"] != self.data_hash:
            raise ConfigError(f"{path}: trained on other data (hash {record['data_hash']}, "
                              f"now {self.data_hash}); use a new out_dir")
        return record

    def _start_from(self, path: Path) -> None:
        record = self._same_experiment(path)
        weights = model_from_record(record, path).state_dict()
        self.model.load_state_dict(weights)
        self.ema.load_state_dict(weights)
        self.step, self.tokens_seen = record["step"], record["tokens_seen"]
        self.history = record.get("history") or self.history
        self.rewarm_from = self.step
        self.log(f"started from {path} at step {self.step} ({self.tokens_seen:,} tokens seen); fresh optimizer")

    def _resume(self) -> None:
        record = self._same_experiment(self.checkpoint_path)
        self.model.load_state_dict(record["model"])
        self.ema.load_state_dict(record["ema"])
        self.optimizer.load_state_dict(record["optimizer"])
        self.step, self.tokens_seen, self.history = record["step"], record["tokens_seen"], record["history"]
        self.rewarm_from = record.get("rewarm_from")
        torch.set_rng_state(record["torch_rng"])
        self.log(f"resumed {self.checkpoint_path} at step {self.step} ({self.tokens_seen:,} tokens seen)")

    def log(self, text: str) -> None:
        if self.world.main:
            print(text, flush=True)

    def save(self) -> None:
        if not self.world.main:
            return
        save_checkpoint(self.checkpoint_path, {
            "model_config": self.model_config.to_dict(), "config": self.config.to_dict(),
            "data_hash": self.data_hash, "step": self.step, "tokens_seen": self.tokens_seen,
            "model": self.model.state_dict(), "ema": self.ema.state_dict(),
            "optimizer": self.optimizer.state_dict(), "history": self.history, "torch_rng": torch.get_rng_state(),
            "rewarm_from": self.rewarm_from})

    def evaluate(self) -> None:
        self.model.eval()
        bf16 = self.config.train.bf16
        raw, averaged = fill_loss(self.model, self.val_batches, bf16), fill_loss(self.ema, self.val_batches, bf16)
        self.model.train()
        self.history["val"].append([self.step, self.tokens_seen, raw, averaged])
        if self.world.main:
            with open(self.run_dir / "metrics.jsonl", "a", encoding="utf-8") as file:
                file.write(json.dumps({"step": self.step, "tokens_seen": self.tokens_seen, "val_fill_loss": raw,
                                       "val_fill_loss_ema": averaged, "time": time.time()}) + "\n")
            plot_history(self.history, self.run_dir / "loss.png", self.config.name)
        self.log(f"eval step {self.step}: validation fill loss {raw:.4f} (EMA weights {averaged:.4f})")

    def train_step(self) -> tuple[float, float]:
        config, train = self.config, self.config.train
        rng = random.Random(f"{config.seed}:{self.world.rank}:{self.step}")
        inputs, targets, weights = make_batch(self.corpus, "train", config.data, rng, train.batch_size,
                                              config.model.block_size)
        lr = learning_rate(self.step, train)
        if self.rewarm_from is not None:  # a fresh optimizer on trained weights: warm up again
            lr *= min(1.0, (self.step - self.rewarm_from + 1) / train.warmup_steps)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        losses = token_losses(self.ddp, inputs, targets, train.bf16)
        loss = (losses * weights).sum() / weights.sum()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), train.grad_clip)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        decay = min(train.ema_decay, (1 + self.step) / (10 + self.step))
        with torch.no_grad():
            for averaged, current in zip(self.ema.parameters(), self.model.parameters()):
                averaged.lerp_(current, 1 - decay)
        self.step += 1
        self.tokens_seen += inputs.numel() * self.world.size
        fill = weights == 1
        return loss.item(), losses.detach()[fill].mean().item()

    def run(self, stop_after: int | None, stop_flag: dict) -> None:
        train = self.config.train
        self.run_dir.mkdir(parents=True, exist_ok=True)
        if self.world.main:  # so a background run can be stopped cleanly: kill -TERM $(cat RUN_DIR/train.pid)
            (self.run_dir / "train.pid").write_text(f"{os.getpid()}\n")
        self.log(f"{self.config.name}: {self.model.parameter_count():,} parameters, data {self.data_hash}, "
                 f"{self.world.size} process(es), step {self.step}/{train.steps}")
        last_step = train.steps if stop_after is None else min(train.steps, self.step + stop_after)
        window, started, first_step = [], time.perf_counter(), self.step
        while self.step < last_step:
            window.append(self.train_step())
            if self.step % train.log_every == 0 or self.step == last_step:
                loss, fill = (sum(v) / len(window) for v in zip(*window))
                self.history["train"].append([self.step, self.tokens_seen, loss, fill])
                rate = (self.step - first_step) * train.batch_size * self.config.model.block_size * self.world.size \
                    / (time.perf_counter() - started)
                eta = (train.steps - self.step) * train.batch_size * self.config.model.block_size \
                    * self.world.size / max(rate, 1)
                self.log(f"step {self.step}/{train.steps} loss {loss:.4f} fill {fill:.4f} "
                         f"lr {learning_rate(self.step, train):.2e} {rate:,.0f} tok/s "
                         f"seen {self.tokens_seen / 1e6:.2f}M eta {eta / 3600:.1f}h")
                window = []
            if self.step % train.eval_every == 0:
                self.evaluate()
            stopping = self.world.any(stop_flag["signal"] is not None)
            if stopping or self.step % train.checkpoint_every == 0:
                self.save()
            if stopping:
                self.log(f"stopped by signal {stop_flag['signal']} at step {self.step}; checkpoint written")
                return
        if not self.history["val"] or self.history["val"][-1][0] != self.step:
            self.evaluate()
        self.save()
        self.log(json.dumps({"step": self.step, "tokens_seen": self.tokens_seen,
                             "checkpoint": str(self.checkpoint_path)}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, type=Path)
    parser.add_argument("--out-dir", help="run folder (default: the config's out_dir)")
    parser.add_argument("--datasets", type=Path, help="datasets folder (default: the config's)")
    parser.add_argument("--stop-after", type=int, help="stop (with a checkpoint) after this many steps of this run")
    parser.add_argument("--init-from", type=Path, metavar="FILE",
                        help="a run folder without a checkpoint starts from these weights (e.g. resources/composer.pt)")
    args = parser.parse_args(argv)
    stop_flag: dict = {"signal": None}

    def note_signal(number, _frame):
        stop_flag["signal"] = signal.Signals(number).name

    world, threads = World(), torch.get_num_threads()
    try:
        config = load_config(args.config)
        if args.out_dir:
            config = replace(config, out_dir=args.out_dir)
        world = start_world()
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, note_signal)
        torch.set_num_threads(config.train.threads)  # the float sums' order: the same weights in any process
        Trainer(config, world, args.datasets, args.init_from).run(args.stop_after, stop_flag)
    except CadenzaError as error:
        print(f"composer.train: {error}", file=sys.stderr)
        return 2
    finally:
        torch.set_num_threads(threads)
        if world.size > 1:
            dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
