"""Regenerate proposal-overlay.png and proposal-panel.png: real takes from a real checkpoint, shown in place.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_proposal_screenshots.py [--model PATH]

The demo song is make_screenshots.py's; bars 5-6 of the melody and the strings
are the region, the model writes four melody takes (seed 7) and the second is
shown. Without --model the shipped resources/composer.pt is used.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from make_screenshots import demo_project, shoot  # noqa: E402
from engine.project import save_project  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", help="a composer checkpoint (default: the shipped one)")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from app import theme
    from app.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CADENZA_HOME"] = tmp
        path = str(Path(tmp) / "demo.cadenza")
        save_project(demo_project(), path)
        app = QApplication.instance() or QApplication([])
        theme.apply_dark_palette(app)
        window = MainWindow(interactive=False, player_factory=None)
        window.show()
        window.start(path)
        controller, editor, session = window.proposals, window.editor, window.session
        controller.model_path = args.model
        window.options.set(loop=None, loop_enabled=False)
        panel = controller.panel
        panel.takes.setValue(4)
        panel.seed_locked.setChecked(True)
        panel.seed.setValue(7)
        controller.region.set_bars(4, 5)
        controller.region.toggle_track(session.song.tracks[1].id)
        melody = session.song.tracks[0]
        start, end = session.song.meter_map.bar_range(4, 5)
        controller.region.lock_notes(melody.id, melody.notes_between(start, start + 480))
        for _ in range(5):  # the first layout and paint settle first: the probe measures generation only
            app.processEvents()
        controller.generate("melody")
        while controller.running:
            app.processEvents()
        controller.step(1)
        editor.view.scroll_to(x=session.song.meter_map.bar_start(3) * editor.view.px_per_tick)
        take = controller.current_take
        pitches = sorted(n.pitch for n in take.notes[melody.id])
        editor.view.center_on_pitch(pitches[len(pitches) // 2], editor.roll.height())
        shoot(window, app, "proposal-overlay.png")
        panel.grab().save(str(HERE / "proposal-panel.png"))
        print("wrote", HERE / "proposal-panel.png", "-", panel.status.text().splitlines()[0])
        session.undo_stack.setClean()
        window.close()


if __name__ == "__main__":
    main()
