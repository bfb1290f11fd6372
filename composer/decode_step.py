"""One decode step of the composer model, compiled once with TorchScript: Composer.forward's ops, less Python.

Why: a step of this small model (one token per candidate) is ~200 tiny ops;
through nn.Module calls, the int8 Linear's own forward and Python's argument
parsing, each op costs more in the interpreter than in arithmetic. Run as one
TorchScript function the same ops dispatch from C++ (benchmarks/bench_proposals.py
times it beside the module path: the `_modules` columns).

Bit-identical: the same kernels on the same values in the same order (the int8
layers call the kernel their module calls, quantized::linear_dynamic with
reduce_range=True; q and k are rotated together, which is elementwise), so
the logits equal Composer.forward's exactly (tests/composer/test_model_step.py),
and a seed gives the same proposal either way.

Fallback: when TorchScript cannot compile this file (no source in a frozen
build, a torch without it) or the model's Linear layers are of another kind,
`DecodeStep` calls Composer.forward itself: slower, never different.
"""
from __future__ import annotations

import warnings
from functools import cache
from typing import List, Optional

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from composer.model import Composer, KVCache, RowSteps


def _product(x: Tensor, index: int, weights: List[Tensor],
             packed: List[torch.classes.quantized.LinearPackedParamsBase]) -> Tensor:
    """Linear layer `index` (qkv, proj, fc, fc proj of each block, then the head): fp32/bf16 or int8."""
    if len(packed) > 0:
        return torch.ops.quantized.linear_dynamic(x, packed[index], True)
    return F.linear(x, weights[index])


def _step(tokens: Tensor, keys: List[Tensor], values: List[Tensor], pos: int, end: int,
          slots: Optional[Tensor], visible: Optional[Tensor], cos: Tensor, sin: Tensor, embed: Tensor,
          norms: List[Tensor], eps: float, weights: List[Tensor],
          packed: List[torch.classes.quantized.LinearPackedParamsBase], n_head: int) -> Tensor:
    """Composer.forward(tokens[:, None], cache, pos, last_only=True)[:, -1], op for op.

    `slots`/`visible` (RowSteps) when each row is at its own position, else every row is at `pos`."""
    batch, width = tokens.size(0), embed.size(1)
    size = width // n_head
    half = size // 2
    x = F.embedding(tokens, embed)
    for layer in range(len(keys)):
        fused = _product(torch.layer_norm(x, [width], norms[2 * layer], None, eps), 4 * layer, weights, packed)
        fused = fused.view(batch, 3, n_head, size)
        a, b = fused[:, :2, :, :half], fused[:, :2, :, half:]       # q and k rotated together
        rotated = torch.cat((a * cos - b * sin, a * sin + b * cos), -1)
        q, k, v = rotated[:, 0].unsqueeze(2).contiguous(), rotated[:, 1], fused[:, 2]
        stored_keys, stored_values = keys[layer], values[layer]
        if slots is None:
            stored_keys[:, :, pos] = k
            stored_values[:, :, pos] = v
        else:
            stored_keys.view(-1, size).index_copy_(0, slots, k.reshape(-1, size))
            stored_values.view(-1, size).index_copy_(0, slots, v.reshape(-1, size))
        y = F.scaled_dot_product_attention(q, stored_keys[:, :, :end], stored_values[:, :, :end], attn_mask=visible)
        x = x + _product(y.transpose(1, 2).reshape(batch, width), 4 * layer + 1, weights, packed)
        hidden = _product(torch.layer_norm(x, [width], norms[2 * layer + 1], None, eps), 4 * layer + 2, weights, packed)
        x = x + _product(F.gelu(hidden, approximate="tanh"), 4 * layer + 3, weights, packed)
    return _product(torch.layer_norm(x, [width], norms[-1], None, eps), 4 * len(keys), weights, packed)


@cache
def _compiled():
    """The scripted `_step` (compiled once per process, ~30 ms), or None where TorchScript cannot do it."""
    try:
        with warnings.catch_warnings():  # torch.jit.script announces its deprecation; it works in this torch
            warnings.simplefilter("ignore")
            return torch.jit.script(_step)
    except Exception:  # noqa: BLE001 - any failure to compile means the module path, which is always there
        return None


def _int8_params(linear: nn.Module):
    """The packed weights a dynamic int8 Linear (version >= 4: reduce_range=True) multiplies by, else None."""
    packed = getattr(linear, "_packed_params", None)
    if packed is None or packed.dtype != torch.qint8 or getattr(linear, "version", 0) < 4:
        return None
    return packed._packed_params


class DecodeStep:
    """`step(tokens, cache, pos)`: next-token logits (B, vocab) for one token per row (B,) at `pos`.

    `pos`: an int (every row there) or a (B,) tensor (each row at its own position), as for Composer.forward.
    `compiled=False`: through Composer.forward's modules anyway (what the benchmark and the tests compare with).
    """

    def __init__(self, model: Composer, compiled: bool = True) -> None:
        self.model = model
        config = model.config
        self.n_head, self.limit = config.n_head, config.block_size
        linears = [layer for b in model.blocks for layer in (b.attn.qkv, b.attn.proj, b.mlp.fc, b.mlp.proj)]
        linears.append(model.head)
        norms = [n for b in model.blocks for n in (b.ln1, b.ln2)] + [model.ln_f]
        self.embed = model.embed.weight
        self.cos, self.sin = model.rope_cos.to(self.embed.dtype), model.rope_sin.to(self.embed.dtype)
        self.norms, self.eps = [n.weight for n in norms], norms[0].eps
        self.weights, self.packed = [], []
        if all(isinstance(m, nn.Linear) and m.bias is None for m in linears):
            self.weights = [m.weight for m in linears]
        else:
            self.packed = [_int8_params(m) for m in linears]
        plain_norms = all(n.bias is None and n.eps == self.eps and n.weight is not None for n in norms)
        usable = plain_norms and all(p is not None for p in self.packed)
        self.script = _compiled() if usable and compiled else None

    @torch.inference_mode()
    def warm_up(self) -> None:
        """Two steps on a scratch cache: TorchScript profiles a function's first runs and optimizes it after
        them (~50 ms, once per process), which the model's load should pay rather than the first proposal."""
        cache = KVCache(self.model.config, 1, 2, self.embed.dtype)
        for position in range(2):
            self(torch.zeros(1, dtype=torch.long), cache, position)

    @property
    def fused(self) -> bool:
        """False: this model steps through Composer.forward (TorchScript unavailable, or unusual layers)."""
        return self.script is not None

    def __call__(self, tokens: Tensor, cache: KVCache, pos: int | Tensor) -> Tensor:
        if self.script is None:
            return self.model(tokens[:, None], cache, pos, last_only=True)[:, -1]
        if cache.keys[0].dtype != self.embed.dtype:
            raise ValueError(f"a {cache.keys[0].dtype} cache for {self.embed.dtype} weights")
        batch, per_row = len(tokens), isinstance(pos, Tensor)
        if per_row and pos.shape != (batch,):
            raise ValueError("per-row positions take one token per row")
        end = int(pos.max()) + 1 if per_row else pos + 1
        if end > self.limit:
            raise ValueError(f"sequence of {end} tokens; the model takes at most {self.limit}")
        if per_row:
            rows = RowSteps.at(pos, self.n_head, cache.length)
            first, slots, visible = 0, rows.slots, rows.visible
            cos, sin = self.cos[pos].view(batch, 1, 1, -1), self.sin[pos].view(batch, 1, 1, -1)
        else:
            first, slots, visible = pos, None, None
            cos, sin = self.cos[pos], self.sin[pos]
        return self.script(tokens, cache.keys, cache.values, first, end, slots, visible, cos, sin, self.embed,
                           self.norms, self.eps, self.weights, self.packed, self.n_head)
