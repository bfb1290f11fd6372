"""Constrained sampling: every candidate decodes, in canonical form, with exactly the masked cells; seeds,
budgets and user constraints hold whatever the weights (a trained tiny model and an untrained one)."""
import random

import pytest
import torch

from composer.checkpoint import load_model
from composer.constraints import FixedControls, gm_drums, in_key
from composer.model import Composer, ModelConfig
from composer.sampling import infill, prompt_ids, sample_fills
from composer.tokens import CHORD_LANE, VOCAB, decode, song_grid
from composer.tokens.encode import cell_tokens
from composer.training.masks import MASK_POLICIES, make_mask
from composer.training.windows import window
from engine.keys import Key

FILL_END = VOCAB.id("FILL_END")


@pytest.fixture(scope="module")
def trained(tiny_checkpoint):
    return load_model(tiny_checkpoint)[0]


@pytest.fixture(scope="module")
def untrained(torch_threads):
    torch.manual_seed(1)
    return Composer(ModelConfig(len(VOCAB), block_size=1024, n_layer=1, n_head=2, n_embd=32)).eval()


@pytest.fixture(scope="module")
def grids(pop909_001, groove_song, nottingham_ashover1):
    return {"pop909": song_grid(pop909_001.song), "groove": song_grid(groove_song.song),
            "nottingham": song_grid(nottingham_ashover1.song)}


def _mask(grid, cells):
    return {(b, CHORD_LANE if grid.lanes[i].is_chords else grid.lanes[i].track_id) for b, i in cells}


def _check(prompt, fill, cells):
    """The fill decodes, fills exactly `cells` in order, and each cell is spelled as encode spells it."""
    decoded = decode(prompt + fill)
    assert decoded.masked == sorted(cells) and list(decoded.fills) == decoded.masked
    assert fill.count(FILL_END) == len(cells) and fill[-1] == FILL_END
    grid = decoded.grid()
    segments, start = [], 0
    for end in (i for i, t in enumerate(fill) if t == FILL_END):
        segments.append(fill[start:end + 1])
        start = end + 1
    for (bar, lane), segment in zip(decoded.masked, segments):
        events = segment[2:-1] if grid.lanes[lane].is_chords else segment[5:-1]  # after BAR TRK [controls]
        assert ([] if not grid.cells[bar][lane] else cell_tokens(grid, bar, lane)[1:]) == events
        steps = grid.bar_steps[bar + 1] - grid.bar_steps[bar]
        assert all(0 <= event.pos < steps for event in grid.cells[bar][lane])
    return decoded


@pytest.mark.parametrize("policy", MASK_POLICIES)
def test_every_policy_decodes_for_trained_and_untrained_models(policy, grids, trained, untrained):
    rng = random.Random(policy)
    for grid in grids.values():
        cut = window(grid, rng.randrange(grid.bar_count - 2), 2)
        cells = make_mask(policy, cut, rng)
        prompt = prompt_ids(cut, _mask(cut, cells))
        for model, temperature in ((trained, 1.0), (untrained, 4.0), (untrained, 0.0)):
            if len(prompt) + 40 > model.config.block_size:
                continue
            for fill in sample_fills(model, prompt, candidates=3, temperature=temperature, seed=5):
                _check(prompt, fill, cells)


def test_a_short_budget_closes_every_cell(grids, torch_threads):
    cut = window(grids["pop909"], 30, 4)
    cells = {(b, i) for b in range(4) for i in range(len(cut.lanes))}  # everything: hundreds of tokens
    prompt = prompt_ids(cut, _mask(cut, cells))
    torch.manual_seed(2)
    model = Composer(ModelConfig(len(VOCAB), block_size=len(prompt) + 140, n_layer=1, n_head=2, n_embd=32)).eval()
    for fill in sample_fills(model, prompt, candidates=4, temperature=3.0, seed=1):
        assert len(prompt) + len(fill) <= model.config.block_size
        _check(prompt, fill, cells)
    short = Composer(ModelConfig(len(VOCAB), block_size=len(prompt) + 20, n_layer=1, n_head=2, n_embd=32))
    with pytest.raises(ValueError, match="must fit in"):
        sample_fills(short, prompt)


def test_seeds_make_candidates_reproducible(grids, trained):
    cut = window(grids["nottingham"], 4, 4)
    prompt = prompt_ids(cut, _mask(cut, {(b, 1) for b in range(4)}))
    first = sample_fills(trained, prompt, candidates=2, seed=3)
    assert sample_fills(trained, prompt, candidates=2, seed=3) == first
    assert sample_fills(trained, prompt, candidates=2, seed=4) != first


def test_key_range_and_monophony_constraints(grids, untrained):
    cut = window(grids["pop909"], 12, 4)
    melody = next(i for i, lane in enumerate(cut.lanes) if lane.role == "melody")
    constraints = [in_key(Key(0, "major"), 60, 84), FixedControls(polyphony=1)]
    for decoded in infill(untrained, cut, _mask(cut, {(b, melody) for b in range(4)}), candidates=4,
                          temperature=3.0, seed=9, constraints=constraints):
        notes = [e for events in decoded.fills.values() for e in events]
        assert notes and all(60 <= e.pitch <= 84 and Key(0, "major").contains(e.pitch) for e in notes)
        for events in decoded.fills.values():
            assert len({e.pos for e in events}) == len(events)  # one note per onset
        assert all(controls[1] == 1 for controls in decoded.controls.values() if controls[0])


def test_density_controls_and_drum_map_hold(grids, untrained):
    cut = window(grids["groove"], 8, 2)
    cells = {(0, 0), (1, 0)}
    for decoded in infill(untrained, cut, _mask(cut, cells), candidates=3, temperature=2.0, seed=4,
                          constraints=[gm_drums(), FixedControls(density=5)]):  # bin 5: 5 or 6 notes
        for cell in cells:
            assert 5 <= len(decoded.fills[cell]) <= 6
            assert all(35 <= e.pitch <= 81 and e.duration == 0 for e in decoded.fills[cell])
