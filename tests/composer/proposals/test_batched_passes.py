"""Candidates whose prompts differ (the later passes of a big region) decode as one batch, each as it would alone.

On the fp32 model: the int8 one quantizes a whole batch's activations with one
scale per Linear, so there a candidate's tokens depend a little on its batch
companions whatever the prompts (composer/proposals/decoding.py).
"""
from __future__ import annotations

import pytest

from composer.proposals import Controls, Region, Task, generate, propose
from composer.proposals.plan import make_plan

MELODY, BRIDGE, PIANO = 1, 2, 3   # pop909_001.mid's tracks
REGION = Region(8, 15, (MELODY, BRIDGE, PIANO))   # 8 bars x 3 tracks: more than one context holds


@pytest.fixture(scope="module")
def fp32_model(proposal_checkpoint):
    from composer.proposals.loader import load_model
    return load_model(proposal_checkpoint, quantized=False)


@pytest.fixture
def batches(monkeypatch):
    """How many candidates each decode call ran together, and whether their prompts differed."""
    seen = []

    def spy(model, prompt, writers, *args, **kwargs):
        seen.append((len(writers), len({tuple(p) for p in prompt})))
        return decode(model, prompt, writers, *args, **kwargs)
    decode = generate.decode
    monkeypatch.setattr(generate, "decode", spy)
    return seen


@pytest.mark.parametrize("seed", [5, 21])
def test_candidates_with_their_own_prompts_decode_together_as_they_would_alone(pop_song, fp32_model, batches, seed):
    plan = make_plan(pop_song, REGION, Task.FILL, Controls(), fp32_model.model.config.block_size)
    assert len(plan.passes) > 1
    together = propose(pop_song, REGION, Task.FILL, Controls(candidates=3, seed=seed), fp32_model)
    assert batches[:len(plan.passes)] == [(3, 1)] + [(3, 3)] * (len(plan.passes) - 1)  # one batch per pass
    alone = [propose(pop_song, REGION, Task.FILL, Controls(candidates=1, seed=seed + i), fp32_model)[0]
             for i in range(3)]
    assert [c.seed for c in together] == [seed, seed + 1, seed + 2]
    assert [c.notes for c in together] == [c.notes for c in alone]
    assert [c.stats.tokens for c in together] == [c.stats.tokens for c in alone]
    assert len({tuple(sorted(c.notes[MELODY])) for c in together}) == 3


def test_the_old_one_batch_per_prompt_way_gives_the_same_candidates(pop_song, fp32_model, batches, monkeypatch):
    batched = propose(pop_song, REGION, Task.FILL, Controls(candidates=3, seed=5), fp32_model)
    monkeypatch.setattr(generate, "ONE_BATCH", False)
    batches.clear()
    separate = propose(pop_song, REGION, Task.FILL, Controls(candidates=3, seed=5), fp32_model)
    assert (1, 1) in batches
    assert [c.notes for c in batched] == [c.notes for c in separate]
