"""A proposal may say what the piece is: the STYLE token the model was trained with, in every pass's prompt."""
from __future__ import annotations

import pytest
import torch

from composer.checkpoint import read_checkpoint, weights_checksum
from composer.proposals import Controls, ProposalError, Region, Task
from composer.proposals.generate import propose
from composer.proposals.plan import fill_reserve, make_plan, pass_grid, pass_prompt
from composer.tokens.vocab import VOCAB


def _prompt(song, controls):
    melody = song.tracks[0].id
    plan = make_plan(song, Region(8, 11, (melody,)), Task.MELODY, controls, 1024)
    this_pass = plan.passes[0]
    grid = pass_grid(plan, {}, this_pass)
    return pass_prompt(plan, grid, this_pass, fill_reserve(plan, this_pass))[0]


def test_the_style_is_said_in_the_prompt_header(pop_song):
    said = _prompt(pop_song, Controls(style="folk"))
    unsaid = _prompt(pop_song, Controls())
    assert VOCAB.name(said[4]) == "STYLE_folk"
    assert said[:4] + said[5:] == unsaid
    assert not any(VOCAB.name(t).startswith("STYLE_") for t in unsaid)


def test_an_unknown_style_is_a_one_line_error():
    with pytest.raises(ProposalError, match="style 'jazz'"):
        Controls(style="jazz")


def test_a_model_trained_before_styles_refuses_one(pop_song, proposal_checkpoint, tmp_path):
    """A checkpoint of the v1 vocabulary (no STYLE rows) loads, but is never handed a style it never saw."""
    record = read_checkpoint(proposal_checkpoint)
    old = VOCAB.groups["STYLE"].start

    def cut(weights):
        return None if weights is None else {k: (v[:old].clone() if k in ("embed.weight", "head.weight") else v)
                                             for k, v in weights.items()}

    v1 = {**record, "vocab": record["vocab"][:old], "vocab_version": 1,
          "model_config": {**record["model_config"], "vocab_size": old},
          "model": cut(record["model"]), "ema": cut(record.get("ema"))}
    v1["weights_sha256"] = weights_checksum(v1)  # its own weights' checksum, as save_checkpoint wrote it
    torch.save(v1, tmp_path / "v1.pt")
    melody = pop_song.tracks[0].id
    with pytest.raises(ProposalError, match="trained before styles"):
        propose(pop_song, Region(8, 8, (melody,)), Task.MELODY, Controls(style="pop"), tmp_path / "v1.pt")
    (take,) = propose(pop_song, Region(8, 8, (melody,)), Task.MELODY, Controls(seed=1), tmp_path / "v1.pt")
    assert take.ticks[1] > take.ticks[0]
