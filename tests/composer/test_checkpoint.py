"""Checkpoints: every way a file can be wrong is one clear CadenzaError; the shipped file loads and is small."""
import pickle
from pathlib import Path

import pytest
import torch

from composer.checkpoint import (
    CheckpointError,
    export_weights,
    load_model,
    read_checkpoint,
    save_checkpoint,
)
from composer.export import SHIPPED
from engine.errors import CadenzaError


def _one_line_error(path) -> str:
    with pytest.raises(CheckpointError) as caught:
        load_model(path)
    message = str(caught.value)
    assert isinstance(caught.value, CadenzaError) and "\n" not in message and message.startswith(str(path))
    return message


def test_missing_truncated_and_corrupted_files(tmp_path, tiny_checkpoint):
    assert "no composer checkpoint" in _one_line_error(tmp_path / "nothing.pt")
    data = tiny_checkpoint.read_bytes()
    (tmp_path / "half.pt").write_bytes(data[:len(data) // 2])
    assert "corrupted or truncated" in _one_line_error(tmp_path / "half.pt")
    (tmp_path / "noise.pt").write_bytes(bytes(range(256)) * 40)
    assert "corrupted or truncated" in _one_line_error(tmp_path / "noise.pt")
    torch.save({"format": "something else"}, tmp_path / "other.pt")
    assert "not a Cadenza composer checkpoint" in _one_line_error(tmp_path / "other.pt")


def test_incompatible_versions_tokens_and_weights(tmp_path, tiny_checkpoint):
    record = read_checkpoint(tiny_checkpoint)
    torch.save({**record, "format_version": 99}, tmp_path / "future.pt")
    assert "format 99" in _one_line_error(tmp_path / "future.pt")
    torch.save({**record, "vocab": record["vocab"][:-1]}, tmp_path / "tokens.pt")
    assert "differ from this Cadenza's" in _one_line_error(tmp_path / "tokens.pt")
    torch.save({**record, "model_config": {**record["model_config"], "n_embd": 32}}, tmp_path / "weights.pt")
    assert "weights do not fit" in _one_line_error(tmp_path / "weights.pt")
    del record["data_hash"]
    torch.save(record, tmp_path / "incomplete.pt")
    assert "no 'data_hash'" in _one_line_error(tmp_path / "incomplete.pt")


def test_exported_weights_are_the_averaged_ones_in_bf16(tmp_path, tiny_checkpoint):
    info = export_weights(tiny_checkpoint, tmp_path / "shipped.pt")
    shipped = read_checkpoint(tmp_path / "shipped.pt")
    assert info["step"] == 12 and "optimizer" not in shipped and shipped["ema"] is None
    assert all(v.dtype == torch.bfloat16 for v in shipped["model"].values())
    assert (tmp_path / "shipped.pt").stat().st_size < tiny_checkpoint.stat().st_size / 3
    model, _ = load_model(tmp_path / "shipped.pt")
    training = read_checkpoint(tiny_checkpoint)["ema"]
    assert torch.allclose(model.embed.weight, training["embed.weight"], atol=1e-2)
    assert model.head.weight is model.embed.weight


def test_a_failed_save_keeps_the_old_checkpoint(tmp_path, tiny_checkpoint):
    target = tmp_path / "checkpoint.pt"
    target.write_bytes(tiny_checkpoint.read_bytes())
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        save_checkpoint(target, {"model": lambda: None})  # not serializable: fails midway
    assert read_checkpoint(target)["step"] == 12
    assert [p.name for p in tmp_path.iterdir()] == ["checkpoint.pt"]  # no temporary file left behind


def test_the_shipped_checkpoint_loads(torch_threads):
    _, info = load_model(SHIPPED)
    assert Path(SHIPPED).stat().st_size < 50 * 2**20
    assert info["tokens_seen"] > 0 and 1_000_000 < info["parameters"] < 5_000_000
    assert info["config"]["name"] == "composer-3m"
