"""The MIDI toolbar and menu: input device, Record, Step input with its note length, Call and response with
its answer length, learn and preferences.

Built before any MIDI code loads (the engine's live-input modules import mido
and FluidSynth, kept off the start-up path); `MidiInput` connects the actions
once it has started. The device combo and the menu's device list show the
same choices; with no MIDI on the machine both show why, disabled.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QToolBar

from app.count_spin import BarCountSpinBox
from app.edit_menus import add_action
from app.midi_input.preferences import MAX_ANSWER_BARS
from app.roll.snap import SNAP_CHOICES, Snap

GRID = "Grid"  # the step length that follows the snap grid (as stored in the preferences)
STEP_LENGTHS = [GRID] + [s.label for s in SNAP_CHOICES[1:]]


def no_input() -> str:
    return QCoreApplication.translate("MidiToolBar", "No input")


def step_ticks(label: str, grid: Snap, ticks_per_quarter: int) -> int:
    """The step length a toolbar choice means (the snap grid, or a quarter when the grid is off)."""
    if label == GRID:
        return grid.step(ticks_per_quarter) if grid.enabled else ticks_per_quarter
    snap = next((s for s in SNAP_CHOICES[1:] if s.label == label), Snap(8))
    return snap.step(ticks_per_quarter)


class MidiToolBar(QToolBar):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("MIDI"))   # the toolbar's name in the toolbars menu
        self.setObjectName("MidiToolBar")
        self.addWidget(QLabel(self.tr(" MIDI in ")))
        self.device = QComboBox()
        self.device.setMinimumWidth(220)
        self.device.setToolTip(self.tr("The MIDI keyboard or controller to play, record and step-enter with"))
        self.device.addItem(self.tr("MIDI starting…"))
        self.device.setEnabled(False)
        self.addWidget(self.device)
        self.addSeparator()
        self.step_length = QComboBox()
        self.step_length.addItem(self.tr("Grid"))
        self.step_length.addItems([s.text for s in SNAP_CHOICES[1:]])
        self.step_length.setToolTip(self.tr("Step input: the length of each step ('Grid' follows the snap grid)"))
        self.answer_bars = BarCountSpinBox(0, MAX_ANSWER_BARS)
        self.answer_bars.setSpecialValueText(self.tr("= phrase"))
        self.answer_bars.setToolTip(self.tr("Call and response: how many bars the model answers with (= phrase: as "
                                            "many as you played)"))

    def show_devices(self, names: tuple[str, ...], connected: str | None, unavailable: str) -> None:
        self.device.blockSignals(True)
        self.device.clear()
        if unavailable:
            self.device.addItem(self.tr("MIDI input unavailable"))
            self.device.setToolTip(unavailable)
        else:
            self.device.addItems([no_input(), *names])
            self.device.setCurrentIndex(names.index(connected) + 1 if connected in names else 0)
            self.device.setToolTip(self.tr("The MIDI keyboard or controller to play, record and step-enter with"))
        self.device.setEnabled(not unavailable)
        self.device.blockSignals(False)


class MidiMenu(QObject):
    """The MIDI menu; its actions (with shortcuts) are the toolbar's too."""

    def __init__(self, window: QMainWindow, toolbar: MidiToolBar, midi) -> None:
        super().__init__(window)
        bar = window.menuBar()
        self.menu = QMenu(self.tr("&MIDI"), window)
        help_menu = getattr(getattr(window, "menus", None), "help", None)  # the MIDI menu goes before Help
        bar.insertMenu(help_menu.menuAction(), self.menu) if help_menu else bar.addMenu(self.menu)
        self.devices = self.menu.addMenu(self.tr("Input &device"))
        self.rescan = add_action(window, self.menu, self.tr("Rescan MIDI inputs"), midi.rescan)
        self.menu.addSeparator()
        self.record = add_action(window, self.menu, self.tr("&Record"), midi.toggle_record, "R")
        self.record.setCheckable(True)
        self.record.setToolTip(self.tr("Record from the MIDI keyboard into the selected track at the playhead (R)"))
        self.step = add_action(window, self.menu, self.tr("&Step input"), midi.toggle_step, "N")
        self.step.setCheckable(True)
        self.step.setToolTip(self.tr("Step input: each key or chord is written at the playhead, which moves on (N)"))
        self.rest = add_action(window, self.menu, self.tr("Step input: rest"), midi.rest, "0")
        self.rest.setEnabled(False)
        self.call_response = add_action(window, self.menu, self.tr("&Call and response"), midi.toggle_call_response)
        self.call_response.setCheckable(True)
        self.call_response.setIconText(self.tr("Call ⇄ answer"))
        self.call_response.setToolTip(self.tr("Call and response: when a recording stops, the model answers the "
                                              "phrase with the next bars, and call and answer play"))
        self.menu.addSeparator()
        self.learn = add_action(window, self.menu, self.tr("MIDI &learn…"), midi.learn_dialog)
        self.preferences = add_action(window, self.menu, self.tr("MIDI and audio &preferences…"),
                                      midi.preferences_dialog)
        self.record.setIconText(self.tr("● Rec"))
        toolbar.insertAction(toolbar.actions()[2], self.record)  # after the device combo
        toolbar.addAction(self.step)
        toolbar.addWidget(toolbar.step_length)
        toolbar.addSeparator()
        toolbar.addAction(self.call_response)
        toolbar.addWidget(toolbar.answer_bars)
        self._device_group = QActionGroup(window)

    def show_devices(self, names: tuple[str, ...], connected: str | None, unavailable: str, choose) -> None:
        """Rebuild the device submenu: the inputs (the open one checked), or why there are none."""
        self.devices.clear()
        if unavailable:
            line = self.devices.addAction(unavailable)
            line.setEnabled(False)
            return
        group = self._device_group = QActionGroup(self.devices)
        for name in (None, *names):
            action = QAction(name or no_input(), self.devices, checkable=True, checked=name == connected)
            action.triggered.connect(lambda _=False, n=name: choose(n))
            group.addAction(action)
            self.devices.addAction(action)
