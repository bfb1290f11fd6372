"""Fixtures for the composer tests: songs from the shared datasets (the `datasets` fixture is in tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

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


TINY_CONFIG = Path(__file__).resolve().parents[2] / "composer" / "configs" / "tiny.json"


@pytest.fixture(scope="session")
def torch_threads():
    """One torch thread: the tests' tensors are tiny, and a second thread only fights whatever else runs."""
    import torch
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _tiny_config_file(folder: Path, **train) -> Path:
    """The tiny config with some `train` settings changed, written to `folder`."""
    import json
    values = json.loads(TINY_CONFIG.read_text())
    values["train"].update(train)
    path = folder / "config.json"
    path.write_text(json.dumps(values))
    return path


@pytest.fixture(scope="session")
def tiny_config_file():
    """Writes the tiny config, some `train` settings changed, into a folder: tiny_config_file(folder, steps=3)."""
    return _tiny_config_file


@pytest.fixture(scope="session")
def tiny_checkpoint(tmp_path_factory, datasets, torch_threads) -> Path:
    """A real checkpoint: the tiny config trained for 12 steps in this test session (a few seconds)."""
    from composer.train import main as train
    folder = tmp_path_factory.mktemp("tiny-run")
    config = _tiny_config_file(folder, steps=12, eval_every=6, checkpoint_every=6, eval_sequences=2, log_every=3)
    assert train(["--config", str(config), "--out-dir", str(folder / "run"), "--datasets", str(datasets)]) == 0
    return folder / "run" / "checkpoint.pt"
