"""Grammar-constrained sampling of fills: K candidates at once, seeded, temperature and top-p.

    model, info = composer.checkpoint.load_model(path)
    prompt = composer.sampling.prompt_ids(grid, mask, bars)      # context up to SEP
    fills = sample_fills(model, prompt, candidates=4, seed=7)    # K token lists after SEP
    decoded = [decode(prompt + f) for f in fills]                # .fills {(bar, lane): events}

Every step, each candidate's `FillGrammar` says which tokens may come next
(composer/grammar.py), user constraints narrow that (composer/constraints.py),
everything else gets probability 0, then temperature and nucleus (top-p)
sampling pick one token per candidate from one seeded generator. So every
candidate decodes, with exactly the masked cells in order, whatever the
weights. The prompt is run once (batch 1) and shared through the KV cache; the
K candidates then decode as one batch, reading the weights once per step.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

import torch

from composer.grammar import FillGrammar
from composer.model import Composer, KVCache
from composer.tokens.decode import Decoded, decode
from composer.tokens.encode import encode
from composer.tokens.grid import Grid
from composer.tokens.vocab import VOCAB

SEP, PAD = VOCAB.id("SEP"), VOCAB.id("PAD")
_CLOSING_MARGIN = 4  # one token can add at most 3 to the tokens needed to finish (a POS opens a note)


def prompt_ids(grid: Grid, mask: Collection[tuple[int, int | str]], bars: range | None = None) -> list[int]:
    """The context of an infill: `encode(grid, mask, bars)` up to and including SEP."""
    ids = encode(grid, mask, bars)
    return ids[:ids.index(SEP) + 1]


def _pick(logits: torch.Tensor, allowed: torch.Tensor, temperature: float, top_p: float,
          generator: torch.Generator) -> torch.Tensor:
    """One token per row among the allowed ones: greedy at temperature 0, else nucleus sampling."""
    logits = logits.float().masked_fill(~allowed, float("-inf"))
    if temperature <= 0:
        return logits.argmax(-1)
    probs = torch.softmax(logits / temperature, dim=-1)
    if top_p < 1.0:
        sorted_probs, order = probs.sort(dim=-1, descending=True)
        outside = sorted_probs.cumsum(-1) - sorted_probs >= top_p  # keep the smallest set reaching top_p
        sorted_probs = sorted_probs.masked_fill(outside, 0.0)
        probs = torch.zeros_like(probs).scatter_(-1, order, sorted_probs)
    return torch.multinomial(probs, 1, generator=generator).squeeze(-1)


def _allowed(grammar: FillGrammar, remaining: int, constraints: Sequence) -> torch.Tensor:
    grammar.closing = remaining <= grammar.tokens_to_finish() + _CLOSING_MARGIN
    mask = grammar.allowed()
    if constraints:
        narrowed = mask.clone()
        for constraint in constraints:
            constraint.restrict(grammar.state, narrowed)
        if narrowed.any():
            mask = narrowed
    return mask


@torch.inference_mode()
def sample_fills(model: Composer, prompt: list[int], candidates: int = 1, temperature: float = 1.0,
                 top_p: float = 0.95, seed: int = 0, constraints: Sequence = ()) -> list[list[int]]:
    """`candidates` fill sequences (the tokens after SEP, each ending with the last FILL_END).

    ValueError when the prompt does not decode, does not end with SEP, or leaves
    no room in the model's context for the fills.
    """
    if not prompt or prompt[-1] != SEP:
        raise ValueError("a prompt ends with SEP (see prompt_ids)")
    context = decode(prompt)
    grammars = [FillGrammar(context) for _ in range(candidates)]
    limit = model.config.block_size
    if len(prompt) + grammars[0].tokens_to_finish() + _CLOSING_MARGIN > limit:
        raise ValueError(f"the window takes {len(prompt)} tokens; with its fills it must fit in {limit}: "
                         "use fewer bars or lanes of context")
    dtype = next(model.parameters()).dtype
    cache = KVCache(model.config, candidates, limit, dtype)
    logits = model(torch.tensor([prompt]), cache, 0, last_only=True)[:, -1].expand(candidates, -1)
    generator = torch.Generator().manual_seed(seed)
    fills: list[list[int]] = [[] for _ in range(candidates)]
    position = len(prompt)
    while True:
        allowed = torch.zeros(candidates, len(VOCAB), dtype=torch.bool)
        for k, grammar in enumerate(grammars):
            if grammar.done:
                allowed[k, PAD] = True  # finished candidates idle along (their tokens are dropped)
            else:
                allowed[k] = _allowed(grammar, limit - position, constraints)
        tokens = _pick(logits, allowed, temperature, top_p, generator)
        for k, grammar in enumerate(grammars):
            if not grammar.done:
                token = int(tokens[k])
                grammar.advance(token)
                fills[k].append(token)
        if all(g.done for g in grammars):
            return fills
        logits = model(tokens.view(candidates, 1), cache, position)[:, -1]
        position += 1


def infill(model: Composer, grid: Grid, mask: Collection[tuple[int, int | str]], bars: range | None = None,
           candidates: int = 1, temperature: float = 1.0, top_p: float = 0.95, seed: int = 0,
           constraints: Sequence = ()) -> list[Decoded]:
    """Encode the window, sample `candidates` fills, decode each: `.fills[(window bar, lane index)]` are the events."""
    prompt = prompt_ids(grid, mask, bars)
    fills = sample_fills(model, prompt, candidates, temperature, top_p, seed, constraints)
    return [decode(prompt + fill) for fill in fills]
