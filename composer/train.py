"""`python -m composer.train --config CONFIG.json`: train the infilling model, resumably, on 1 or N processes.

    nice -n 5 .venv/bin/python -m composer.train --config composer/configs/composer_3m.json
    torchrun --nproc_per_node=2 -m composer.train --config ...   (DistributedDataParallel: gloo, nccl on CUDA)
    .venv/bin/python -m composer.train --config ... --device cuda --data-workers 6 --max-seconds 3600

Everything comes from the config (composer/training/config.py): the data,
the model, the schedule, the seed. The run folder (`out_dir`) holds
`checkpoint.pt`, `best.pt`, `loss.png` and `metrics.jsonl`. Run the same command again
and it resumes from `checkpoint.pt` (same model, data section and seed
required; the data hash must match), drawing exactly the batches it would have
drawn: a batch is a function of (seed, rank, step). A checkpoint is written
atomically every `checkpoint_every` steps, at the end, and when SIGINT or SIGTERM
arrives (the signal is noted and the run stops after the current step, on every
process at once). Progress goes to stdout as one plain line every `log_every`
steps (loss, learning rate, tokens/s, tokens seen, time left), which reads well
in a nohup log, unlike a redrawn bar.

Scaling (`train` section; `--device`, `--data-workers`, `--max-tokens`,
`--max-seconds` override it for one command):
- `device`: "cpu" (default), "cuda" or "auto". Model and batches live there;
  `bf16` autocasts on that device type; on CUDA the AdamW is the fused one.
  Under torchrun each process takes the GPU of its LOCAL_RANK (nccl).
- `data_workers`: N > 0 spawns N processes (composer/training/workers.py) that
  make the next steps' batches ahead, each with its own Corpus; a batch is still
  `make_batch(random.Random(f"{seed}:{rank}:{step}"))`, so the batches, and a
  resumed run's, are the same with any worker count.
- A budget, `max_tokens` and/or `max_seconds` (null: none), replaces `steps`:
  the run stops with a checkpoint when one is spent, and the cosine follows it
  (a token budget: the run is ceil(max_tokens / tokens per step) steps; a time
  budget: progress = elapsed / max_seconds; both: whichever is further on). A
  budget counts from where the run folder began (step 0, or the --init-from
  record's step) and warm-up is counted from there too. Elapsed time is training time (from the first batch
  in hand, evaluation and checkpoints included, start-up not), stored in the
  checkpoint as `elapsed_seconds`: a resumed run goes on with the time left,
  and a spent budget trains no more (raise it to go on). The learning rate
  then depends on the clock, so a time-budget run is not bit-reproducible.
- Validation (every `eval_every` steps) writes the fill loss of the raw and EMA
  weights to metrics.jsonl, and the same split by the role of the lane filled
  (`val_role_loss`, `val_role_loss_ema`, `val_role_tokens`: melody, chords,
  bass, accompaniment, drums, other, chord_lane; composer/training/roles.py).
- `best.pt` (same format as checkpoint.pt, without the optimizer) holds the
  weights at the lowest EMA validation fill loss so far; its `best` entry
  says the step and losses. `best_guard_roles` with `best_guard_ceiling`
  keeps a checkpoint out of best.pt while any of those roles' EMA loss is
  above the ceiling.

`--init-from FILE` starts a run whose folder has no checkpoint yet from the
weights of another file, typically the shipped resources/composer.pt (a
training folder lives in ~/.cache and may be gone in the next session; the
shipped weights are in git) or a model trained on other data (fine-tuning).
Only the `model` section must match; other data, seed or data hash are logged.
A file whose vocabulary is a prefix of today's (tokens appended since, e.g. a
v1 file of 572 tokens before the STYLE group) has its embedding grown (new
rows: the mean of the old ones plus seeded noise). Model and averaged weights
both start from its weights, the step and tokens seen carry on from its
record (so the schedule continues), the optimizer starts fresh and the
learning rate warms up again over `warmup_steps`.

This module is the Trainer (model, optimizer, the step loop, validation, best.pt, checkpoints) and the
command line; its parts live in composer/training/: world.py (processes and device), schedule.py (the
learning rate), losses.py (the losses, shared with style learning) and resume.py (resume and --init-from).
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
from dataclasses import replace
from pathlib import Path

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

from composer.checkpoint import save_checkpoint
from composer.model import Composer, ModelConfig
from composer.tokens.vocab import VOCAB
from composer.training.config import TrainConfig, load_config
from composer.training.examples import Corpus, make_batch
from composer.training.losses import role_masks, role_token_counts, token_losses, validation_losses
from composer.training.plot import plot_history
from composer.training.resume import Resuming
from composer.training.schedule import learning_rate
from composer.training.workers import Batches
from composer.training.world import World, resolve_device, start_world
from engine.errors import CadenzaError


class Trainer(Resuming):
    def __init__(self, config: TrainConfig, world: World, datasets: Path | None,
                 init_from: Path | None = None) -> None:
        self.config, self.world, self.datasets = config, world, datasets
        self.device = world.device
        self.run_dir = config.run_dir
        self.checkpoint_path = self.run_dir / "checkpoint.pt"
        self.corpus = Corpus(config.data, datasets)
        self.data_hash = self.corpus.data_hash()
        torch.manual_seed(config.seed)  # the same initial weights on any device
        self.model_config = ModelConfig(len(VOCAB), **vars(config.model))
        self.model = Composer(self.model_config).to(self.device)
        self.ema = copy.deepcopy(self.model).eval()
        decay, plain = [], []
        for param in self.model.parameters():
            (decay if param.dim() >= 2 else plain).append(param)
        fused = {"fused": True} if self.device.type == "cuda" else {}  # one kernel for all parameters (GPU only)
        self.optimizer = torch.optim.AdamW(
            [{"params": decay, "weight_decay": config.train.weight_decay}, {"params": plain, "weight_decay": 0.0}],
            lr=config.train.lr, betas=(0.9, 0.95), **fused)
        self.step, self.tokens_seen = 0, 0
        self.history: dict[str, list] = {"train": [], "val": []}
        self.rewarm_from: int | None = None
        self.origin = {"step": 0, "tokens": 0}  # where this run folder began: budgets count from here
        self.elapsed = 0.0                      # seconds of training in this run folder, over all sessions
        self.best: dict | None = None           # the lowest EMA validation fill loss so far (best.pt)
        if self.checkpoint_path.exists():
            self._resume()
        elif init_from is not None:
            self._start_from(init_from)
        self.end_step = self._end_step()
        if world.size == 1:
            self.ddp = self.model
        else:
            self.ddp = DistributedDataParallel(
                self.model, device_ids=[self.device] if self.device.type == "cuda" else None)
        rng = random.Random(f"{config.seed}:validation")
        train = config.train
        batches = [make_batch(self.corpus, "validation", config.data, rng,
                              min(train.batch_size, train.eval_sequences - i), config.model.block_size)
                   for i in range(0, train.eval_sequences, train.batch_size)]
        self.val_masks = [{role: mask.to(self.device) for role, mask in role_masks(inputs, targets).items()}
                          for inputs, targets, _ in batches]
        self.val_batches = [tuple(t.to(self.device) for t in batch) for batch in batches]

    def _end_step(self) -> float:
        """The step the run ends at: `train.steps`; with a token budget, when the budget is spent; with a
        time budget alone, none (the clock ends it)."""
        train = self.config.train
        if train.max_tokens is not None:
            per_step = train.batch_size * self.config.model.block_size * self.world.size
            left = train.max_tokens - (self.tokens_seen - self.origin["tokens"])
            return self.step + math.ceil(max(0, left) / per_step)
        return math.inf if train.max_seconds is not None else train.steps

    def progress(self, step: int) -> float | None:
        """With a budget, the used fraction of it (the cosine follows it), else None (the cosine follows steps)."""
        train = self.config.train
        if not train.budgeted:
            return None
        fractions = [0.0]
        if self.end_step < math.inf:
            warm = self.origin["step"] + train.warmup_steps
            fractions.append((step - warm) / max(1, self.end_step - warm))
        if train.max_seconds is not None:
            fractions.append(self.elapsed / train.max_seconds)
        return max(fractions)

    def learning_rate(self, step: int) -> float:
        train = self.config.train
        if train.budgeted:  # the budget's schedule: warm-up from where this run folder began
            return learning_rate(step, train, self.progress(step), origin=self.origin["step"])
        lr = learning_rate(step, train)
        if self.rewarm_from is not None:  # a fresh optimizer on trained weights: warm up again
            lr *= min(1.0, (step - self.rewarm_from + 1) / train.warmup_steps)
        return lr

    def out_of_time(self) -> bool:
        seconds = self.config.train.max_seconds
        return seconds is not None and self.elapsed >= seconds

    def log(self, text: str) -> None:
        if self.world.main:
            print(text, flush=True)

    def _record(self) -> dict:
        return {"model_config": self.model_config.to_dict(), "config": self.config.to_dict(),
                "data_hash": self.data_hash, "step": self.step, "tokens_seen": self.tokens_seen,
                "model": self.model.state_dict(), "ema": self.ema.state_dict(), "history": self.history,
                "rewarm_from": self.rewarm_from, "origin": self.origin, "elapsed_seconds": self.elapsed,
                "best": self.best}

    def save(self) -> None:
        if not self.world.main:
            return
        save_checkpoint(self.checkpoint_path, {**self._record(), "optimizer": self.optimizer.state_dict(),
                                               "torch_rng": torch.get_rng_state()})

    def evaluate(self) -> None:
        self.model.eval()
        bf16 = self.config.train.bf16
        raw, raw_roles = validation_losses(self.model, self.val_batches, self.val_masks, bf16)
        averaged, roles = validation_losses(self.ema, self.val_batches, self.val_masks, bf16)
        self.model.train()
        self.history["val"].append([self.step, self.tokens_seen, raw, averaged])
        if self.world.main:
            with open(self.run_dir / "metrics.jsonl", "a", encoding="utf-8") as file:
                file.write(json.dumps({"step": self.step, "tokens_seen": self.tokens_seen, "val_fill_loss": raw,
                                       "val_fill_loss_ema": averaged, "val_role_loss": raw_roles,
                                       "val_role_loss_ema": roles,
                                       "val_role_tokens": role_token_counts(self.val_masks),
                                       "elapsed_seconds": round(self.elapsed, 1), "time": time.time()}) + "\n")
            plot_history(self.history, self.run_dir / "loss.png", self.config.name)
        self.log(f"eval step {self.step}: validation fill loss {raw:.4f} (EMA weights {averaged:.4f}); EMA by role: "
                 + " ".join(f"{role} {loss:.3f}" for role, loss in roles.items()))
        self._keep_best(averaged, roles)

    def _keep_best(self, loss: float, roles: dict[str, float]) -> None:
        """best.pt: the weights at the lowest EMA validation fill loss so far whose guarded roles are under
        the ceiling (a guarded role absent from the validation batches does not block)."""
        train = self.config.train
        if self.best is not None and loss >= self.best["val_fill_loss_ema"]:
            return
        if train.best_guard_ceiling is not None:
            over = [f"{r} {roles[r]:.4f}" for r in train.best_guard_roles
                    if roles.get(r, -math.inf) > train.best_guard_ceiling]
            if over:
                self.log(f"not kept as best: {', '.join(over)} over the ceiling {train.best_guard_ceiling}")
                return
        self.best = {"step": self.step, "tokens_seen": self.tokens_seen, "val_fill_loss_ema": loss,
                     "val_role_loss_ema": roles}
        if self.world.main:
            save_checkpoint(self.run_dir / "best.pt", self._record())
        self.log(f"best so far (EMA fill loss {loss:.4f}): {self.run_dir / 'best.pt'}")

    def train_step(self, batch) -> tuple[float, float]:
        train = self.config.train
        inputs, targets, weights = (t.to(self.device, non_blocking=True) for t in batch)
        lr = self.learning_rate(self.step)
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

    def _budget_text(self) -> str:
        train = self.config.train
        parts = [f"{train.max_tokens:,} tokens"] if train.max_tokens is not None else []
        parts += [f"{train.max_seconds:,.0f} s"] if train.max_seconds is not None else []
        return f", budget {' and '.join(parts)} (from step {self.origin['step']}, {self.elapsed:.0f} s used)" \
            if parts else ""

    def run(self, stop_after: int | None, stop_flag: dict) -> None:
        config, train = self.config, self.config.train
        self.run_dir.mkdir(parents=True, exist_ok=True)
        if self.world.main:  # so a background run can be stopped cleanly: kill -TERM $(cat RUN_DIR/train.pid)
            (self.run_dir / "train.pid").write_text(f"{os.getpid()}\n")
        end = self.end_step
        of = f"/{end}" if end < math.inf else ""  # a time budget alone: no last step
        self.log(f"{config.name}: {self.model.parameter_count():,} parameters, data {self.data_hash}, "
                 f"{self.world.size} process(es) on {self.device}, {train.data_workers} data worker(s), "
                 f"step {self.step}{of}{self._budget_text()}")
        last_step = end if stop_after is None else min(end, self.step + stop_after)
        per_step = train.batch_size * config.model.block_size * self.world.size
        window, started, first_step, used = [], time.perf_counter(), self.step, self.elapsed
        with Batches(self.corpus, config.data, self.datasets, config.seed, self.world.rank, train.batch_size,
                     config.model.block_size, train.data_workers) as batches:
            while self.step < last_step and not self.out_of_time():
                batch = batches.get(self.step)
                if self.step == first_step:  # the clock starts with the first batch in hand (workers started)
                    started = time.perf_counter()
                window.append(self.train_step(batch))
                if self.step % train.log_every == 0 or self.step == last_step:
                    loss, fill = (sum(v) / len(window) for v in zip(*window))
                    self.history["train"].append([self.step, self.tokens_seen, loss, fill])
                    seconds = time.perf_counter() - started
                    rate = (self.step - first_step) * per_step / seconds
                    eta = (end - self.step) * per_step / max(rate, 1)
                    if train.max_seconds is not None:
                        eta = min(eta, train.max_seconds - used - seconds)
                    self.log(f"step {self.step}{of} loss {loss:.4f} fill {fill:.4f} "
                             f"lr {self.learning_rate(self.step):.2e} {rate:,.0f} tok/s "
                             f"seen {self.tokens_seen / 1e6:.2f}M eta {max(eta, 0) / 3600:.2f}h")
                    window = []
                if self.step % train.eval_every == 0:
                    self.evaluate()
                stopping, self.elapsed = self.world.sync(stop_flag["signal"] is not None,
                                                         used + time.perf_counter() - started)
                if stopping or self.step % train.checkpoint_every == 0:
                    self.save()
                if stopping:
                    self.log(f"stopped by signal {stop_flag['signal']} at step {self.step}; checkpoint written")
                    return
        if self.out_of_time():
            self.log(f"time budget spent at step {self.step} ({self.elapsed:.0f} s)")
        elif self.step >= end and train.max_tokens is not None:
            self.log(f"token budget spent at step {self.step} ({self.tokens_seen:,} tokens seen)")
        if not self.history["val"] or self.history["val"][-1][0] != self.step:
            self.evaluate()
        self.save()
        self.log(json.dumps({"step": self.step, "tokens_seen": self.tokens_seen,
                             "checkpoint": str(self.checkpoint_path), "best": self.best}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, type=Path)
    parser.add_argument("--out-dir", help="run folder (default: the config's out_dir)")
    parser.add_argument("--datasets", type=Path, help="datasets folder (default: the config's)")
    parser.add_argument("--stop-after", type=int, help="stop (with a checkpoint) after this many steps of this run")
    parser.add_argument("--init-from", type=Path, metavar="FILE",
                        help="a run folder without a checkpoint starts from these weights (e.g. resources/composer.pt)")
    parser.add_argument("--device", choices=("cpu", "cuda", "auto"), help="overrides train.device")
    parser.add_argument("--data-workers", type=int, help="overrides train.data_workers")
    parser.add_argument("--max-tokens", type=int, help="overrides train.max_tokens (a token budget)")
    parser.add_argument("--max-seconds", type=float, help="overrides train.max_seconds (a wall-clock budget)")
    args = parser.parse_args(argv)
    stop_flag: dict = {"signal": None}

    def note_signal(number, _frame):
        stop_flag["signal"] = signal.Signals(number).name

    world, threads = World(), torch.get_num_threads()
    try:
        config = load_config(args.config)
        if args.out_dir:
            config = replace(config, out_dir=args.out_dir)
        overrides = {key: value for key, value in (("device", args.device), ("data_workers", args.data_workers),
                                                   ("max_tokens", args.max_tokens),
                                                   ("max_seconds", args.max_seconds)) if value is not None}
        if overrides:
            config = replace(config, train=replace(config.train, **overrides))
        world = start_world(resolve_device(config.train.device))
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
