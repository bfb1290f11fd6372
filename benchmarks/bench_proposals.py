"""Benchmark: proposal latency and decoding speed, weight formats and thread counts side by side.

    nice -n 10 .venv/bin/python benchmarks/bench_proposals.py [--model PATH | --models A,B,...] [--rounds 5] \
        [--variants int8_t1,fp32_t1] [--jobs melody_8_bars,...] [--per-prompt] [--check-same SEEDS]

Prints one JSON object: model start-up (checkpoint load) apart; then per
variant (fp32, bf16 weights, dynamic int8 Linear layers; `_t1`/`_t2`: the
torch threads a proposal is given, which its prompt runs on (the steps run on
decoding.DECODE_THREADS, one); a `_modules` suffix: every step through
Composer.forward's nn.Modules instead of the compiled composer.decode_step,
so `int8_t2_modules` decodes as the shipped code did before that step and
before the editor gave proposals every core but one):
raw KV-cached decoding tokens/s (on the steps' one thread) at batch 1 and batch 4 (600-token prompt,
128 new tokens), and the median latency of real proposals on POP909 song 001
(tests/data/midi): an 8-bar melody, 8 bars of chords, and an 8-bar 4-track
arrangement (melody, bass, accompaniment, drums at once), one candidate each,
plus 4 candidates of the melody and 4 of the arrangement as one batch (the
arrangement takes two passes: from the second on each candidate's prompt
holds its own first pass). `--per-prompt` also times every proposal the old
way, one batch per distinct prompt (the arrangement's later passes one
candidate after another), as `<job>_per_prompt_s`. Variants alternate inside
every round so machine noise (2 shared cores) hits all alike. The default model is
the shipped resources/composer.pt, else the composer-8m training run's latest
checkpoint. `--models A,B` times several checkpoints in one run: every
(checkpoint, variant) pair is a column, named `<checkpoint stem>/<variant>`, and
all of them alternate inside every round the same way; load times are given
per checkpoint. Every job also gets `<job>_cpu_s`, the process's CPU seconds:
on a shared machine the wall time includes waiting for other processes, CPU
time much less so. `--check-same N` times nothing: it makes every job with
seeds 0..N-1 through the fused step and through the modules (int8 and fp32)
and prints how many proposals came out the same (notes, chords, tokens).
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
from benchmarks.bench_proposal_quality import model_labels
from composer.decode_step import DecodeStep
from composer.model import KVCache
from composer.proposals import Controls, Region, Task, decoding, generate
from composer.proposals.compose import add_part_track
from composer.proposals.generate import propose
from composer.proposals.loader import (
    DEFAULT_CHECKPOINT,
    clear_cache,
    load_model,
    quantize,
)
from composer.tokens.vocab import VOCAB
from engine.files import load_song_file

SONG = Path(__file__).resolve().parents[1] / "tests" / "data" / "midi" / "pop909_001.mid"
RUN_CHECKPOINT = Path("~/.cache/cadenza/runs/composer-8m/checkpoint.pt").expanduser()
MELODY, BRIDGE, PIANO = 1, 2, 3


def variants(model) -> dict:
    int8 = quantize(model)
    bf16 = type(model)(model.config)
    bf16.load_state_dict(model.state_dict())
    bf16 = bf16.to(torch.bfloat16).eval()
    return {"fp32_t1": (model, 1, True), "fp32_t2": (model, 2, True), "bf16_t1": (bf16, 1, True),
            "int8_t1": (int8, 1, True), "int8_t2": (int8, 2, True), "fp32_t1_modules": (model, 1, False),
            "int8_t1_modules": (int8, 1, False), "int8_t2_modules": (int8, 2, False)}


@torch.inference_mode()
@decoding.torch_threads(decoding.DECODE_THREADS)
def decode_rate(model, batch: int, fused: bool, prompt: int = 600, new: int = 128) -> float:
    step = DecodeStep(model, compiled=fused)
    dtype = torch.bfloat16 if next(model.parameters()).dtype == torch.bfloat16 else torch.float32
    cache = KVCache(model.config, batch, prompt + new, dtype)
    ids = torch.randint(0, len(VOCAB), (1, prompt), generator=torch.Generator().manual_seed(0))
    token = model(ids, cache, 0, last_only=True)[:, -1].argmax(-1).expand(batch).contiguous()
    start = time.perf_counter()
    for position in range(prompt, prompt + new):
        token = step(token, cache, position).argmax(-1)
    return batch * new / (time.perf_counter() - start)


def jobs(song) -> dict:
    arranged, bass = add_part_track(song, "bass")
    arranged, drums = add_part_track(arranged, "drums")
    return {
        "melody_8_bars": (song, Region(8, 15, (MELODY,)), Task.MELODY, 1),
        "chords_8_bars": (song, Region(8, 15), Task.CHORDS, 1),
        "arrangement_8_bars_4_tracks": (arranged, Region(8, 15, (MELODY, bass, PIANO, drums)), Task.FILL, 1),
        "melody_8_bars_4_candidates": (song, Region(8, 15, (MELODY,)), Task.MELODY, 4),
        "arrangement_8_bars_4_tracks_4_candidates": (arranged, Region(8, 15, (MELODY, bass, PIANO, drums)), Task.FILL,
                                                     4),
    }


def _proposal(job: tuple, seed: int, model, fused: bool) -> list:
    target, region, task, k = job
    decoding.FUSED_STEP = fused
    try:
        return propose(target, region, task, Controls(candidates=k, seed=seed), model)
    finally:
        decoding.FUSED_STEP = True


def check_same(song, models: dict, seeds: int) -> dict:
    """Per weight format: proposals that are the same through the fused step as through the modules."""
    def made(found):
        return [(c.notes, c.chords, c.stats.tokens, c.stats.attempts) for c in found]
    report = {}
    for name, (model, threads, _) in models.items():
        cases = [(job, seed) for job in jobs(song).values() for seed in range(seeds)]
        with decoding.torch_threads(threads):
            same = sum(made(_proposal(job, seed, model, True)) == made(_proposal(job, seed, model, False))
                       for job, seed in cases)
        report[name] = {"proposals": len(cases), "same": same}
    return report


def _load_quantized(path: Path) -> float:
    clear_cache()
    return load_model(path).seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="checkpoint (default: resources/composer.pt, else the 3M run's)")
    parser.add_argument("--models", help="comma-separated checkpoints timed side by side (alternating every round)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--variants", help="comma-separated subset of fp32_t1,fp32_t2,bf16_t1,int8_t1,int8_t2,"
                                           "fp32_t1_modules,int8_t1_modules,int8_t2_modules (default all)")
    parser.add_argument("--jobs", help="comma-separated subset of the jobs (default all)")
    parser.add_argument("--check-same", type=int, metavar="SEEDS",
                        help="only check that the fused step and the modules make the same proposals")
    parser.add_argument("--per-prompt", action="store_true",
                        help="also time the proposals with one batch per distinct prompt (the old way)")
    args = parser.parse_args(argv)
    if args.model and args.models:
        parser.error("--model and --models: give one of them")
    if args.models:
        paths = [Path(p) for p in args.models.split(",")]
    else:
        paths = [args.model or (DEFAULT_CHECKPOINT if DEFAULT_CHECKPOINT.exists() else RUN_CHECKPOINT)]
    names = model_labels(paths)
    song = load_song_file(SONG).song
    checkpoints, models = {}, {}
    for label, path in names.items():
        clear_cache()
        loaded = load_model(path, quantized=False)
        checkpoints[label] = {"model": str(path), "parameters": loaded.info["parameters"], "step": loaded.info["step"],
                              "load_s": round(loaded.seconds, 3), "load_and_quantize_s": round(_load_quantized(path), 3)}
        found = variants(loaded.model)
        if args.variants:
            found = {name: found[name] for name in args.variants.split(",")}
        for name, entry in found.items():  # one checkpoint keeps its old column names
            models[name if len(names) == 1 else f"{label}/{name}"] = entry
    if args.check_same:
        formats = {name: entry for name, entry in models.items() if name.split("/")[-1] in ("int8_t1", "fp32_t1")}
        print(json.dumps({**next(iter(checkpoints.values())), "seeds": args.check_same,
                          "same_proposals": check_same(song, formats, args.check_same)}, indent=1))
        return 0
    todo = jobs(song)
    if args.jobs:
        todo = {job: todo[job] for job in args.jobs.split(",")}
    ways = {"": True, "_per_prompt": False} if args.per_prompt else {"": True}
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in models}
    tokens: dict[str, dict[str, list[int]]] = {name: {} for name in models}
    for round_number in range(args.rounds):
        for name, (model, threads, fused) in models.items():
            for batch in (1, 4):
                samples[name].setdefault(f"decode_tok_s_batch{batch}", []).append(
                    decode_rate(model, batch, fused))
            decoding.FUSED_STEP = fused
            for job, (target, region, task, k) in todo.items():
                for suffix, one_batch in ways.items():
                    generate.ONE_BATCH = one_batch
                    started, cpu = time.perf_counter(), time.process_time()
                    with decoding.torch_threads(threads):
                        found = propose(target, region, task, Controls(candidates=k, seed=round_number), model)
                    samples[name].setdefault(f"{job}{suffix}_s", []).append(time.perf_counter() - started)
                    samples[name].setdefault(f"{job}{suffix}_cpu_s", []).append(time.process_time() - cpu)
                    if one_batch:
                        tokens[name].setdefault(job, []).append(sum(c.stats.tokens for c in found))
                generate.ONE_BATCH = True
    report = {name: {k: round(statistics.median(v), 3) for k, v in s.items()} for name, s in samples.items()}
    # Tokens a proposal writes depend on the checkpoint (and, a little, on the weight format): per column.
    per_proposal = {name: {job: statistics.median(t) for job, t in jobs_tokens.items()}
                    for name, jobs_tokens in tokens.items()}
    header = next(iter(checkpoints.values())) if len(checkpoints) == 1 else {"checkpoints": checkpoints}
    print(json.dumps({
        **header, "rounds": args.rounds,
        "median_tokens_per_proposal": per_proposal,
        "variants": report,
        "targets": {"melody_8_bars_s": 0.3, "arrangement_8_bars_4_tracks_s": 1.5,   # issue 12
                    "arrangement_8_bars_4_tracks_4_candidates_s": 3.0},
    }, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
