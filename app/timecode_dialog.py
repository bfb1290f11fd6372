"""Timecode settings: the song's frame rate and SMPTE start offset (the label at bar 1), one undo step.

A label the rate does not have (frame 25 at 25 fps, 00:01:00;00 in drop-frame)
is refused in the dialog itself, in one red line, and the song is not touched.
Changing the rate keeps the start label (a cue that starts at 01:00:10:00 still
does); hit points keep their time after the song's start, so they move with
the cue, as they do when the picture is re-conformed.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app import theme
from app.session import Session
from engine.edits import SongPropertiesEdit
from engine.timecode import FRAME_RATES, TimecodeError, song_timecode


class TimecodeDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Timecode"))
        timecode = session.song.timecode
        self.rate = QComboBox()
        for rate in FRAME_RATES:
            self.rate.addItem(self._rate_text(rate.name), rate.name)
        self.rate.setCurrentIndex(self.rate.findData(timecode.rate.name))
        self.start = QLineEdit(timecode.start.text(timecode.rate))
        self.start.setPlaceholderText("01:00:00:00")
        self.start.setToolTip(self.tr("The timecode of the song's start (bar 1), e.g. 01:00:10:00"))
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {theme.ERROR.name()};")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Frame rate"), self.rate)
        form.addRow(self.tr("Start offset"), self.start)
        form.addRow(self.error)
        form.addRow(buttons)

    def _rate_text(self, name: str) -> str:
        if name == "29.97df":
            return self.tr("29.97 fps drop-frame")
        if name == "29.97":
            return self.tr("29.97 fps non-drop")
        return f"{name} fps"

    def apply(self) -> bool:
        """Push the settings shown as one undo step; False (and the reason shown) if they are not a timecode."""
        song = self.session.song
        try:
            timecode = song_timecode(self.rate.currentData(), self.start.text())
        except TimecodeError as error:  # the engine's one line (English), as every engine reason is shown
            self.error.setText(str(error))
            return False
        self.error.clear()
        if timecode == song.timecode:
            return True
        return self.session.push(SongPropertiesEdit.changing(song, self.tr("Change timecode"), timecode=timecode))

    def _accept(self) -> None:
        if self.apply():
            self.accept()

    def run(self) -> bool:
        before = self.session.song
        self.exec()
        return self.session.song is not before
