"""The loss curve of a run as a PNG: training and validation fill loss against tokens seen.

Drawn from the history a checkpoint carries, so it can be redrawn for any
checkpoint. matplotlib is imported here, lazily, with the Agg backend (no
display, no Qt): training runs headless and in the background.
"""
from __future__ import annotations

from pathlib import Path

from engine.atomic import atomic_write_via


def plot_history(history: dict, path: Path, title: str) -> None:
    """history: {'train': [[step, tokens, loss, fill_loss], ...], 'val': [[step, tokens, fill_loss, ema_fill_loss], ...]}."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 4.5), dpi=100)
    train, val = history.get("train", []), history.get("val", [])
    if train:
        axes.plot([r[1] / 1e6 for r in train], [r[3] for r in train], lw=0.8, alpha=0.7, label="train (fill tokens)")
    if val:
        axes.plot([r[1] / 1e6 for r in val], [r[2] for r in val], "o-", ms=3, label="validation (fill tokens)")
        axes.plot([r[1] / 1e6 for r in val], [r[3] for r in val], "s-", ms=3, label="validation, EMA weights")
    axes.set_xlabel("tokens seen (millions)")
    axes.set_ylabel("cross-entropy (nats/token)")
    axes.set_title(title)
    axes.grid(alpha=0.3)
    axes.legend()
    figure.tight_layout()
    atomic_write_via(path, lambda temp: figure.savefig(temp, format="png"))
    plt.close(figure)
