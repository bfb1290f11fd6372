"""`cadenza render --normalize`: the file's peak at -1 dBFS, the gain on the summary line."""
from __future__ import annotations

import numpy as np
import soundfile

from cli_runner import run_cadenza

POP909 = "tests/data/midi/pop909_331.mid"  # 79 s of piano trio, peaking near -15 dBFS at the playback gain
# The levels below are TimGM6mb's without the gains by role (the numbers this test was written with).
PLAIN = ("--soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2", "--no-balance")


def level_db(path) -> tuple[float, float]:
    audio, _ = soundfile.read(path, dtype="float64")
    return 20 * np.log10(np.max(np.abs(audio))), 20 * np.log10(np.sqrt(np.mean(audio ** 2)))


def test_normalize_brings_the_peak_to_minus_one_dbfs(tmp_path, capsys):
    code, out, err = run_cadenza(capsys, "render", POP909, tmp_path / "plain.wav", *PLAIN)
    assert (code, err) == (0, "") and out.rstrip().endswith("; peak -15.2 dBFS)")
    code, out, err = run_cadenza(capsys, "render", POP909, tmp_path / "loud.wav", "--normalize", *PLAIN)
    assert (code, err) == (0, "") and out.count("\n") == 1
    assert out.rstrip().endswith("; normalized +14.2 dB, peak -1.0 dBFS)")
    plain_peak, plain_rms = level_db(tmp_path / "plain.wav")
    loud_peak, loud_rms = level_db(tmp_path / "loud.wav")
    assert abs(loud_peak + 1.0) < 0.1 and plain_peak < -14
    assert abs((loud_rms - plain_rms) - 14.15) < 0.05  # the whole file moved by the one gain


def test_the_help_says_what_normalize_does(capsys):
    code, out, _ = run_cadenza(capsys, "render", "--help")
    assert code == 0 and "--normalize" in out and "-1 dBFS" in out
