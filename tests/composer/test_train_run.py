"""`python -m composer.train` end to end on the tiny config: outputs, exact resume, signals, two processes,
data workers, budgets, per-role losses, best.pt, fine-tuning across data and vocabulary changes."""
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from composer.checkpoint import export_weights, read_checkpoint, weights_checksum
from composer.tokens.vocab import VOCAB
from composer.train import main as train
from composer.train import resolve_device, role_masks
from composer.training.config import ConfigError, load_config
from composer.training.examples import Corpus, make_batch, sample_example
from composer.training.roles import FILL_ROLES, fill_roles
from composer.training.workers import Batches

ROOT = Path(__file__).resolve().parents[2]


def test_a_run_writes_checkpoint_loss_curve_and_metrics(tiny_checkpoint):
    record = read_checkpoint(tiny_checkpoint)
    assert record["step"] == 12 and record["tokens_seen"] == 12 * 4 * 256
    assert record["config"]["model"] == {"block_size": 256, "n_layer": 2, "n_head": 2, "n_embd": 64}
    assert len(record["data_hash"]) == 16 and record["ema"] is not None
    run = tiny_checkpoint.parent
    assert (run / "loss.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    metrics = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert [m["step"] for m in metrics] == [6, 12]
    train_losses = [row[3] for row in record["history"]["train"]]
    assert train_losses[-1] < train_losses[0]  # it learns something even in 12 steps
    for m in metrics:  # the fill loss split by the role of the lane filled, weighted back to the whole
        roles, tokens = m["val_role_loss_ema"], m["val_role_tokens"]
        assert roles and set(roles) == set(tokens) <= set(FILL_ROLES) and set(m["val_role_loss"]) == set(roles)
        whole = sum(roles[r] * tokens[r] for r in roles) / sum(tokens.values())
        assert abs(whole - m["val_fill_loss_ema"]) < 1e-4
    best = min(metrics, key=lambda m: m["val_fill_loss_ema"])
    kept = read_checkpoint(run / "best.pt")
    assert kept["step"] == kept["best"]["step"] == best["step"]
    assert kept["best"]["val_fill_loss_ema"] == best["val_fill_loss_ema"] and "optimizer" not in kept
    assert record["best"] == kept["best"]


def test_fill_roles_follow_lanes_with_or_without_a_style_token(datasets, tiny_config_file, tmp_path):
    """Each fill token's role, in one example and in packed sequences (exactly the weight-1 targets);
    an optional STYLE_x after TEMPO in the header changes nothing."""
    config = load_config(tiny_config_file(tmp_path))
    corpus = Corpus(config.data, datasets)
    rng = random.Random(3)
    for _ in range(20):
        ids = sample_example(corpus, "train", config.data, rng, 256).ids
        roles = fill_roles(ids)
        styled = ids[:4] + [VOCAB.id("STYLE_pop")] + ids[4:]
        assert fill_roles(styled) == roles[:4] + [None] + roles[4:]
        assert {r for r in roles if r} <= set(FILL_ROLES) and roles[ids.index(VOCAB.id("SEP")) + 1] is not None
    inputs, targets, weights = make_batch(corpus, "validation", config.data, rng, 4, 256)
    masks = role_masks(inputs, targets)
    union = torch.zeros_like(weights, dtype=torch.bool)
    for mask in masks.values():
        assert not (union & mask).any()
        union |= mask
    assert torch.equal(union, weights == 1)


def test_data_workers_make_the_same_batches_and_weights(tmp_path, datasets, tiny_checkpoint, tiny_config_file):
    """A batch is a function of (seed, rank, step) whoever makes it: 2 worker processes give the batches of 0,
    and a run stopped with 2 workers and resumed with none ends with the weights of a straight run."""
    config = load_config(tiny_config_file(tmp_path))
    corpus = Corpus(config.data, datasets)
    args = (corpus, config.data, datasets, config.seed, 0, 2, 256)
    with Batches(*args, workers=0) as plain, Batches(*args, workers=2) as workers:
        for step in (0, 1, 2, 3, 7, 8, 2):  # in order, then a jump ahead and one back
            for mine, theirs in zip(plain.get(step), workers.get(step)):
                assert torch.equal(mine, theirs), step
    common = ["--config", str(tiny_checkpoint.parent.parent / "config.json"), "--datasets", str(datasets),
              "--out-dir", str(tmp_path / "workers")]
    assert train([*common, "--stop-after", "5", "--data-workers", "2"]) == 0
    assert train(common) == 0
    straight, resumed = read_checkpoint(tiny_checkpoint), read_checkpoint(tmp_path / "workers" / "checkpoint.pt")
    assert resumed["step"] == 12 and resumed["config"]["train"]["data_workers"] == 0
    for name, weights in straight["ema"].items():
        assert torch.equal(weights, resumed["ema"][name]), name


def test_a_token_budget_ends_the_run_and_the_cosine(tmp_path, datasets, tiny_config_file, capsys):
    """max_tokens: steps = ceil(tokens / tokens per step), the learning rate reaches min_lr at the last one;
    a best-checkpoint guard whose ceiling no role meets keeps no best.pt."""
    config = tiny_config_file(tmp_path, steps=100000, eval_every=3, checkpoint_every=100, eval_sequences=2,
                              log_every=1, max_tokens=5 * 4 * 256 + 1, best_guard_roles=["melody", "drums"],
                              best_guard_ceiling=0.0)
    assert train(["--config", str(config), "--datasets", str(datasets), "--out-dir", str(tmp_path / "run"),
                  "--device", "auto"]) == 0
    output = capsys.readouterr().out
    record = read_checkpoint(tmp_path / "run" / "checkpoint.pt")
    assert record["step"] == 6 and record["tokens_seen"] == 6 * 4 * 256
    assert "step 6/6 " in output and "lr 3.00e-04" in output.split("step 6/6 ")[1].splitlines()[0]
    assert "token budget spent at step 6" in output and f"on {'cuda' if torch.cuda.is_available() else 'cpu'}" in output
    assert "not kept as best" in output and not (tmp_path / "run" / "best.pt").exists() and record["best"] is None


def test_a_time_budget_stops_the_run_and_counts_across_resumes(tmp_path, datasets, tiny_config_file, capsys):
    config = tiny_config_file(tmp_path, steps=100000, eval_every=100000, checkpoint_every=100000, eval_sequences=2,
                              max_seconds=1.0)
    common = ["--config", str(config), "--datasets", str(datasets), "--out-dir", str(tmp_path / "run")]
    assert train(common) == 0
    first = read_checkpoint(tmp_path / "run" / "checkpoint.pt")
    assert first["step"] >= 1 and first["elapsed_seconds"] >= 1.0
    assert "time budget spent" in capsys.readouterr().out
    assert train(common) == 0  # the budget is spent: resuming trains no more
    assert read_checkpoint(tmp_path / "run" / "checkpoint.pt")["step"] == first["step"]
    assert train([*common, "--max-seconds", str(first["elapsed_seconds"] + 1.0)]) == 0  # a bigger budget goes on
    more = read_checkpoint(tmp_path / "run" / "checkpoint.pt")
    assert more["step"] > first["step"] and more["elapsed_seconds"] >= first["elapsed_seconds"] + 1.0


def test_device_and_budget_settings_are_checked(tmp_path, datasets, tiny_config_file, capsys):
    for bad in ({"device": "gpu"}, {"max_seconds": 0}, {"best_guard_roles": ["kazoo"]}, {"data_workers": -1}):
        code = train(["--config", str(tiny_config_file(tmp_path, **bad)), "--datasets", str(datasets),
                      "--out-dir", str(tmp_path / "never")])
        message = capsys.readouterr().err.strip()
        assert code == 2 and "config.json" in message and "\n" not in message, bad
    assert resolve_device("cpu") == torch.device("cpu")
    if torch.cuda.is_available():
        assert resolve_device("cuda").type == resolve_device("auto").type == "cuda"
    else:
        assert resolve_device("auto") == torch.device("cpu")
        with pytest.raises(ConfigError, match="no CUDA device"):
            resolve_device("cuda")


def test_a_stopped_run_resumes_to_the_same_weights(tmp_path, datasets, tiny_checkpoint):
    config = tiny_checkpoint.parent.parent / "config.json"  # the fixture's run went 12 steps straight
    common = ["--config", str(config), "--datasets", str(datasets), "--out-dir", str(tmp_path / "halves")]
    assert train([*common, "--stop-after", "5"]) == 0
    assert read_checkpoint(tmp_path / "halves" / "checkpoint.pt")["step"] == 5
    assert train(common) == 0
    straight, halves = read_checkpoint(tiny_checkpoint), read_checkpoint(tmp_path / "halves" / "checkpoint.pt")
    assert halves["step"] == straight["step"] == 12
    for name, weights in straight["model"].items():
        assert torch.equal(weights, halves["model"][name]), name
    for name, weights in straight["ema"].items():
        assert torch.equal(weights, halves["ema"][name]), name


def test_resuming_another_experiment_is_refused(tmp_path, datasets, tiny_checkpoint, tiny_config_file, capsys):
    config = json.loads(tiny_config_file(tmp_path).read_text())
    config["model"]["n_embd"] = 32
    (tmp_path / "other.json").write_text(json.dumps(config))
    code = train(["--config", str(tmp_path / "other.json"), "--out-dir", str(tiny_checkpoint.parent),
                  "--datasets", str(datasets)])
    assert code == 2
    message = capsys.readouterr().err.strip()
    assert "another experiment" in message and "\n" not in message


def test_a_new_run_starts_from_shipped_weights(tmp_path, datasets, tiny_checkpoint, tiny_config_file):
    """--init-from: the weights, step and history of an exported file go on training in a new folder."""
    shipped = tmp_path / "shipped.pt"
    export_weights(tiny_checkpoint, shipped)
    config = tiny_config_file(tmp_path, steps=16, eval_every=4, checkpoint_every=4, eval_sequences=2, log_every=2)
    out = tmp_path / "warm"
    assert train(["--config", str(config), "--datasets", str(datasets), "--out-dir", str(out),
                  "--init-from", str(shipped)]) == 0
    warm, straight = read_checkpoint(out / "checkpoint.pt"), read_checkpoint(tiny_checkpoint)
    assert warm["step"] == 16 and warm["tokens_seen"] == 16 * 4 * 256
    new_losses = [row[3] for row in warm["history"]["train"] if row[0] > 12]
    assert [row[0] for row in warm["history"]["train"] if row[0] <= 12] == \
        [row[0] for row in straight["history"]["train"]]
    fresh_first_loss = straight["history"]["train"][0][3]
    assert new_losses and max(new_losses) < fresh_first_loss   # it goes on from trained weights, not from scratch


def test_starting_from_another_models_weights_is_refused(tmp_path, datasets, tiny_checkpoint, tiny_config_file,
                                                         capsys):
    shipped = tmp_path / "shipped.pt"
    export_weights(tiny_checkpoint, shipped)
    config = json.loads(tiny_config_file(tmp_path).read_text())
    config["model"]["n_layer"] = 3
    (tmp_path / "other.json").write_text(json.dumps(config))
    code = train(["--config", str(tmp_path / "other.json"), "--datasets", str(datasets),
                  "--out-dir", str(tmp_path / "other"), "--init-from", str(shipped)])
    message = capsys.readouterr().err.strip()
    assert code == 2 and "another model" in message and "\n" not in message
    assert "'model.n_layer' differs: 2 in the checkpoint, 3 now" in message
    assert not (tmp_path / "other" / "checkpoint.pt").exists()


def _older_vocabulary_checkpoint(tiny_checkpoint: Path, target: Path, old_size: int) -> None:
    """The tiny checkpoint as if trained before the last tokens were appended to the vocabulary."""
    record = read_checkpoint(tiny_checkpoint)
    for key in ("model", "ema"):
        record[key] = {name: (w[:old_size].clone() if name in ("embed.weight", "head.weight") else w)
                       for name, w in record[key].items()}
    record.update(vocab=record["vocab"][:old_size], vocab_version=1,
                  model_config={**record["model_config"], "vocab_size": old_size})
    del record["optimizer"]
    record["weights_sha256"] = weights_checksum(record)  # its own weights' checksum, as save_checkpoint wrote it
    torch.save(record, target)


def test_fine_tuning_on_other_data_with_a_grown_vocabulary(tmp_path, datasets, tiny_checkpoint, tiny_config_file,
                                                         capsys):
    """--init-from needs only the same model: other data (hash), another seed, and a checkpoint whose vocabulary
    is a prefix of today's (its embedding grows) all start a fine-tune; what differs is logged."""
    old_size = len(VOCAB) - 5
    older = tmp_path / "older.pt"
    _older_vocabulary_checkpoint(tiny_checkpoint, older, old_size)
    config = json.loads(tiny_config_file(tmp_path, steps=15, eval_every=3, checkpoint_every=3, eval_sequences=2,
                                         log_every=1).read_text())
    config["seed"], config["data"]["sources"] = 99, {"pop909": 0.6, "nottingham": 0.4}  # another data hash
    (tmp_path / "v2.json").write_text(json.dumps(config))
    out = tmp_path / "v2"
    assert train(["--config", str(tmp_path / "v2.json"), "--datasets", str(datasets), "--out-dir", str(out),
                  "--init-from", str(older)]) == 0
    output = capsys.readouterr().out
    assert f"vocabulary grown from {old_size} to {len(VOCAB)} tokens" in output
    assert "'seed' differs" in output and "'data.sources' differs" in output and "data hash" in output
    tuned = read_checkpoint(out / "checkpoint.pt")
    assert tuned["step"] == 15 and tuned["model_config"]["vocab_size"] == len(VOCAB)
    assert tuned["ema"]["embed.weight"].shape[0] == len(VOCAB)
    assert tuned["data_hash"] != read_checkpoint(tiny_checkpoint)["data_hash"]
    first = [row[3] for row in tuned["history"]["train"] if row[0] > 12]
    assert first and max(first) < read_checkpoint(tiny_checkpoint)["history"]["train"][0][3]  # trained weights


def _launch(command, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_sigterm_stops_the_run_with_a_checkpoint(tmp_path, datasets, tiny_config_file):
    config = tiny_config_file(tmp_path, steps=100000, eval_every=100000, checkpoint_every=100000)
    run = tmp_path / "run"
    process = _launch([sys.executable, "-m", "composer.train", "--config", str(config), "--out-dir", str(run),
                       "--datasets", str(datasets)], tmp_path)
    deadline = time.monotonic() + 60
    while not (run / "train.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert int((run / "train.pid").read_text()) == process.pid
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert "stopped by signal SIGTERM" in output
    assert read_checkpoint(run / "checkpoint.pt")["step"] >= 1


def test_two_processes_train_with_distributed_data_parallel(tmp_path, datasets, tiny_config_file):
    config = tiny_config_file(tmp_path, steps=3, eval_every=3, checkpoint_every=3, eval_sequences=2, log_every=1)
    torchrun = Path(sys.executable).with_name("torchrun")
    process = _launch([str(torchrun), "--nproc_per_node=2", "-m", "composer.train", "--config", str(config),
                       "--out-dir", str(tmp_path / "ddp"), "--datasets", str(datasets)], tmp_path)
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, output
    assert "2 process(es)" in output
    record = read_checkpoint(tmp_path / "ddp" / "checkpoint.pt")
    assert record["step"] == 3 and record["tokens_seen"] == 3 * 2 * 4 * 256  # two processes' batches per step
