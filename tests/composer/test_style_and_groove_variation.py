"""The STYLE header token and the groove-keeping drum variation used in training."""
import random
from dataclasses import replace

from composer.tokens import VOCAB, decode, encode, song_grid
from composer.tokens.vocab import STYLES
from composer.training.config import DataSection
from composer.training.examples import Corpus, sample_example
from composer.training.windows import vary_groove, window

KICK, SNARES = 36, (38, 40)


def test_a_style_rides_in_the_header_and_decodes_back(pop909_001):
    grid = window(song_grid(pop909_001.song), 0, 4)
    plain = encode(grid)
    styled = encode(replace(grid, style="folk"))
    assert VOCAB.name(styled[4]) == "STYLE_folk"
    assert styled[:4] + styled[5:] == plain  # one token more, nothing else moves
    assert decode(styled).style == "folk" and decode(plain).style is None
    assert decode(styled).grid().cells == decode(plain).grid().cells


def test_style_tokens_come_after_every_v1_token():
    """A v1 checkpoint's 572 ids keep their meaning: the styles are appended."""
    assert VOCAB.groups["STYLE"] == range(len(VOCAB) - len(STYLES), len(VOCAB))
    assert VOCAB.groups["STYLE"].start == VOCAB.groups["RANGE"].stop


def test_training_windows_say_their_source_style_unless_dropped(datasets):
    shape = dict(limit=4, sources={"nottingham": 1.0}, min_bars=2, max_bars=4)
    corpus = Corpus(DataSection(**shape), datasets)
    for dropout, expected in ((0.0, ["STYLE_folk"]), (1.0, [])):
        rng = random.Random(0)
        for _ in range(5):
            ids = sample_example(corpus, "train", DataSection(**shape, style_dropout=dropout), rng, 1024).ids
            assert [VOCAB.name(i) for i in ids if VOCAB.name(i).startswith("STYLE_")] == expected


def _hits(grid, sounds):
    return [(b, e.pos) for b, row in enumerate(grid.cells) for e in row[0] if e.pitch in sounds]


def test_a_varied_groove_keeps_kick_and_snare_where_they_were(groove_song):
    grid = window(song_grid(groove_song.song), 4, 8)
    changed = 0
    for seed in range(12):
        varied = vary_groove(grid, random.Random(seed))
        assert _hits(varied, (KICK,)) == _hits(grid, (KICK,))
        assert _hits(varied, SNARES) == _hits(grid, SNARES)
        assert sum(map(len, (r[0] for r in varied.cells))) <= sum(map(len, (r[0] for r in grid.cells)))
        changed += varied != grid
    assert changed >= 8  # most draws vary something (keeper, crash, loudness or tempo)


def test_only_training_windows_are_varied(datasets):
    data = DataSection(sources={"groove": 1.0}, min_bars=2, max_bars=4, drum_augment=1.0)
    plain = DataSection(sources={"groove": 1.0}, min_bars=2, max_bars=4)
    corpus = Corpus(plain, datasets)
    assert sample_example(corpus, "validation", data, random.Random(3), 1024).ids == \
        sample_example(corpus, "validation", plain, random.Random(3), 1024).ids
    varied = [sample_example(corpus, "train", data, random.Random(s), 1024).ids for s in range(6)]
    straight = [sample_example(corpus, "train", plain, random.Random(s), 1024).ids for s in range(6)]
    assert varied != straight
