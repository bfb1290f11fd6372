"""Benchmark: composer model sizes side by side, training (fp32 vs bf16 autocast) and KV-cached decoding.

    nice -n 10 .venv/bin/python benchmarks/bench_model.py [--sizes 4x192 4x256 6x256] [--steps 6]

    nice -n 10 .venv/bin/python benchmarks/bench_model.py --infill resources/composer.pt [--threads 1]

Prints one JSON object: per size (layers x width), parameters, training tokens/s
(forward + backward + AdamW step on random tokens, batch x block) in fp32 and
in bf16 autocast with their ratio, and decoding: the prompt (prefill) time and
tokens/s for 1 and for K candidates decoded as one batch (fp32 weights and bf16
weights), the steps through composer.decode_step as proposals run them. Sizes
alternate inside each measurement round so machine noise (2 shared cores) hits
all alike; medians over the rounds.

With --infill CHECKPOINT it times real proposals instead: 8 bars of POP909
song 001's melody masked, the other lanes of those 8 bars as context,
K = 1 and K = 4 candidates through the product's constrained decoder with
structural rules only (composer/proposals/window_rules.py; prompt tokens,
generated tokens, seconds, median of --rounds).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from composer.decode_step import DecodeStep
from composer.model import Composer, KVCache, ModelConfig
from composer.tokens.vocab import VOCAB

DEFAULT_DATASETS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets").resolve()


def train_rate(model: Composer, batch: int, block: int, bf16: bool, steps: int) -> float:
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    data = torch.randint(0, len(VOCAB), (batch, block + 1))
    times = []
    for _ in range(steps + 1):
        start = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            logits = model(data[:, :-1])
        loss = torch.nn.functional.cross_entropy(logits.float().view(-1, logits.shape[-1]), data[:, 1:].reshape(-1))
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        times.append(time.perf_counter() - start)
    return batch * block / statistics.median(times[1:])


@torch.inference_mode()
def decode_rate(model: Composer, prompt: int, new: int, candidates: int) -> tuple[float, float]:
    """(prefill seconds, generated tokens/s over all candidates), the steps compiled as proposals decode them."""
    dtype = next(model.parameters()).dtype
    cache = KVCache(model.config, candidates, prompt + new, dtype)
    step = DecodeStep(model)
    ids = torch.randint(0, len(VOCAB), (1, prompt))
    start = time.perf_counter()
    logits = model(ids, cache, 0, last_only=True)
    prefill = time.perf_counter() - start
    token = logits[:, -1].argmax(-1).expand(candidates).contiguous()
    start = time.perf_counter()
    for position in range(prompt, prompt + new):
        token = step(token, cache, position).argmax(-1)
    return prefill, candidates * new / (time.perf_counter() - start)


def infill_times(checkpoint: Path, datasets: Path, rounds: int) -> dict:
    from composer.checkpoint import load_model
    from composer.data import pop909
    from composer.proposals.window_rules import fill_window, window_prompt
    from composer.tokens import song_grid
    from composer.training.windows import window

    model, info = load_model(checkpoint)
    grid = window(song_grid(pop909.convert(datasets / "pop909" / "001").song), 20, 8)
    melody = next(i for i, lane in enumerate(grid.lanes) if lane.role == "melody")
    cells = {(b, melody) for b in range(8)}
    report = {"checkpoint": str(checkpoint), "step": info["step"], "prompt_tokens": len(window_prompt(grid, cells))}
    for k in (1, 4):
        times, generated = [], 0
        for seed in range(rounds):
            start = time.perf_counter()
            writers = fill_window(model, grid, cells, candidates=k, seed=seed)
            times.append(time.perf_counter() - start)
            generated = max(generated, max(len(w.ids) for w in writers))
        report[f"k{k}"] = {"seconds_median": round(statistics.median(times), 3), "longest_fill_tokens": generated}
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", default=["4x192", "4x256", "6x256"], help="LAYERSxWIDTH")
    parser.add_argument("--steps", type=int, default=5, help="training steps per measurement")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--block", type=int, default=1024)
    parser.add_argument("--prompt", type=int, default=600)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--candidates", type=int, default=4)
    parser.add_argument("--infill", type=Path, help="time real proposals with this checkpoint instead")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--threads", type=int)
    args = parser.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    if args.infill:
        print(json.dumps(infill_times(args.infill, args.datasets, max(args.rounds, 3)), indent=1))
        return 0
    torch.manual_seed(0)
    models = {}
    for size in args.sizes:
        layers, width = (int(x) for x in size.split("x"))
        models[size] = ModelConfig(len(VOCAB), args.block, layers, width // 64, width)
    samples: dict[str, dict[str, list[float]]] = {s: {} for s in models}
    for _ in range(args.rounds):
        for size, config in models.items():
            model = Composer(config)
            for name, value in (("train_fp32", train_rate(model, args.batch, args.block, False, args.steps)),
                                ("train_bf16", train_rate(model, args.batch, args.block, True, args.steps))):
                samples[size].setdefault(name, []).append(value)
            model.eval()
            for dtype in (torch.float32, torch.bfloat16):
                model.to(dtype)
                for k in (1, args.candidates):
                    prefill, rate = decode_rate(model, args.prompt, args.new, k)
                    tag = f"{'bf16' if dtype == torch.bfloat16 else 'fp32'}_k{k}"
                    samples[size].setdefault(f"prefill_s_{tag}", []).append(prefill)
                    samples[size].setdefault(f"decode_tok_s_{tag}", []).append(rate)
    report = {}
    for size, config in models.items():
        medians = {name: round(statistics.median(v), 3) for name, v in samples[size].items()}
        medians["bf16_over_fp32_train"] = round(medians["train_bf16"] / medians["train_fp32"], 2)
        report[size] = {"parameters": Composer(config).parameter_count(), **medians}
    print(json.dumps({"batch": args.batch, "block": args.block, "prompt": args.prompt, "new": args.new,
                      "candidates": args.candidates, "threads": torch.get_num_threads(), "sizes": report}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
