"""The proposal panel (a dock): what to write, the controls in a user's words, Generate, and the take list.

It holds widgets only: the controller connects its buttons and reads
`settings()`. Settings persist between runs in QSettings (under
"proposals/"), read once when the panel is built and written on every change.
"""
from __future__ import annotations

import random

from PySide6.QtCore import QCoreApplication, Qt, Signal, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QProgressBar, QPushButton, QSlider, QSpinBox, QVBoxLayout, QWidget)

from app import theme
from app.count_spin import BarCountSpinBox
from app.settings import settings as user_settings
from app.i18n import fill
from app.i18n.terms import task_label
from app.proposals import originality_badge
from app.proposals.controls import CHORD_WORDS, DENSITY_WORDS, RANGE_WORDS
from app.proposals.takes import take_label
from composer.proposals.takes import Take
from composer.proposals.tasks import TASKS

# The settings' words as the boxes show them (the stored values stay the English words).
WORDS = {
    "auto": QT_TRANSLATE_NOOP("ProposalPanel", "Auto"),
    "sparse": QT_TRANSLATE_NOOP("ProposalPanel", "Sparse"),
    "medium": QT_TRANSLATE_NOOP("ProposalPanel", "Medium"),
    "busy": QT_TRANSLATE_NOOP("ProposalPanel", "Busy"),
    "loosely": QT_TRANSLATE_NOOP("ProposalPanel", "Loosely"),
    "closely": QT_TRANSLATE_NOOP("ProposalPanel", "Closely"),
    "ignore": QT_TRANSLATE_NOOP("ProposalPanel", "Ignore"),
    "any": QT_TRANSLATE_NOOP("ProposalPanel", "Any"),
    "low": QT_TRANSLATE_NOOP("ProposalPanel", "Low (E1–G3)"),
    "middle": QT_TRANSLATE_NOOP("ProposalPanel", "Middle (C3–G5)"),
    "high": QT_TRANSLATE_NOOP("ProposalPanel", "High (C4–G6)"),
}
# The settings by the name of their row, for a take's tooltip ("Density: Busy").
SETTING_NAMES = {
    "task": QT_TRANSLATE_NOOP("ProposalPanel", "Write"),
    "adventure": QT_TRANSLATE_NOOP("ProposalPanel", "Adventurous"),
    "density": QT_TRANSLATE_NOOP("ProposalPanel", "Density"),
    "range": QT_TRANSLATE_NOOP("ProposalPanel", "Range"),
    "follow_chords": QT_TRANSLATE_NOOP("ProposalPanel", "Follow chords"),
    "key_lock": QT_TRANSLATE_NOOP("ProposalPanel", "Stay in key"),
    "takes": QT_TRANSLATE_NOOP("ProposalPanel", "Takes"),
    "seed": QT_TRANSLATE_NOOP("ProposalPanel", "Seed"),
    "seed_locked": QT_TRANSLATE_NOOP("ProposalPanel", "Lock"),
    "continue_bars": QT_TRANSLATE_NOOP("ProposalPanel", "Continue by"),
    "style": QT_TRANSLATE_NOOP("ProposalPanel", "Style"),
    "avoid_close": QT_TRANSLATE_NOOP("ProposalPanel", "Avoid close matches"),
}
DEFAULTS = {"task": "melody", "adventure": 5, "density": "auto", "range": "any", "follow_chords": "loosely",
            "key_lock": True, "takes": 4, "seed": 1, "seed_locked": False, "continue_bars": 4,
            "avoid_close": False}
TAKE_COLOUR = "#ff5fd2"


def _combo(words) -> QComboBox:
    combo = QComboBox()
    for word in words:
        combo.addItem(QCoreApplication.translate("ProposalPanel", WORDS[word]), word)
    return combo


class ProposalPanel(QWidget):
    settingsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProposalPanel")
        self.region_label = QLabel()
        self.region_label.setWordWrap(True)
        self.task = QComboBox()
        for task in TASKS:                 # composer.proposals.tasks: one entry per task
            self.task.addItem(task_label(task.value), task.value)
        self.adventure = QSlider(Qt.Horizontal)
        self.adventure.setRange(1, 10)
        self.adventure.setToolTip(self.tr("Safe (1) to adventurous (10): how far the model strays from its first choices"))
        self.density = _combo(DENSITY_WORDS)
        self.density.setToolTip(self.tr("How many notes per bar"))
        self.range = _combo(RANGE_WORDS)
        self.follow_chords = _combo(CHORD_WORDS)
        self.follow_chords.setToolTip(self.tr("Loosely: chord tones favoured; closely: chord tones on the beats"))
        self.key_lock = QCheckBox(self.tr("Stay in key"))
        self.key_lock.setToolTip(self.tr("Only the song's scale (off: the scale is only favoured)"))
        self.takes = QSpinBox()
        self.takes.setRange(1, 8)
        self.seed = QSpinBox()
        self.seed.setRange(0, 999_999)
        self.seed_locked = QCheckBox(self.tr("Lock"))
        self.seed_locked.setToolTip(self.tr("Keep this seed (off: a new seed for every Generate)"))
        self.continue_bars = BarCountSpinBox(1, 32)
        self.style = QComboBox()   # a learned style, or none (the project remembers it: select_style)
        self.style.setToolTip(self.tr("A style learned from your own pieces (Compose › Learn a style…)"))
        self.show_styles([])
        self.avoid_close = QCheckBox(self.tr("Avoid close matches"))
        self.avoid_close.setToolTip(self.tr("Write a take again when it comes as close to a training piece (or a "
                                            "song of the reference folder) as real songs never do"))
        self.generate = QPushButton(self.tr("Generate"))
        self.generate.setToolTip(self.tr("Write takes into the selected region (Ctrl+G)"))
        self.generate.setStyleSheet("QPushButton { background: #3d6fb4; font-weight: bold; padding: 5px; }")
        self.cancel = QPushButton(self.tr("Cancel"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.takes_list = QListWidget()
        self.takes_list.setToolTip(self.tr("Takes kept with the project; click one to show it"))
        self.takes_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)   # a long line ends in … (hover: all of it)
        self.takes_list.setTextElideMode(Qt.ElideRight)
        self.previous = QPushButton("◀ [")
        self.next = QPushButton("] ▶")
        self.audition = QPushButton(self.tr("Audition"))
        self.audition.setCheckable(True)
        self.keep = QPushButton(self.tr("Keep"))
        self.discard = QPushButton(self.tr("Discard"))
        self.sketch = QPushButton(self.tr("New sketch…"))
        self._layout()
        self._load()
        self.show_running(False)
        for signal in (self.task.currentIndexChanged, self.adventure.valueChanged, self.density.currentIndexChanged,
                       self.range.currentIndexChanged, self.follow_chords.currentIndexChanged, self.key_lock.toggled,
                       self.takes.valueChanged, self.seed.valueChanged, self.seed_locked.toggled,
                       self.continue_bars.valueChanged, self.avoid_close.toggled):
            signal.connect(self._save)

    def _layout(self) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight)
        form.addRow(self.tr("Write"), self.task)
        form.addRow(self.tr("Style"), self.style)
        form.addRow(self.tr("Continue by"), self.continue_bars)
        adventure = QHBoxLayout()
        adventure.addWidget(QLabel(self.tr("safe")))
        adventure.addWidget(self.adventure, 1)
        adventure.addWidget(QLabel(self.tr("wild")))
        form.addRow(self.tr("Adventurous"), adventure)
        form.addRow(self.tr("Density"), self.density)
        form.addRow(self.tr("Range"), self.range)
        form.addRow(self.tr("Follow chords"), self.follow_chords)
        form.addRow("", self.key_lock)
        form.addRow("", self.avoid_close)
        form.addRow(self.tr("Takes"), self.takes)
        seed = QHBoxLayout()
        seed.addWidget(self.seed, 1)
        seed.addWidget(self.seed_locked)
        form.addRow(self.tr("Seed"), seed)
        run = QHBoxLayout()
        run.addWidget(self.generate, 1)
        run.addWidget(self.cancel)
        steps = QHBoxLayout()
        for button in (self.previous, self.next, self.audition):
            steps.addWidget(button)
        choose = QHBoxLayout()
        choose.addWidget(self.keep)
        choose.addWidget(self.discard)
        self.keep.setStyleSheet(f"QPushButton:enabled {{ border: 1px solid {TAKE_COLOUR}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.region_label)
        layout.addLayout(form)
        layout.addLayout(run)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        title = QLabel(self.tr("Takes", "the list of takes"))
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self.takes_list, 1)
        layout.addLayout(steps)
        layout.addLayout(choose)
        layout.addWidget(self.sketch)

    # --- settings -------------------------------------------------------------------------
    def settings(self) -> dict:
        return {"task": self.task.currentData(), "adventure": self.adventure.value(),
                "density": self.density.currentData(), "range": self.range.currentData(),
                "follow_chords": self.follow_chords.currentData(), "key_lock": self.key_lock.isChecked(),
                "takes": self.takes.value(), "seed": self.seed.value(), "seed_locked": self.seed_locked.isChecked(),
                "continue_bars": self.continue_bars.value(), "avoid_close": self.avoid_close.isChecked(),
                **({"style": self.style.currentData()} if self.style.currentData() else {})}

    def next_seed(self) -> int:
        """The seed for this Generate: the shown one when locked, else a fresh one (shown, so it can be kept)."""
        if not self.seed_locked.isChecked():
            self.seed.setValue(random.randrange(1, 1_000_000))
        return self.seed.value()

    def show_styles(self, names: list[str], current: str | None = None) -> None:
        """The learned styles to choose from, `current` chosen (kept in the list even when its file is gone,
        so a project's style is shown and Generate says what is wrong)."""
        self.style.blockSignals(True)
        self.style.clear()
        self.style.addItem(self.tr("(none)"), None)
        for name in sorted(set(names) | ({current} if current else set())):
            self.style.addItem(name, name)
        self.style.setCurrentIndex(max(0, self.style.findData(current)) if current else 0)
        self.style.blockSignals(False)

    def select_style(self, name: str | None) -> None:
        self.show_styles([self.style.itemData(i) for i in range(1, self.style.count())], name)

    def set_task(self, task: str) -> None:
        self.task.setCurrentIndex(self.task.findData(task))

    def _load(self) -> None:
        store = user_settings()
        values = {k: store.value(f"proposals/{k}", v, type=type(v)) for k, v in DEFAULTS.items()}
        for combo, name in ((self.task, "task"), (self.density, "density"), (self.range, "range"),
                            (self.follow_chords, "follow_chords")):
            index = combo.findData(values[name])
            combo.setCurrentIndex(index if index >= 0 else combo.findData(DEFAULTS[name]))
        self.adventure.setValue(values["adventure"])
        self.key_lock.setChecked(values["key_lock"])
        self.takes.setValue(values["takes"])
        self.seed.setValue(values["seed"])
        self.seed_locked.setChecked(values["seed_locked"])
        self.continue_bars.setValue(values["continue_bars"])
        self.avoid_close.setChecked(values["avoid_close"])

    def _save(self) -> None:
        store = user_settings()
        for name, value in self.settings().items():
            if name in DEFAULTS:   # the style is the project's (FileController), not a preference
                store.setValue(f"proposals/{name}", value)
        self.continue_bars.setEnabled(self.task.currentData() == "continue")
        self.settingsChanged.emit()

    # --- state ------------------------------------------------------------------------------
    def show_running(self, running: bool) -> None:
        self.generate.setEnabled(not running)
        self.cancel.setEnabled(running)
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.continue_bars.setEnabled(self.task.currentData() == "continue")

    def show_message(self, text: str, error: bool = False) -> None:
        colour = theme.ERROR.name() if error else theme.TEXT_DIM.name()
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setText(text)

    def describe_controls(self, controls: dict) -> str:
        """The settings a take was made with, as the panel names them ("Density: Busy, Seed: 7")."""
        def shown(name, value):
            if name == "task":
                return task_label(value)
            if isinstance(value, bool):
                return self.tr("on") if value else self.tr("off")
            return QCoreApplication.translate("ProposalPanel", WORDS[value]) if value in WORDS else value

        return self.tr(", ").join(
            fill(self.tr("%1: %2"), QCoreApplication.translate("ProposalPanel", SETTING_NAMES.get(k, k)), shown(k, v))
            for k, v in controls.items())

    def show_takes(self, takes: tuple[Take, ...], current: int | None) -> None:
        """The take list, grouped by Generate, kept takes marked; `current` selected (no signal: showing
        the list never picks a take)."""
        self.takes_list.blockSignals(True)
        self.takes_list.clear()
        group = None
        for take in takes:
            if take.group != group:
                group = take.group
                header = QListWidgetItem(fill(self.tr("— Generate %1 —"), group))
                header.setFlags(Qt.NoItemFlags)
                self.takes_list.addItem(header)
            item = QListWidgetItem(take_label(take))
            item.setData(Qt.UserRole, take.id)
            originality = originality_badge.details(take.stats)
            item.setToolTip(take_label(take) + "\n" + self.describe_controls(take.controls)
                            + ("\n" + originality if originality else ""))
            if originality_badge.is_close(take.stats):
                item.setForeground(originality_badge.CLOSE_COLOUR)
            self.takes_list.addItem(item)
            if take.id == current:
                self.takes_list.setCurrentItem(item)
        self.takes_list.blockSignals(False)
        has = current is not None
        for button in (self.audition, self.keep, self.discard):
            button.setEnabled(has)
        for button in (self.previous, self.next):     # ] and [ also go on from the take shown last
            button.setEnabled(bool(takes))
