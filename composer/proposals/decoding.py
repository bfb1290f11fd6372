"""KV-cached, batched, constrained decoding: K candidates of one prompt as one batch.

The prompt is run once (batch 1) and its keys/values broadcast into every
candidate's cache row (composer.model.KVCache); then each step runs all
unfinished candidates together, so the weights are read once per step for all
of them (reading weights, not arithmetic, bounds decoding on a CPU). Each
candidate has its own `FillWriter` (what may come next) and its own seeded
numpy generator, so a candidate depends only on its seed and the inputs.
Cancellation is checked before every step.
"""
from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import torch

from composer.model import Composer, KVCache
from composer.proposals.grammar import FillWriter
from composer.proposals.spec import ProposalCancelled

DECODE_THREADS = 1  # one step is ~100 small ops: a second thread adds waiting, not speed (bench_proposals.py)


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


def decode(model: Composer, prompt: list[int], writers: list[FillWriter], rngs: list[np.random.Generator],
           temperature: float, top_p: float, should_stop: Callable[[], bool] | None = None,
           on_token: Callable[[], None] | None = None) -> float:
    """Run every writer to its end; returns the seconds it took. Raises ProposalCancelled when told to stop."""
    started = time.perf_counter()
    dtype = next(model.parameters()).dtype
    budget = max(w.budget for w in writers)
    length = min(model.config.block_size, len(prompt) + budget + 1)
    cache = KVCache(model.config, len(writers), length, dtype)
    active = [i for i, w in enumerate(writers) if not w.done]
    threads = torch.get_num_threads()
    torch.set_num_threads(DECODE_THREADS)
    try:
        _run(model, prompt, writers, rngs, temperature, top_p, should_stop, on_token, cache, length, active)
    finally:
        torch.set_num_threads(threads)
    return time.perf_counter() - started


def _run(model, prompt, writers, rngs, temperature, top_p, should_stop, on_token, cache, length, active) -> None:
    with torch.inference_mode():
        logits = model(torch.tensor([prompt]), cache, 0, last_only=True)[:, -1].float().numpy()
        logits = np.repeat(logits, len(writers), axis=0)
        position = len(prompt)
        while active:
            if should_stop is not None and should_stop():
                raise ProposalCancelled()
            tokens = []
            for row, i in enumerate(active):
                writer = writers[i]
                choice = writer.next_choice()
                token = choice.forced if choice.forced is not None else sample(
                    logits[row], choice.mask, choice.bias, temperature, top_p, rngs[i])
                writer.feed(token)
                tokens.append(token)
            if on_token is not None:
                on_token()
            still = [row for row, i in enumerate(active) if not writers[i].done]
            if not still:
                break
            if len(still) < len(active):  # drop finished candidates from the batch
                keep = torch.tensor(still)
                cache.reorder(keep)
                tokens = [tokens[row] for row in still]
                active = [active[row] for row in still]
            if position >= length:
                raise RuntimeError("fill grammar: token budget overrun")  # the writers keep to their budget
            step = torch.tensor(tokens).view(len(active), 1)
            logits = model(step, cache, position, last_only=True)[:, -1].float().numpy()
            position += 1
