"""The composer's transformer: a small decoder-only model in one readable file (nanoGPT style).

Why this shape:
- Pre-norm blocks, causal self-attention through F.scaled_dot_product_attention
  (PyTorch picks its fastest CPU kernel), a GELU MLP, weight tying between
  the token embedding and the output head (a 572-token vocabulary makes the
  head a tenth of the model; tying saves it and regularizes).
- Rotary positions (RoPE), not learned ones: training packs several examples
  into one sequence, so an example may start at any offset; rotary attention
  depends on relative offsets only, so an example means the same wherever it
  sits, and a proposal starting at position 0 looks like training.
- No biases, no dropout: the corpus is augmented (transposition, random masks,
  random windows) far more than a few million parameters can memorize.
- `KVCache` decodes a batch of candidates at once: a prompt is run once with
  batch 1 and its keys/values broadcast (or `put`) into the rows of every
  candidate that continues it, then each step runs all K candidates together,
  so the weights are read from memory once per step for all of them (on CPU
  that read, not arithmetic, bounds decoding). Candidates whose prompts differ
  in length step together too: `pos` is then one position per row, each row's
  token is rotated by and stored at its own position, and its attention masks
  the cache beyond it (masked keys weigh exactly 0, whatever they hold).

Size: see composer/configs/*.json and docs/MODEL.md for the measurements that
chose it. Nothing here imports Qt; torch is imported by whoever loads this module,
which the app does lazily.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass(frozen=True)
class ModelConfig:
    vocab_size: int
    block_size: int = 1024   # longest sequence (prompt + fills) the model is trained on
    n_layer: int = 4
    n_head: int = 4
    n_embd: int = 256
    rope_base: float = 10000.0

    def to_dict(self) -> dict:
        return asdict(self)


class KVCache:
    """Keys and values of every layer for `batch` sequences of up to `length` tokens."""

    def __init__(self, config: ModelConfig, batch: int, length: int, dtype: torch.dtype = torch.float32) -> None:
        shape = (batch, config.n_head, length, config.n_embd // config.n_head)
        self.keys = [torch.zeros(shape, dtype=dtype) for _ in range(config.n_layer)]
        self.values = [torch.zeros(shape, dtype=dtype) for _ in range(config.n_layer)]
        self.length = length

    def put(self, rows: list[int], prompt: KVCache) -> None:
        """Copy a prompt run alone (`prompt`, a batch-1 cache exactly its length) into `rows` from position 0."""
        for mine, theirs in zip(self.keys + self.values, prompt.keys + prompt.values):
            mine[rows, :, :prompt.length] = theirs

    def reorder(self, rows: torch.Tensor) -> None:
        """Keep the candidates `rows` (e.g. after dropping or duplicating some)."""
        self.keys = [k[rows] for k in self.keys]
        self.values = [v[rows] for v in self.values]


@dataclass(frozen=True)
class RowSteps:
    """One token per row, each at its own position: where its key and value go and which keys it sees."""
    slots: torch.Tensor    # (B * n_head,) rows of the cache viewed as (B * n_head * length, head size)
    visible: torch.Tensor  # (B, 1, 1, end): key j is visible to row b when j <= its position
    end: int               # the furthest position + 1

    @staticmethod
    def at(pos: torch.Tensor, n_head: int, length: int) -> RowSteps:
        heads = torch.arange(len(pos) * n_head).view(len(pos), n_head)
        slots = (heads * length + pos[:, None]).flatten()
        end = int(pos.max()) + 1
        return RowSteps(slots, (torch.arange(end) <= pos[:, None]).view(len(pos), 1, 1, end), end)


def _rope_tables(config: ModelConfig) -> tuple[torch.Tensor, torch.Tensor]:
    half = config.n_embd // config.n_head // 2
    inv_freq = 1.0 / (config.rope_base ** (torch.arange(half, dtype=torch.float32) / half))
    angles = torch.outer(torch.arange(config.block_size, dtype=torch.float32), inv_freq)
    return angles.cos(), angles.sin()


def _rotate(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Rotary embedding on (B, H, T, D): the two halves of D are rotated by position-dependent angles."""
    a, b = x.chunk(2, dim=-1)
    return torch.cat((a * cos - b * sin, a * sin + b * cos), dim=-1)


class CausalSelfAttention(nn.Module):
    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.n_head = config.n_head
        self.qkv = nn.Linear(config.n_embd, 3 * config.n_embd, bias=False)
        self.proj = nn.Linear(config.n_embd, config.n_embd, bias=False)

    def forward(self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor,
                cache: KVCache | None = None, layer: int = 0, pos: int | RowSteps = 0) -> torch.Tensor:
        B, T, C = x.shape
        q, k, v = self.qkv(x).view(B, T, 3, self.n_head, C // self.n_head).permute(2, 0, 3, 1, 4)
        q, k = _rotate(q, cos, sin), _rotate(k, cos, sin)
        if cache is None:
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        elif isinstance(pos, RowSteps):  # one token per row, each at its own position
            for stored, new in ((cache.keys[layer], k), (cache.values[layer], v)):
                flat = stored.view(-1, stored.shape[-1])
                flat.index_copy_(0, pos.slots, new.reshape(-1, new.shape[-1]).to(stored.dtype))
            keys, values = cache.keys[layer][:, :, :pos.end], cache.values[layer][:, :, :pos.end]
            # masked keys weigh exactly 0: a row attends to its own keys only, whatever lies beyond them
            y = F.scaled_dot_product_attention(q, keys.to(q.dtype), values.to(q.dtype), attn_mask=pos.visible)
        else:
            # Batch 1 prompt into a batch-K cache broadcasts: every candidate shares the prompt.
            cache.keys[layer][:, :, pos:pos + T] = k
            cache.values[layer][:, :, pos:pos + T] = v
            if T == 1:
                keys, values = cache.keys[layer][:, :, :pos + 1], cache.values[layer][:, :, :pos + 1]
                y = F.scaled_dot_product_attention(q, keys.to(q.dtype), values.to(q.dtype))
            elif pos == 0:
                y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            else:
                raise ValueError("a cached forward takes either the whole prompt at 0 or one token")
        return self.proj(y.transpose(1, 2).reshape(B, T, C))


class MLP(nn.Module):
    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.fc = nn.Linear(config.n_embd, 4 * config.n_embd, bias=False)
        self.proj = nn.Linear(4 * config.n_embd, config.n_embd, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.proj(F.gelu(self.fc(x), approximate="tanh"))


class Block(nn.Module):
    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.ln1 = nn.LayerNorm(config.n_embd, bias=False)
        self.attn = CausalSelfAttention(config)
        self.ln2 = nn.LayerNorm(config.n_embd, bias=False)
        self.mlp = MLP(config)

    def forward(self, x, cos, sin, cache=None, layer=0, pos=0):
        x = x + self.attn(self.ln1(x), cos, sin, cache, layer, pos)
        return x + self.mlp(self.ln2(x))


class Composer(nn.Module):
    """Token ids (B, T) -> next-token logits (B, T, vocab)."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.config = config
        self.embed = nn.Embedding(config.vocab_size, config.n_embd)
        self.blocks = nn.ModuleList(Block(config) for _ in range(config.n_layer))
        self.ln_f = nn.LayerNorm(config.n_embd, bias=False)
        self.head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        self.head.weight = self.embed.weight  # weight tying
        cos, sin = _rope_tables(config)
        self.register_buffer("rope_cos", cos, persistent=False)
        self.register_buffer("rope_sin", sin, persistent=False)
        self.apply(self._init_weights)
        for name, param in self.named_parameters():
            if name.endswith("proj.weight"):  # residual projections scaled down by depth (GPT-2)
                nn.init.normal_(param, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layer))

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def parameter_count(self) -> int:
        return sum(p.numel() for p in self.parameters())  # the tied head counts once

    def forward(self, idx: torch.Tensor, cache: KVCache | None = None, pos: int | torch.Tensor = 0,
                last_only: bool = False) -> torch.Tensor:
        """`pos`: where `idx` starts in the cache; a (B,) tensor steps one token per row at each row's own position."""
        B, T = idx.shape
        per_row = isinstance(pos, torch.Tensor)
        if per_row and (cache is None or T != 1 or pos.shape != (B,)):
            raise ValueError("per-row positions take one token per row into a cache")
        end = int(pos.max()) + T if per_row else pos + T
        if end > self.config.block_size:
            raise ValueError(f"sequence of {end} tokens; the model takes at most {self.config.block_size}")
        x = self.embed(idx)
        if per_row:
            cos, sin = (table[pos].view(B, 1, 1, -1) for table in (self.rope_cos, self.rope_sin))
            pos = RowSteps.at(pos, self.config.n_head, cache.length)
        else:
            cos, sin = self.rope_cos[pos:pos + T], self.rope_sin[pos:pos + T]
        cos, sin = cos.to(x.dtype), sin.to(x.dtype)
        for layer, block in enumerate(self.blocks):
            x = block(x, cos, sin, cache, layer, pos)
        if last_only:
            x = x[:, -1:]
        return self.head(self.ln_f(x))
