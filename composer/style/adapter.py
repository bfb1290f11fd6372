"""The part of the composer a style changes: low-rank adapters (LoRA) or the top blocks.

Two kinds, both measured on the same pieces in docs/STYLES.md ("Which adapter"):

- `lora` (the default): every attention and MLP projection (`qkv`, `attn.proj`,
  `mlp.fc`, `mlp.proj`) of every block gets `W + (alpha / rank) * B @ A`, A
  (rank x in) seeded small, B (out x rank) zero, so learning starts exactly at
  the base model. Only A and B train: about 3% of the 6 x 320 model's weights,
  a style file under 1 MB, and the whole network still adapts a little.
- `blocks`: the last `blocks` transformer blocks and the final norm train in
  full, the rest stays frozen. More weights (10 MB a style for two blocks)
  and only the top of the network moves.

Either way the adapter is merged into a copy of the base weights once, when a
style is loaded (`merged_state`): the styled model has exactly the base
model's shape, so it is quantized and decoded like the shipped one and a
proposal with a style costs what one without costs.
"""
from __future__ import annotations

import math

import torch
from torch import nn

from composer.model import Composer

KINDS = ("lora", "blocks")
LORA_TARGETS = ("attn.qkv", "attn.proj", "mlp.fc", "mlp.proj")


class LoRALinear(nn.Module):
    """A frozen Linear plus a trainable low-rank update: y = base(x) + scale * x A^T B^T."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float, generator: torch.Generator) -> None:
        super().__init__()
        self.base = base
        self.scale = alpha / rank
        bound = 1 / math.sqrt(base.in_features)  # nn.Linear's own init range: A starts as a random projection
        self.lora_a = nn.Parameter((torch.rand(rank, base.in_features, generator=generator) * 2 - 1) * bound)
        self.lora_b = nn.Parameter(torch.zeros(base.out_features, rank))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_a.to(x.dtype).t() @ self.lora_b.to(x.dtype).t()) * self.scale


def attach(model: Composer, kind: str, rank: int = 8, alpha: float = 16.0, blocks: int = 2,
           seed: int = 0) -> list[nn.Parameter]:
    """Freeze `model` and give it a trainable adapter of `kind` in place; returns the parameters to train."""
    if kind not in KINDS:
        raise ValueError(f"adapter {kind!r}: choose {', '.join(KINDS)}")
    model.requires_grad_(False)
    if kind == "blocks":
        top = list(model.blocks)[-blocks:] + [model.ln_f]
        for module in top:
            module.requires_grad_(True)
        return [p for module in top for p in module.parameters()]
    generator = torch.Generator().manual_seed(seed)
    trained = []
    for block in model.blocks:
        for target in LORA_TARGETS:
            owner_name, name = target.split(".")
            owner = getattr(block, owner_name)
            wrapped = LoRALinear(getattr(owner, name), rank, alpha, generator)
            setattr(owner, name, wrapped)
            trained += [wrapped.lora_a, wrapped.lora_b]
    return trained


def adapter_weights(model: Composer, kind: str, blocks: int = 2) -> dict[str, torch.Tensor]:
    """What a style file stores: the trained tensors by name (LoRA's A and B, or the top blocks' weights)."""
    if kind == "lora":
        return {name: p.detach().clone() for name, p in model.named_parameters() if ".lora_" in name}
    first = len(model.blocks) - blocks
    return {name: p.detach().clone() for name, p in model.named_parameters()
            if name.startswith("ln_f.") or (name.startswith("blocks.") and int(name.split(".")[1]) >= first)}


def merged_state(base: dict[str, torch.Tensor], kind: str, weights: dict[str, torch.Tensor],
                 alpha: float = 16.0) -> dict[str, torch.Tensor]:
    """The base model's state dict with the adapter folded in (a new dict; `base` is not changed).

    Raises ValueError when the adapter does not fit the base (a name or shape it lacks)."""
    merged = dict(base)
    if kind == "blocks":
        for name, tensor in weights.items():
            _check_fits(base, name, tensor.shape)
            merged[name] = tensor.to(base[name].dtype)
        return merged
    if kind != "lora":
        raise ValueError(f"adapter kind {kind!r} is not one of {', '.join(KINDS)}")
    for name in sorted(n for n in weights if n.endswith(".lora_a")):
        prefix = name.removesuffix(".lora_a")
        a, b = weights[name].float(), weights.get(f"{prefix}.lora_b")
        target = f"{prefix}.weight"
        if b is None:
            raise ValueError(f"{prefix}: LoRA A without its B")
        _check_fits(base, target, (b.shape[0], a.shape[1]))
        merged[target] = (base[target].float() + (alpha / a.shape[0]) * (b.float() @ a)).to(base[target].dtype)
    return merged


def _check_fits(base: dict[str, torch.Tensor], name: str, shape) -> None:
    if name not in base or tuple(base[name].shape) != tuple(shape):
        raise ValueError(f"{name}: the base model has no weight of shape {tuple(shape)} there")
