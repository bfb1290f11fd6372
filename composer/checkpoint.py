"""Composer checkpoints: save atomically, load with one clear error, export the small shipped file.

A checkpoint is a `torch.save`d dict of plain values (read back with
`weights_only=True`, so loading a file never runs code):

    format "cadenza-composer", format_version, vocab (every token name, in id
    order), vocab_version, model_config, config (the whole training config),
    data_hash, step, tokens_seen, model (state dict), ema (state dict or None),
    and for resuming only: optimizer, history, torch_rng.

The vocabulary travels as names, not a version number alone: a checkpoint
whose tokens differ from this Cadenza's is refused, never silently misread.
Training alone may start from a checkpoint whose tokens are a prefix of this
Cadenza's (tokens appended since): `read_checkpoint_for_growth`, then
`grow_record` adds the new embedding rows.
Damage that still unpickles (flipped bytes inside a tensor, a zeroed tensor)
would load and make music without a word, so `save_checkpoint` adds
`weights_sha256`: a SHA-256 over the names, dtypes, shapes and bytes of every
tensor in `model` and `ema`, checked on every read. A file without one (written
before the checksum existed) is still read; the shipped file has one. Weights
that are NaN or infinite are refused on load whatever the checksum says (a
training run can diverge and save them honestly).
Every problem (missing, truncated, corrupted, another format, another version,
other tokens, a checksum that does not match, non-finite weights, weights that
do not fit the config) is a `CheckpointError`, a
`CadenzaError` with a one-line message, so the editor can say "no proposals:
<reason>" and keep working. The shipped file (`export_weights`) keeps only the
averaged (EMA) weights in bf16, a few MB.
"""
from __future__ import annotations

import hashlib
from os import PathLike
from pathlib import Path

import torch

from composer.model import Composer, ModelConfig
from composer.tokens.vocab import VOCAB, VOCAB_VERSION
from engine.atomic import atomic_write_via
from engine.errors import CadenzaError

FORMAT = "cadenza-composer"
FORMAT_VERSION = 1


class CheckpointError(CadenzaError):
    """A composer checkpoint that cannot be used: `path: reason`."""

    def __init__(self, path: str | PathLike[str], reason: str) -> None:
        self.path, self.reason = str(path), reason
        super().__init__(f"{self.path}: {reason}")


def save_checkpoint(path: str | PathLike[str], state: dict) -> None:
    """Write `state` (see the module docstring) atomically: the old file stays whole until the new one is."""
    record = {"format": FORMAT, "format_version": FORMAT_VERSION, "vocab": list(VOCAB.names),
              "vocab_version": VOCAB_VERSION, **state}
    record["weights_sha256"] = weights_checksum(record)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_via(path, lambda temp: torch.save(record, temp))


def weights_checksum(record: dict) -> str:
    """SHA-256 (hex) of the record's `model` and `ema` weights: every tensor's name, dtype, shape and bytes."""
    digest = hashlib.sha256()
    for part in ("model", "ema"):
        weights = record.get(part)
        if weights is None:
            continue
        for name in sorted(weights):
            tensor = weights[name].detach().cpu().contiguous()
            digest.update(f"{part}/{name}/{tensor.dtype}/{tuple(tensor.shape)}\n".encode())
            digest.update(tensor.reshape(-1).view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()


def read_checkpoint(path: str | PathLike[str]) -> dict:
    """The checkpoint's dict, checked to be one this Cadenza can use; CheckpointError otherwise."""
    return _read(Path(path), growth=False)


def read_checkpoint_for_growth(path: str | PathLike[str]) -> dict:
    """Like read_checkpoint, but also accepts a checkpoint whose vocabulary is a strict prefix of this
    Cadenza's (tokens were appended since: v1's 572 are the first 572 of v2's). Its weights then need
    `grow_record` before they fit a model of the current vocabulary. Training starts from such a file;
    `load_model` reads one for inference too (an older model beside a new one, never given a new token)."""
    return _read(Path(path), growth=True)


def _read(path: Path, growth: bool) -> dict:
    if not path.is_file():
        raise CheckpointError(path, "no composer checkpoint here")
    try:
        record = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # noqa: BLE001 - damaged bytes raise whatever the unpickler meets; all are one line
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise CheckpointError(path, f"not a readable checkpoint (corrupted or truncated: {first_line[:120]})") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise CheckpointError(path, "not a Cadenza composer checkpoint")
    version = record.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CheckpointError(path, f"checkpoint format {version}; this Cadenza reads format {FORMAT_VERSION}")
    vocab = record.get("vocab")
    grows = growth and isinstance(vocab, list) and len(vocab) < len(VOCAB) \
        and vocab == list(VOCAB.names[:len(vocab)])
    if vocab != list(VOCAB.names) and not grows:
        raise CheckpointError(path, f"its tokens (vocabulary v{record.get('vocab_version')}) differ from this "
                                    f"Cadenza's (v{VOCAB_VERSION}); retrain or use a matching checkpoint")
    for key in ("model_config", "model", "config", "data_hash", "step", "tokens_seen"):
        if key not in record:
            raise CheckpointError(path, f"incomplete checkpoint (no {key!r})")
    _check_weights(record, path)
    return record


def _check_weights(record: dict, path: Path) -> None:
    """The checksum (when the file has one) matches, and every weight is a finite number."""
    expected = record.get("weights_sha256")
    try:
        actual = weights_checksum(record)
        finite = all(bool(torch.isfinite(tensor).all()) for part in ("model", "ema") if record.get(part) is not None
                     for tensor in record[part].values() if tensor.is_floating_point())
    except (AttributeError, TypeError, RuntimeError):
        raise CheckpointError(path, "its weights are not tensors (damaged file)") from None
    if expected is not None and expected != actual:
        raise CheckpointError(path, "damaged: its weights do not match their checksum; reinstall or retrain")
    if not finite:
        raise CheckpointError(path, "damaged: some weights are not finite numbers (NaN or infinity)")


def grow_vocabulary(state_dict: dict, old_size: int, new_size: int, seed: int = 0) -> dict:
    """A copy of `state_dict` whose token embedding (and output head, tied to it) has `new_size` rows: the
    first `old_size` unchanged, each new one the mean of the old rows plus seeded noise (1% of their spread),
    so a new token starts out as an average one."""
    grown = dict(state_dict)
    embed = state_dict["embed.weight"]
    if embed.shape[0] != old_size or new_size < old_size:
        raise ValueError(f"embed.weight has {embed.shape[0]} rows; cannot grow {old_size} -> {new_size}")
    rows = embed.float()
    noise = torch.randn(new_size - old_size, rows.shape[1], generator=torch.Generator().manual_seed(seed))
    new_rows = rows.mean(0, keepdim=True) + 0.01 * rows.std() * noise
    grown["embed.weight"] = torch.cat([rows, new_rows]).to(embed.dtype)
    head = state_dict.get("head.weight")
    if head is not None:  # tied to embed in Composer: stored twice in a training checkpoint, once when shipped
        grown["head.weight"] = grown["embed.weight"] if head is embed or torch.equal(head, embed) else \
            torch.cat([head.float(), head.float().mean(0, keepdim=True) + 0.01 * head.float().std() * noise]
                      ).to(head.dtype)
    return grown


def grow_record(record: dict, seed: int = 0) -> dict:
    """A record from read_checkpoint_for_growth with its weights (model and EMA), model config and vocabulary
    grown to this Cadenza's vocabulary; the record itself when it already fits. Drops the optimizer state
    (its moments have the old shapes)."""
    old_size, new_size = len(record["vocab"]), len(VOCAB)
    if old_size == new_size:
        return record
    grown = {key: value for key, value in record.items() if key != "optimizer"}
    for key in ("model", "ema"):
        if record.get(key) is not None:
            grown[key] = grow_vocabulary(record[key], old_size, new_size, seed)
    grown["model_config"] = {**record["model_config"], "vocab_size": new_size}
    grown.update(vocab=list(VOCAB.names), vocab_version=VOCAB_VERSION, grown_from_vocab=old_size)
    return grown


def model_from_record(record: dict, path: str | PathLike[str], use_ema: bool = True,
                      dtype: torch.dtype = torch.float32) -> Composer:
    """The model a checkpoint describes, weights loaded (the EMA ones when present and `use_ema`), in eval mode."""
    try:
        model = Composer(ModelConfig(**record["model_config"]))
        weights = dict(record["ema"] if use_ema and record.get("ema") is not None else record["model"])
        weights.setdefault("head.weight", weights.get("embed.weight"))  # tied: shipped files store it once
        model.load_state_dict({k: v.float() for k, v in weights.items()})
    except (TypeError, RuntimeError, KeyError, AttributeError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise CheckpointError(path, f"weights do not fit its model config ({first_line[:120]})") from None
    return model.to(dtype).eval()


def load_model(path: str | PathLike[str], dtype: torch.dtype = torch.float32) -> tuple[Composer, dict]:
    """(model in eval mode, info) from a training checkpoint or a shipped file.

    `info` holds what a caller may show or check: step, tokens_seen, data_hash,
    the model and training config. Raises CheckpointError (one line) on any problem.
    An older checkpoint whose tokens are a prefix of this Cadenza's (v1 before the
    STYLE group) loads too, its embedding grown: every id it knows still means
    what it meant, and `info["knows_styles"]` is False so no STYLE token is ever
    put in its prompts (it never saw one). That keeps the previous shipped model
    usable beside a new one in the benchmarks.
    """
    record = read_checkpoint_for_growth(path)
    trained_vocab = len(record["vocab"])
    try:
        record = grow_record(record)
    except (ValueError, KeyError, AttributeError) as error:  # weights of another size than its own tokens
        raise CheckpointError(path, f"weights do not fit its vocabulary ({str(error)[:120]})") from None
    model = model_from_record(record, path, dtype=dtype)
    info = {k: record[k] for k in ("step", "tokens_seen", "data_hash", "model_config", "config")}
    info["parameters"] = model.parameter_count()
    info["knows_styles"] = trained_vocab >= VOCAB.groups["STYLE"].stop  # trained with every STYLE token
    return model, info


def export_weights(source: str | PathLike[str], target: str | PathLike[str], dtype: torch.dtype = torch.bfloat16) -> dict:
    """Write the small file the app ships: averaged weights in `dtype`, config, tokens, data hash. Returns its info."""
    record = read_checkpoint(source)
    model = model_from_record(record, source)  # checks the weights fit before anything is written
    state = {k: v.to(dtype) for k, v in model.state_dict().items() if k != "head.weight"}  # tied to embed
    shipped = {k: record[k] for k in ("model_config", "config", "data_hash", "step", "tokens_seen")}
    shipped.update(model=state, ema=None, history=record.get("history"))
    save_checkpoint(target, shipped)
    return {k: shipped[k] for k in ("step", "tokens_seen", "data_hash")}

