"""`cadenza info`: one JSON line per MIDI file, error lines for broken ones, folders searched recursively."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

from cli_runner import run_cadenza

DATA = Path(__file__).parents[1] / "data" / "midi"
KEYS = ["file", "format", "ticks_per_quarter", "tracks", "notes", "tempo_changes", "time_signatures",
        "duration_seconds", "warnings"]


def info(capsys, *paths) -> tuple[int, list[dict]]:
    code, out, _ = run_cadenza(capsys, "info", *paths)
    return code, [json.loads(line) for line in out.splitlines()]


def test_describes_a_real_file(capsys):
    code, (line,) = info(capsys, DATA / "pop909_331.mid")
    assert code == 0
    assert list(line) == KEYS
    assert (line["format"], line["ticks_per_quarter"], line["notes"]) == (1, 480, 399)
    assert line["tracks"] == [
        {"name": "MELODY", "role": "melody", "program": 0, "channel": 0, "notes": 70},
        {"name": "BRIDGE", "role": "accompaniment", "program": 0, "channel": 1, "notes": 61},
        {"name": "PIANO", "role": "accompaniment", "program": 0, "channel": 2, "notes": 268},
    ]
    assert line["tempo_changes"] == 3
    assert line["time_signatures"] == ["4/4", "4/4"]
    assert abs(line["duration_seconds"] - 77.360799) < 1e-6  # mido's MidiFile.length says 77.36079895


def test_drums_and_resolution_as_in_the_file(capsys):
    code, lines = info(capsys, DATA / "groove_d6s1_3_rock_80_beat_6-8.mid", DATA / "nottingham_jigs107.mid")
    assert code == 0
    groove, jig = lines
    assert groove["format"] == 0 and groove["tracks"][0]["role"] == "drums" and groove["tracks"][0]["channel"] == 9
    assert jig["ticks_per_quarter"] == 1024 and jig["time_signatures"][0] == "6/8"


def test_folders_recurse_and_broken_files_get_an_error_line_and_exit_2(capsys, tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(DATA / "pop909_764.mid", nested / "SONG.MID")
    shutil.copy(DATA / "nottingham_ashover1.mid", tmp_path / "tune.midi")
    (tmp_path / "karaoke.kar").write_bytes(b"MThd\x00\x00\x00\x06\x00\x01\x00\x01")
    (tmp_path / "notes.txt").write_text("not MIDI, not listed")
    code, lines = info(capsys, tmp_path, tmp_path / "missing.mid")
    assert code == 2
    assert [Path(line["file"]).name for line in lines] == ["SONG.MID", "karaoke.kar", "tune.midi", "missing.mid"]
    assert lines[1] == {"file": str(tmp_path / "karaoke.kar"), "error": "header is truncated: 12 bytes"}
    assert lines[3]["error"] == "no such file"
    assert all("error" not in line for line in (lines[0], lines[2]))


def test_empty_folder_is_an_error(capsys, tmp_path):
    code, (line,) = info(capsys, tmp_path)
    assert code == 2 and "no MIDI files" in line["error"]


def test_real_command_line_run(tmp_path):
    shutil.copy(DATA / "groove_d1s1_104_funk_95_fill_4-4.mid", tmp_path / "fill.mid")
    (tmp_path / "junk.mid").write_bytes(bytes(range(256)))
    run = subprocess.run([sys.executable, "-m", "engine.cli.main", "info", str(tmp_path)],
                         capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[2])
    assert run.returncode == 2
    assert run.stderr == ""
    fill, junk = map(json.loads, run.stdout.splitlines())
    assert fill["notes"] > 0 and fill["tracks"][0]["role"] == "drums"
    assert junk == {"file": str(tmp_path / "junk.mid"), "error": "not a MIDI file (no MThd header)"}
