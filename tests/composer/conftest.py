"""Fixtures for the composer tests: songs from the shared datasets (the `datasets` fixture is in tests/conftest.py)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pop909_001(datasets):
    from composer.data import pop909
    return pop909.convert(datasets / "pop909" / "001")


@pytest.fixture(scope="session")
def groove_rows(datasets):
    from composer.data import groove
    return groove.rows(datasets)


@pytest.fixture(scope="session")
def groove_song(datasets, groove_rows):
    from composer.data import groove
    row = next(r for r in groove_rows if r["id"] == "drummer1/session1/1")  # funk, 80 bpm, 86 s
    return groove.convert(datasets, row)


@pytest.fixture(scope="session")
def openewld_pickup(datasets):
    """A lead sheet that starts with a 1-beat pickup (September in the Rain)."""
    from composer.data import openewld
    path = datasets / "openewld" / "Al_Dubin-Harry_Warren" / "September_in_the_Rain" / "September_in_the_Rain.mxl"
    return openewld.convert(datasets, path)


@pytest.fixture(scope="session")
def nottingham_ashover1(datasets):
    from composer.data import nottingham
    return nottingham.convert(datasets / "nottingham" / "MIDI" / "ashover1.mid")
