"""A small originality index built from real Nottingham tunes (training-split files), and held-out ones beside it."""
from __future__ import annotations

import pytest

INDEXED = [f"ashover{n}" for n in range(1, 13)]      # all in the training split
HELD_OUT = ["ashover15", "ashover18", "ashover19"]    # listed in composer/data/validation_ids.txt


def tune(datasets, name):
    from composer.data import nottingham
    return nottingham.convert(datasets / "nottingham" / "MIDI" / f"{name}.mid").song


@pytest.fixture(scope="session")
def indexed_tunes(datasets):
    return {name: tune(datasets, name) for name in INDEXED}


@pytest.fixture(scope="session")
def small_index(indexed_tunes):
    from composer.originality.index import IndexBuilder
    builder = IndexBuilder()
    builder.add_all((f"nottingham:{name}", song) for name, song in indexed_tunes.items())
    return builder.build({"thresholds": {"tune": 12, "parts": 12, "chords": 12}})


@pytest.fixture(scope="session")
def held_out_tunes(datasets):
    return {name: tune(datasets, name) for name in HELD_OUT}
