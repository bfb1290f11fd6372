"""File › Export stems…: one audio file per sounding track plus the mix, in a folder the user picks.

The dialog asks for the folder, the cue's name, WAV or FLAC and the sample
rate, and lists the files it will write (`<cue>.wav` for the mix,
`<cue>_<track>.wav` for each track, as engine.audio.stems names them) before
anything is written. The export then runs like File › Export audio
(app.audio_export): a worker thread, a progress bar with Cancel, and a
cancelled or failed export leaves none of the files. It uses the project's mix
and the File menu's normalize setting (one gain for every file, so the stems
still add up to the mix).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app.audio_export import AudioExport, RenderThread
from app.i18n import fill
from engine.audio.stems import stem_paths
from engine.song import Song

FORMATS = ((".wav", "WAV"), (".flac", "FLAC"))
SAMPLE_RATES = (44100, 48000, 88200, 96000)
FORBIDDEN_IN_NAMES = '/\\:*?"<>|'


class StemsThread(RenderThread):
    """Renders the stems and the mix (engine.audio.stems) instead of one file."""

    def render(self, progress, cancel):
        from engine.audio.mix import DEFAULT_MIX
        from engine.audio.stems import render_stems

        return render_stems(self.song, self.path, self.soundfont, sample_rate=self.sample_rate,
                            mix=self.mix or DEFAULT_MIX, normalize=self.normalize, progress=progress, cancel=cancel)

    def summary(self, result) -> str:
        """'Exported 5 files to /folder: the mix cue.wav and one per track (39.9 s of audio, 48000 Hz, ...)'.

        Always two files or more, so the count needs no plural forms."""
        text = fill(self.tr("Exported %1 files to %2: the mix %3 and one per track (%4 s of audio, %5 Hz, "
                            "mix peak %6 dBFS)"),
                    len(result.paths), str(result.mix.parent), result.mix.name, f"{result.seconds:.1f}",
                    result.sample_rate, f"{result.peak_db:.1f}")
        if result.clipped:
            text += " " + self.tr("Some samples went over full scale and were clipped: turn on normalizing.")
        return text


class StemsExport(AudioExport):
    """The progress dialog of one stems export."""

    thread_class = StemsThread

    def title(self) -> str:
        return self.tr("Export stems")


class StemsDialog(QDialog):
    """Where and how to write the stems; `mix_path()` and `sample_rate()` once accepted."""

    def __init__(self, song: Song, folder: str, cue: str, parent: QWidget | None = None, normalize: bool = True) -> None:
        super().__init__(parent)
        self.song = song
        self.setWindowTitle(self.tr("Export stems"))
        self.setMinimumWidth(480)
        self.folder = QLineEdit(folder)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.cue = QLineEdit(cue)
        self.format = QComboBox()
        for suffix, name in FORMATS:
            self.format.addItem(name, suffix)
        self.rate = QComboBox()
        for rate in SAMPLE_RATES:
            self.rate.addItem(fill(self.tr("%1 Hz"), rate), rate)
        self.files = QLabel()
        self.files.setWordWrap(True)
        level = (self.tr("Normalized: one gain for every file puts the mix's peak at -1 dBFS.") if normalize else
                 self.tr("At the playback level (normalizing is off in the File menu)."))
        self.note = QLabel(self.tr("24-bit files, all the same length from the cue's start to the end of the "
                                   "last release, so they line up in any DAW; muted tracks get no file.") + " " + level)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: gray;")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #e5a93d;")
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Cue name"), self.cue)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Sample rate"), self.rate)
        form.addRow(self.tr("Files"), self.files)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.folder, self.cue):
            edit.textChanged.connect(self._update)
        self.format.currentIndexChanged.connect(self._update)
        self._update()

    def mix_path(self) -> Path:
        return Path(self.folder.text().strip()) / (self.cue.text().strip() + self.format.currentData())

    def sample_rate(self) -> int:
        return int(self.rate.currentData())

    def problem_text(self) -> str:
        """Why the export cannot start as filled in, or ''."""
        cue = self.cue.text().strip()
        if not cue:
            return self.tr("Name the cue: the files are called after it.")
        if any(c in FORBIDDEN_IN_NAMES for c in cue):
            return fill(self.tr("A cue name cannot contain any of %1"), FORBIDDEN_IN_NAMES)
        if not Path(self.folder.text().strip()).is_dir():
            return self.tr("Choose a folder that exists.")
        if not stem_paths(self.mix_path(), self.song):
            return self.tr("Every track is muted: there is nothing to export.")
        return ""

    def _update(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.export_button.setEnabled(not problem)
        if self.cue.text().strip():
            stems = stem_paths(self.mix_path(), self.song)
            names = [fill(self.tr("%1 (the mix)"), self.mix_path().name)] + [path.name for _, path in stems]
            self.files.setText(", ".join(names))
        else:
            self.files.setText("")

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export stems to"), self.folder.text())
        if folder:
            self.folder.setText(folder)
