"""Fills of a token window through the product's decoder with structural rules only (what evaluation samples):
every candidate decodes, in canonical form, with exactly the masked cells in order; budgets, seeds, drum sounds
and single lines hold. The model is the tiny one trained in this session; it writes poor music, so what holds
comes from the rules and the decoder."""
import random
from itertools import pairwise

import pytest

from composer.checkpoint import load_model
from composer.proposals.rules import GM_DRUMS
from composer.proposals.window_rules import fill_window, window_prompt, window_rules
from composer.tokens import CHORD_LANE, VOCAB, decode, encode, song_grid
from composer.tokens.encode import cell_tokens
from composer.training.masks import MASK_POLICIES, make_mask
from composer.training.windows import window

FILL_END, SEP = VOCAB.id("FILL_END"), VOCAB.id("SEP")


@pytest.fixture(scope="module")
def trained(tiny_checkpoint):
    return load_model(tiny_checkpoint)[0]


@pytest.fixture(scope="module")
def grids(pop909_001, groove_song, nottingham_ashover1):
    return {"pop909": song_grid(pop909_001.song), "groove": song_grid(groove_song.song),
            "nottingham": song_grid(nottingham_ashover1.song)}


def _check(grid, cells, ids):
    """The fill tokens decode after the prompt, fill exactly `cells` in order, and spell each cell as encode does."""
    prompt = window_prompt(grid, cells)
    decoded = decode(prompt + ids)
    assert decoded.masked == sorted(cells) and list(decoded.fills) == decoded.masked
    assert ids.count(FILL_END) == len(cells) and ids[-1] == FILL_END
    filled = decoded.grid()
    segments, start = [], 0
    for end in (i for i, t in enumerate(ids) if t == FILL_END):
        segments.append(ids[start:end + 1])
        start = end + 1
    for (bar, lane), segment in zip(decoded.masked, segments):
        events = segment[2:-1] if filled.lanes[lane].is_chords else segment[5:-1]  # after BAR TRK [controls]
        assert ([] if not filled.cells[bar][lane] else cell_tokens(filled, bar, lane)[1:]) == events
        steps = filled.bar_steps[bar + 1] - filled.bar_steps[bar]
        assert all(0 <= event.pos < steps for event in filled.cells[bar][lane])
    return decoded


def test_rules_follow_the_fill_order_and_hold_only_structure(grids):
    cut = window(grids["pop909"], 30, 4)
    cells = {(3, 0), (0, 2), (1, 1), (0, 0), (2, 2), (1, 3)}
    ids = encode(cut, {(b, CHORD_LANE if cut.lanes[i].is_chords else cut.lanes[i].track_id) for b, i in cells})
    assert window_prompt(cut, cells) == ids[:ids.index(SEP) + 1]
    heads = [(ids[i + 1], ids[i + 2]) for i, t in enumerate(ids) if t in (SEP, FILL_END) and i + 1 < len(ids)]
    rules = window_rules(cut, cells)
    assert [(VOCAB.id(f"BAR_{r.bar}"), r.lane_token) for r in rules] == heads
    for rule, (bar, lane) in zip(rules, sorted(cells)):
        role = cut.lanes[lane].role
        assert rule.chords == cut.lanes[lane].is_chords
        assert rule.bar_start == cut.bar_steps[bar] and rule.bar_len == cut.bar_steps[bar + 1] - cut.bar_steps[bar]
        assert rule.chord_mode == "off" and rule.temperature_factor == 1.0   # the model's own sampling
        if not rule.chords:
            assert rule.mono == (role in ("melody", "bass")) and rule.dens_ok is None and rule.pitch_bias is None
            assert rule.density_temperature_factor == 1.0
            assert rule.pitch_ok.all()  # every pitch: evaluation measures the model's range and key


@pytest.mark.parametrize("policy", MASK_POLICIES)
def test_every_policy_decodes_for_k_candidates(policy, grids, trained):
    rng = random.Random(policy)
    checked = 0
    for grid in grids.values():
        cut = window(grid, rng.randrange(grid.bar_count - 2), 2)
        cells = make_mask(policy, cut, rng)
        if len(window_prompt(cut, cells)) + 40 > trained.config.block_size:
            continue
        for writer in fill_window(trained, cut, cells, candidates=3, temperature=1.5, seed=5):
            assert writer.done and writer.used == len(writer.ids) <= writer.budget
            _check(cut, cells, writer.ids)
            checked += 1
    assert checked >= 3


def test_fills_write_a_velocity_only_when_it_changes(grids, trained):
    cut = window(grids["pop909"], 30, 2)
    cells = {(b, i) for b in range(2) for i in range(len(cut.lanes)) if not cut.lanes[i].is_chords}
    for writer in fill_window(trained, cut, cells, candidates=4, temperature=1.5, seed=5):
        _check(cut, cells, writer.ids)


def test_a_short_budget_closes_every_cell(grids, trained):
    cut = window(grids["pop909"], 30, 4)
    cells = {(b, i) for b in range(4) for i in range(len(cut.lanes))}  # everything: hundreds of tokens unbounded
    for writer in fill_window(trained, cut, cells, candidates=4, temperature=2.0, seed=1, budget=120):
        assert len(writer.ids) <= 120
        _check(cut, cells, writer.ids)
    least = sum(3 if rule.chords else 6 for rule in window_rules(cut, cells))  # every cell empty
    (writer,) = fill_window(trained, cut, cells, temperature=2.0, budget=least)
    assert not any(_check(cut, cells, writer.ids).fills.values())
    with pytest.raises(ValueError, match="must fit in"):
        fill_window(trained, cut, cells, budget=least - 1)


def test_seeds_make_candidates_reproducible_whatever_k(grids, trained):
    cut = window(grids["nottingham"], 4, 4)
    cells = {(b, 1) for b in range(4)}
    first = [w.ids for w in fill_window(trained, cut, cells, candidates=3, seed=3)]
    assert [w.ids for w in fill_window(trained, cut, cells, candidates=3, seed=3)] == first
    assert [w.ids for w in fill_window(trained, cut, cells, candidates=3, seed=4)] != first
    assert fill_window(trained, cut, cells, candidates=1, seed=5)[0].ids == first[2]  # candidate k: seed + k


def test_drums_keep_general_midi_sounds(grids, trained):
    cut = window(grids["groove"], 8, 2)
    drums = next(i for i, lane in enumerate(cut.lanes) if lane.drums)
    cells = {(0, drums), (1, drums)}
    notes = 0
    for writer in fill_window(trained, cut, cells, candidates=3, temperature=3.0, seed=4):
        decoded = _check(cut, cells, writer.ids)
        for cell in cells:
            assert all(e.pitch in GM_DRUMS and e.duration == 0 for e in decoded.fills[cell])
            notes += len(decoded.fills[cell])
    assert notes > 0


def test_melody_stays_a_single_line_with_its_context(grids, trained):
    grid = grids["pop909"]
    cut = window(grid, 12, 4, [i for i, lane in enumerate(grid.lanes) if lane.is_chords or lane.role == "melody"])
    melody = next(i for i, lane in enumerate(cut.lanes) if lane.role == "melody")
    cells = {(1, melody), (2, melody)}
    written = 0
    for writer in fill_window(trained, cut, cells, candidates=4, temperature=3.0, seed=9):
        grid = _check(cut, cells, writer.ids).grid()
        line = sorted((grid.bar_steps[b] + e.pos, grid.bar_steps[b] + e.pos + max(e.duration, 1), (b, melody) in cells)
                      for b in range(grid.bar_count) for e in grid.cells[b][melody])
        for (start, end, filled), (next_start, _, next_filled) in pairwise(line):
            if filled or next_filled:  # the context's own notes are the song's
                assert end <= next_start, f"a filled note overlaps the line at step {start}"
        written += sum(len(fill) for fill in writer.fills)
    assert written > 0
