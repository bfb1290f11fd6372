"""Composer proposals: fill a region (bars x tracks) with constrained, checked candidates.

What the editor and the command line call:

    from composer.proposals import Controls, Region, Task, propose, load_model
    candidates = propose(song, Region(4, 11, (melody_id,)), Task.MELODY, Controls(candidates=4, seed=7))
    document.apply(candidates[0].to_edit(document.song))     # one undo step

Importing this package does not import torch: `Region`, `Controls`, `Task`
and `Candidate` are plain data; `propose` and `load_model` load torch and the
model on their first call (the editor's start-up never pays for them).
See docs/PROPOSALS.md.
"""
from __future__ import annotations

from composer.proposals.candidate import Candidate, CandidateStats
from composer.proposals.spec import (
    Controls,
    ProposalCancelled,
    ProposalError,
    Region,
    Task,
)


def propose(song, region, task, controls=None, model=None, cancel=None, progress=None) -> list[Candidate]:
    """See composer.proposals.generate.propose (imported here on first use, with torch)."""
    from composer.proposals.generate import propose as run
    return run(song, region, task, controls, model, cancel, progress)


def load_model(path=None, quantized=True):
    """See composer.proposals.loader.load_model: the shipped model (or `path`), cached per process."""
    from composer.proposals.loader import load_model as load
    return load(path, quantized)


__all__ = ["Candidate", "CandidateStats", "Controls", "ProposalCancelled", "ProposalError", "Region", "Task",
           "load_model", "propose"]
