"""The shipped model proposes exactly the same notes through the compiled decode step as through its modules.

benchmarks/bench_proposals.py --check-same checks more jobs and seeds; this keeps the two paths tied together.
"""
from __future__ import annotations

import pytest

from composer.proposals import Controls, Region, Task, decoding
from composer.proposals.compose import add_part_track
from composer.proposals.generate import propose
from composer.proposals.loader import DEFAULT_CHECKPOINT, load_model

MELODY, PIANO = 1, 3   # pop909_001.mid's melody and piano tracks


@pytest.fixture(scope="module")
def shipped(torch_threads):
    if not DEFAULT_CHECKPOINT.exists():
        pytest.skip(f"no shipped model at {DEFAULT_CHECKPOINT}")
    return load_model()


def _made(song, region, task, model, fused: bool, candidates: int = 2) -> list:
    decoding.FUSED_STEP = fused
    try:
        found = propose(song, region, task, Controls(candidates=candidates, seed=3), model)
    finally:
        decoding.FUSED_STEP = True
    return [(c.notes, c.chords, c.stats.tokens, c.stats.attempts) for c in found]


@pytest.mark.parametrize("task", [Task.MELODY, Task.CHORDS])
def test_a_shared_prompt_proposes_the_same(pop_song, shipped, task):
    region = Region(8, 11, (MELODY,) if task is Task.MELODY else ())
    assert _made(pop_song, region, task, shipped, True) == _made(pop_song, region, task, shipped, False)


def test_candidates_with_prompts_of_their_own_propose_the_same(pop_song, shipped):
    """Four tracks fill in passes; from the second on each candidate's prompt holds its own first pass."""
    song, bass = add_part_track(pop_song, "bass")
    song, drums = add_part_track(song, "drums")
    region = Region(8, 11, (MELODY, bass, PIANO, drums))
    assert _made(song, region, Task.FILL, shipped, True) == _made(song, region, Task.FILL, shipped, False)
