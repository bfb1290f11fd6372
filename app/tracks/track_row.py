"""One row of the track list: name, role, instrument, mute, solo, volume and pan of one track.

A row shows a `Track` value and reports what the user changed as field values;
a click anywhere on it (the name too) makes its track current and leaves the
keyboard focus where it was, a double-click on the name renames (Return keeps,
Escape cancels, then the keys go back);
Ctrl+click adds the track to (or takes it out of) the composer's region, and
the lock button keeps the track as context the composer must not rewrite
(both are editor state, not song fields, so they go out as their own signals);
it never edits the song itself (the list turns changes into
TrackPropertiesEdits). `show_track` updates the controls with their signals
blocked, so showing a change never echoes it back as a new edit.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QApplication, QComboBox, QDial, QFrame, QGridLayout, QLineEdit, QMenu, QSizePolicy,
                               QSlider, QToolButton, QWidget)
from shiboken6 import isValid

from app import theme
from app.i18n import fill
from app.i18n.terms import fill_combo, role_name, select_data
from app.tracks.gm import FAMILIES, family_name, family_programs, program_name
from engine.track import Track, TrackRole

ROW_HEIGHT = 62
REGION_COLOUR = "#ff5fd2"  # the take colour (app.proposals.panel.TAKE_COLOUR): rows in the composer's region


def lock_icon() -> QIcon:
    """A padlock, drawn (emoji fonts are missing on many Linux desktops)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    colour = QColor("#d7dae0")
    painter.setPen(QPen(colour, 1.6))
    painter.drawArc(QRectF(4.5, 1.5, 7, 9), 0, 180 * 16)
    painter.drawLine(4.5, 6, 4.5, 8)
    painter.drawLine(11.5, 6, 11.5, 8)
    painter.fillRect(QRectF(3, 7.5, 10, 7), colour)
    painter.end()
    return QIcon(pixmap)


class TrackRow(QFrame):
    changed = Signal(int, dict)  # track id, {field: new value}
    clicked = Signal(int)  # track id
    regionToggled = Signal(int)  # track id: Ctrl+click
    lockToggled = Signal(int, bool)  # track id, locked

    def __init__(self, track: Track, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.track_id = track.id
        self._shown_as: tuple[int, bool, bool] | None = None
        self.in_region = False
        self.setFixedHeight(ROW_HEIGHT)
        self.setFrameShape(QFrame.StyledPanel)
        self.name = QLineEdit()
        self.name.setToolTip(self.tr("Track name: double-click to rename"))
        self.name.setFocusPolicy(Qt.NoFocus)   # a click picks the track; keys stay with the editor ([ ], Delete…)
        self._focus_before = None
        self.role = QComboBox()
        fill_combo(self.role, [r.value for r in TrackRole], role_name)
        self.role.setToolTip(self.tr("What this track does (the composer uses it)"))
        self.instrument = QToolButton()
        self.instrument.setPopupMode(QToolButton.InstantPopup)
        self.instrument.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.instrument.setMenu(self._instrument_menu())
        self.instrument.setToolTip(self.tr("General MIDI instrument"))
        self.instrument.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.role.setFixedWidth(124)
        self.name.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.mute = self._toggle(self.tr("M", "mute button"), self.tr("Mute"), "#d9534f")
        self.solo = self._toggle(self.tr("S", "solo button"), self.tr("Solo"), "#e5a93d")
        self.lock = self._toggle("", self.tr("Lock: proposals keep this track as it is"), "#b04a9a")
        self.lock.setIcon(lock_icon())
        self.lock.toggled.connect(lambda on: self.lockToggled.emit(self.track_id, on))
        self.volume = QSlider(Qt.Horizontal)
        self.volume.setRange(0, 127)
        self.volume.setToolTip(self.tr("Volume"))
        self.volume.setFixedWidth(100)
        self.pan = QDial()
        self.pan.setRange(0, 127)
        self.pan.setFixedSize(26, 26)
        self.pan.setToolTip(self.tr("Pan"))
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.setHorizontalSpacing(4)
        layout.setVerticalSpacing(3)
        layout.addWidget(self.name, 0, 0)
        layout.addWidget(self.role, 0, 1)
        layout.addWidget(self.mute, 0, 2)
        layout.addWidget(self.solo, 0, 3)
        layout.addWidget(self.instrument, 1, 0)
        layout.addWidget(self.volume, 1, 1)
        layout.addWidget(self.pan, 1, 2, Qt.AlignCenter)
        layout.addWidget(self.lock, 1, 3)
        layout.setColumnStretch(0, 1)
        self.name.editingFinished.connect(self._renamed)
        self.role.currentIndexChanged.connect(lambda i: self._emit(role=TrackRole(self.role.itemData(i))))
        self.mute.toggled.connect(lambda on: self._emit(mute=on))
        self.solo.toggled.connect(lambda on: self._emit(solo=on))
        self.volume.sliderReleased.connect(lambda: self._emit(volume=self.volume.value()))
        self.volume.valueChanged.connect(lambda v: self.volume.isSliderDown() or self._emit(volume=v))
        self.pan.sliderReleased.connect(lambda: self._emit(pan=self.pan.value()))
        self.pan.valueChanged.connect(lambda v: self.pan.isSliderDown() or self._emit(pan=v))
        for control in (self.name, self.role, self.instrument, self.mute, self.solo, self.volume, self.pan):
            control.installEventFilter(self)
        self._name_shown = track.name
        self.show_track(track, index, False)

    def eventFilter(self, watched, event) -> bool:
        """Pressing any control of a row also makes its track the current one; double-clicking the name renames."""
        kind = event.type()
        if kind == QEvent.MouseButtonPress:
            self._pressed(event)
        elif watched is self.name and kind == QEvent.MouseButtonDblClick:
            self.rename()
            return True
        elif watched is self.name and kind == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.name.setText(self._name_shown)      # Escape: the name stays as it was
            self._end_rename()
            return True
        return False

    def rename(self) -> None:
        """Type a new name (Return or clicking elsewhere keeps it, Escape cancels); the keys go back afterwards."""
        focused = QApplication.focusWidget()
        self._focus_before = None if focused is self.name else focused
        self.name.setFocus(Qt.MouseFocusReason)
        self.name.selectAll()

    def _renamed(self) -> None:
        if self.name.text() != self._name_shown:
            self._emit(name=self.name.text())
        self._end_rename()

    def _end_rename(self) -> None:
        """Hand the keys back to where they were before renaming (the roll, usually)."""
        before, self._focus_before = self._focus_before, None
        if self.name.hasFocus():
            if before is not None and isValid(before) and before.isVisible():
                before.setFocus(Qt.OtherFocusReason)
            else:
                self.name.clearFocus()

    def _pressed(self, event) -> None:
        if event.modifiers() & Qt.ControlModifier:
            self.regionToggled.emit(self.track_id)
        else:
            self.clicked.emit(self.track_id)

    def show_marks(self, in_region: bool, locked: bool) -> None:
        """The composer's view of this track: in the region (a take-coloured edge), locked."""
        self.lock.blockSignals(True)
        self.lock.setChecked(locked)
        self.lock.blockSignals(False)
        if in_region != self.in_region:
            self.in_region = in_region
            if self._shown_as is not None:
                self._style(*self._shown_as[:2])

    def _toggle(self, text: str, tip: str, colour: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setToolTip(tip)
        button.setStyleSheet(f"QToolButton:checked {{ background: {colour}; color: #111; font-weight: bold; }}")
        button.setFixedSize(max(24, button.sizeHint().width()), 22)  # the letter's width in any font
        return button

    def _instrument_menu(self) -> QMenu:
        menu = QMenu(self)
        for family in range(len(FAMILIES)):
            submenu = menu.addMenu(family_name(family))
            for program in family_programs(family):
                action = QAction(f"{program + 1}  {program_name(program)}", submenu)
                action.triggered.connect(lambda checked=False, p=program: self._emit(program=p))
                submenu.addAction(action)
        return menu

    def _emit(self, **values) -> None:
        self.changed.emit(self.track_id, values)

    def show_track(self, track: Track, index: int, current: bool) -> None:
        controls = (self.name, self.role, self.mute, self.solo, self.volume, self.pan)
        for control in controls:
            control.blockSignals(True)
        self._name_shown = track.name
        if not self.name.hasFocus():
            self.name.setText(track.name)
        self.name.setPlaceholderText(fill(self.tr("Track %1"), index + 1))
        select_data(self.role, track.role.value)
        self.instrument.setText(program_name(track.program, track.is_drums))
        self.mute.setChecked(track.mute)
        self.solo.setChecked(track.solo)
        self.volume.setValue(track.volume)
        self.pan.setValue(track.pan)
        for control in controls:
            control.blockSignals(False)
        if (index, current, self.in_region) != self._shown_as:  # restyling is slow: only when it changes
            self._style(index, current)

    def _style(self, index: int, current: bool) -> None:
        self._shown_as = (index, current, self.in_region)
        colour = theme.track_colour(index).name()
        background = "#3a4354" if current else theme.PANEL.name()
        right = f"4px solid {REGION_COLOUR}" if self.in_region else "none"
        self.setStyleSheet(f"TrackRow {{ background: {background}; border: none; border-left: 5px solid {colour};"
                           f" border-right: {right}; border-bottom: 1px solid {theme.BACKGROUND.name()}; }}")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed(event)
        super().mousePressEvent(event)
