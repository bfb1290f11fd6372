"""Learn a style: the shipped composer adapted to a folder of the user's pieces, on the CPU, in minutes.

    result = learn_style("~/my cues", "My cues", progress=print)   # Progress(...) as it goes
    result.style.stats["heldout_loss_before"], result.style.stats["heldout_loss_after"]

The steps, each reusing what training does (composer/train.py, composer/training/):
read the folder (composer.style.pieces: roles as the importer gives them), hold
whole pieces out, measure the base model on them, train a small adapter
(composer.style.adapter) on windows built by training's example code with
training's loss, measure the styled model on the same held-out windows and
regions, and only then write the style file, atomically (composer.style.store).
Cancel (the `cancel` callable) or any error before that leaves every file as it
was. A style whose held-out loss did not improve is still written, and says so
(`stats["improved"]` False, and the summary line), rather than pretending.

Budget: the whole run aims to end within `total_seconds` (default 285: the
issue's 5 minutes, less a margin). The base model is measured first, and its
time says how long measuring the style will take (the same windows and
regions again); training gets what is left, at most `max_seconds`, or
`steps`, whichever ends first (the cosine learning rate follows the clock, as
a time-budget training run does). On a busy machine that means fewer steps,
not a late finish. Numbers for the issue's 20 pieces of 3 minutes: docs/STYLES.md.
"""
from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from os import PathLike
from pathlib import Path

import torch

from composer.checkpoint import load_model as load_checkpoint
from composer.proposals.loader import DEFAULT_CHECKPOINT, load_model
from composer.style.adapter import adapter_weights, attach
from composer.style.apply import merge
from composer.style.measure import heldout_batches, heldout_loss, proposal_stats
from composer.style.pieces import STYLE_DATA, PieceCorpus, read_folder, split
from composer.style.store import Style, StyleError, check_name, model_hash, save_style
from composer.train import token_losses
from composer.training.examples import BOS, make_batch


class StyleCancelled(StyleError):
    def __init__(self) -> None:
        super().__init__("learning cancelled; no style written")


@dataclass(frozen=True)
class LearnSettings:
    adapter: str = "lora"          # composer.style.adapter.KINDS
    rank: int = 8                  # LoRA
    alpha: float = 16.0            # LoRA: the update is scaled by alpha / rank
    blocks: int = 2                # `blocks`: how many top blocks train
    lr: float | None = None        # None: the adapter's measured default (LEARNING_RATES)
    steps: int = 400
    max_seconds: float = 180.0     # training time at most
    total_seconds: float = 285.0   # the whole run (reading, measuring, training, saving) aims to end by then
    batch_size: int = 4            # sequences of the base model's context (1,024 tokens) per step
    warmup_steps: int = 10
    heldout_sequences: int = 8
    cases: int = 8                 # held-out regions the proposals are measured on
    seed: int = 0
    threads: int = 2


LEARNING_RATES = {"lora": 2e-3, "blocks": 2e-4}


@dataclass(frozen=True)
class Progress:
    """What a progress display shows: `phase` (reading, measuring, learning, saving), the step, the smoothed
    training loss, the seconds spent and left (an estimate), and 0..1 overall."""

    phase: str
    step: int = 0
    steps: int = 0
    loss: float | None = None
    seconds: float = 0.0
    seconds_left: float | None = None
    fraction: float = 0.0


@dataclass(frozen=True)
class LearnResult:
    style: Style
    path: Path
    skipped: list[tuple[str, str]]
    seconds: float

    def summary(self) -> dict:
        """The one JSON line `cadenza learn-style` ends with."""
        stats = self.style.stats
        return {"style": self.style.name, "file": str(self.path), "pieces": stats["pieces"],
                "heldout_pieces": len(self.style.heldout), "skipped": len(self.skipped),
                "heldout_loss_before": stats["heldout_loss_before"], "heldout_loss_after": stats["heldout_loss_after"],
                "improved": stats["improved"], "steps": self.style.settings["steps_done"],
                "examples": self.style.settings["examples"], "train_seconds": self.style.settings["train_seconds"],
                "train_cpu_seconds": self.style.settings["train_cpu_seconds"], "seconds": round(self.seconds, 1)}


def learn_style(folder: str | PathLike[str], name: str, base: str | PathLike[str] | None = None,
                data_folder: str | PathLike[str] | None = None, settings: LearnSettings = LearnSettings(),
                progress: Callable[[Progress], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> LearnResult:
    """Learn and save the style `name` from the pieces in `folder` (see the module docstring).

    Raises StyleError (one line; StyleCancelled on cancel) or another CadenzaError; no file is written then."""
    started = time.perf_counter()
    name = check_name(name)
    base = Path(base) if base is not None else DEFAULT_CHECKPOINT
    report = progress or (lambda _: None)
    stop = cancel or (lambda: False)
    threads = torch.get_num_threads()
    torch.set_num_threads(settings.threads)
    try:
        report(Progress("reading"))
        found = read_folder(Path(folder).expanduser(), STYLE_DATA)
        if not found.pieces:
            raise StyleError(_nothing_usable(Path(folder), found.skipped))
        try:
            learned, heldout = split(found.pieces)
        except ValueError as error:
            raise StyleError(f"{folder}: {error}") from None
        model, _ = load_checkpoint(base)
        base_hash = model_hash(base)
        corpus = PieceCorpus(learned, heldout)
        block = model.config.block_size
        report(Progress("measuring", seconds=time.perf_counter() - started, fraction=0.02))
        measuring = time.perf_counter()
        batches = heldout_batches(corpus, STYLE_DATA, block, settings.heldout_sequences, settings.seed)
        before = heldout_loss(model, batches)
        product = proposal_stats({"base": load_model(base)}, heldout, settings.cases, settings.seed, stop)
        after_estimate = (time.perf_counter() - measuring) * 1.1 + 5   # the same work again, a merge, the save
        budget = min(settings.max_seconds, settings.total_seconds - (time.perf_counter() - started) - after_estimate)
        trained, steps_done, examples, timing = _train(model, corpus, replace(settings, max_seconds=max(budget, 1.0)),
                                                       block, report, stop, started)
        weights = {k: v.to(torch.bfloat16).float() for k, v in trained.items()}  # what the file will hold
        adapter = {"kind": settings.adapter, "rank": settings.rank, "alpha": settings.alpha, "blocks": settings.blocks}
        style = Style(name, base.name, base_hash, adapter, weights, _sources(found), [p.song_id for p in heldout],
                      {**asdict(settings), "steps_done": steps_done, "examples": examples, **timing}, {},
                      datetime.now(timezone.utc).isoformat(timespec="seconds"))
        report(Progress("measuring", steps_done, steps_done, seconds=time.perf_counter() - started, fraction=0.95))
        plain = merge(base, style, quantized=False).model
        after = heldout_loss(plain, batches)
        product = {**product, **proposal_stats({"styled": merge(base, style)}, heldout, settings.cases,
                                               settings.seed, stop)}   # the same regions and seeds as the base
        if stop():
            raise StyleCancelled()
        style = replace(style, stats={"pieces": len(found.pieces), "learned_pieces": len(learned),
                                      "heldout_loss_before": before, "heldout_loss_after": after,
                                      "improved": after < before, "proposals": product,
                                      "learn_seconds": round(time.perf_counter() - started, 1)})
        report(Progress("saving", steps_done, steps_done, seconds=time.perf_counter() - started, fraction=0.99))
        path = save_style(style, data_folder)
        return LearnResult(replace(style, path=path), path, found.skipped, time.perf_counter() - started)
    finally:
        torch.set_num_threads(threads)


def _train(model, corpus: PieceCorpus, settings: LearnSettings, block: int, report, stop, started: float):
    """Train the adapter in place; returns (its weights, steps done, examples seen, wall and CPU seconds)."""
    parameters = attach(model, settings.adapter, settings.rank, settings.alpha, settings.blocks, settings.seed)
    model.train()
    peak = settings.lr or LEARNING_RATES[settings.adapter]
    optimizer = torch.optim.AdamW(parameters, lr=peak, betas=(0.9, 0.95), weight_decay=0.0)
    clock, cpu = time.perf_counter(), time.process_time()
    smoothed, examples, step, last = None, 0, 0, 0.0
    while step < settings.steps:
        spent = time.perf_counter() - clock
        done = max(step / settings.steps, spent / settings.max_seconds)
        if done >= 1 or (step > 0 and spent + last > settings.max_seconds):   # a step that would end past it
            break
        began = time.perf_counter()
        if stop():
            raise StyleCancelled()
        rng = random.Random(f"{settings.seed}:style:{step}")
        inputs, targets, weights = make_batch(corpus, "train", STYLE_DATA, rng, settings.batch_size, block)
        examples += int((inputs == BOS).sum())  # every example starts with BOS, every sequence with an example
        lr = peak * min(1.0, (step + 1) / settings.warmup_steps) * (0.55 + 0.45 * math.cos(math.pi * done))
        for group in optimizer.param_groups:
            group["lr"] = lr
        losses = token_losses(model, inputs, targets, bf16=True)
        loss = (losses * weights).sum() / weights.sum()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        step += 1
        last = time.perf_counter() - began
        value = losses.detach()[weights == 1].mean().item()
        smoothed = value if smoothed is None else 0.8 * smoothed + 0.2 * value
        spent = time.perf_counter() - clock
        done = max(step / settings.steps, spent / settings.max_seconds)
        left = spent / done * (1 - done) if done > 0 else None
        report(Progress("learning", step, settings.steps, round(smoothed, 4), time.perf_counter() - started,
                        left, 0.05 + 0.85 * min(done, 1.0)))
    model.eval()
    timing = {"train_budget_seconds": round(settings.max_seconds, 1),
              "train_seconds": round(time.perf_counter() - clock, 1),
              "train_cpu_seconds": round(time.process_time() - cpu, 1)}   # CPU: what an idle machine would take
    return adapter_weights(model, settings.adapter, settings.blocks), step, examples, timing


def _nothing_usable(folder: Path, skipped: list[tuple[str, str]]) -> str:
    """The one line for a folder with no usable piece: empty, no music files, or why the music files failed."""
    if not skipped:
        return f"{folder}: no files to learn from (the folder is empty)"
    music = [(f, why) for f, why in skipped if why != "not a MIDI, MusicXML or Cadenza file"]
    if not music:
        return f"{folder}: no MIDI, MusicXML or Cadenza file among its {len(skipped)} file(s)"
    file, why = music[0]
    more = f" (and {len(music) - 1} more skipped)" if len(music) > 1 else ""
    return f"{folder}: no usable piece: {file}: {why}{more}"


def _sources(found) -> list[dict]:
    """Every file the folder gave, learned from or skipped (with its reason)."""
    return [{"file": p.song_id, "used": True} for p in found.pieces] + \
        [{"file": f, "used": False, "reason": why} for f, why in found.skipped]

