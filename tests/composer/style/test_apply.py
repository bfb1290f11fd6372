"""A learned style in use: the merged model equals base + adapter, proposes, is cached, and is refused (one line)
when missing, broken, or learned on another base model."""
from __future__ import annotations

import pytest
import torch


@pytest.fixture(scope="module")
def learned(tmp_path_factory, proposal_checkpoint):
    """A style learned once for this module from real MIDI files: (data folder, style)."""
    from composer.style.learn import LearnSettings, learn_style
    from tests.composer.style.style_files import copy_pieces

    root = tmp_path_factory.mktemp("styles")
    folder = copy_pieces(root / "pieces")
    settings = LearnSettings(steps=2, batch_size=1, heldout_sequences=1, cases=1, threads=1)
    return root / "data", learn_style(folder, "Mine", proposal_checkpoint, root / "data", settings).style


def test_merged_weights_compute_what_the_adapter_computes(proposal_checkpoint):
    from composer.checkpoint import load_model
    from composer.style.adapter import adapter_weights, attach, merged_state

    adapted, _ = load_model(proposal_checkpoint)
    base_state = {k: v.clone() for k, v in adapted.state_dict().items()}
    attach(adapted, "lora", rank=4, alpha=8.0, seed=1)
    with torch.no_grad():
        for name, param in adapted.named_parameters():
            if name.endswith("lora_b"):
                param.normal_(0, 0.05, generator=torch.Generator().manual_seed(hash(name) % 1000))
    merged, _ = load_model(proposal_checkpoint)
    merged.load_state_dict(merged_state(base_state, "lora", adapter_weights(adapted, "lora"), alpha=8.0))
    ids = torch.randint(0, adapted.config.vocab_size, (1, 64), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        plain = load_model(proposal_checkpoint)[0](ids)
        assert torch.allclose(adapted(ids), merged(ids), atol=1e-4)
        assert not torch.allclose(plain, merged(ids), atol=1e-3)   # the adapter did change something


def test_a_styled_model_proposes_and_is_merged_once(learned, proposal_checkpoint):
    from composer.proposals import Controls, Region, Task, propose
    from composer.style.apply import styled_model
    from engine.files import load_song_file
    from tests.composer.style.style_files import MIDI

    folder, style = learned
    model = styled_model("Mine", proposal_checkpoint, folder)
    assert styled_model("Mine", proposal_checkpoint, folder) is model
    assert model.info["style"] == "Mine" and model.info["weights"] == "int8-dynamic"
    song = load_song_file(MIDI / "pop909_001.mid").song
    melody = next(t.id for t in song.tracks if t.role.value == "melody")
    (candidate,) = propose(song, Region(4, 7, (melody,)), Task.MELODY, Controls(seed=3), model)
    assert candidate.notes


def test_a_style_learned_on_another_base_model_is_refused(learned, tmp_path, proposal_checkpoint):
    from composer.checkpoint import read_checkpoint, save_checkpoint
    from composer.style.apply import styled_model
    from composer.style.store import StyleError

    folder, _ = learned
    record = read_checkpoint(proposal_checkpoint)
    other = tmp_path / "retrained.pt"
    save_checkpoint(other, {**record, "step": record["step"] + 1})   # the same shape, other bytes
    with pytest.raises(StyleError) as caught:
        styled_model("Mine", other, folder)
    assert "learned on another composer model" in str(caught.value) and "\n" not in str(caught.value)


def test_missing_and_broken_styles_are_one_line(learned, tmp_path, proposal_checkpoint):
    from composer.style.apply import styled_model
    from composer.style.store import StyleError

    folder, _ = learned
    with pytest.raises(StyleError, match=r"no style called 'Nope'.*styles: Mine"):
        styled_model("Nope", proposal_checkpoint, folder)
    broken = folder / "styles" / "Broken.cadenza-style"
    broken.write_bytes((folder / "styles" / "Mine.cadenza-style").read_bytes()[:2000])
    with pytest.raises(StyleError, match="not a readable style file"):
        styled_model("Broken", proposal_checkpoint, folder)
    broken.unlink()
