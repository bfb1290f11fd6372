"""Fixtures for the proposal tests: a real tiny model trained in seconds, and real songs from tests/data/midi.

The model is trained once per session (about 7 s on 2 shared cores) from
tiny_proposals.json: 2 layers, 64 wide, a 1,024-token context like the
shipped model's, 40 steps on 8 songs per source. It writes poor music, which
is the point: every guarantee the tests check comes from the constrained
decoding and the post-checks, not from a model that happens to behave.
"""
from __future__ import annotations

from pathlib import Path

import pytest

MIDI = Path(__file__).resolve().parents[2] / "data" / "midi"


@pytest.fixture(scope="session")
def tiny_model(proposal_checkpoint):
    from composer.proposals.loader import load_model
    return load_model(proposal_checkpoint)


@pytest.fixture(scope="session")
def pop_song():
    """POP909 song 001 as the MIDI import reads it: MELODY, BRIDGE, PIANO; 2/4; performed timing."""
    from engine.files import load_song_file
    return load_song_file(MIDI / "pop909_001.mid").song


@pytest.fixture(scope="session")
def folk_song():
    """A Nottingham tune at 1,024 ticks per quarter (not a multiple of the token grid's 12 steps)."""
    from engine.files import load_song_file
    return load_song_file(MIDI / "nottingham_ashover1.mid").song
