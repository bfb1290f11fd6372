"""Key and scale selector: the song's key (an undoable edit), scale highlighting and snap-to-scale.

The key is part of the song (it is saved, exported as a MIDI key signature and
conditions the composer), so choosing one pushes a SongPropertiesEdit of the key
at the start of the song. Highlighting and snap-to-scale are editor options.
Tonics are spelled as musicians spell the key in the chosen mode (Bb, Eb, Ab,
Db major; C#, F#, G# minor), not always with sharps.
"""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from app.i18n.terms import fill_combo, scale_name, select_data
from app.roll.options import EditorOptions
from app.session import Session
from engine.edits import SongPropertiesEdit
from engine.keys import SCALES, Key, KeySignature
from engine.pitch import FLAT_NAMES, SHARP_NAMES, pitch_class_name


def tonic_name(tonic: int, mode: str) -> str:
    """The tonic as musicians spell it in `mode`: by its key signature (Bb major has flats, C# minor
    sharps); a key of six sharps or six flats is written either way, so it shows both (F#/Gb major)."""
    sharps = Key(tonic, mode).sharps
    if abs(sharps) == 6:
        return f"{SHARP_NAMES[tonic]}/{FLAT_NAMES[tonic]}"
    return pitch_class_name(tonic, sharps < 0)


class KeySelector(QWidget):
    def __init__(self, session: Session, options: EditorOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.options = options
        self.tonic = QComboBox()
        self.tonic.addItem(self.tr("No key"))
        self.tonic.addItems([tonic_name(tonic, "major") for tonic in range(12)])
        self.tonic.setToolTip(self.tr("Key of the song"))
        self.mode = QComboBox()
        fill_combo(self.mode, SCALES, scale_name)
        self.mode.setToolTip(self.tr("Scale"))
        self.highlight = QCheckBox(self.tr("Highlight"))
        self.highlight.setToolTip(self.tr("Shade the rows outside the scale"))
        self.snap_to_scale = QCheckBox(self.tr("Snap to scale"))
        self.snap_to_scale.setToolTip(self.tr("New and moved notes land on scale tones; arrows transpose by degree"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(QLabel(self.tr("Key")))
        for widget in (self.tonic, self.mode, self.highlight, self.snap_to_scale):
            layout.addWidget(widget)
        self.tonic.activated.connect(lambda _: self._set_key())
        self.mode.activated.connect(lambda _: self._set_key())
        self.highlight.toggled.connect(lambda on: options.set(highlight_scale=on))
        self.snap_to_scale.toggled.connect(lambda on: options.set(snap_to_scale=on))
        session.songChanged.connect(lambda *_: self.refresh())
        options.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        key = self.session.song.key_at(0)
        for widget in (self.tonic, self.mode, self.highlight, self.snap_to_scale):
            widget.blockSignals(True)
        mode = "major" if key is None else key.mode
        for tonic in range(12):  # spelled for the mode shown: Bb major, but A# is never offered for it
            self.tonic.setItemText(tonic + 1, tonic_name(tonic, mode))
        self.tonic.setCurrentIndex(0 if key is None else key.tonic + 1)
        if key is not None:
            select_data(self.mode, key.mode)
        self.mode.setEnabled(key is not None)
        self.highlight.setChecked(self.options.highlight_scale)
        self.snap_to_scale.setChecked(self.options.snap_to_scale)
        for widget in (self.tonic, self.mode, self.highlight, self.snap_to_scale):
            widget.blockSignals(False)

    def set_key(self, key: Key | None) -> bool:
        """Make `key` the key from the start of the song (later key changes stay)."""
        song = self.session.song
        later = tuple(k for k in song.keys if k.tick > 0)
        keys = later if key is None else (KeySignature(0, key),) + later
        if keys == song.keys:
            return False
        return self.session.push(SongPropertiesEdit.changing(song, self.tr("Set key"), keys=keys))

    def _set_key(self) -> None:
        index = self.tonic.currentIndex()
        self.set_key(None if index == 0 else Key(index - 1, self.mode.currentData()))
