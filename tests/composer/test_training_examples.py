"""Training windows: lanes, transposition, mask policies, exact lengths, packing and loss weights."""
import random
from pathlib import Path

import pytest

from composer.tokens import CHORD_LANE, VOCAB, decode, encode, song_grid
from composer.training.config import (
    ConfigError,
    DataSection,
    config_from_dict,
    load_config,
)
from composer.training.examples import (
    Corpus,
    encoded_length,
    make_batch,
    pack_sequence,
    sample_example,
)
from composer.training.masks import MASK_POLICIES, make_mask
from composer.training.windows import transpose, transposition_range, window

CONFIGS = Path(__file__).resolve().parents[2] / "composer" / "configs"
DATA = DataSection(limit=16, sources={"pop909": 0.5, "groove": 0.2, "nottingham": 0.3}, min_bars=2, max_bars=8)


@pytest.fixture(scope="module")
def corpus(datasets):
    return Corpus(DATA, datasets)


def test_window_keeps_the_chosen_bars_and_lanes(pop909_001):
    grid = song_grid(pop909_001.song)
    cut = window(grid, 8, 4, [0, 3])
    assert cut.bar_count == 4 and cut.lanes == (grid.lanes[0], grid.lanes[3])
    assert cut.bar_steps[0] == 0 and cut.bar_steps[-1] == grid.bar_steps[12] - grid.bar_steps[8]
    assert cut.cells[1] == (grid.cells[9][0], grid.cells[9][3])


def test_transposition_moves_notes_chords_and_key_but_never_drums(pop909_001, groove_song):
    grid = window(song_grid(pop909_001.song), 8, 4)
    up = transpose(grid, 3)
    assert up.keys[0] == ((grid.keys[0][0] + 3) % 12, grid.keys[0][1])
    melody = [e.pitch for e in grid.cells[0][1]]
    assert [e.pitch for e in up.cells[0][1]] == [p + 3 for p in melody]
    assert up.cells[0][0][0].chord == grid.cells[0][0][0].chord.transposed(3)
    drums = window(song_grid(groove_song.song), 0, 2)
    assert transpose(drums, 5).cells == drums.cells
    assert transposition_range(grid, -100, 100) == range(-min_pitch(grid), 128 - max_pitch(grid))


def min_pitch(grid):
    return min(e.pitch for row in grid.cells for lane, c in zip(grid.lanes, row) if not lane.is_chords for e in c)


def max_pitch(grid):
    return max(e.pitch for row in grid.cells for lane, c in zip(grid.lanes, row) if not lane.is_chords for e in c)


@pytest.mark.parametrize("policy", MASK_POLICIES)
def test_every_mask_policy_masks_something_inside_the_window(pop909_001, policy):
    grid = window(song_grid(pop909_001.song), 20, 6)
    rng = random.Random(3)
    for _ in range(20):
        mask = make_mask(policy, grid, rng)
        assert mask and all(0 <= b < 6 and 0 <= i < len(grid.lanes) for b, i in mask)
    if policy == "continue":
        assert {b for b, _ in mask} == set(range(min(b for b, _ in mask), 6))
    if policy == "chords":
        assert {i for _, i in mask} == {0} and grid.lanes[0].is_chords


def test_encoded_length_is_exact_without_encoding(corpus):
    rng = random.Random(5)
    songs = [s for pool in corpus.songs["train"].values() for s in pool]
    for song in songs:
        grid = corpus.grid(song)
        costs = corpus.cell_costs(song, grid)
        bars = min(6, grid.bar_count)
        start = rng.randint(0, grid.bar_count - bars)
        lanes = sorted(rng.sample(range(len(grid.lanes)), rng.randint(1, len(grid.lanes))))
        cut = window(grid, start, bars, lanes)
        masked = make_mask(rng.choice(MASK_POLICIES), cut, rng)
        ids = encode(cut, {(b, CHORD_LANE if cut.lanes[i].is_chords else cut.lanes[i].track_id) for b, i in masked})
        assert encoded_length(cut, [[costs[start + b][i] for i in lanes] for b in range(bars)], masked) == len(ids)


def test_examples_decode_and_fit(corpus):
    rng = random.Random(11)
    for _ in range(30):
        example = sample_example(corpus, "train", DATA, rng, 200)
        assert len(example.ids) <= 200 and example.ids[example.sep] == VOCAB.id("SEP")
        decoded = decode(example.ids)
        assert decoded.masked and list(decoded.fills) == decoded.masked


def test_packed_sequences_hold_whole_examples_and_weigh_fills_most(corpus):
    tokens, weights = pack_sequence(corpus, "train", DATA, random.Random(2), 256)
    assert len(tokens) == 257 and len(weights) == 256
    starts = [i for i, t in enumerate(tokens) if t == VOCAB.id("BOS")]
    assert starts[0] == 0
    ends = starts[1:] + [next((i for i, t in enumerate(tokens) if t == VOCAB.id("PAD")), len(tokens))]
    for start, end in zip(starts, ends):
        decode(tokens[start:end])  # every packed example is whole
        if start:
            assert weights[start - 1] == 0.0  # a BOS is not predicted from the example before
        sep = tokens.index(VOCAB.id("SEP"), start)
        assert set(weights[start:sep]) == {DATA.context_loss_weight} and set(weights[sep:end - 1]) == {1.0}
    assert all(w == 0.0 for t, w in zip(tokens[1:], weights) if t == VOCAB.id("PAD"))


def test_batches_are_a_function_of_the_seed(corpus):
    first = make_batch(corpus, "train", DATA, random.Random("1:0:5"), 2, 128)
    again = make_batch(corpus, "train", DATA, random.Random("1:0:5"), 2, 128)
    other = make_batch(corpus, "train", DATA, random.Random("1:0:6"), 2, 128)
    assert all((a == b).all() for a, b in zip(first, again))
    assert not (first[0] == other[0]).all()
    assert (first[0][:, 1:] == first[1][:, :-1]).all()  # targets are the inputs shifted by one


def test_configs_load_and_reject_unknown_keys(tmp_path):
    for name in ("tiny", "composer_3m"):
        config = load_config(CONFIGS / f"{name}.json")
        assert config_from_dict(config.to_dict()) == config
    with pytest.raises(ConfigError, match=r"unknown key\(s\) lr_max"):
        config_from_dict({"name": "x", "out_dir": "y", "train": {"lr_max": 1}})
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    with pytest.raises(ConfigError, match="not JSON"):
        load_config(broken)
