"""An editor process for the crash tests and benchmarks/bench_recovery.py, killed with SIGKILL by its parent.

    python recovery_child.py EDITS INTERVAL_S [AFTER_S]

Starts a window over an empty song, answering "Recover?" with Yes (non-interactive),
prints "ready" with the recovered note count, then adds EDITS notes through the
undo stack, one every INTERVAL_S seconds (event loop running, so the autosave
timers fire), printing "edit N T" (T: time.time()) after each; then waits
AFTER_S seconds (default: forever) and exits. The parent kills it whenever it likes.
"""
from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def run_events(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)


def main() -> None:
    edits, interval = int(sys.argv[1]), float(sys.argv[2])
    after = float(sys.argv[3]) if len(sys.argv) > 3 else 1e9
    app = QApplication([])
    from app.main_window import MainWindow
    from engine.edits import NotesEdit
    from engine.notes import Note

    window = MainWindow(player_factory=None, interactive=False)
    window.show()
    window.start(None)
    song = window.session.song
    print("ready", song.note_count, flush=True)
    track_id = song.tracks[0].id
    first = song.note_count
    for number in range(edits):
        note = Note(start=(first + number) * 240, pitch=60 + number % 12, duration=200, velocity=90)
        window.session.push(NotesEdit(track_id, added=(note,), label="Draw"))
        print("edit", first + number + 1, repr(time.time()), flush=True)
        run_events(interval)
    run_events(after)
    app.quit()


if __name__ == "__main__":
    main()
