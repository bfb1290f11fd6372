"""`cadenza generate` / `compose` refuse bad requests with one line and exit 2, before anything runs or is written.

Reproduces the audit's reports: a melody, bass or accompaniment on a drum track
(once `KeyError: 'DUR_0'`), drums on a pitched track, `--seed -1` (a numpy
ValueError traceback) and a checkpoint with NaN weights (a RuntimeError).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import torch

from cli_runner import run_cadenza as cadenza
from composer.checkpoint import read_checkpoint, save_checkpoint

MIDI = Path(__file__).resolve().parents[1] / "data" / "midi"
DRUMS_ONLY = MIDI / "groove_d1s1_104_funk_95_fill_4-4.mid"  # one track, "Drums", channel 10
SONG = MIDI / "pop909_001.mid"  # MELODY, BRIDGE, PIANO


def one_line_refusal(capsys, tmp_path, *args) -> str:
    out_file = tmp_path / "out.mid"
    code, out, err = cadenza(capsys, "generate", *args[:1], out_file, *args[1:])
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err, err
    assert not out_file.exists() and list(tmp_path.iterdir()) == []
    return err


@pytest.mark.parametrize("task", ["melody", "bass", "accompaniment"])
def test_a_pitched_part_on_a_drum_track_is_refused_before_the_model_loads(capsys, tmp_path, task):
    # The model path does not exist: the track check must come first, so the error is about the track.
    err = one_line_refusal(capsys, tmp_path, DRUMS_ONLY, "--task", task, "--tracks", "Drums", "--bars", "1-1",
                           "--model", tmp_path / "no-model.pt")
    assert err == f"cadenza generate: track 'Drums' is a drum kit: a {task} part is written on a pitched track\n"


def test_drums_on_a_pitched_track_are_refused(capsys, tmp_path):
    err = one_line_refusal(capsys, tmp_path, SONG, "--task", "drums", "--tracks", "MELODY", "--bars", "1-2",
                           "--model", tmp_path / "no-model.pt")
    assert "track 'MELODY' plays pitches, not a drum kit" in err


@pytest.mark.parametrize("seed", ["-1", "4294967296", "1.5"])
def test_a_seed_out_of_range_is_refused(capsys, tmp_path, seed):
    err = one_line_refusal(capsys, tmp_path, SONG, "--task", "melody", "--bars", "1-2", "--seed", seed)
    assert err.startswith("cadenza generate: argument --seed: seed ")
    code, _, err = cadenza(capsys, "compose", tmp_path / "sketch.mid", "--seed", seed)
    assert code == 2 and err.count("\n") == 1 and "--seed" in err and not (tmp_path / "sketch.mid").exists()


def test_a_checkpoint_with_nan_weights_is_refused(capsys, tmp_path, proposal_checkpoint):
    record = read_checkpoint(proposal_checkpoint)
    weights = record["ema"] if record.get("ema") is not None else record["model"]
    weights["embed.weight"][3, 5] = float("nan")
    nan_model = tmp_path.parent / f"{tmp_path.name}-nan.pt"
    save_checkpoint(nan_model, {k: v for k, v in record.items() if k != "weights_sha256"})
    err = one_line_refusal(capsys, tmp_path, SONG, "--task", "melody", "--bars", "1-2", "--model", nan_model)
    assert err == f"cadenza generate: {nan_model}: damaged: some weights are not finite numbers (NaN or infinity)\n"


def test_the_largest_seed_still_generates(capsys, tmp_path, proposal_checkpoint):
    code, _, err = cadenza(capsys, "generate", SONG, tmp_path / "take.mid", "--task", "melody", "--bars", "1-2",
                           "--seed", str(2**32 - 1), "--model", proposal_checkpoint)
    assert code == 0, err
