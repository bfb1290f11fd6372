"""The MIDI & audio preferences dialog: count-in, record mode, input quantize, metronome (app.midi_input.preferences),
audio buffer (app.audio_preferences), and the CPU threads proposals may use (app.proposals.job).

Recording settings apply from the next take. The audio buffer (period size)
is the Player's output latency against its risk of dropouts; the sound
device is opened once, at start, so a new size applies the next time Cadenza
starts, and the dialog says so.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from app.audio_preferences import PERIOD_SIZES, PERIODS, AudioPreferences
from app.count_spin import BarCountSpinBox
from app.i18n import fill
from app.midi_input.preferences import RECORD_MODES, MidiPreferences
from app.proposals.job import chosen_threads

MAX_THREADS = 64

SAMPLE_RATE = 44100  # for the latency shown next to each buffer size (the synth's default rate)


class PreferencesDialog(QDialog):
    def __init__(self, prefs: MidiPreferences, audio: AudioPreferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("MIDI and audio preferences"))
        self.prefs = prefs
        self.count_in = BarCountSpinBox(0, 8)
        self.count_in.setValue(prefs.count_in_bars)
        self.mode = QComboBox()
        self.mode.addItems([self.tr("Overdub (keep what is there)"), self.tr("Replace (clear what the take covers)")])
        self.mode.setCurrentIndex(RECORD_MODES.index(prefs.record_mode))
        self.quantize = QCheckBox(self.tr("Quantize recorded notes to the snap grid"))
        self.quantize.setChecked(prefs.input_quantize)
        self.metronome = QCheckBox(self.tr("Metronome while recording"))
        self.metronome.setChecked(prefs.record_metronome)
        self.buffer = QComboBox()
        for size in PERIOD_SIZES:
            self.buffer.addItem(fill(self.tr("%1 frames (%2 ms)"), size, f"{1000 * size * PERIODS / SAMPLE_RATE:.0f}"))
        self.buffer.setCurrentIndex(PERIOD_SIZES.index(audio.period_size))
        note = QLabel(self.tr("A new audio buffer size applies the next time Cadenza starts.\n"
                              "Smaller: the keyboard sounds sooner; larger: fewer dropouts on a busy machine."))
        note.setWordWrap(True)
        self.threads = QSpinBox()
        self.threads.setRange(0, MAX_THREADS)
        self.threads.setSpecialValueText(self.tr("Automatic (every core but one)"))
        self.threads.setValue(min(MAX_THREADS, chosen_threads()))
        self.threads.setToolTip(self.tr("CPU threads a proposal may use; the interface keeps one core for itself"))
        form = QFormLayout(self)
        form.addRow(self.tr("Count-in"), self.count_in)
        form.addRow(self.tr("Recording"), self.mode)
        form.addRow("", self.quantize)
        form.addRow("", self.metronome)
        form.addRow(self.tr("Audio buffer"), self.buffer)
        form.addRow("", note)
        form.addRow(self.tr("Composer threads"), self.threads)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> dict:
        """The dialog's MIDI values, as keyword arguments for `app.midi_input.preferences.update`."""
        return {"count_in_bars": self.count_in.value(), "record_mode": RECORD_MODES[self.mode.currentIndex()],
                "input_quantize": self.quantize.isChecked(), "record_metronome": self.metronome.isChecked()}

    def chosen_audio(self) -> dict:
        """The dialog's audio values, as keyword arguments for `app.audio_preferences.update`."""
        return {"period_size": PERIOD_SIZES[self.buffer.currentIndex()]}

    def chosen_threads(self) -> int:
        """The thread count proposals may use (0: automatic)."""
        return self.threads.value()
