"""The video's own sound in the dock: a mute button and a level, and the film sound the player mixes.

The sound itself is mixed by the player on the synth's clock
(engine.audio.film_sound); this part decodes it when a video is opened, keeps
its placement equal to the picture's (the same offset), and turns the dock's
controls into plain attribute writes the audio thread reads once per block,
so muting or moving the level never waits for audio.

Mute and level are saved with the project's video link (engine.project
VideoLink: sound_muted, sound_level_db); opening the video shows them.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from app.i18n import fill
from engine.audio.film_sound import MAX_GAIN_DB, MIN_GAIN_DB, FilmAudio, FilmSound, decibels_to_gain


class SoundRow(QWidget):
    """Under the picture: [Film sound on/Muted] [level slider] [level in dB]."""

    changed = Signal()  # the user muted, unmuted or moved the level

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mute = QToolButton(self)
        self.mute.setCheckable(True)
        self.mute.setToolTip(self.tr("Mute the video's own sound (dialogue, effects, temp music)"))
        self.level = QSlider(Qt.Horizontal, self)
        self.level.setRange(int(MIN_GAIN_DB), int(MAX_GAIN_DB))
        self.level.setValue(0)
        self.level.setToolTip(self.tr("Level of the video's sound against the music"))
        self.level_label = QLabel(self)
        self.level_label.setMinimumWidth(self.level_label.fontMetrics().horizontalAdvance("-60 dB") + 6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.mute)
        layout.addWidget(self.level, 1)
        layout.addWidget(self.level_label)
        self.mute.toggled.connect(self._show)
        self.mute.toggled.connect(self.changed)
        self.level.valueChanged.connect(self._show)
        self.level.valueChanged.connect(self.changed)
        self._show()

    @property
    def muted(self) -> bool:
        return self.mute.isChecked()

    @property
    def level_db(self) -> float:
        return float(self.level.value())

    def set_values(self, muted: bool, level_db: float) -> None:
        """Show saved settings (a project opened): no `changed`, nothing new to save."""
        self.blockSignals(True)
        self.mute.setChecked(muted)
        self.level.setValue(round(level_db))
        self.blockSignals(False)
        self._show()

    def show_state(self, has_sound: bool | None) -> None:
        """Enable the controls for a video with sound; say so for one without (None: no video)."""
        self.setEnabled(bool(has_sound))
        self._has_sound = has_sound
        self._show()

    def _show(self, *_: object) -> None:
        if getattr(self, "_has_sound", None) is False:
            self.mute.setText(self.tr("No sound in this video"))
        else:
            self.mute.setText(self.tr("Film sound muted") if self.muted else self.tr("Film sound on"))
        self.level_label.setText(fill(self.tr("%1 dB"), f"{self.level.value():+d}" if self.level.value() else "0"))


class FilmSoundControl(QObject):
    """Decodes the open video's sound, hands it to the player and keeps it placed, muted and levelled."""

    def __init__(self, row: SoundRow, transport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.transport = transport
        self.sound: FilmSound | None = None
        row.changed.connect(self._apply)
        row.show_state(None)

    def attach(self, path: str, offset_seconds: float, muted: bool = False, level_db: float = 0.0) -> None:
        """Start decoding `path`'s sound and play it with the music (if there is a player to play it), muted and
        levelled as the project saved it."""
        self.detach()
        self.row.set_values(muted, level_db)
        player = self.transport.player
        if player is None:
            return
        audio = FilmAudio(path, player.sample_rate)
        self.sound = FilmSound(audio, offset_seconds)
        self._apply()
        self.row.show_state(audio.has_sound)
        if audio.has_sound:
            player.set_film_sound(self.sound)

    def place(self, offset_seconds: float) -> None:
        """The picture moved against the song: the sound moves with it."""
        if self.sound is not None:
            self.sound.offset_seconds = float(offset_seconds)
            self.sound.forget_position()

    def detach(self) -> None:
        if self.sound is None:
            return
        player = self.transport.created_player
        if player is not None and player.film_sound is self.sound:
            player.set_film_sound(None)
        self.sound.close()
        self.sound = None
        self.row.show_state(None)

    def _apply(self) -> None:
        if self.sound is not None:
            self.sound.gain = decibels_to_gain(self.row.level_db)
            self.sound.muted = self.row.muted
