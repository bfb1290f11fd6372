"""Fixtures for the learned-style tests: real MIDI files in a folder, quick settings."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.composer.style.style_files import copy_pieces


@pytest.fixture
def piece_folder(tmp_path) -> Path:
    """Four real songs (POP909 and Nottingham), a text file and a broken MIDI file."""
    folder = copy_pieces(tmp_path / "pieces")
    (folder / "notes.txt").write_text("not music")
    (folder / "broken.mid").write_bytes(b"MThd\x00\x00\x00\x06garbage")
    return folder


@pytest.fixture(scope="session")
def quick():
    """Settings that learn in a few seconds with the tiny test checkpoint."""
    from composer.style.learn import LearnSettings
    return LearnSettings(steps=3, batch_size=1, heldout_sequences=1, cases=1, threads=1, max_seconds=120)
