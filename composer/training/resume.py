"""How a Trainer picks up earlier work: its own run folder's checkpoint, or another run's weights.

Why its own module: the two ways in have different rules and both are easy to get subtly wrong. Resuming
(`_resume`) must be exact: the same experiment and data hash are required, and the optimizer, RNG, budget
origin, elapsed time and best-so-far all come back, so the resumed run draws the batches it would have drawn.
Starting from other weights (`_start_from`, the --init-from option) only needs the same `model` section: other
data or seed is logged, a shorter vocabulary is grown, and the optimizer starts fresh and warms up again.
Each fills in a freshly built Trainer's state before its first step, so they are its methods, kept here.
"""
from __future__ import annotations

from pathlib import Path

import torch

from composer.checkpoint import grow_record, model_from_record, read_checkpoint, read_checkpoint_for_growth
from composer.tokens.vocab import VOCAB
from composer.training.config import ConfigError


class Resuming:
    """The Trainer's ways in (composer.train.Trainer mixes this in; it owns every attribute used here)."""

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
        """Weights from another run: the same `model` section is all it needs (data, seed and data hash may
        differ: fine-tuning on other data), and a vocabulary that is a prefix of this one is grown."""
        record = read_checkpoint_for_growth(path)
        differs = self.config.same_experiment(record["config"], keys=("model",))
        if differs:
            raise ConfigError(f"{path}: another model ({differs}); --init-from needs the same 'model' section")
        notes = self.config.differences(record["config"], keys=("data", "seed"))
        if record["data_hash"] != self.data_hash:
            notes.append(f"data hash {record['data_hash']} in the checkpoint, {self.data_hash} now")
        if len(record["vocab"]) < len(VOCAB):
            notes.append(f"vocabulary grown from {len(record['vocab'])} to {len(VOCAB)} tokens")
            record = grow_record(record, seed=self.config.seed)
        for note in notes:
            self.log(f"init from {path}: {note}")
        weights = model_from_record(record, path).state_dict()
        self.model.load_state_dict(weights)
        self.ema.load_state_dict(weights)
        self.step, self.tokens_seen = record["step"], record["tokens_seen"]
        if record["data_hash"] == self.data_hash:  # other data: its losses were measured on other sequences
            self.history = record.get("history") or self.history
        self.rewarm_from = self.step
        self.origin = {"step": self.step, "tokens": self.tokens_seen}
        self.log(f"started from {path} at step {self.step} ({self.tokens_seen:,} tokens seen); "
                    "fresh optimizer")

    def _resume(self) -> None:
        """Carry on the run whose checkpoint is in the run folder, exactly where it stopped (optimizer and RNG too)."""
        record = self._same_experiment(self.checkpoint_path)
        self.model.load_state_dict(record["model"])
        self.ema.load_state_dict(record["ema"])
        self.optimizer.load_state_dict(record["optimizer"])
        self.step, self.tokens_seen, self.history = record["step"], record["tokens_seen"], record["history"]
        self.rewarm_from = record.get("rewarm_from")
        self.origin = record.get("origin") or self._origin_before_budgets()
        self.elapsed = record.get("elapsed_seconds", 0.0)
        self.best = record.get("best")
        torch.set_rng_state(record["torch_rng"])
        self.log(f"resumed {self.checkpoint_path} at step {self.step} "
                    f"({self.tokens_seen:,} tokens seen)")

    def _origin_before_budgets(self) -> dict:
        """Where a run folder whose checkpoint predates budgets began (its --init-from step, if any)."""
        per_step = self.config.train.batch_size * self.config.model.block_size * self.world.size
        start = self.rewarm_from or 0
        return {"step": start, "tokens": max(0, self.tokens_seen - (self.step - start) * per_step)}
