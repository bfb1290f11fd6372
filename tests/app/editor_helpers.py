"""The editor tests' song, the offline Player, and real input sent to real widgets.

Real input: mouse presses, moves and releases sent to real widgets at song coordinates.

QTest.mouseMove keeps the held button but drops keyboard modifiers, so moves
are sent as QMouseEvents with both; presses and releases go through QTest.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from engine.chords import ChordEvent, parse_chord
from engine.keys import Key, KeySignature
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

NO_MODS = Qt.KeyboardModifier.NoModifier


def make_song() -> Song:
    melody = Track(id=1, name="Melody", role=TrackRole.MELODY, program=0, channel=0, notes=(
        Note(start=0, pitch=60, duration=480, velocity=90),
        Note(start=480, pitch=62, duration=480, velocity=80),
        Note(start=960, pitch=64, duration=960, velocity=100),
    ))
    bass = Track(id=2, name="Bass", role=TrackRole.BASS, program=33, channel=1, notes=(
        Note(start=0, pitch=36, duration=1920, velocity=100),
    ))
    return Song(tracks=(melody, bass), chords=(ChordEvent(0, parse_chord("C")),), title="Test")


def chorded_song() -> Song:
    """make_song's two tracks over four bars of C major with a chord per bar (C F G C): the proposal tests' song."""
    base = make_song()
    meters = base.meter_map
    chords = tuple(ChordEvent(meters.bar_start(i), parse_chord(c)) for i, c in enumerate(("C", "F", "G", "C")))
    return base.with_(chords=chords, keys=(KeySignature(0, Key(0, "major")),), end_tick=meters.bar_start(4))


def offline_player():
    """The real engine Player on its device-less output: time moves only when the test pulls audio."""
    from engine.audio.output import OfflineOutput
    from engine.audio.player import Player

    return Player(output=OfflineOutput())


C4, D4, E4 = (Note(start=0, pitch=60, duration=480, velocity=90), Note(start=480, pitch=62, duration=480, velocity=80),
              Note(start=960, pitch=64, duration=960, velocity=100))


def melody(window):
    return window.session.song.track(1).notes


def roll_point(roll, tick: float, pitch: int) -> QPoint:
    """The pixel of the roll at `tick`, in the middle of `pitch`'s row."""
    view = roll.view
    return QPoint(round(view.x_of(tick)), round(view.y_of(pitch) + view.key_height / 2))


def lane_point(lane, tick: float, y: int | None = None) -> QPoint:
    return QPoint(round(lane.view.x_of(tick)), lane.height() // 2 if y is None else y)


def press(widget: QWidget, pos: QPoint, button=Qt.LeftButton, mods=NO_MODS) -> None:
    QTest.mousePress(widget, button, mods, pos)


def move(widget: QWidget, pos: QPoint, buttons=Qt.LeftButton, mods=NO_MODS) -> None:
    global_pos = QPointF(widget.mapToGlobal(pos))
    event = QMouseEvent(QEvent.MouseMove, QPointF(pos), global_pos, Qt.NoButton, buttons, mods)
    QApplication.sendEvent(widget, event)


def release(widget: QWidget, pos: QPoint, button=Qt.LeftButton, mods=NO_MODS) -> None:
    QTest.mouseRelease(widget, button, mods, pos)


def drag(widget: QWidget, start: QPoint, end: QPoint, button=Qt.LeftButton, mods=NO_MODS, steps: int = 4) -> None:
    """Press at `start`, move there in a few steps, release: what a hand does."""
    press(widget, start, button, mods)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        move(widget, point, button, mods)
    release(widget, end, button, mods)


def click(widget: QWidget, pos: QPoint, button=Qt.LeftButton, mods=NO_MODS) -> None:
    press(widget, pos, button, mods)
    release(widget, pos, button, mods)


def key(widget: QWidget, key, mods=NO_MODS) -> None:
    QTest.keyClick(widget, key, mods)


def undo_all(session) -> None:
    while session.undo_stack.canUndo():
        session.undo_stack.undo()


class DialogAnswerer:
    """Answers the app's modal message boxes like a user: reads each one, then clicks a button.

    `answers` are QMessageBox.StandardButtons used in order (the last one repeats).
    A QTimer polls for the modal box, so the code under test runs unchanged.
    """

    def __init__(self, *answers) -> None:
        from PySide6.QtCore import QTimer

        self.answers = list(answers) or [None]
        self.seen: list[tuple[str, str]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        self.seen.append((box.windowTitle(), box.text()))
        answer = self.answers[min(len(self.seen) - 1, len(self.answers) - 1)]
        button = box.button(answer) if answer is not None else box.buttons()[0]
        button.click()

    def stop(self) -> None:
        self.timer.stop()

    def __enter__(self) -> "DialogAnswerer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def seeded_proposals(window, checkpoint, takes: int, seed: int = 11):
    """The window's proposal controller on the tests' tiny checkpoint, `takes` per generation, seed locked."""
    controller = window.proposals
    controller.model_path = str(checkpoint)
    controller.panel.takes.setValue(takes)
    controller.panel.seed_locked.setChecked(True)
    controller.panel.seed.setValue(seed)
    return controller


def select_bars(window, first: int, last: int, shift=True) -> None:
    """Shift+drag on the ruler from the middle of bar `first` to the middle of bar `last` (0-based)."""
    ruler, meters = window.editor.ruler, window.session.song.meter_map
    half = meters.bar_start(1) // 2
    y = ruler.height() // 2
    start = QPoint(round(ruler.view.x_of(meters.bar_start(first) + half)), y)
    end = QPoint(round(ruler.view.x_of(meters.bar_start(last) + half)), y)
    drag(ruler, start, end, mods=Qt.ShiftModifier if shift else Qt.NoModifier)
