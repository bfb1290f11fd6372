"""Export audio from the window with "Normalize exported audio to -1 dBFS": on by default, remembered."""
from __future__ import annotations

import numpy as np
import soundfile

from app.audio_export import NORMALIZE_KEY
from app.settings import settings
from editor_helpers import offline_player


def export(window, qtbot, path) -> tuple[str, np.ndarray]:
    job = window.file_menu.export_audio(str(path))
    with qtbot.waitSignal(job.finished_with, timeout=30_000) as result:
        pass
    ok, message = result.args
    assert ok, message
    assert window.statusBar().currentMessage() == message
    return message, soundfile.read(path, dtype="float64")[0]


def peak_db(audio: np.ndarray) -> float:
    return 20 * np.log10(np.max(np.abs(audio)))


def test_exports_are_normalized_by_default(window, qtbot, tmp_path):
    action = window.file_menu.normalize_action
    assert action.isCheckable() and action.isChecked() and action in window.file_menu.menu.actions()
    message, audio = export(window, qtbot, tmp_path / "song.wav")
    gain = window.file_menu.export_job.thread.result.gain_db
    assert abs(peak_db(audio) + 1.0) < 0.1 and gain > 6
    assert message == f"Exported song.wav ({len(audio) / 44100:.1f} s of audio, normalized {gain:+.1f} dB, peak -1.0 dBFS)"


def test_turning_it_off_is_remembered_and_exports_the_playback_level(window, qtbot, tmp_path, song):
    _, loud = export(window, qtbot, tmp_path / "loud.wav")
    window.file_menu.normalize_action.trigger()  # as a click on the menu item does
    assert not window.file_menu.normalize_action.isChecked()
    assert settings().value(NORMALIZE_KEY) in (False, "false")
    message, plain = export(window, qtbot, tmp_path / "plain.wav")
    gain = peak_db(loud) - peak_db(plain)
    assert gain > 6 and message.endswith(f"peak {peak_db(plain):.1f} dBFS)") and "normalized" not in message
    assert abs(20 * np.log10(np.sqrt(np.mean(loud ** 2)) / np.sqrt(np.mean(plain ** 2))) - gain) < 0.05

    assert not next_run_normalizes(song)  # the next window (a later run) starts from the saved choice
    window.file_menu.normalize_action.trigger()
    assert next_run_normalizes(song)


def next_run_normalizes(song) -> bool:
    from app.main_window import MainWindow

    later = MainWindow(song, player_factory=offline_player)
    try:
        return later.file_menu.normalize_action.isChecked()
    finally:
        later.close()
        later.deleteLater()
