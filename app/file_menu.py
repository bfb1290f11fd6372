"""The File menu: new/open/recent/save/import/export, wired to the FileController.

Export audio starts an AudioExport (render thread + progress dialog); the
window stays usable while it runs and the result lands in the status bar. The
check item under it says whether exports are normalized to -1 dBFS; the one
under Open recent whether a score's repeats are played out on opening (both
settings kept between runs).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from app.audio_export import AudioExport, normalize_preference, set_normalize_preference
from app.edit_menus import add_action
from app.files import FileController
from app.i18n import fill


class FileMenu(QObject):
    def __init__(self, window: QMainWindow, files: FileController) -> None:
        super().__init__(window)
        self.window = window
        self.files = files
        self.export_job: AudioExport | None = None
        menu = window.menuBar().addMenu(self.tr("&File"))
        window.menuBar().insertMenu(window.menuBar().actions()[0], menu)
        add_action(window, menu, self.tr("&New"), files.new, QKeySequence.New)
        add_action(window, menu, self.tr("&Open…"), files.open_file, QKeySequence.Open)
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.unfold_action = QAction(self.tr("Play out repeats when opening a score"), window, checkable=True)
        self.unfold_action.setChecked(files.unfold_repeats)
        self.unfold_action.setStatusTip(self.tr("A MusicXML score opens as it plays (repeats and endings written "
                                                "out); off, it keeps the written order"))
        self.unfold_action.toggled.connect(files.set_unfold_repeats)
        menu.addAction(self.unfold_action)
        menu.addSeparator()
        add_action(window, menu, self.tr("&Save"), files.save, QKeySequence.Save)
        add_action(window, menu, self.tr("Save &as…"), files.save_as, QKeySequence("Ctrl+Shift+S"))
        menu.addSeparator()
        add_action(window, menu, self.tr("&Import MIDI…"), files.import_midi, QKeySequence("Ctrl+I"))
        add_action(window, menu, self.tr("Export &MIDI…"), lambda: files.export("midi"), QKeySequence("Ctrl+E"))
        add_action(window, menu, self.tr("Export a&udio (WAV/FLAC)…"), self.export_audio, QKeySequence("Ctrl+Shift+E"))
        add_action(window, menu, self.tr("Export s&tems (one file per track)…"), self.export_stems)
        self.normalize_action = QAction(self.tr("Normali&ze exported audio to -1 dBFS"), window, checkable=True)
        self.normalize_action.setChecked(normalize_preference())
        self.normalize_action.setStatusTip(self.tr("Scale each audio export so its loudest moment is at -1 dBFS "
                                              "(playback is quieter, to leave room)"))
        self.normalize_action.toggled.connect(set_normalize_preference)
        menu.addAction(self.normalize_action)
        add_action(window, menu, self.tr("Export Music&XML…"), lambda: files.export("musicxml"))
        menu.addSeparator()
        add_action(window, menu, self.tr("&Quit"), window.close, QKeySequence.Quit)
        self.menu = menu
        files.recentChanged.connect(self._fill_recent)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.files.open_file(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def export_audio(self, path: str | None = None) -> AudioExport | None:
        """Render the song to WAV or FLAC in the background; returns the running job."""
        files = self.files
        path = path or files.choose_path(self.tr("Export audio"), True,
                                         self.tr("WAV audio (*.wav);;FLAC audio (*.flac)"),
                                         files.suggested_path(".wav"))
        if not path:
            return None
        if Path(path).suffix.lower() not in (".wav", ".flac"):
            files.ask(QMessageBox.Warning, self.tr("Cannot export audio"),
                      fill(self.tr("%1: audio exports as .wav or .flac"), path))
            return None
        job = AudioExport(files.session.song, path, self.window, normalize=self.normalize_action.isChecked(),
                          mix=files.mix_source())
        job.finished_with.connect(self._export_finished)
        self.export_job = job
        job.start()
        return job

    def export_stems(self, mix_path: str | None = None, sample_rate: int = 44100) -> AudioExport | None:
        """Ask where (app.stems_dialog), then render the mix and one file per track in the background."""
        from app.stems_dialog import StemsDialog, StemsExport  # loads the audio engine: not at start-up

        files = self.files
        if mix_path is None:
            if not files.interactive:
                return None
            suggested = Path(files.suggested_path(".wav"))
            folder = str(suggested.parent) if files.path else str(Path.home())
            dialog = StemsDialog(files.session.song, folder, suggested.stem, self.window,
                                 self.normalize_action.isChecked())
            if dialog.exec() != QDialog.Accepted:
                return None
            mix_path, sample_rate = str(dialog.mix_path()), dialog.sample_rate()
        job = StemsExport(files.session.song, mix_path, self.window, normalize=self.normalize_action.isChecked(),
                          mix=files.mix_source(), sample_rate=sample_rate)
        job.finished_with.connect(self._export_finished)
        self.export_job = job
        job.start()
        return job

    def _export_finished(self, ok: bool, message: str) -> None:
        self.files.session.message.emit(message)
        if not ok and not self.export_job.thread.cancelled:
            self.files.ask(QMessageBox.Warning, self.tr("Cannot export audio"), message)
