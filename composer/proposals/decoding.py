"""KV-cached, batched, constrained decoding: K candidates as one batch, of one prompt or of their own.

Each distinct prompt is run once (batch 1) and its keys/values copied into the
cache rows of the candidates that continue it (composer.model.KVCache); then
each step runs all unfinished candidates together, so the weights are read
once per step for all of them (reading weights, not arithmetic, bounds
decoding on a CPU). Prompts of different lengths (the later passes of a
region, where each candidate's prompt holds its own earlier fills) step at one
position per row: a row's token sits where it would alone and its attention
sees only its own keys, so a row's logits are those it would get alone, up to
float rounding (tests/composer/proposals/test_batched_passes.py: the same
tokens as one candidate at a time, fp32). The int8 model is the exception, as
it was for a shared prompt: its Linear layers quantize the whole batch's
activations with one scale, so a candidate's tokens depend a little on the
candidates decoded beside it (still the same for the same seed and inputs). Each
candidate has its own `FillWriter` (what may come next) and its own seeded
numpy generator, so a candidate depends only on its seed and the inputs.
Cancellation is checked before every step. The steps run through
composer.decode_step (the model's ops compiled once with TorchScript, the same
logits bit for bit, about half the time of a step through the modules).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import torch

from composer.decode_step import DecodeStep
from composer.model import Composer, KVCache
from composer.proposals.grammar import FillWriter
from composer.proposals.spec import ProposalCancelled

DECODE_THREADS = 1  # one step is ~200 small ops: a second thread adds waiting, not speed (bench_proposals.py)
FUSED_STEP = True  # False: every step through Composer.forward's modules (bench_proposals.py times both)


@contextmanager
def torch_threads(count: int) -> Iterator[None]:
    """torch's thread count at `count` (at least 1) inside the block, and back to what it was after it.

    A proposal's prompt is one pass of large matrix products, which more cores do speed up: it runs on the
    threads its caller gives it this way (the editor: every core but the UI's, or the user's setting; the
    command line: torch's default), its steps on DECODE_THREADS. The count is torch's, shared by the thread
    (OpenMP) or the process, so whoever changes it puts it back."""
    before = torch.get_num_threads()
    torch.set_num_threads(max(1, count))
    try:
        yield
    finally:
        torch.set_num_threads(before)


def sample(logits: np.ndarray, mask: np.ndarray, bias: np.ndarray | None, temperature: float, top_p: float,
           rng: np.random.Generator) -> int:
    """One token among `mask`, by temperature and nucleus (top-p) sampling over the allowed ones."""
    allowed = np.flatnonzero(mask)
    if len(allowed) == 1:
        return int(allowed[0])
    values = logits[allowed].astype(np.float64)
    if bias is not None:
        values = values + bias[allowed]
    values = (values - values.max()) / temperature
    probs = np.exp(values)
    probs /= probs.sum()
    if top_p < 1.0:
        order = np.argsort(-probs, kind="stable")
        keep = np.cumsum(probs[order]) - probs[order] < top_p
        kept = order[keep]
        probs_kept = probs[kept] / probs[kept].sum()
        return int(allowed[kept[rng.choice(len(kept), p=probs_kept)]])
    return int(allowed[rng.choice(len(allowed), p=probs)])


def decode(model: Composer, prompt: list[int] | list[list[int]], writers: list[FillWriter],
           rngs: list[np.random.Generator], temperature: float, top_p: float,
           should_stop: Callable[[], bool] | None = None, on_token: Callable[[], None] | None = None) -> float:
    """Run every writer to its end; returns the seconds it took. Raises ProposalCancelled when told to stop.

    `prompt`: the tokens every writer continues, or a list of one prompt per writer.
    The prompt runs on torch's thread count as the caller left it (see `torch_threads`), the steps on one.
    """
    started = time.perf_counter()
    prompts = prompt if prompt and isinstance(prompt[0], (list, tuple)) else [prompt] * len(writers)
    active = [i for i, w in enumerate(writers) if not w.done]
    if not active:
        return time.perf_counter() - started
    prompt_threads = torch.get_num_threads()
    with torch_threads(DECODE_THREADS):
        _run(model, [prompts[i] for i in active], writers, rngs, temperature, top_p, should_stop, on_token, active,
             prompt_threads)
    return time.perf_counter() - started


def _prefill(model: Composer, prompts: list[list[int]], cache: KVCache) -> np.ndarray:
    """Run each distinct prompt once into the rows that continue it; the next-token logits of every row."""
    rows: dict[tuple[int, ...], list[int]] = {}
    for row, prompt in enumerate(prompts):
        rows.setdefault(tuple(prompt), []).append(row)
    logits = np.empty((len(prompts), model.config.vocab_size), dtype=np.float32)
    for prompt, members in rows.items():
        alone = KVCache(model.config, 1, len(prompt), cache.keys[0].dtype)
        logits[members] = model(torch.tensor([prompt]), alone, 0, last_only=True)[0, -1].float().numpy()
        cache.put(members, alone)
    return logits


def _run(model, prompts, writers, rngs, temperature, top_p, should_stop, on_token, active, prompt_threads) -> None:
    length = min(model.config.block_size, max(len(p) + writers[i].budget + 1 for p, i in zip(prompts, active)))
    cache = KVCache(model.config, len(active), length, next(model.parameters()).dtype)
    with torch.inference_mode():
        with torch_threads(prompt_threads):
            logits = _prefill(model, prompts, cache)
        step = DecodeStep(model, compiled=FUSED_STEP)
        positions = [len(p) for p in prompts]
        while active:
            if should_stop is not None and should_stop():
                raise ProposalCancelled()
            tokens = []
            for row, i in enumerate(active):
                writer = writers[i]
                choice = writer.next_choice()
                token = choice.forced if choice.forced is not None else sample(
                    logits[row], choice.mask, choice.bias, temperature * choice.temperature_factor, top_p, rngs[i])
                writer.feed(token)
                tokens.append(token)
            if on_token is not None:
                on_token()
            still = [row for row, i in enumerate(active) if not writers[i].done]
            if not still:
                break
            if len(still) < len(active):  # drop finished candidates from the batch
                cache.reorder(torch.tensor(still))
                positions = [positions[row] for row in still]
                tokens = [tokens[row] for row in still]
                active = [active[row] for row in still]
            if max(positions) >= length:
                raise RuntimeError("fill grammar: token budget overrun")  # the writers keep to their budget
            shared = min(positions) == max(positions)  # one position: the plain (unmasked) step
            at = positions[0] if shared else torch.tensor(positions)
            logits = step(torch.tensor(tokens), cache, at).float().numpy()
            positions = [p + 1 for p in positions]
