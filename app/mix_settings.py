"""Transport › Mix…: the project's mix (gains by role, reverb, chorus, dry), heard while it is changed.

`MixController` keeps the project's `MixSettings` (engine.audio.mix): it comes
back when a project opens, goes into the file when it is saved, and reaches the
player as soon as the player exists, so playback, File › Export audio and
File › Export stems all mix alike. The dialog applies every change at once, as
a mixer does (the user hears the reverb grow while dragging), and marks the
project modified. A mix change is not an undo step: like the locks, it is
project state beside the song, not an edit of the music.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSlider, QVBoxLayout, QWidget)

from app.i18n import fill
from engine.audio.mix import DEFAULT_MIX, ROLE_GAIN_DB, MixSettings, track_gains
from engine.track import TrackRole


class MixController(QObject):
    """The project's mix, shared by the player, the exports and the project file."""

    changed = Signal(object)  # the new MixSettings

    def __init__(self, files, transport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.transport = transport
        self.mix = DEFAULT_MIX
        self._player_ready = False  # the player is made after the window shows; never force it earlier
        self.dialog: MixDialog | None = None
        files.mix_source = lambda: self.mix
        files.projectShown.connect(lambda project: self._take(project.state.mix))
        transport.statusChanged.connect(self._player_made)

    def add_menu_item(self, menu, window: QWidget) -> None:
        menu.addSeparator()
        self.action = menu.addAction(self.tr("&Mix…"))
        self.action.setStatusTip(self.tr("Balance by role, reverb and chorus, for playback and audio exports"))
        self.action.triggered.connect(lambda: self.show_dialog(window))

    def show_dialog(self, window: QWidget) -> "MixDialog":
        """The one Mix dialog (not modal: the user plays and listens while changing it)."""
        if self.dialog is None:
            self.dialog = MixDialog(self, window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def set_mix(self, mix: MixSettings) -> None:
        """The user's change: heard at once, and the project is modified."""
        if mix == self.mix:
            return
        self._take(mix)
        self.files.session.undo_stack.resetClean()

    def _take(self, mix: MixSettings) -> None:
        self.mix = mix
        self._apply()
        self.changed.emit(mix)

    def soundfont(self):
        """The SoundFont playback uses (the balance levels instruments for it); None if there is none."""
        from engine.audio.errors import SoundfontError
        from engine.audio.soundfonts import find_soundfont

        player = self.transport.player if self._player_ready else None
        if player is not None and player.synth is not None:
            return player.synth.soundfont
        try:
            return find_soundfont()
        except SoundfontError:
            return None

    def _player_made(self, _status: str) -> None:
        self._player_ready = True
        self._apply()

    def _apply(self) -> None:
        player = self.transport.player if self._player_ready else None
        if player is not None:
            player.set_mix(self.mix)


def percent_slider() -> QSlider:
    slider = QSlider(Qt.Horizontal)
    slider.setRange(0, 100)
    slider.setMinimumWidth(180)
    return slider


def with_percent(slider: QSlider) -> QWidget:
    """The slider and its value in percent beside it."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    value = QLabel()
    value.setMinimumWidth(40)
    slider.valueChanged.connect(lambda v: value.setText(f"{v}%"))
    layout.addWidget(slider, 1)
    layout.addWidget(value)
    return row


class MixDialog(QDialog):
    """Balance by role, reverb (amount, room size), chorus (amount), a Dry button and the defaults."""

    def __init__(self, controller: MixController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._showing = False
        self.setWindowTitle(self.tr("Mix"))
        self.setMinimumWidth(420)
        self.balance = QCheckBox(self.tr("Balance the parts by role, so the melody leads"))
        gains = self._gains_text()
        self.balance.setToolTip(gains)
        self.gains = QLabel(gains)
        self.gains.setWordWrap(True)
        self.gains.setStyleSheet("color: gray;")
        self.track_gains = QLabel()  # what the balance gives each track of this song, levelling included
        self.track_gains.setWordWrap(True)
        self.reverb = QGroupBox(self.tr("Reverb"))
        self.reverb.setCheckable(True)
        self.reverb_amount = percent_slider()
        self.reverb_room = percent_slider()
        form = QFormLayout(self.reverb)
        form.addRow(self.tr("Amount"), with_percent(self.reverb_amount))
        form.addRow(self.tr("Room size"), with_percent(self.reverb_room))
        self.chorus = QGroupBox(self.tr("Chorus"))
        self.chorus.setCheckable(True)
        self.chorus_amount = percent_slider()
        QFormLayout(self.chorus).addRow(self.tr("Amount"), with_percent(self.chorus_amount))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.dry = QPushButton(self.tr("Dry"))
        self.dry.setToolTip(self.tr("No reverb and no chorus: for a mix engineer who adds their own room"))
        self.defaults = QPushButton(self.tr("Defaults"))
        buttons.addButton(self.dry, QDialogButtonBox.ActionRole)
        buttons.addButton(self.defaults, QDialogButtonBox.ResetRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (self.balance, self.gains, self.track_gains, self.reverb, self.chorus, buttons):
            layout.addWidget(widget)
        self._show(controller.mix)
        for box in (self.balance, self.reverb, self.chorus):
            box.toggled.connect(self._changed)
        for slider in (self.reverb_amount, self.reverb_room, self.chorus_amount):
            slider.valueChanged.connect(self._changed)
        self.dry.clicked.connect(lambda: self._set(self._read().with_(reverb=False, chorus=False)))
        self.defaults.clicked.connect(lambda: self._set(DEFAULT_MIX))
        controller.changed.connect(self._show)  # a project opened while the dialog is up
        controller.files.session.songChanged.connect(lambda *_: self._show_track_gains())
        self._show_track_gains()

    def _gains_text(self) -> str:
        names = {TrackRole.MELODY: self.tr("melody"), TrackRole.BASS: self.tr("bass"),
                 TrackRole.DRUMS: self.tr("drums"), TrackRole.CHORDS: self.tr("chords"),
                 TrackRole.ACCOMPANIMENT: self.tr("accompaniment"), TrackRole.OTHER: self.tr("other parts")}
        parts = [f"{names[role]}\u00a0{gain:+.0f}\u00a0dB" for role, gain in ROLE_GAIN_DB.items()]  # kept on one line
        return fill(self.tr("On top of each track's volume, after levelling its instrument and how many notes "
                            "it plays at once: %1"), ", ".join(parts))

    def _show_track_gains(self) -> None:
        """'This song: Melody +6.7 dB, Accompaniment -6.9 dB, ...' (or nothing while the balance is off)."""
        if not self.controller.mix.balance:
            self.track_gains.setText("")
            return
        gains = track_gains(self.controller.files.session.song, self.controller.soundfont())
        parts = [f"{track.name}\u00a0{gain:+.1f}\u00a0dB" for track, gain in gains]
        self.track_gains.setText(fill(self.tr("This song: %1"), ", ".join(parts)) if parts else "")

    def _show(self, mix: MixSettings) -> None:
        """Put `mix` in the controls without sending it back (the percent labels still follow)."""
        self._showing = True
        self.balance.setChecked(mix.balance)
        self.reverb.setChecked(mix.reverb)
        self.chorus.setChecked(mix.chorus)
        self.reverb_amount.setValue(round(mix.reverb_amount * 100))
        self.reverb_room.setValue(round(mix.reverb_room * 100))
        self.chorus_amount.setValue(round(mix.chorus_amount * 100))
        self._showing = False
        self.dry.setEnabled(not mix.dry)
        self._show_track_gains()

    def _read(self) -> MixSettings:
        return MixSettings(balance=self.balance.isChecked(), reverb=self.reverb.isChecked(),
                           reverb_amount=self.reverb_amount.value() / 100, reverb_room=self.reverb_room.value() / 100,
                           chorus=self.chorus.isChecked(), chorus_amount=self.chorus_amount.value() / 100)

    def _set(self, mix: MixSettings) -> None:
        self._show(mix)
        self.controller.set_mix(mix)

    def _changed(self, *_args) -> None:
        if self._showing:
            return
        mix = self._read()  # amounts in whole percent, as the sliders show them
        self.dry.setEnabled(not mix.dry)
        self.controller.set_mix(mix)
        self._show_track_gains()


def install_mix(window) -> MixController:
    """The controller and its Transport › Mix… item (window.transport_menu)."""
    controller = MixController(window.files, window.transport, window)
    controller.add_menu_item(window.transport_menu, window)
    return controller
