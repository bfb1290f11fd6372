"""The losses training optimises and measures, shared with style learning and style measurement.

Why its own module: the training step, the validation pass, composer.style.learn (which fine-tunes on the
user's pieces) and composer.style.measure (which scores a style the way validation does) must compute the
loss in exactly the same way, fp32 cross-entropy under the same bf16 autocast and split by the role of the
lane filled, or their numbers could not be compared. Only torch and the token roles: importing it does not
pull in the trainer.
"""
from __future__ import annotations

from collections import defaultdict

import torch
import torch.nn.functional as F

from composer.training.roles import FILL_ROLES, packed_fill_roles


def token_losses(model, inputs, targets, bf16: bool) -> torch.Tensor:
    """Cross-entropy of every target token, (batch, block), in fp32 (bf16 autocast on the inputs' device)."""
    with torch.autocast(inputs.device.type, dtype=torch.bfloat16, enabled=bf16):
        logits = model(inputs)
    return F.cross_entropy(logits.float().view(-1, logits.shape[-1]), targets.reshape(-1),
                           reduction="none").view_as(targets)


def role_masks(inputs: torch.Tensor, targets: torch.Tensor) -> dict[str, torch.Tensor]:
    """For each fill role present, which targets of a batch are fill tokens of a lane of that role."""
    masks: dict[str, torch.Tensor] = {}
    for row, tokens in enumerate(torch.cat([inputs[:, :1], targets], dim=1).tolist()):
        for position, role in enumerate(packed_fill_roles(tokens)[1:]):
            if role is not None:
                masks.setdefault(role, torch.zeros(targets.shape, dtype=torch.bool))[row, position] = True
    return masks


def role_token_counts(masks: list[dict[str, torch.Tensor]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for roles in masks:
        for role, mask in roles.items():
            counts[role] += int(mask.sum().item())
    return {role: counts[role] for role in FILL_ROLES if role in counts}


@torch.no_grad()
def validation_losses(model, batches, masks, bf16: bool) -> tuple[float, dict[str, float]]:
    """(mean cross-entropy over the fill tokens (weight 1) of fixed validation batches, the same per
    role of the lane filled); `masks`: role_masks of each batch."""
    total = count = 0.0
    sums: dict[str, float] = defaultdict(float)
    for (inputs, targets, weights), roles in zip(batches, masks):
        losses = token_losses(model, inputs, targets, bf16)
        fill = weights == 1
        total += losses[fill].sum().item()
        count += fill.sum().item()
        for role, mask in roles.items():
            sums[role] += losses[mask].sum().item()
    return total / max(count, 1), {role: sums[role] / n for role, n in role_token_counts(masks).items()}
