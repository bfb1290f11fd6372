"""`cadenza render` with a broken SoundFont or bad options: exactly one line on the real stderr (file descriptor 2).

Run as a separate process, because libinstpatch writes its CRITICAL line
straight to fd 2, past anything Python's sys.stderr capture would see.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SONG = REPO / "tests" / "data" / "midi" / "nottingham_ashover1.mid"


def render_stderr(tmp_path: Path, *options: str) -> str:
    result = subprocess.run([sys.executable, "-m", "composer.cli.main", "render", str(SONG), str(tmp_path / "o.wav"),
                             *options], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and not (tmp_path / "o.wav").exists()
    return result.stderr


def soundfont_cut_short(tmp_path: Path) -> Path:
    """A real SoundFont's first 300 kB: a valid RIFF header over missing sample data (a broken download)."""
    from engine.audio.soundfonts import find_soundfont

    path = tmp_path / "cut.sf2"
    path.write_bytes(Path(find_soundfont(None)).read_bytes()[:300_000])
    return path


def test_a_broken_soundfont_is_one_line_without_the_librarys_critical(tmp_path):
    cut = soundfont_cut_short(tmp_path)
    err = render_stderr(tmp_path, "--soundfont", str(cut))
    assert err == f"cadenza render: {cut}: FluidSynth could not load this SoundFont\n"


@pytest.mark.parametrize("options, phrase", [(("--sample-rate", "5"), "sample rate must be 8000..96000 Hz"),
                                             (("--soundfont", "/nonexistent.sf2"), "SoundFont not found")])
def test_bad_options_are_one_line(tmp_path, options, phrase):
    err = render_stderr(tmp_path, *options)
    assert err.count("\n") == 1 and phrase in err and "CRITICAL" not in err
