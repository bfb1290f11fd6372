"""Autosave and crash recovery with a real crash: a child editor process is killed with SIGKILL."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from engine.files import load_song_file
from editor_helpers import DialogAnswerer

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import os, signal, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from app.main_window import MainWindow
    from editor_helpers import click, roll_point
    window = MainWindow(player_factory=None)
    window.show()
    window.start(sys.argv[1] if len(sys.argv) > 1 else None)
    roll = window.editor.roll
    window.editor.view.center_on_pitch(64, roll.height())
    for tick in (0, 960, 1920):
        click(roll, roll_point(roll, tick + 20, 64))
    assert window.files.autosave()
    os.kill(os.getpid(), signal.SIGKILL)
""")


def crash_child(home: Path, *args: str) -> None:
    env = dict(os.environ, CADENZA_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "tests" / "app")]))
    result = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=REPO, env=env, timeout=60,
                            capture_output=True, text=True)
    assert result.returncode == -9, result.stderr


def new_window():
    from app.main_window import MainWindow

    window = MainWindow(player_factory=None)
    window.show()
    return window


def test_killed_editor_is_recovered_at_next_start(cadenza_home, qtbot):
    crash_child(cadenza_home)
    window = new_window()
    with DialogAnswerer(QMessageBox.Yes) as answers:
        window.start(None)
    assert answers.seen[0][0] == "Recover unsaved work"
    notes = window.session.song.tracks[0].notes
    assert [(n.start, n.pitch) for n in notes] == [(0, 64), (960, 64), (1920, 64)]
    assert window.files.dirty  # recovered work still has to be saved
    window.session.undo_stack.setClean()
    window.close()


def test_saved_project_then_kill_recovers_the_edits_and_the_path(cadenza_home, tmp_path, qtbot):
    saved = tmp_path / "tune.cadenza"
    window = new_window()
    window.files.start(None)
    assert window.files.save_as(str(saved))
    window.close()
    crash_child(cadenza_home, str(saved))
    assert load_song_file(saved).song.note_count == 0  # the crash never touched the saved file
    window = new_window()
    with DialogAnswerer(QMessageBox.Yes):
        window.start(None)
    assert window.files.path == str(saved) and window.session.song.note_count == 3
    assert window.files.save() and load_song_file(saved).song.note_count == 3
    window.close()


def test_declined_recovery_is_discarded(cadenza_home, qtbot):
    crash_child(cadenza_home)
    window = new_window()
    with DialogAnswerer(QMessageBox.No):
        window.start(None)
    assert window.session.song.note_count == 0
    assert window.files.recovery.pending() == []
    window.close()
