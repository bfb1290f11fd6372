"""Transport › Mix…: changes reach the real player at once, mark the project modified, and come back with it."""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

from app.mix_settings import MixDialog
from engine.audio.mix import DEFAULT_MIX, MixSettings, balanced, track_gains


def open_dialog(window) -> MixDialog:
    window.mix.action.trigger()  # as the menu item does
    dialog = window.mix.dialog
    assert isinstance(dialog, MixDialog) and dialog.isVisible()
    return dialog


def test_the_menu_item_opens_the_dialog_showing_the_projects_mix(window, tmp_path):
    assert window.mix.action in window.transport_menu.actions()
    dialog = open_dialog(window)
    assert window.mix.mix == DEFAULT_MIX
    assert dialog.balance.isChecked() and dialog.reverb.isChecked() and dialog.chorus.isChecked()
    assert (dialog.reverb_amount.value(), dialog.reverb_room.value(), dialog.chorus_amount.value()) == (90, 20, 50)
    gains = dialog.gains.text().replace("\u00a0", " ")
    assert "melody +4 dB" in gains and "accompaniment -2 dB" in gains
    listed = dialog.track_gains.text().replace("\u00a0", " ")
    for track, gain in track_gains(window.session.song, window.mix.soundfont()):
        assert f"{track.name} {gain:+.1f} dB" in listed
    QApplication.processEvents()
    dialog.grab().save(str(tmp_path / "mix-dialog.png"))
    dialog.balance.setChecked(False)
    assert dialog.track_gains.text() == ""


def test_changes_are_heard_at_once_and_mark_the_project_modified(window):
    player = window.transport.player
    assert player.synth.settings.reverb and not window.files.dirty
    dialog = open_dialog(window)
    dialog.reverb_amount.setValue(40)
    assert window.mix.mix.reverb_amount == 0.4 and player.synth.settings.reverb_level == 0.4
    assert window.files.dirty
    dialog.dry.click()
    assert window.mix.mix.dry and not dialog.dry.isEnabled()
    assert not player.synth.settings.reverb and not player.synth.settings.chorus
    dialog.balance.setChecked(False)
    assert player.mixed_song.tracks == window.session.song.tracks  # every track at its own volume
    dialog.defaults.click()
    assert window.mix.mix == DEFAULT_MIX and dialog.reverb.isChecked() and dialog.dry.isEnabled()
    assert player.mixed_song.tracks == balanced(window.session.song, DEFAULT_MIX, player.synth.soundfont).tracks


def test_the_mix_is_saved_with_the_project_and_used_by_audio_export(window, qtbot, tmp_path):
    dialog = open_dialog(window)
    dialog.chorus.setChecked(False)
    dialog.reverb_room.setValue(75)
    project = tmp_path / "cue.cadenza"
    assert window.files.save_as(str(project))
    saved = window.mix.mix
    assert saved == MixSettings(chorus=False, reverb_room=0.75)
    dialog.defaults.click()
    assert window.files.open_file(str(project), confirm=False)
    assert window.mix.mix == saved
    assert not dialog.chorus.isChecked() and dialog.reverb_room.value() == 75  # the open dialog follows
    job = window.file_menu.export_audio(str(tmp_path / "cue.wav"))
    assert job.thread.mix == saved
    with qtbot.waitSignal(job.finished_with, timeout=30_000) as result:
        pass
    assert result.args[0], result.args[1]


def test_a_new_song_has_the_default_mix(window):
    dialog = open_dialog(window)
    dialog.dry.click()
    assert window.mix.mix.dry
    window.session.undo_stack.setClean()  # nothing to ask about discarding
    assert window.files.new()
    assert window.mix.mix == DEFAULT_MIX and dialog.reverb.isChecked()
    assert np.isclose(window.transport.player.synth.settings.reverb_level, DEFAULT_MIX.reverb_amount)
