"""The MIDI and audio preferences dialog, the settings it keeps, and the MIDI shortcuts in the shortcut list."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import audio_preferences
from app.midi_input import preferences
from app.midi_input.preferences_dialog import PreferencesDialog


def answer_preferences(choose) -> None:
    """Fill in the modal preferences dialog like a user once it is open, then press OK."""
    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(20, answer)
            return
        choose(dialog)
        dialog.accept()
    QTimer.singleShot(20, answer)


def test_preferences_are_saved_and_the_buffer_applies_at_next_start(window):
    def choose(dialog):
        dialog.count_in.setValue(2)
        dialog.mode.setCurrentIndex(1)
        dialog.quantize.setChecked(True)
        dialog.buffer.setCurrentIndex(dialog.buffer.findText("512 frames (23 ms)"))

    answer_preferences(choose)
    window.midi.menu.preferences.trigger()
    prefs = preferences.load()
    assert (prefs.count_in_bars, prefs.record_mode, prefs.input_quantize) == (2, "replace", True)
    assert audio_preferences.load().period_size == 512
    assert window.statusBar().currentMessage() == "Audio buffer 512 frames: applies the next time Cadenza starts"


def test_the_composer_threads_are_chosen_in_the_dialog_and_reach_the_proposals(window):
    """0 is automatic (every core but one, at least one); a count is used as chosen."""
    import os

    from app.proposals.job import composer_threads

    cores = len(os.sched_getaffinity(0))
    assert composer_threads() == max(1, cores - 1)
    answer_preferences(lambda dialog: dialog.threads.setValue(3))
    window.midi.menu.preferences.trigger()
    assert composer_threads() == 3
    def automatic(dialog):
        assert dialog.threads.value() == 3 and dialog.threads.text() == "3"
        dialog.threads.setValue(0)
        assert dialog.threads.text() == "Automatic (every core but one)"
    answer_preferences(automatic)
    window.midi.menu.preferences.trigger()
    assert composer_threads() == max(1, cores - 1)


def test_a_damaged_settings_file_falls_back_to_defaults(cadenza_home):
    from app.settings import settings

    store = settings()
    store.setValue("midi/period_size", "huge")
    store.setValue("midi/count_in_bars", 99)
    store.setValue("midi/record_mode", "replace")
    prefs = preferences.load(store)
    assert (prefs.count_in_bars, prefs.record_mode) == (1, "replace")
    assert audio_preferences.load(store).period_size == 256


def test_a_buffer_size_saved_by_an_earlier_version_still_loads(cadenza_home):
    """Earlier versions kept the buffer with the MIDI preferences, as midi/period_size: the key stays."""
    from app.settings import settings

    store = settings()
    store.setValue("midi/period_size", "1024")  # an INI file gives strings back
    store.setValue("midi/input_quantize", "true")
    store.sync()
    assert audio_preferences.load().period_size == 1024
    assert preferences.load().input_quantize is True
    audio_preferences.update(period_size=128)
    assert settings().value("midi/period_size") in (128, "128")


def test_record_and_step_keys_are_in_the_shortcut_list(window):
    rows = dict(window.menus.shortcut_rows())
    assert (rows["Record"], rows["Step input"], rows["Step input: rest"]) == ("R", "N", "0")
