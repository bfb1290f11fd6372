"""Training examples from the cached corpus: window, lanes, transposition, mask, encode, pack.

One example is one encoded window (`composer.tokens.encode` layout): a random
song (sources drawn by the config's weights), a random run of bars, a random
subset of its lanes (so the model also sees sparse songs, as users write them),
a random transposition, the song's style in the header unless dropped
(`style_dropout`, so a request without a style stays one the model knows), a
groove-keeping variation of its drums (`drum_augment`, windows.vary_groove),
a random mask policy (`masks.py`). Examples are packed
whole into fixed-length sequences (no example is cut; the tail is padded, and a
window is shortened to fit what is left), and each target token carries a loss
weight: 1 for the fills after SEP (what the model is for), `context_loss_weight`
for the context (it teaches the model music, but is given at generation time),
0 for padding and for an example's BOS (unpredictable from the one before).
Every draw comes from the `random.Random` passed in, so a batch is a function
of (seed, rank, step): a resumed run sees the same data it would have seen.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, replace
from pathlib import Path

import torch

from composer.data.cache import load_source
from composer.data.common import CorpusSong
from composer.tokens.encode import CHORD_LANE, cell_tokens, encode
from composer.tokens.grid import Grid, song_grid
from composer.tokens.vocab import MAX_TRACKS, VOCAB
from composer.training.config import DataSection
from composer.training.masks import make_mask
from composer.training.windows import transpose, transposition_range, vary_groove, window

PAD, BOS, SEP = VOCAB.id("PAD"), VOCAB.id("BOS"), VOCAB.id("SEP")
_SMALLEST_EXAMPLE = 64  # tokens: below this much room left, a sequence is padded out


class Corpus:
    """The cached corpus by split and source; each song's grid is built on first use and kept."""

    def __init__(self, data: DataSection, datasets: Path | None = None) -> None:
        root = Path(datasets or data.datasets)
        self.songs: dict[str, dict[str, list[CorpusSong]]] = {"train": {}, "validation": {}}
        for source in data.sources:
            corpus = load_source(source, root, data.limit)
            for split, pool in self.songs.items():
                pool[source] = [s for s in corpus.songs if s.split == split]
        self._grids: dict[str, Grid | None] = {}
        self._costs: dict[str, tuple[tuple[int, ...], ...]] = {}

    def grid(self, song: CorpusSong) -> Grid | None:
        """The song's grid, None when it cannot be tokenized (a meter outside the vocabulary)."""
        if song.key not in self._grids:
            try:
                self._grids[song.key] = song_grid(song.song)
            except ValueError:
                self._grids[song.key] = None
        return self._grids[song.key]

    def cell_costs(self, song: CorpusSong, grid: Grid) -> tuple[tuple[int, ...], ...]:
        """Tokens each context cell of the song costs (`cell_tokens`), per bar and lane: a window's
        length is known before encoding it, so a window too long for the sequence is never encoded."""
        if song.key not in self._costs:
            self._costs[song.key] = tuple(tuple(len(cell_tokens(grid, b, i)) for i in range(len(grid.lanes)))
                                          for b in range(grid.bar_count))
        return self._costs[song.key]

    def data_hash(self) -> str:
        """A digest of which songs are in which split and what they hold (ids, note counts, lengths)."""
        digest = hashlib.sha1()
        for split in sorted(self.songs):
            for source in sorted(self.songs[split]):
                for song in sorted(self.songs[split][source], key=lambda s: s.key):
                    digest.update(f"{split}|{song.key}|{song.song.note_count}|{song.song.length_ticks}\n".encode())
        return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Example:
    ids: list[int]
    sep: int  # index of SEP in ids

    def target_weights(self, context_weight: float) -> list[float]:
        """Loss weight of each token as a prediction target (BOS 0, context up to SEP, fills 1)."""
        return [0.0] + [context_weight] * self.sep + [1.0] * (len(self.ids) - self.sep - 1)


def sample_example(corpus: Corpus, split: str, data: DataSection, rng: random.Random, max_tokens: int) -> Example:
    """One encoded window of at most `max_tokens` tokens from `split`."""
    pools = {s: songs for s, songs in corpus.songs[split].items() if songs and data.sources[s] > 0}
    if not pools:
        raise ValueError(f"no {split} songs in the sources {', '.join(data.sources)}")
    names = sorted(pools)
    for _ in range(100):
        source = rng.choices(names, weights=[data.sources[s] for s in names])[0]
        song = rng.choice(pools[source])
        grid = corpus.grid(song)
        if grid is None:
            continue
        example = _window_example(grid, song.style, corpus.cell_costs(song, grid), data, rng, max_tokens,
                                  vary_drums=split == "train")
        if example is not None:
            return example
    raise ValueError(f"no window of the {split} songs fits in {max_tokens} tokens")


def _window_example(grid: Grid, style: str, costs, data: DataSection, rng: random.Random,
                    max_tokens: int, vary_drums: bool) -> Example | None:
    """`vary_drums`: training windows only; validation scores the grooves as they were played."""
    lanes = _choose_lanes(grid, data, rng)
    bars = min(rng.randint(data.min_bars, data.max_bars), grid.bar_count)
    policies = sorted(data.masks)
    while bars >= 1:
        start = rng.randint(0, grid.bar_count - bars)
        cut = window(grid, start, bars, lanes)
        policy = rng.choices(policies, weights=[data.masks[p] for p in policies])[0]
        masked = make_mask(policy, cut, rng)
        said = rng.random() >= data.style_dropout
        length = encoded_length(cut, [[costs[start + b][i] for i in lanes] for b in range(bars)], masked) + said
        if length <= max_tokens:
            shifts = transposition_range(cut, *data.transpose)
            cut = transpose(cut, rng.choice(shifts)) if shifts else cut
            cut = replace(cut, style=style if said else None)
            if vary_drums and any(lane.drums for lane in cut.lanes) and rng.random() < data.drum_augment:
                cut = vary_groove(cut, rng)
            ids = encode(cut, {(b, CHORD_LANE if cut.lanes[i].is_chords else cut.lanes[i].track_id)
                               for b, i in masked})
            return Example(ids, ids.index(SEP))
        bars = min(bars - 1, int(bars * max_tokens / length * 0.95))
    return None


def encoded_length(grid: Grid, costs: list[list[int]], masked: set[tuple[int, int]]) -> int:
    """len(encode(grid, mask)) from the cells' context costs, without encoding (see encode.py's layout)."""
    length = 4 + sum(1 if lane.is_chords else 2 for lane in grid.lanes) + 1  # BOS METER KEY TEMPO, lanes, SEP
    for b in range(grid.bar_count):
        length += 1 + (b > 0 and grid.meters[b] != grid.meters[b - 1]) + (b > 0 and grid.keys[b] != grid.keys[b - 1])
        for i, lane in enumerate(grid.lanes):
            if (b, i) in masked:  # TRK MASK, then BAR TRK [DENS POLY RANGE] events FILL_END
                length += 2 + 2 + (0 if lane.is_chords else 3) + max(costs[b][i] - 1, 0) + 1
            else:
                length += costs[b][i]
    return length


def _choose_lanes(grid: Grid, data: DataSection, rng: random.Random) -> list[int]:
    chords = [i for i, lane in enumerate(grid.lanes) if lane.is_chords]
    tracks = [i for i, lane in enumerate(grid.lanes) if not lane.is_chords]
    if len(tracks) > MAX_TRACKS:
        tracks = sorted(rng.sample(tracks, MAX_TRACKS))
    lanes = chords + tracks
    if len(lanes) > 1 and rng.random() < data.drop_lanes:
        lanes = sorted(rng.sample(lanes, rng.randint(1, len(lanes) - 1)))
    return lanes


def pack_sequence(corpus: Corpus, split: str, data: DataSection, rng: random.Random,
                  block_size: int) -> tuple[list[int], list[float]]:
    """`block_size + 1` tokens of whole examples (PAD after) and the `block_size` target weights."""
    tokens: list[int] = []
    weights: list[float] = []
    while block_size + 1 - len(tokens) >= _SMALLEST_EXAMPLE or not tokens:
        example = sample_example(corpus, split, data, rng, block_size + 1 - len(tokens))
        tokens += example.ids
        weights += example.target_weights(data.context_loss_weight)
    padding = block_size + 1 - len(tokens)
    return tokens + [PAD] * padding, (weights + [0.0] * padding)[1:]


def make_batch(corpus: Corpus, split: str, data: DataSection, rng: random.Random, batch_size: int,
               block_size: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(inputs, targets, weights), each (batch, block_size)."""
    rows = [pack_sequence(corpus, split, data, rng, block_size) for _ in range(batch_size)]
    tokens = torch.tensor([r[0] for r in rows], dtype=torch.long)
    weights = torch.tensor([r[1] for r in rows], dtype=torch.float32)
    return tokens[:, :-1], tokens[:, 1:], weights
