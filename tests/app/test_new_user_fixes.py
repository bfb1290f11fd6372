"""The smaller things a new user hit (issue 14): undo from the tempo box, the Transport menu's words,
the key list's flats, where file dialogs start, the name in the unsaved-changes question, and the help text."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from editor_helpers import DialogAnswerer


def test_ctrl_z_in_the_tempo_box_undoes_the_tempo_change(window):
    tempo = window.transport_bar.tempo
    before = window.session.song.tempos
    tempo.setFocus()
    QApplication.processEvents()
    tempo.lineEdit().selectAll()
    QTest.keyClicks(tempo.lineEdit(), "97")
    QTest.keyClick(tempo.lineEdit(), Qt.Key_Return)
    assert round(window.session.song.tempo_map.bpm_at(0), 2) == 97
    assert tempo.hasFocus() or tempo.lineEdit().hasFocus()
    QTest.keyClick(tempo.lineEdit(), Qt.Key_Z, Qt.ControlModifier)
    assert window.session.song.tempos == before
    QTest.keyClick(tempo.lineEdit(), Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert round(window.session.song.tempo_map.bpm_at(0), 2) == 97


def test_ctrl_z_while_typing_in_the_tempo_box_undoes_the_typing_only(window):
    tempo = window.transport_bar.tempo
    before = window.session.song.tempos
    tempo.setFocus()
    tempo.lineEdit().selectAll()
    QTest.keyClicks(tempo.lineEdit(), "88")
    QTest.keyClick(tempo.lineEdit(), Qt.Key_Z, Qt.ControlModifier)
    assert window.session.song.tempos == before and window.session.undo_stack.count() == 0


def test_transport_menu_items_say_what_they_do_and_the_toolbar_keeps_its_glyphs(window):
    menu = [a.text() for a in window.transport_menu.actions() if not a.isSeparator()][:4]
    assert menu == ["Play / Stop", "Return to Start", "Loop Region", "Metronome"]
    bar = window.transport_bar
    assert [bar.widgetForAction(a).text() for a in (bar.play, bar.home, bar.loop)] == ["▶", "⇤", "⟳ Loop"]
    window.transport.play()
    QApplication.processEvents()
    assert bar.widgetForAction(bar.play).text() == "■" and bar.play.text() == "Play / Stop"
    window.transport.stop()


def test_the_key_list_spells_keys_as_musicians_do_and_keeps_the_spelling(window):
    from engine.keys import Key

    selector = window.edit_toolbar.key_selector
    names = [selector.tonic.itemText(i) for i in range(1, 13)]
    assert names == ["C", "Db", "D", "Eb", "E", "F", "F#/Gb", "G", "Ab", "A", "Bb", "B"]
    selector.tonic.setCurrentIndex(names.index("Bb") + 1)
    selector.tonic.activated.emit(names.index("Bb") + 1)
    assert window.session.song.key_at(0) == Key(10, "major")
    assert selector.tonic.currentText() == "Bb" and window.session.song.key_at(0).name() == "Bb major"
    assert selector.set_key(Key(1, "minor"))
    assert selector.tonic.currentText() == "C#"
    assert [selector.tonic.itemText(i) for i in (4, 7, 9, 11)] == ["D#/Eb", "F#", "G#", "Bb"]


CLOSE_CHORDS = ["Csus4", "A7sus4", "C#m7b5", "Bbmaj9", "F#m11", "G7#9", "Dbadd9", "E7b9"]


def test_chord_names_one_beat_apart_are_drawn_whole(window):
    from dataclasses import replace

    from app.roll.chord_lane import fitted_label
    from engine.chords import ChordEvent, parse_chord

    song = window.session.song
    window.session.replace_song(replace(song, chords=tuple(
        ChordEvent(i * song.ticks_per_quarter, parse_chord(name)) for i, name in enumerate(CLOSE_CHORDS))))
    lane, view = window.editor.chord_lane, window.editor.view
    beat = view.px_per_tick * song.ticks_per_quarter
    assert beat == 48  # the default zoom
    label_width = beat - 2 - 6  # the block between two chords, less the accent stripe and the margins
    for name in CLOSE_CHORDS:
        font, text = fitted_label(lane.font(), name, label_width)
        assert text == name and font.pointSizeF() >= 0.7 * lane.font().pointSizeF()
    assert fitted_label(lane.font(), "Ebmaj7/G", 20)[1].endswith("…")  # only a block too narrow shortens it
    lane.grab()  # paints without error
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    at = QPoint(round(view.x_of(2 * song.ticks_per_quarter)) + 10, lane.height() // 2)
    QApplication.sendEvent(lane, QHelpEvent(QEvent.ToolTip, at, lane.mapToGlobal(at)))
    assert QToolTip.text() == "C#m7b5"  # the whole name, however the label was drawn


def test_the_chord_error_stays_inside_the_lane_at_its_right_edge(window):
    lane = window.editor.chord_lane
    lane.open_editor(lane.beat_at(lane.width() - 40))
    lane.field.setText("Xq7")
    lane.commit()
    assert lane.error.isVisible()
    geometry = lane.error.geometry()
    assert geometry.left() >= 0 and geometry.right() < lane.width()
    assert not geometry.intersects(lane.field.geometry())


class FileDialogAnswerer(DialogAnswerer):
    """Reads each modal file dialog (its folder and suggested name) and answers it with the next path
    (None: Cancel), polling as editor_helpers.DialogAnswerer does for message boxes."""

    def _answer(self) -> None:
        from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit

        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            return
        chosen = dialog.selectedFiles()
        self.seen.append((dialog.directory().absolutePath(), chosen[0] if chosen else ""))
        answer = self.answers.pop(0) if self.answers else None
        if answer is None:
            dialog.reject()
        else:
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(answer))  # typed, as a user may
            QDialog.accept(dialog)  # as a click on Open/Save with that file chosen


@pytest.fixture
def user_home(tmp_path, monkeypatch):
    """A home with a Music folder, and a working directory elsewhere (where dialogs used to start)."""
    home = tmp_path / "user"
    (home / "Music").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_MUSIC_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return home


def test_file_dialogs_start_in_music_then_in_the_last_folder_used(window, user_home, tmp_path):
    songs = tmp_path / "songs"
    songs.mkdir()
    window.files.export("midi", str(songs / "tune.mid"))
    with FileDialogAnswerer(None) as dialogs:
        assert not window.files.open_file(confirm=False)
    assert dialogs.seen[0][0] == str(user_home / "Music")
    with FileDialogAnswerer(songs / "tune.mid") as dialogs:
        assert window.files.open_file(confirm=False)
    with FileDialogAnswerer(None) as dialogs:
        assert not window.files.save_as()
    folder, suggested = dialogs.seen[0]
    assert folder == str(songs) and suggested.endswith("tune.cadenza")


def test_an_opened_midi_file_is_named_in_the_unsaved_question(window, tmp_path):
    from editor_helpers import key

    path = tmp_path / "Intro theme.mid"
    window.files.export("midi", str(path))
    assert window.files.open_file(str(path), confirm=False)
    key(window.editor.roll, Qt.Key_A, Qt.ControlModifier)
    key(window.editor.roll, Qt.Key_Up)
    assert window.windowTitle().startswith("Intro theme.mid")
    with DialogAnswerer(QMessageBox.Cancel) as answers:
        assert not window.files.new()
    assert answers.seen == [("Unsaved changes", "Save the changes to Intro theme.mid?")]
    assert window.files.path is None  # still not a project: Save asks where


def test_the_help_names_what_opens_and_a_score_opens_from_the_command_line(tmp_path, cadenza_home):
    import shutil
    import zipfile

    from engine.files import open_song_file
    from test_startup import run_app

    result = run_app("--help", home=cadenza_home)
    assert result.returncode == 0
    help_text = " ".join(result.stdout.split())
    for suffix in (".cadenza", ".mid", ".musicxml", ".xml", ".mxl"):
        assert suffix in help_text
    features = Path(__file__).resolve().parents[1] / "data" / "musicxml" / "features.musicxml"
    shutil.copy(features, tmp_path / "features.xml")
    with zipfile.ZipFile(tmp_path / "features.mxl", "w") as archive:
        archive.writestr("META-INF/container.xml", '<container><rootfiles><rootfile full-path="score.xml"/>'
                                                   '</rootfiles></container>')
        archive.writestr("score.xml", features.read_bytes())
    for path in (features, tmp_path / "features.xml", tmp_path / "features.mxl"):
        assert open_song_file(path)[0].song.note_count == 18
    shot = tmp_path / "shot.png"
    result = run_app(str(features), "--screenshot", str(shot), home=cadenza_home)
    assert result.returncode == 0 and shot.is_file() and "cadenza-app:" not in result.stderr
