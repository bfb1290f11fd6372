"""Every `cadenza` subcommand refuses the audit's absurd files with one line and exit 2, writing nothing."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from cli_runner import run_cadenza as cadenza

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from absurd_files import absurd_files  # noqa: E402

SONG = Path(__file__).resolve().parents[1] / "data" / "midi" / "pop909_001.mid"
COMMANDS = {
    "convert": ("out.mid",),
    "render": ("out.wav",),
    "generate": ("out.mid", "--task", "melody", "--bars", "1-2"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_absurd_files_are_refused_in_one_line_by_every_subcommand(capsys, tmp_path, command):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path, phrase in absurd_files(inputs):
        args = [tmp_path / a if a.startswith("out.") else a for a in COMMANDS[command]]
        started = time.perf_counter()
        code, out, err = cadenza(capsys, command, path, *args)
        elapsed = time.perf_counter() - started
        assert code == 2 and err.count("\n") == 1 and phrase in err and str(path) in err, (path, err)
        assert elapsed < 10, (path, elapsed)  # refused, not worked through (milliseconds on an idle machine)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_info_reports_each_absurd_midi_file_on_its_own_line(capsys, tmp_path):
    files = [(path, phrase) for path, phrase in absurd_files(tmp_path) if path.suffix == ".mid"]
    code, out, err = cadenza(capsys, "info", *[path for path, _ in files])
    assert code == 2 and err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["file"] for line in lines] == [str(path) for path, _ in files]
    assert all(phrase in line["error"] for line, (_, phrase) in zip(lines, files))


def test_continue_by_a_hundred_thousand_bars_is_refused_before_the_model_loads(capsys, tmp_path):
    code, out, err = cadenza(capsys, "generate", SONG, tmp_path / "more.mid", "--task", "continue",
                             "--bars", "+100000", "--model", tmp_path / "no-model.pt")
    assert (code, out) == (2, "")
    assert err == "cadenza generate: +100000 bars: continue adds at most 128 bars at a time\n"
    assert list(tmp_path.iterdir()) == []
