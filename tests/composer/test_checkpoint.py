"""Checkpoints: every way a file can be wrong is one clear CadenzaError; the shipped file loads and is small."""
import pickle
from pathlib import Path

import pytest
import torch

from composer.checkpoint import (
    CheckpointError,
    export_weights,
    grow_record,
    grow_vocabulary,
    load_model,
    model_from_record,
    read_checkpoint,
    read_checkpoint_for_growth,
    save_checkpoint,
    weights_checksum,
)
from composer.export import SHIPPED
from composer.tokens.vocab import VOCAB
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
    renamed = ["PITCH_X" if name == "PITCH_60" else name for name in record["vocab"]]
    torch.save({**record, "vocab": renamed}, tmp_path / "tokens.pt")
    assert "differ from this Cadenza's" in _one_line_error(tmp_path / "tokens.pt")
    # an older vocabulary (a prefix of today's) is read, but its weights must have its size
    torch.save({**record, "vocab": record["vocab"][:-1]}, tmp_path / "older.pt")
    assert "weights do not fit its vocabulary" in _one_line_error(tmp_path / "older.pt")
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
    assert info["tokens_seen"] > 0 and 1_000_000 < info["parameters"] < 10_000_000
    assert info["config"]["name"] == "composer-8m" and info["knows_styles"]
    assert read_checkpoint(SHIPPED)["vocab"] == list(VOCAB.names)  # written with today's tokens


def test_a_checkpoint_of_an_older_vocabulary_grows_for_training_only(tmp_path, tiny_checkpoint):
    """Tokens appended since a checkpoint: its embedding grows (tied head); every old id keeps its meaning."""
    record = read_checkpoint(tiny_checkpoint)
    old = len(VOCAB) - 5
    older = {**record, "vocab": record["vocab"][:old], "model_config": {**record["model_config"], "vocab_size": old},
             "model": {k: (v[:old].clone() if k in ("embed.weight", "head.weight") else v)
                       for k, v in record["model"].items()}, "ema": None}
    older["weights_sha256"] = weights_checksum(older)  # its own weights' checksum, as save_checkpoint wrote it
    torch.save(older, tmp_path / "older.pt")
    with pytest.raises(CheckpointError, match="differ from this Cadenza's"):
        read_checkpoint(tmp_path / "older.pt")  # the strict reader, for files this Cadenza writes
    model, info = load_model(tmp_path / "older.pt")  # inference grows it, and knows it has no styles
    assert info["knows_styles"] is False and model.embed.weight.shape[0] == len(VOCAB)
    assert torch.equal(model.embed.weight[:old], older["model"]["embed.weight"].float())
    loaded = read_checkpoint_for_growth(tmp_path / "older.pt")
    grown = grow_record(loaded, seed=1)
    assert grown["model_config"]["vocab_size"] == len(VOCAB) and grown["vocab"] == list(VOCAB.names)
    embed = grown["model"]["embed.weight"]
    assert embed.shape[0] == len(VOCAB) and torch.equal(embed[:old], older["model"]["embed.weight"])
    assert torch.equal(grown["model"]["head.weight"], embed)
    mean = older["model"]["embed.weight"].mean(0)
    assert ((embed[old:] - mean).abs().max() < 0.1 * older["model"]["embed.weight"].std())
    assert not torch.equal(embed[old], embed[old + 1])  # seeded noise tells the new tokens apart
    assert torch.equal(grow_vocabulary(older["model"], old, len(VOCAB), seed=1)["embed.weight"], embed)
    model = model_from_record(grown, tmp_path / "older.pt")
    assert model.head.weight is model.embed.weight and model.embed.weight.shape[0] == len(VOCAB)
    other = {**older, "vocab": ["PAD", "SOMETHING", *older["vocab"][2:]]}  # not a prefix: refused even here
    torch.save(other, tmp_path / "other.pt")
    with pytest.raises(CheckpointError, match="differ from this Cadenza's"):
        read_checkpoint_for_growth(tmp_path / "other.pt")
