"""A damaged model is refused with one line: flipped bytes, a zeroed tensor, NaN weights; the shipped file passes.

The damage is done to a real checkpoint (the tiny config trained for a few
steps), the way a bad download or a diverged run leaves one.
"""
import random
import zipfile

import pytest
import torch

from composer.checkpoint import CheckpointError, load_model, read_checkpoint, save_checkpoint, weights_checksum
from composer.export import SHIPPED


def refusal(path) -> str:
    with pytest.raises(CheckpointError) as caught:
        load_model(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def tensor_bytes_span(path) -> tuple[int, int]:
    """Where the largest tensor's bytes lie in the file (a stored, uncompressed zip member)."""
    with zipfile.ZipFile(path) as archive:
        info = max((i for i in archive.infolist() if "/data/" in i.filename), key=lambda i: i.file_size)
    data = path.read_bytes()
    name_length = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    return start, start + info.file_size


def test_every_checkpoint_saved_carries_the_checksum_of_its_weights(tiny_checkpoint):
    record = read_checkpoint(tiny_checkpoint)
    assert record["weights_sha256"] == weights_checksum(record)


def test_200_flipped_bytes_in_the_weights_are_refused(tmp_path, tiny_checkpoint):
    data = bytearray(tiny_checkpoint.read_bytes())
    start, end = tensor_bytes_span(tiny_checkpoint)
    for position in random.Random(1).sample(range(start, end), 200):
        data[position] ^= 0x5A
    damaged = tmp_path / "flipped.pt"
    damaged.write_bytes(bytes(data))
    assert "do not match their checksum" in refusal(damaged)


@pytest.mark.parametrize("seed", range(12))
def test_200_flipped_bytes_anywhere_are_refused(tmp_path, tiny_checkpoint, seed):
    data = bytearray(tiny_checkpoint.read_bytes())
    for position in random.Random(seed).sample(range(len(data)), 200):
        data[position] ^= 1 << random.Random(seed + position).randrange(8)
    damaged = tmp_path / "noisy.pt"
    damaged.write_bytes(bytes(data))
    refusal(damaged)


def test_a_zeroed_tensor_is_refused(tmp_path, tiny_checkpoint):
    record = torch.load(tiny_checkpoint, map_location="cpu", weights_only=True)
    name = next(n for n in record["model"] if n.endswith("attn.weight") or n.endswith(".weight"))
    record["model"][name].zero_()
    if record.get("ema") is not None:
        record["ema"][name].zero_()
    torch.save(record, tmp_path / "zeroed.pt")  # the stored checksum is the undamaged one
    assert "do not match their checksum" in refusal(tmp_path / "zeroed.pt")


def test_nan_weights_are_refused_even_with_a_matching_checksum(tmp_path, tiny_checkpoint):
    record = read_checkpoint(tiny_checkpoint)
    weights = record["ema"] if record.get("ema") is not None else record["model"]
    next(iter(weights.values()))[0] = float("nan")
    save_checkpoint(tmp_path / "nan.pt", {k: v for k, v in record.items() if k != "weights_sha256"})
    assert "not finite" in refusal(tmp_path / "nan.pt")


def test_a_file_from_before_the_checksum_still_loads_but_not_with_infinities(tmp_path, tiny_checkpoint):
    record = torch.load(tiny_checkpoint, map_location="cpu", weights_only=True)
    del record["weights_sha256"]
    torch.save(record, tmp_path / "legacy.pt")
    load_model(tmp_path / "legacy.pt")
    next(iter(record["model"].values())).fill_(float("inf"))
    torch.save(record, tmp_path / "legacy-inf.pt")
    assert "not finite" in refusal(tmp_path / "legacy-inf.pt")


def test_the_shipped_model_has_a_checksum_and_passes_it():
    record = read_checkpoint(SHIPPED)
    assert len(record["weights_sha256"]) == 64 and record["weights_sha256"] == weights_checksum(record)
