"""Fixtures every test folder may use.

`proposal_checkpoint`: a real composer checkpoint (tests/composer/proposals/
tiny_proposals.json: the shipped model's context, 2 tiny layers) trained once
per session for the proposal, CLI and editor tests. (tests/composer has its own
`tiny_checkpoint`, a 12-step run that the training tests inspect.)

`datasets`: the shared training datasets (../shared/datasets beside the repo,
or $CADENZA_DATASETS). They are never copied into the repo. A developer's
machine without them skips the tests that need them, saying where it looked;
CI sets CADENZA_REQUIRE_DATASETS=1 so there a missing folder fails instead of
silently skipping.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from proposal_model import train_tiny

DATASETS = Path(os.environ.get("CADENZA_DATASETS", Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets"))


@pytest.fixture(scope="session")
def datasets() -> Path:
    if not (DATASETS / "pop909").is_dir():
        message = f"the shared datasets are not at {DATASETS.resolve()} (set CADENZA_DATASETS; see docs/DATA.md)"
        if os.environ.get("CADENZA_REQUIRE_DATASETS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return DATASETS


@pytest.fixture(scope="session")
def proposal_checkpoint(tmp_path_factory, datasets) -> Path:
    """The proposal tests' real, tiny checkpoint, trained once per test session (seconds)."""
    return train_tiny(tmp_path_factory, datasets)
