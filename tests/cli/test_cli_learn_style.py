"""`cadenza learn-style` and `--style NAME` on generate and compose, in-process, with a real tiny checkpoint and
real MIDI files: the JSON line it ends with, bad folders in one line with exit 2 and no file, a learned style used."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_runner import run_cadenza

MIDI = Path(__file__).resolve().parents[1] / "data" / "midi"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("CADENZA_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def pieces(tmp_path) -> Path:
    folder = tmp_path / "pieces"
    folder.mkdir()
    for name in ("pop909_001.mid", "nottingham_ashover1.mid", "nottingham_jigs107.mid"):
        shutil.copy(MIDI / name, folder / name)
    (folder / "cover.jpg").write_bytes(b"\xff\xd8 not music")
    return folder


@pytest.fixture(scope="module")
def learned(tmp_path_factory, proposal_checkpoint) -> Path:
    """A data folder holding the style "Mine", learned once for the tests that use it."""
    from composer.style.learn import LearnSettings, learn_style

    root = tmp_path_factory.mktemp("learned")
    folder = root / "pieces"
    folder.mkdir()
    for name in ("pop909_001.mid", "nottingham_ashover1.mid", "nottingham_jigs107.mid"):
        shutil.copy(MIDI / name, folder / name)
    learn_style(folder, "Mine", proposal_checkpoint, root / "data", LearnSettings(steps=2, heldout_sequences=1,
                                                                                 cases=1, threads=1))
    return root / "data"


def learn(capsys, pieces, checkpoint, name="Mine"):
    return run_cadenza(capsys, "learn-style", pieces, "--name", name, "--steps", "2", "--model", checkpoint)


def test_learn_style_ends_with_one_json_line_and_writes_the_style(capsys, data_dir, pieces, proposal_checkpoint):
    code, out, err = learn(capsys, pieces, proposal_checkpoint)
    assert code == 0, err
    last = json.loads(out.strip().splitlines()[-1])
    for key in ("heldout_loss_before", "heldout_loss_after", "pieces", "skipped", "seconds"):
        assert key in last
    assert last["pieces"] == 3 and last["skipped"] == 1 and last["steps"] == 2
    assert "skipped cover.jpg: not a MIDI, MusicXML or Cadenza file" in err
    assert "held-out loss" in out and ("(improved)" in out or "(did NOT improve)" in out)
    assert (data_dir / "styles" / "Mine.cadenza-style").is_file()


def test_bad_folders_exit_2_with_one_line_and_no_style(capsys, data_dir, tmp_path, proposal_checkpoint):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = learn(capsys, empty, proposal_checkpoint)
    assert code == 2 and "Traceback" not in err
    assert err.strip().splitlines()[-1].endswith("no files to learn from (the folder is empty)")
    assert err.count("cadenza learn-style:") == 1     # progress lines before it, the one-line reason last
    code, _, err = learn(capsys, tmp_path / "missing", proposal_checkpoint)
    assert code == 2 and err.strip().splitlines()[-1].endswith("not a folder")
    assert not (data_dir / "styles").exists()


def test_generate_and_compose_use_a_learned_style_by_name(capsys, learned, monkeypatch, tmp_path,
                                                           proposal_checkpoint):
    monkeypatch.setenv("CADENZA_DATA_DIR", str(learned))
    out_file = tmp_path / "styled.mid"
    code, out, err = run_cadenza(capsys, "generate", MIDI / "pop909_001.mid", out_file, "--task", "melody",
                                 "--bars", "5-8", "--style", "Mine", "--model", proposal_checkpoint)
    assert code == 0, err
    assert out_file.is_file()
    code, out, err = run_cadenza(capsys, "compose", tmp_path / "sketch.mid", "--bars", "4", "--style", "Mine",
                                 "--model", proposal_checkpoint)
    assert code == 0, err
    assert json.loads(out.strip().splitlines()[-1])["notes"] > 0


def test_an_unknown_style_is_one_line_naming_the_styles_there(capsys, learned, monkeypatch, tmp_path,
                                                               proposal_checkpoint):
    monkeypatch.setenv("CADENZA_DATA_DIR", str(learned))
    code, _, err = run_cadenza(capsys, "generate", MIDI / "pop909_001.mid", tmp_path / "x.mid", "--task", "melody",
                               "--bars", "5-8", "--style", "Nope", "--model", proposal_checkpoint)
    assert code == 2 and err.count("\n") == 1 and "no style called 'Nope'" in err and "styles: Mine" in err
    assert not (tmp_path / "x.mid").exists()
