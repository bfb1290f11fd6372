"""The smaller things a new user hit (issue 14): undo from the tempo box, the Transport menu's words,
the key list's flats, where file dialogs start, the name in the unsaved-changes question, and the help text."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


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
