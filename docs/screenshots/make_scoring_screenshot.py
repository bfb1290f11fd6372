"""Regenerate scoring.png: a cue at 24 fps from 01:00:00:00, three hits marked by timecode, the tempo fitted to them.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_scoring_screenshot.py [cue.cadenza]

Everything goes through the widgets a user drives: the timecode dialog, the
marker lane's "Add hit point at timecode", the fit-tempo dialog's Apply. With
a path, the cue is also saved there before the fit (so `cadenza fit-tempo`
can be tried on the same project). What the dialog showed is printed.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication  # noqa: E402

HITS = (("Door", "01:00:04:19"), ("Slam", "01:00:12:00"), ("Cut", "01:00:19:05"))


def main() -> None:
    app = QApplication([])
    from app import theme
    from app.fit_tempo_dialog import FitTempoDialog
    from app.main_window import MainWindow
    from app.timecode_dialog import TimecodeDialog
    from engine.midi import read_midi
    from engine.project import Project, save_project

    theme.apply_dark_palette(app)
    window = MainWindow(read_midi(REPO / "tests" / "data" / "midi" / "pop909_001.mid"), interactive=False,
                        player_factory=None)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    settings = TimecodeDialog(window.session, window)
    settings.rate.setCurrentIndex(settings.rate.findData("24"))
    settings.start.setText("01:00:00:00")
    assert settings.apply()
    for name, label in HITS:
        assert window.editor.marker_lane.add_hit_at_timecode(label, name)
    if len(sys.argv) > 1:
        save_project(Project(window.session.song), sys.argv[1])
    dialog = FitTempoDialog(window.session, window)
    for row in range(dialog.table.rowCount()):
        print(" | ".join(dialog.table.item(row, c).text() for c in range(1, 5)))
    print(dialog.summary.text())
    assert dialog.apply()
    song = window.session.song
    window.options.seek(next(m.tick for m in song.markers if m.text == "Slam"))
    window.editor.view.zoom_time(0.45)
    window.editor.view.scroll_to(x=0)
    app.processEvents()
    window.grab().save(str(HERE / "scoring.png"))
    print("transport:", window.transport_bar.position.text())


if __name__ == "__main__":
    main()
