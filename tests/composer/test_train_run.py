"""`python -m composer.train` end to end on the tiny config: outputs, exact resume, signals, two processes."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import torch

from composer.checkpoint import export_weights, read_checkpoint
from composer.train import main as train

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


def test_starting_from_another_experiments_weights_is_refused(tmp_path, datasets, tiny_checkpoint, tiny_config_file,
                                                              capsys):
    shipped = tmp_path / "shipped.pt"
    export_weights(tiny_checkpoint, shipped)
    config = json.loads(tiny_config_file(tmp_path).read_text())
    config["seed"] = 99
    (tmp_path / "other.json").write_text(json.dumps(config))
    code = train(["--config", str(tmp_path / "other.json"), "--datasets", str(datasets),
                  "--out-dir", str(tmp_path / "other"), "--init-from", str(shipped)])
    message = capsys.readouterr().err.strip()
    assert code == 2 and "another experiment" in message and "\n" not in message
    assert not (tmp_path / "other" / "checkpoint.pt").exists()


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
