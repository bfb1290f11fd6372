"""Threads: a proposal's prompt runs on the threads its caller gives torch, its steps on one, and torch's
count is put back afterwards (no global change leaks out of a proposal)."""
from __future__ import annotations

import pytest
import torch

from composer.proposals import Controls, Region, Task
from composer.proposals.decoding import DECODE_THREADS, torch_threads
from composer.proposals.generate import propose

MELODY = 1   # pop909_001.mid's melody track


def test_torch_threads_are_put_back_even_after_an_error():
    before = torch.get_num_threads()
    with torch_threads(before + 2):
        assert torch.get_num_threads() == before + 2
    assert torch.get_num_threads() == before
    with pytest.raises(RuntimeError), torch_threads(0):
        assert torch.get_num_threads() == 1   # never below one
        raise RuntimeError("a failed proposal")
    assert torch.get_num_threads() == before


def test_the_prompt_gets_the_callers_threads_and_the_steps_one(pop_song, tiny_model):
    prompt_threads, step_threads = [], []
    hook = tiny_model.model.register_forward_pre_hook(lambda module, args: prompt_threads.append(
        torch.get_num_threads()))   # Composer.forward runs the prompt; the steps run compiled

    def cancel() -> bool:   # asked before every step
        step_threads.append(torch.get_num_threads())
        return False

    before = torch.get_num_threads()
    try:
        with torch_threads(3):
            propose(pop_song, Region(8, 9, (MELODY,)), Task.MELODY, Controls(candidates=2, seed=1), tiny_model,
                    cancel)
            assert torch.get_num_threads() == 3
    finally:
        hook.remove()
    assert torch.get_num_threads() == before
    assert prompt_threads and set(prompt_threads) == {3}
    assert step_threads and set(step_threads) == {DECODE_THREADS}
