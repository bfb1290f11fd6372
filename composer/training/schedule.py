"""The learning-rate schedule: linear warm-up, then a cosine down to `min_lr`.

Why its own module: the schedule is a pure function of the step (or of a budget's used fraction), so it can
be read, plotted and tested without a model. The Trainer decides which progress to feed it (steps, a token
budget or the clock) and when to warm up again (a fresh optimizer on trained weights).
"""
from __future__ import annotations

import math


def learning_rate(step: int, train, progress: float | None = None, origin: int = 0) -> float:
    """Linear warmup over `warmup_steps` from step `origin`, then cosine decay to `min_lr`: at `steps`,
    or, with a budget, as `progress` (the budget's used fraction) goes from 0 to 1."""
    if step - origin < train.warmup_steps:
        return train.lr * (step - origin + 1) / train.warmup_steps
    if progress is None:
        progress = (step - train.warmup_steps) / max(1, train.steps - train.warmup_steps)
    progress = min(1.0, max(0.0, progress))
    return train.min_lr + 0.5 * (train.lr - train.min_lr) * (1 + math.cos(math.pi * progress))
