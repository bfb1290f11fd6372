"""Regenerate the editor screenshots in this folder.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py

The demo song is a POP909 piece from tests/data with chord symbols added (the
triad that best covers each bar's notes) and a loop on bars 5-8. `main.png`
comes from the real command line (`main.py SONG --screenshot`); the other
states are set up in-process through the same widgets a user drives.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from engine.chords import Chord, ChordEvent  # noqa: E402
from engine.files import load_song_file  # noqa: E402
from engine.keys import Key, KeySignature  # noqa: E402
from engine.project import LoopRegion, Project, ProjectState, save_project  # noqa: E402
from engine.song import Song  # noqa: E402

SOURCE = REPO / "tests" / "data" / "midi" / "pop909_331.mid"
TRIADS = [Chord(root, quality) for root in range(12) for quality in ("maj", "min")]


def bar_chord(song: Song, start: int, end: int) -> Chord:
    """The major or minor triad whose tones sound longest in [start, end), the bass weighted double."""
    weight: Counter[int] = Counter()
    for track in song.tracks:
        for note in track.notes_between(start, end):
            weight[note.pitch % 12] += min(note.end, end) - note.start
        lowest = min(track.notes_between(start, end), key=lambda n: n.pitch, default=None)
        if lowest is not None:
            weight[lowest.pitch % 12] += end - start
    return max(TRIADS, key=lambda c: sum(weight[pc] for pc in c.pitch_classes))


def demo_project() -> Project:
    song = load_song_file(SOURCE).song
    meters = song.meter_map
    chords = []
    for bar in range(song.bar_count()):
        start, end = meters.bar_range(bar, bar)
        chord = bar_chord(song, start, end)
        if not chords or chords[-1].chord != chord:
            chords.append(ChordEvent(start, chord))
    names = {"MELODY": ("Melody", 73), "BRIDGE": ("Strings", 48), "PIANO": ("Piano", 0)}
    tracks = tuple(t.with_(name=names.get(t.name, (t.name, t.program))[0], program=names.get(t.name, ("", t.program))[1])
                   for t in song.tracks)
    song = song.with_(tracks=tracks, chords=tuple(chords), keys=(KeySignature(0, Key(0, "major")),),
                      title="POP909 #331 (demo)")
    loop = meters.bar_range(4, 7)
    return Project(song=song, state=ProjectState(loop=LoopRegion(loop[0], loop[1]), selected_track_id=tracks[0].id))


def shoot(window, app, name: str) -> None:
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(HERE / name))
    print("wrote", HERE / name)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CADENZA_HOME"] = tmp
        path = str(Path(tmp) / "demo.cadenza")
        save_project(demo_project(), path)
        subprocess.run([sys.executable, str(REPO / "main.py"), path, "--screenshot", str(HERE / "main.png")],
                       check=True, cwd=REPO)
        print("wrote", HERE / "main.png")
        in_process_states(path)
        midi_state()


def in_process_states(path: str) -> None:
    from PySide6.QtWidgets import QApplication

    from app import theme
    from app.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    theme.apply_dark_palette(app)
    window = MainWindow(interactive=False, player_factory=None)
    window.show()
    window.start(path)
    editor, session = window.editor, window.session
    # Editing: the select tool, a phrase selected, scale snapping on, the velocity lane showing it.
    editor.roll.set_tool("Select")
    window.options.set(snap_to_scale=True)
    melody = session.song.tracks[0]
    start, end = session.song.meter_map.bar_range(6, 7)
    session.set_selection(melody.notes_between(start, end))
    editor.view.scroll_to(x=session.song.meter_map.bar_start(4) * editor.view.px_per_tick)
    editor.show_notes()
    window.options.set_playhead(session.song.meter_map.bar_start(5))
    shoot(window, app, "editing.png")
    # The chord lane refusing a typo, inline.
    editor.chord_lane.open_editor(session.song.meter_map.bar_start(6))
    editor.chord_lane.field.setText("Hm7")
    editor.chord_lane.commit()
    shoot(window, app, "chord-error.png")
    editor.chord_lane.close_editor()
    # Zoomed out over the whole song, another track current, ghosts of the others.
    session.set_current_track(session.song.tracks[2].id)
    editor.zoom_time(0.25)
    editor.zoom_pitch(0.7)
    editor.view.scroll_to(x=0)
    editor.show_notes()
    shoot(window, app, "overview.png")
    window.files.new()
    editor.zoom_time(1 / 0.25)
    editor.zoom_pitch(1 / 0.7)
    shoot(window, app, "new-song.png")
    window.session.undo_stack.setClean()
    window.close()


def midi_state() -> None:
    """A keyboard (the engine's in-process port, played in real time) recording into a new song, MIDI menu open."""
    import time

    import mido
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from app.main_window import MainWindow
    from app.midi_input import preferences
    from engine.live.ports import VirtualBackend

    app = QApplication.instance()
    backend = VirtualBackend()
    keys = backend.plug("Keystation 49 MIDI 1")
    preferences.update(count_in_bars=0)
    window = MainWindow(interactive=False, player_factory=None, midi_backend=lambda: backend, midi_poll_seconds=0.05)
    window.show()
    window.start(None)
    while window.midi.devices is None or window.midi.devices.connected is None:
        app.processEvents()
    window.options.seek(window.session.song.meter_map.bar_start(1))
    window.midi.menu.record.trigger()
    start = time.perf_counter()
    for beat, pitch in enumerate((60, 64, 67, 72, 71, 67, 64, 65)):
        while time.perf_counter() < start + beat * 0.25:
            app.processEvents()
        keys.send(mido.Message("note_on", note=pitch, velocity=70 + 6 * beat))
        keys.send(mido.Message("note_on", note=pitch, velocity=0), start + beat * 0.25 + 0.23)
    while time.perf_counter() < start + 2.2:
        app.processEvents()
    window.editor.view.center_on_pitch(66, window.editor.roll.height())
    menu = window.midi.menu.menu
    window.menuBar().setActiveAction(menu.menuAction())
    for _ in range(5):
        app.processEvents()
    devices = window.midi.menu.devices
    menu.setActiveAction(devices.menuAction())
    devices.popup(menu.pos() + QPoint(menu.width() - 4, menu.actionGeometry(devices.menuAction()).top()))
    for _ in range(5):
        app.processEvents()
    image = window.grab().toImage()
    painter = QPainter(image)
    for popup in (menu, devices):  # popups are windows of their own: grab() leaves them out
        painter.drawPixmap(window.mapFromGlobal(popup.pos()), popup.grab())
    painter.end()
    image.save(str(HERE / "midi.png"))
    print("wrote", HERE / "midi.png")
    devices.close()
    menu.close()
    window.midi.menu.record.trigger()
    window.session.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
