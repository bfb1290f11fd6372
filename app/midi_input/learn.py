"""MIDI learn in the editor: the learnable actions, what a bound control does, and the dialog.

Only actions the editor has today are learnable: play/stop, record, metronome
on/off and the proposal panel's Generate (buttons or pads), the tempo (a knob
or fader, 40..240 BPM) and the panel's Adventurous slider (a knob, 1..10). A
button acts when pressed: a CC crossing from below half to above, or a pad's
note-on. A tempo knob sends a stream of values; the tempo edit is made once it
rests (TEMPO_SETTLE_MS), so turning it is one undo step, not a hundred. Other
knobs (`knobs`) are not edits and follow every value at once.

`MidiLearn.on_action` runs on the MIDI thread, so it only emits a queued
signal. Bindings are saved to QSettings whenever the dialog sees them change.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import fill
from app.midi_input import preferences
from engine.live.errors import MidiInputError
from engine.live.learn import CC, Binding, MidiLearn

TEMPO_SETTLE_MS = 300
REFRESH_MS = 100


@dataclass(frozen=True)
class Learnable:
    name: str
    label: str
    low: float = 0.0
    high: float = 1.0


LEARNABLE = (Learnable("play", QT_TRANSLATE_NOOP("LearnDialog", "Play / stop")),
             Learnable("record", QT_TRANSLATE_NOOP("LearnDialog", "Record")),
             Learnable("metronome", QT_TRANSLATE_NOOP("LearnDialog", "Metronome on/off")),
             Learnable("tempo", QT_TRANSLATE_NOOP("LearnDialog", "Tempo (knob, 40–240 BPM)"), 40.0, 240.0),
             Learnable("generate", QT_TRANSLATE_NOOP("LearnDialog", "Generate (Proposals panel)")),
             Learnable("adventure", QT_TRANSLATE_NOOP("LearnDialog", "Adventurousness (knob, safe–wild)"), 1.0, 10.0))


def describe(binding: Binding | None) -> str:
    """A bound control as the dialog shows it: "CC 21, channel 1", "Note 36, any channel"."""
    if binding is None:
        return "—"
    translate = QCoreApplication.translate
    if binding.kind == CC:
        text = translate("LearnDialog", "CC %1, any channel") if binding.channel is None else \
            translate("LearnDialog", "CC %1, channel %2")
    else:
        text = translate("LearnDialog", "Note %1, any channel") if binding.channel is None else \
            translate("LearnDialog", "Note %1, channel %2")
    return fill(text, binding.number, None if binding.channel is None else binding.channel + 1)


class LearnActions(QObject):
    """Runs bound actions on the UI thread: `buttons` take no argument, `tempo` takes BPM, `knobs` their value."""

    _fired = Signal(str, float)

    def __init__(self, learn: MidiLearn, buttons: dict[str, Callable[[], object]],
                 tempo: Callable[[float], object], parent: QObject | None = None, *,
                 knobs: dict[str, Callable[[float], object]] | None = None) -> None:
        super().__init__(parent)
        self.learn = learn
        self.buttons = buttons
        self.tempo = tempo
        self.knobs = knobs or {}
        self._down: set[str] = set()
        self._tempo_value: float | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(TEMPO_SETTLE_MS)
        self._settle.timeout.connect(self._apply_tempo)
        self._fired.connect(self._on_action)
        learn.on_action = self._fired.emit
        saved = preferences.load_bindings()
        if saved:
            try:
                learn.load_dict(saved)
            except MidiInputError:
                pass  # a damaged settings entry: start without bindings rather than fail

    def _on_action(self, action: str, value: float) -> None:
        if action == "tempo":
            self._tempo_value = value
            self._settle.start()
            return
        if action in self.knobs:
            self.knobs[action](value)
            return
        binding = next((b for b in self.learn.bindings if b.action == action), None)
        if binding is not None and binding.kind == CC:  # a CC button sends press and release
            if value < 0.5:
                self._down.discard(action)
                return
            if action in self._down:
                return
            self._down.add(action)
        slot = self.buttons.get(action)
        if slot is not None:
            slot()

    def _apply_tempo(self) -> None:
        if self._tempo_value is not None:
            self.tempo(round(self._tempo_value, 1))
            self._tempo_value = None

    def save(self) -> None:
        preferences.save_bindings(self.learn.to_dict())


class LearnDialog(QDialog):
    """One row per action: its control, Learn (then move a knob or press a pad) and Clear."""

    def __init__(self, actions: LearnActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("MIDI learn"))
        self.actions = actions
        self.learn = actions.learn
        self.table = QTableWidget(len(LEARNABLE), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Control"), ""])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.learn_buttons: dict[str, QPushButton] = {}
        for row, item in enumerate(LEARNABLE):
            self.table.setItem(row, 0, QTableWidgetItem(self.tr(item.label)))
            self.table.setItem(row, 1, QTableWidgetItem())
            cell = QWidget()
            buttons = QHBoxLayout(cell)
            buttons.setContentsMargins(2, 0, 2, 0)
            learn = QPushButton(self.tr("Learn"))
            learn.setCheckable(True)
            learn.clicked.connect(lambda checked, i=item: self.arm(i) if checked else self.learn.cancel_learning())
            clear = QPushButton(self.tr("Clear"))
            clear.clicked.connect(lambda _=False, i=item: self.clear(i))
            buttons.addWidget(learn)
            buttons.addWidget(clear)
            self.table.setCellWidget(row, 2, cell)
            self.learn_buttons[item.name] = learn
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel(self.tr("Press Learn, then move a knob or press a button or pad on the controller."))
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        layout.addWidget(close)
        self.resize(560, 260)
        self._shown: list[Binding] = []
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.finished.connect(lambda _: self._close())
        self.refresh()

    def arm(self, item: Learnable) -> None:
        self.learn.learn(item.name, item.low, item.high)
        self.refresh()

    def clear(self, item: Learnable) -> None:
        self.learn.unbind(item.name)
        self.refresh()

    def refresh(self) -> None:
        """Show the bindings and the action waiting for a control; save when they changed."""
        bindings = self.learn.bindings
        if bindings != self._shown:
            self._shown = bindings
            self.actions.save()
        waiting = self.learn.learning
        by_action = {b.action: b for b in bindings}
        for row, item in enumerate(LEARNABLE):
            text = self.tr("waiting for a control…") if waiting == item.name else describe(by_action.get(item.name))
            self.table.item(row, 1).setText(text)
            self.learn_buttons[item.name].setChecked(waiting == item.name)

    def _close(self) -> None:
        self._timer.stop()
        self.learn.cancel_learning()
        self.refresh()
