"""Fit tempo to hits: choose hit points and the beat each should land on, see the errors, apply as one undo step.

One row per hit point: a tick box (fit it or not), its name and timecode, its
target (the nearest downbeat, or a bar or bar.beat typed in) and, after each
change, where it lands and its remaining error in milliseconds and frames.
"Constant" fits one tempo, "Ramp" a tempo that changes linearly from the first
hit to the last (engine.fit_tempo). When no tempo in 20-400 BPM fits, the
reason stands in one red line and Apply stays off; Apply replaces the tempo map
in one undo step, and the hit points stay at their timecodes.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QRadioButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app import theme
from app.i18n import fill
from app.session import Session
from engine.fit_tempo import BarBeat, FitError, TempoFit, fit_tempo
from engine.markers import hit_points
from engine.song import Marker

COLUMNS = 5  # fit?, hit, timecode, target, result
NEAREST = "down"


class FitTempoDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Fit tempo to hits"))
        self.hits: tuple[Marker, ...] = hit_points(session.song)
        self.fit: TempoFit | None = None
        self.table = QTableWidget(len(self.hits), COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Fit"), self.tr("Hit point"), self.tr("Timecode"),
                                              self.tr("Target (bar.beat, or down)"), self.tr("Lands / error")])
        self.table.verticalHeader().hide()
        timecode = session.song.timecode
        for row, hit in enumerate(self.hits):
            check = QTableWidgetItem()
            check.setCheckState(Qt.Checked)
            self.table.setItem(row, 0, check)
            for column, text in ((1, hit.text), (2, timecode.text_at(hit.seconds)), (4, "")):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(row, column, item)
            self.table.setItem(row, 3, QTableWidgetItem(self.tr("down")))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, 170)
        self.table.setColumnWidth(4, 260)
        self.constant = QRadioButton(self.tr("One constant tempo"))
        self.ramp = QRadioButton(self.tr("A ramp from the first hit to the last"))
        self.constant.setChecked(True)
        modes = QButtonGroup(self)
        for button in (self.constant, self.ramp):
            modes.addButton(button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Apply | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Apply).clicked.connect(self._apply_and_close)
        self.buttons.rejected.connect(self.reject)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.constant)
        mode_row.addWidget(self.ramp)
        mode_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(fill(self.tr("Hit points keep their timecode; the tempo map is replaced so they land "
                                             "on their targets. Timecode at %1 fps."), timecode.rate.name)))
        layout.addWidget(self.table)
        layout.addLayout(mode_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(760, 180 + 30 * max(3, len(self.hits)))
        self.table.itemChanged.connect(lambda _: self.refit())
        self.constant.toggled.connect(lambda _: self.refit())
        self.refit()

    # --- what the user chose ---------------------------------------------------------------------
    def set_target(self, row: int, text: str) -> None:
        self.table.item(row, 3).setText(text)

    def set_included(self, row: int, included: bool) -> None:
        self.table.item(row, 0).setCheckState(Qt.Checked if included else Qt.Unchecked)

    def targets(self) -> dict[Marker, BarBeat | None]:
        """{hit: target} for the ticked rows; FitError for a target that is not BAR, BAR.BEAT or 'down'."""
        chosen = {}
        for row, hit in enumerate(self.hits):
            if self.table.item(row, 0).checkState() != Qt.Checked:
                continue
            text = self.table.item(row, 3).text().strip().lower()
            match = re.fullmatch(r"(\d+)(?:\.(\d+))?", text)
            if text in (NEAREST, self.tr("down").lower(), ""):   # the English word works in every language
                chosen[hit] = None
            elif match:
                chosen[hit] = BarBeat(int(match.group(1)), int(match.group(2) or 1))
            else:
                raise FitError(f"target {text!r} of {hit.text!r} is not a bar, bar.beat or 'down'")
        return chosen

    # --- fitting ---------------------------------------------------------------------------------
    def refit(self) -> TempoFit | None:
        """Fit again after any change; show each hit's result, or the one-line reason nothing fits."""
        self.table.blockSignals(True)
        for row in range(len(self.hits)):
            self.table.item(row, 4).setText("")
        try:
            self.fit = fit_tempo(self.session.song, self.targets(), ramp=self.ramp.isChecked())
        except FitError as error:  # the engine's reason, in English like every engine message
            self.fit = None
            self.summary.setStyleSheet(f"color: {theme.ERROR.name()};")
            self.summary.setText(str(error))
        else:
            rows = {hit: row for row, hit in enumerate(self.hits)}
            for result in self.fit.results:
                self.table.item(rows[result.hit], 4).setText(
                    fill(self.tr("bar %1 beat %2: %3 ms, %4 frames"), result.target.bar, result.target.beat,
                         f"{result.error_ms:+.1f}", f"{result.error_frames:+.2f}"))
            self.summary.setStyleSheet("")
            if self.fit.ramp:
                self.summary.setText(fill(self.tr("Ramp %1 → %2 BPM (%3 tempo changes)"), f"{self.fit.bpm_start:.2f}",
                                          f"{self.fit.bpm_end:.2f}", len(self.fit.tempos)))
            else:
                self.summary.setText(fill(self.tr("Tempo %1 BPM"), f"{self.fit.bpm_start:.2f}"))
        self.table.blockSignals(False)
        self.buttons.button(QDialogButtonBox.Apply).setEnabled(self.fit is not None)
        return self.fit

    def apply(self) -> bool:
        """Replace the tempo map with the fit, as one undo step."""
        if self.fit is None:
            return False
        return self.session.push(self.fit.edit(self.session.song))

    def _apply_and_close(self) -> None:
        if self.apply():
            self.accept()
