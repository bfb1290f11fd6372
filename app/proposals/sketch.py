"""New sketch: key, tempo, meter, length and parts for a song written from nothing (composer `compose_song`).

Offered from the Compose menu and from the panel, which points at it while
the song has no notes. The sketch replaces the song as one undoable step, so
Undo brings the empty song back.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QSpinBox,
                               QVBoxLayout, QWidget)

from app.count_spin import BarCountSpinBox
from app.i18n.terms import fill_combo, role_name, scale_name, select_data
from app.proposals.job import ADVENTURE_TEMPERATURE, preload_torch
from engine.keys import Key
from engine.pitch import SHARP_NAMES

METERS = ((4, 4), (3, 4), (2, 4), (6, 8), (5, 4), (7, 8))


@dataclass(frozen=True)
class SketchRequest:
    bars: int
    key: Key
    tempo: float
    meter: tuple[int, int]
    parts: tuple[str, ...]
    seed: int
    adventure: int
    model_path: str | None = None


def run_sketch(request: SketchRequest, cancel: threading.Event, progress: Callable[[float], None]):
    """The new song (on the worker thread)."""
    preload_torch()
    import torch

    from composer.proposals import load_model
    from composer.proposals.compose import compose_song

    torch.set_num_threads(1)
    model = load_model(request.model_path)
    done = []

    def on_part(part: str, stats: dict) -> None:
        done.append(part)
        progress(len(done) / len(request.parts))

    return compose_song(request.bars, request.key, request.tempo, request.meter, request.parts, request.seed, model,
                        ADVENTURE_TEMPERATURE[request.adventure], cancel, on_part)


class SketchDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New sketch"))
        self.tonic = QComboBox()
        self.tonic.addItems(SHARP_NAMES)
        self.mode = QComboBox()
        fill_combo(self.mode, ("major", "minor"), scale_name)
        self.tempo = QSpinBox()
        self.tempo.setRange(40, 240)
        self.tempo.setValue(100)
        self.tempo.setSuffix(" BPM")
        self.meter = QComboBox()
        self.meter.addItems([f"{n}/{d}" for n, d in METERS])
        self.bars = BarCountSpinBox(1, 64)
        self.bars.setValue(8)
        from composer.proposals.spec import PARTS  # plain data: no torch (the dialog opens long after start-up)

        self.parts = {part: QCheckBox(role_name(part).capitalize()) for part in PARTS}
        for box in self.parts.values():
            box.setChecked(True)
        key = QHBoxLayout()
        key.addWidget(self.tonic)
        key.addWidget(self.mode)
        parts = QVBoxLayout()
        for box in self.parts.values():
            parts.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("Key"), key)
        form.addRow(self.tr("Tempo"), self.tempo)
        form.addRow(self.tr("Meter"), self.meter)
        form.addRow(self.tr("Length"), self.bars)
        form.addRow(self.tr("Parts"), parts)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Compose"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def start_from(self, song) -> None:
        """Start from what the song already says: its tempo, meter and key (set in the transport bar and the
        key box before sketching)."""
        self.tempo.setValue(round(60_000_000 / song.tempos[0].us_per_quarter))
        meter = (song.meters[0].numerator, song.meters[0].denominator)
        if meter in METERS:
            self.meter.setCurrentIndex(METERS.index(meter))
        key = song.key_at(0)
        if key is not None and key.mode in ("major", "minor"):
            self.tonic.setCurrentIndex(key.tonic)
            select_data(self.mode, key.mode)

    def request(self, seed: int, adventure: int, model_path: str | None) -> SketchRequest | None:
        parts = tuple(p for p, box in self.parts.items() if box.isChecked())
        if not parts:
            return None
        return SketchRequest(self.bars.value(), Key(self.tonic.currentIndex(), self.mode.currentData()),
                             float(self.tempo.value()), METERS[self.meter.currentIndex()], parts, seed, adventure,
                             model_path)
