"""`python -m composer.evaluate CHECKPOINT`: held-out numbers for a checkpoint, as one JSON object.

    nice -n 10 .venv/bin/python -m composer.evaluate resources/composer.pt [--windows 60] [--threads 1] \
        [--data-config composer/configs/composer_3m.json]

Two checkpoints evaluated with the same --data-config and seed are scored on
the same windows, whatever data each was trained on: that is how the shipped
model and its predecessor are compared (docs/MODEL.md).

On the validation split (songs the model never trained on), seeded, a few minutes:
- loss: cross-entropy (nats/token) of the fill tokens per role, for the model
  and for a smoothed 4-gram over the same tokens fitted on training windows
  (composer/ngram.py), on the same validation windows (drawn like training
  windows: every mask policy, transposed);
- infill: windows of up to 8 bars (no transposition) with a run of 1-4 bars of
  one pitched lane masked, filled by the model through the product's
  constrained decoder with structural rules only (composer/proposals/
  window_rules.py: the grammar, single-line melody and bass, no key, no
  range, no density); grammar validity (every sample decodes with exactly the masked
  cells: must be 1.0), then in-key rate, chord-tone rate on strong beats,
  density and range (composer/metrics.py) for the model, the ground truth and
  a random-in-key baseline, side by side.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import torch
import torch.nn.functional as F

from composer.checkpoint import load_model, read_checkpoint_for_growth
from composer.metrics import CellScores, random_in_key_cell
from composer.ngram import NGram
from composer.proposals.window_rules import fill_window, window_prompt
from composer.tokens.decode import decode
from composer.tokens.vocab import MAX_TRACKS, VOCAB
from composer.training.config import config_from_dict, load_config
from composer.training.examples import Corpus, encoded_length, sample_example
from composer.training.roles import fill_roles
from composer.training.windows import window
from engine.errors import CadenzaError

__all__ = ["fill_roles", "role_losses"]  # fill_roles lives in composer/training/roles.py (training uses it too)


def role_losses(examples: list[list[int]], token_losses) -> dict:
    """Mean loss per fill role (and over all fill tokens); token_losses(ids) gives one loss per ids[1:]."""
    sums, counts = defaultdict(float), defaultdict(int)
    for ids in examples:
        roles = fill_roles(ids)[1:]
        for loss, role in zip(token_losses(ids), roles):
            if role is not None:
                for name in (role, "all_fill_tokens"):
                    sums[name] += loss
                    counts[name] += 1
    return {name: {"loss": round(sums[name] / counts[name], 4), "tokens": counts[name]} for name in sorted(sums)}


@torch.inference_mode()
def model_token_losses(model):
    def losses(ids: list[int]) -> list[float]:
        tokens = torch.tensor([ids])
        logits = model(tokens[:, :-1])
        return F.cross_entropy(logits[0].float(), tokens[0, 1:], reduction="none").tolist()
    return losses


def infill_windows(corpus: Corpus, data, rng: random.Random, count: int, block_size: int):
    """(window grid, masked cells as (bar, lane index)) from validation songs with a pitched lane:
    up to 8 bars (fewer when the context would leave under a quarter of the model's context for the fills)."""
    songs = [s for source, pool in sorted(corpus.songs["validation"].items()) if data.sources.get(source) for s in pool]
    found = []
    for _ in range(50 * count):
        if len(found) == count:
            return found
        song = rng.choice(songs)
        grid = corpus.grid(song)
        pitched = [] if grid is None else [i for i, l in enumerate(grid.lanes) if not l.is_chords and not l.drums]
        if not pitched:
            continue
        lanes = [i for i, l in enumerate(grid.lanes) if l.is_chords] + \
                [i for i, l in enumerate(grid.lanes) if not l.is_chords][:MAX_TRACKS]
        lane = lanes.index(rng.choice([i for i in pitched if i in lanes]))
        costs = corpus.cell_costs(song, grid)
        for bars in range(min(8, grid.bar_count), 0, -1):
            start = rng.randint(0, grid.bar_count - bars)
            span = rng.randint(1, min(4, bars))
            first = rng.randint(0, bars - span)
            masked = {(b, lane) for b in range(first, first + span)}
            cut = window(grid, start, bars, lanes)
            if encoded_length(cut, [[costs[start + b][i] for i in lanes] for b in range(bars)], masked) \
                    <= block_size * 3 // 4:
                found.append((cut, masked))
                break
    raise ValueError(f"found only {len(found)} of {count} validation windows with a pitched lane that fit")


def evaluate_infill(model, windows, temperature: float, top_p: float, seed: int) -> dict:
    scores = {"model": CellScores(), "ground_truth": CellScores(), "random_in_key": CellScores()}
    valid = 0
    rng = random.Random(f"{seed}:random-in-key")
    for n, (grid, masked) in enumerate(windows):
        (writer,) = fill_window(model, grid, masked, 1, temperature, top_p, seed + n)
        try:  # the writer's own bookkeeping is not trusted: its tokens are parsed after the prompt
            decoded = decode(window_prompt(grid, masked) + writer.ids)
        except ValueError:
            continue
        if list(decoded.fills) != decoded.masked or set(decoded.masked) != masked:
            continue
        valid += 1
        masked_bars = {b for b, _ in masked}
        for bar, lane in decoded.masked:
            truth = grid.cells[bar][lane]
            scores["model"].add(grid, bar, lane, decoded.fills[bar, lane], truth)
            scores["ground_truth"].add(grid, bar, lane, truth, truth)
            scores["random_in_key"].add(grid, bar, lane, random_in_key_cell(grid, bar, lane, masked_bars, rng), truth)
    return {"windows": len(windows), "grammar_validity": round(valid / max(len(windows), 1), 4),
            **{name: s.summary() for name, s in scores.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("--datasets", type=Path, help="datasets folder (default: the checkpoint config's)")
    parser.add_argument("--examples", type=int, default=150, help="validation windows for the losses")
    parser.add_argument("--ngram-examples", type=int, default=2000, help="training windows the 4-gram is fitted on")
    parser.add_argument("--windows", type=int, default=60, help="validation windows to infill")
    parser.add_argument("--temperature", type=float, default=1.0, help="sampling temperature, > 0 (default 1.0)")
    parser.add_argument("--top-p", type=float, default=0.95)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, help="torch threads (1 is much faster while training shares the CPU)")
    parser.add_argument("--data-config", type=Path, metavar="CONFIG",
                        help="draw the windows from this training config's data section (default: the "
                             "checkpoint's own), so checkpoints trained on other data are scored on the same windows")
    args = parser.parse_args(argv)
    if args.temperature <= 0 or not 0 < args.top_p <= 1:
        parser.error("--temperature must be > 0 and --top-p in (0, 1]")
    if args.threads:
        torch.set_num_threads(args.threads)
    started = time.perf_counter()
    try:
        model, info = load_model(args.checkpoint)
        config = load_config(args.data_config) if args.data_config else \
            config_from_dict(read_checkpoint_for_growth(args.checkpoint)["config"])
    except CadenzaError as error:
        print(f"composer.evaluate: {error}", file=sys.stderr)
        return 2
    # Windows as a request arrives today: no STYLE in the header (a model trained before styles never saw one),
    # and the grooves as played (drum variation is a training-time augmentation).
    config = replace(config, data=replace(config.data, style_dropout=1.0, drum_augment=0.0))
    corpus = Corpus(config.data, args.datasets)
    block = model.config.block_size
    rng = random.Random(f"{args.seed}:losses")
    examples = [sample_example(corpus, "validation", config.data, rng, block).ids for _ in range(args.examples)]
    rng = random.Random(f"{args.seed}:ngram")
    ngram = NGram(4, len(VOCAB)).fit(sample_example(corpus, "train", config.data, rng, block).ids
                                     for _ in range(args.ngram_examples))
    report = {"checkpoint": str(args.checkpoint), "step": info["step"], "tokens_seen": info["tokens_seen"],
              "parameters": info["parameters"], "data_hash": info["data_hash"], "seed": args.seed,
              "loss": {"validation_windows": len(examples), "model": role_losses(examples, model_token_losses(model)),
                       "ngram4": role_losses(examples, ngram.token_losses)}}
    windows = infill_windows(corpus, config.data, random.Random(f"{args.seed}:infill"), args.windows, block)
    report["infill"] = {"temperature": args.temperature, "top_p": args.top_p,
                        **evaluate_infill(model, windows, args.temperature, args.top_p, args.seed)}
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
