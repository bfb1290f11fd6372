"""New sketch: a brief in words or the fields it fills (style, mood, key, tempo, meter, length, sections, energy,
parts and their instruments) for a song written from nothing (composer `compose_sketch`).

Offered from the Compose menu and from the panel, which points at it while
the song has no notes. A brief is read into the fields first (app.proposals.sketch_brief);
the sketch is composed from the fields. It replaces the song as one undoable
step, so Undo brings the empty song back.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Callable

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QSpinBox, QVBoxLayout, QWidget)

from app.count_spin import BarCountSpinBox
from app.i18n.terms import fill_combo, role_name, scale_name, select_data
from app.proposals.controls import ADVENTURE_TEMPERATURE
from app.proposals.job import composer_threads, preload_torch
from app.proposals.sketch_brief import PITCHED_PARTS, BriefFields
from engine.keys import Key
from engine.pitch import SHARP_NAMES

METERS = ((4, 4), (3, 4), (2, 4), (6, 8), (5, 4), (7, 8))


@dataclass(frozen=True)
class SketchRequest:
    settings: object          # composer.brief.settings.SketchSettings (imported lazily: plain data)
    seed: int
    adventure: int
    model_path: str | None = None
    track_names: tuple[tuple[str, str], ...] = ()   # (part, name): the new tracks named in the interface's language

    @property
    def bars(self) -> int:
        return self.settings.bars

    @property
    def parts(self) -> tuple[str, ...]:
        return self.settings.parts


def run_sketch(request: SketchRequest, cancel: threading.Event, progress: Callable[[float], None]):
    """The new song (on the worker thread)."""
    preload_torch()
    from composer.proposals import load_model
    from composer.proposals.compose import compose_sketch
    from composer.proposals.decoding import torch_threads

    done = []

    def on_part(part: str, stats: dict) -> None:
        done.append(part)
        progress(len(done) / len(request.parts))

    with torch_threads(composer_threads()):
        model = load_model(request.model_path)
        song = compose_sketch(request.settings, request.seed, model, ADVENTURE_TEMPERATURE[request.adventure],
                              cancel, on_part)
    names = dict(request.track_names)
    return song.with_(tracks=tuple(t.with_(name=names.get(t.role.value, t.name)) for t in song.tracks))


def _row(*widgets: QWidget) -> QHBoxLayout:
    """Several fields on one form row (the dialog stays short enough for a laptop screen)."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row


class SketchDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New sketch"))
        self.brief = BriefFields()
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
        self.bars = BarCountSpinBox(1, 128)
        self.bars.setValue(8)
        from composer.proposals.spec import PARTS  # plain data: no torch (the dialog opens long after start-up)

        self.parts = {part: QCheckBox(role_name(part).capitalize()) for part in PARTS}
        for box in self.parts.values():
            box.setChecked(True)
        key = QHBoxLayout()
        key.addWidget(self.tonic)
        key.addWidget(self.mode)
        parts = QVBoxLayout()
        label_width = max(box.sizeHint().width() for box in self.parts.values())
        for part, box in self.parts.items():
            box.setMinimumWidth(label_width)   # the instruments line up in a column
            parts.addLayout(_row(box, self.brief.programs[part]) if part in PITCHED_PARTS else _row(box))
        fields = self.brief
        fields.hit.setToolTip(self.tr("A hit point: the sketch's most intense bar (0: none)"))
        form = QFormLayout()
        form.addRow(self.tr("Style"), _row(fields.style, QLabel(self.tr("Mood")), fields.mood))
        form.addRow(self.tr("Key"), key)
        form.addRow(self.tr("Tempo"), _row(self.tempo, QLabel(self.tr("Meter")), self.meter))
        form.addRow(self.tr("Length"), self.bars)
        form.addRow(self.tr("Sections"), _row(fields.sections, QLabel(self.tr("Repeats")), fields.variation))
        form.addRow(self.tr("Energy"), _row(fields.energy, QLabel(self.tr("Hit point at bar")), fields.hit))
        form.addRow(self.tr("Parts"), parts)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Compose"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.brief)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)   # room for a brief of a sentence or two
        self.brief.read.connect(self.apply_brief)
        fields.style.activated.connect(self._style_parts)

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

    def apply_brief(self, brief) -> None:
        """Fill every field from a brief just read; what it does not say stays as the fields were."""
        from composer.brief.settings import settings_from_brief

        settings = settings_from_brief(brief)
        if brief.tonic is not None or brief.mode is not None or brief.mood:
            self.tonic.setCurrentIndex(settings.key.tonic)
            select_data(self.mode, settings.key.mode if settings.key.mode in ("major", "minor") else "major")
        if brief.tempo or brief.mood or brief.style:
            self.tempo.setValue(max(self.tempo.minimum(), min(self.tempo.maximum(), round(settings.tempo))))
        if brief.meter or brief.style:
            if settings.meter in METERS:
                self.meter.setCurrentIndex(METERS.index(settings.meter))
        if brief.bars or brief.sections:
            self.bars.setValue(settings.bars)
        if brief.style or brief.instruments or brief.dropped or brief.only:
            for part, box in self.parts.items():
                box.setChecked(part in settings.parts)
        self.brief.show_settings(brief, settings)

    def _style_parts(self) -> None:
        from composer.brief.styles import defaults_for

        style = defaults_for(self.brief.style.currentData())
        for part, box in self.parts.items():
            box.setChecked(part in style.parts)

    def request(self, seed: int, adventure: int, model_path: str | None) -> SketchRequest | None:
        from composer.brief.settings import settings_from_brief

        parts = tuple(p for p, box in self.parts.items() if box.isChecked())
        if not parts:
            return None
        settings = settings_from_brief(self.brief.brief(self.bars.value()))
        programs = {p: program for p, program in self.brief.chosen_programs().items() if p in parts}
        settings = replace(settings, key=Key(self.tonic.currentIndex(), self.mode.currentData()),
                           tempo=float(self.tempo.value()), meter=METERS[self.meter.currentIndex()], parts=parts,
                           programs=programs, variation=self.brief.variation.currentData())
        names = tuple((part, role_name(part).capitalize()) for part in parts)   # 旋律, 贝斯 ... in Chinese
        return SketchRequest(settings, seed, adventure, model_path, names)
