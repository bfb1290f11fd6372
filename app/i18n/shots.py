"""Screenshots of the whole interface in one language, for translators and reviewers to look at.

    python -m app.i18n.shots OUT_DIR [--language zh_CN|en]

Renders offscreen (no display needed) the main window over a small song, each
menu of the menu bar opened, the roll's context menu and every dialog the
editor opens (`dialogs`, which tests/app/test_i18n.py checks for English and
clipping), one PNG each. No sound card or MIDI device is needed: the player is
device-less and MIDI input watches a virtual backend.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QCoreApplication


def dialogs(window) -> Iterator[tuple[str, object]]:
    """(name, dialog) for every dialog the editor opens, built as their menu items build them (not shown)."""
    from app import audio_preferences
    from app.audio_export import AudioExport
    from app.dialogs import QuantizeDialog, ShortcutsDialog
    from app.midi_input import preferences
    from app.midi_input.learn import LearnDialog
    from app.midi_input.preferences_dialog import PreferencesDialog
    from app.proposals.sketch import SketchDialog
    from app.score_open import ScoreOpen

    yield "quantize", QuantizeDialog(window.editor.roll.snap, window)
    yield "shortcuts", ShortcutsDialog(window.menus.shortcut_rows(), window)
    yield "preferences", PreferencesDialog(preferences.load(), audio_preferences.load(), window)
    yield "midi-learn", LearnDialog(window.midi.learn_actions, window)
    sketch = SketchDialog(window)
    sketch.start_from(window.session.song)
    yield "new-sketch", sketch
    song_file = QCoreApplication.translate("Shots", "song")
    yield "export-audio", AudioExport(window.session.song, song_file + ".wav", window)
    yield "open-score", ScoreOpen(song_file + ".musicxml", window)


def demo_song():
    """Two tracks, a chord and a few notes, named in the interface's language (the user's data)."""
    from engine.chords import ChordEvent, parse_chord
    from engine.notes import Note
    from engine.song import Song
    from engine.track import Track, TrackRole

    translate = QCoreApplication.translate  # not "tr": lupdate reads any tr(...) as QObject.tr
    melody = Track(id=1, name=translate("Shots", "Melody"), role=TrackRole.MELODY, program=0, channel=0,
                   notes=tuple(Note(start=i * 480, pitch=p, duration=480, velocity=90)
                               for i, p in enumerate((60, 62, 64, 67, 65, 64, 62, 60))))
    bass = Track(id=2, name=translate("Shots", "Bass"), role=TrackRole.BASS, program=33, channel=1,
                 notes=(Note(start=0, pitch=36, duration=1920, velocity=100),
                        Note(start=1920, pitch=41, duration=1920, velocity=100)))
    drums = Track(id=3, name=translate("Shots", "Drums"), role=TrackRole.DRUMS, program=0, channel=9,
                  notes=tuple(Note(start=i * 480, pitch=(36, 42, 38, 42)[i % 4], duration=240, velocity=100)
                              for i in range(8)))
    chords = (ChordEvent(0, parse_chord("C")), ChordEvent(1920, parse_chord("F/C")))
    return Song(tracks=(melody, bass, drums), chords=chords, title="demo")


def save(widget, out: Path) -> None:
    QCoreApplication.processEvents()
    if not widget.grab().save(str(out)):
        raise OSError(f"cannot write {out}")
    print(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.i18n.shots")
    parser.add_argument("out", help="folder for the PNG files")
    parser.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app import theme
    from app.i18n import install_translators
    from app.main_window import WINDOW_SIZE, MainWindow
    from engine.audio.output import OfflineOutput
    from engine.audio.player import Player
    from engine.live.ports import VirtualBackend

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, args.language)
    theme.apply_dark_palette(app)
    window = MainWindow(demo_song(), player_factory=lambda: Player(output=OfflineOutput()),
                        midi_backend=VirtualBackend)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.midi.start()
    window.editor.show_notes()
    window.session.set_selection(window.session.song.track(1).notes[:3])
    for _ in range(20):                       # the MIDI watcher's first listing reaches the toolbar
        QCoreApplication.processEvents()
        time.sleep(0.02)
    save(window, out / "main-window.png")
    window.session.set_current_track(3)
    save(window, out / "main-window-drum-track.png")
    window.session.set_current_track(1)
    instruments = window.track_list.row_for(1).instrument.menu()
    instruments.popup(window.track_list.mapToGlobal(window.track_list.rect().center()))
    save(instruments, out / "menu-instruments.png")
    family = instruments.actions()[0].menu()
    family.popup(instruments.pos())
    save(family, out / "menu-instruments-piano.png")
    family.hide()
    instruments.hide()
    for index, action in enumerate(a for a in window.menuBar().actions() if a.menu()):
        menu = action.menu()
        menu.popup(window.mapToGlobal(window.menuBar().actionGeometry(action).bottomLeft()))
        save(menu, out / f"menu-{index + 1}.png")
        for sub in (a.menu() for a in menu.actions() if a.menu() and a.menu().actions()):
            sub.popup(menu.pos())
            save(sub, out / f"menu-{index + 1}-{menu.actions().index(sub.menuAction()) + 1}.png")
            sub.hide()
        menu.hide()
    context = window.compose.context_menu()
    context.popup(window.pos())
    save(context, out / "context-menu.png")
    context.hide()
    for name, dialog in dialogs(window):
        dialog.show()
        save(dialog, out / f"dialog-{name}.png")
        dialog.close()
    window.session.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
