"""The composer's threads come from the machine (every core but the UI's) or the user's setting, per job."""
from __future__ import annotations

import os

import torch

from app.proposals.job import THREADS_KEY, composer_threads, load_composer
from app.settings import settings


def _all_but_one() -> int:
    return max(1, len(os.sched_getaffinity(0)) - 1)


def test_every_core_but_the_uis_unless_the_user_says_otherwise():
    assert composer_threads() == _all_but_one()
    settings().setValue(THREADS_KEY, 3)
    assert composer_threads() == 3
    for unusable in ("many", 0, -2):
        settings().setValue(THREADS_KEY, unusable)
        assert composer_threads() == _all_but_one()


def test_loading_the_composer_leaves_torchs_thread_count_as_it_was(proposal_checkpoint):
    before = torch.get_num_threads()
    settings().setValue(THREADS_KEY, before + 1)
    assert load_composer(str(proposal_checkpoint)) is not None
    assert torch.get_num_threads() == before
