"""Start-up: `main.py FILE --screenshot OUT.png` renders the real window; torch never loads on the way."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from engine.project import Project, save_project
from editor_helpers import make_song

REPO = Path(__file__).resolve().parents[2]


def run_app(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, CADENZA_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], cwd=REPO, env=env, timeout=120,
                          capture_output=True, text=True)


def test_screenshot_of_a_project(tmp_path, cadenza_home):
    song_path, out = tmp_path / "song.cadenza", tmp_path / "shot.png"
    save_project(Project(song=make_song()), song_path)
    result = run_app(str(song_path), "--screenshot", str(out), home=cadenza_home)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)


def test_bad_file_in_screenshot_mode_reports_and_still_renders(tmp_path, cadenza_home):
    out = tmp_path / "shot.png"
    result = run_app(str(tmp_path / "missing.mid"), "--screenshot", str(out), home=cadenza_home)
    assert result.returncode == 0 and out.is_file()
    assert f"{tmp_path / 'missing.mid'}" in result.stderr


def test_start_up_path_does_not_import_torch(tmp_path, cadenza_home):
    code = (
        "import sys; from app.main import main; "
        f"rc = main([{str(tmp_path / 'shot.png')!r}.replace('shot.png', 'x.mid'), '--screenshot', {str(tmp_path / 'shot.png')!r}]); "
        # The Qt-free proposal session (composer.proposals.session, its takes and specs) is part of the editor's
        # state; the model, the decoder and torch are not, and load on the first Generate or the warm-up.
        "print(sorted(m for m in ('torch', 'composer.model', 'composer.proposals.generate', 'music21') "
        "if m in sys.modules))"
    )
    env = dict(os.environ, CADENZA_HOME=str(cadenza_home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, timeout=120, capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr
