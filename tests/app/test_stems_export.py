"""File › Export stems… in the window: the dialog as a user fills it, the files read back, cancel, bad input."""
from __future__ import annotations

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from app.stems_dialog import StemsDialog
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

BAR = 1920


def sixteen_bars() -> Song:
    """A 16-bar cue at 120 BPM: a melody over chords, a bass line and a drum beat (32 s)."""
    melody = tuple(Note(b * BAR + i * 480, 72 + (b + i) % 5, 400, 90) for b in range(16) for i in range(4) if (b + i) % 3)
    chords = tuple(Note(b * BAR, p + (b % 4) * 2, BAR - 60, 70) for b in range(16) for p in (60, 64, 67))
    bass = tuple(Note(b * BAR + i * 960, 36 + (b % 4) * 2, 900, 95) for b in range(16) for i in range(2))
    drums = tuple(Note(b * BAR + i * 480, 36 if i % 2 == 0 else 38, 120, 100) for b in range(16) for i in range(4))
    return Song(tracks=(
        Track(1, "Lead: flute", TrackRole.MELODY, program=73, channel=0, notes=melody),
        Track(2, "Strings", TrackRole.CHORDS, program=48, channel=1, notes=chords),
        Track(3, "Bass", TrackRole.BASS, program=33, channel=2, notes=bass),
        Track(4, "Drums", TrackRole.DRUMS, channel=9, notes=drums),
    ), title="Cue 3M1")


@pytest.fixture
def song() -> Song:  # the window fixture's song
    return sixteen_bars()


def fill_dialog_then(action, **fields):
    """When the stems dialog opens, fill its fields like a user and run `action(dialog)`."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, StemsDialog):
            QTimer.singleShot(20, poll)
            return
        for name, value in fields.items():
            widget = getattr(dialog, name)
            if hasattr(widget, "setText"):
                widget.setText(value)
            else:
                widget.setCurrentIndex(widget.findData(value))
        action(dialog)

    QTimer.singleShot(20, poll)


def test_stems_exported_from_the_window_line_up_and_add_up(window, qtbot, tmp_path):
    seen = {}

    def look_and_export(dialog: StemsDialog) -> None:
        seen["files"] = dialog.files.text()
        seen["enabled"] = dialog.export_button.isEnabled()
        dialog.grab().save(str(tmp_path / "stems-dialog.png"))
        dialog.export_button.click()

    fill_dialog_then(look_and_export, folder=str(tmp_path), cue="3M1", rate=48000)
    job = window.file_menu.export_stems()
    assert job is not None
    with qtbot.waitSignal(job.finished_with, timeout=60_000) as result:
        pass
    ok, message = result.args
    assert ok, message
    assert seen["enabled"]
    assert seen["files"] == "3M1.wav (the mix), 3M1_Lead_flute.wav, 3M1_Strings.wav, 3M1_Bass.wav, 3M1_Drums.wav"
    seconds = window.session.song.duration_seconds + 1.5  # the release tail
    assert message == (f"Exported 5 files to {tmp_path}: the mix 3M1.wav and one per track ({seconds:.1f} s of audio, "
                       "48000 Hz, mix peak -1.0 dBFS)")
    assert window.statusBar().currentMessage() == message
    mix, rate = soundfile.read(tmp_path / "3M1.wav", dtype="float64")
    stems = [soundfile.read(tmp_path / f"3M1_{name}.wav", dtype="float64")[0]
             for name in ("Lead_flute", "Strings", "Bass", "Drums")]
    assert rate == 48000 and all(stem.shape == mix.shape for stem in stems)
    assert np.abs(sum(stems) - mix).max() <= 5 * 2.0 ** -23
    assert abs(20 * np.log10(np.abs(mix).max()) + 1.0) < 0.01  # normalized (the File menu's setting), one gain
    assert job.last_progress == job.maximum()


def test_cancelled_stems_leave_no_file(window, qtbot, tmp_path):
    job = window.file_menu.export_stems(str(tmp_path / "cue.flac"))
    job.findChild(QPushButton).click()  # the progress dialog's Cancel, as a user clicks it
    with qtbot.waitSignal(job.finished_with, timeout=60_000) as result:
        pass
    assert result.args == [False, "Export cancelled"]
    assert list(tmp_path.iterdir()) == []


def test_the_dialog_says_what_is_wrong_before_anything_is_written(qtbot, tmp_path):
    song = sixteen_bars()
    dialog = StemsDialog(song, str(tmp_path), "cue")
    qtbot.addWidget(dialog)
    assert dialog.export_button.isEnabled() and dialog.problem.text() == ""
    dialog.cue.setText("")
    assert not dialog.export_button.isEnabled() and "Name the cue" in dialog.problem.text()
    dialog.cue.setText("a/b")
    assert not dialog.export_button.isEnabled() and "cannot contain" in dialog.problem.text()
    dialog.cue.setText("cue")
    dialog.folder.setText(str(tmp_path / "missing"))
    assert not dialog.export_button.isEnabled() and "folder" in dialog.problem.text()
    dialog.folder.setText(str(tmp_path))
    dialog.format.setCurrentIndex(dialog.format.findData(".flac"))
    assert dialog.mix_path() == tmp_path / "cue.flac" and "cue_Drums.flac" in dialog.files.text()
    muted = StemsDialog(song.with_(tracks=tuple(t.with_(mute=True) for t in song.tracks)), str(tmp_path), "cue")
    qtbot.addWidget(muted)
    assert not muted.export_button.isEnabled() and "muted" in muted.problem.text()
    soloed = StemsDialog(song.with_track(song.track(3).with_(solo=True)), str(tmp_path), "cue")
    qtbot.addWidget(soloed)
    assert soloed.files.text() == "cue.wav (the mix), cue_Bass.wav"
    assert list(tmp_path.iterdir()) == []


def test_cancelling_the_dialog_exports_nothing(window, tmp_path):
    fill_dialog_then(lambda dialog: dialog.reject(), folder=str(tmp_path))
    assert window.file_menu.export_stems() is None
    assert list(tmp_path.iterdir()) == []
