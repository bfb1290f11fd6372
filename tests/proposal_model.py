"""The proposal tests' model: a real tiny checkpoint trained in seconds, once per session.

The `proposal_checkpoint` fixture (tests/conftest.py) is what tests use; the
proposal, CLI and editor tests share the one training run.
"""
from __future__ import annotations

from pathlib import Path

CONFIG = Path(__file__).parent / "composer" / "proposals" / "tiny_proposals.json"


def train_tiny(tmp_path_factory, datasets) -> Path:
    """The session's tiny checkpoint (trained on first use)."""
    import torch

    from composer.train import main as train

    out = tmp_path_factory.getbasetemp() / "proposal-model"
    if not (out / "checkpoint.pt").exists():
        threads = torch.get_num_threads()
        torch.set_num_threads(1)  # tiny matrices: a second thread only waits (and the machine is shared)
        try:
            assert train(["--config", str(CONFIG), "--out-dir", str(out), "--datasets", str(datasets)]) == 0
        finally:
            torch.set_num_threads(threads)
    return out / "checkpoint.pt"
