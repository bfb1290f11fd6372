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


def test_the_chord_error_stays_inside_the_lane_at_its_right_edge(window):
    lane = window.editor.chord_lane
    lane.open_editor(lane.beat_at(lane.width() - 40))
    lane.field.setText("Xq7")
    lane.commit()
    assert lane.error.isVisible()
    geometry = lane.error.geometry()
    assert geometry.left() >= 0 and geometry.right() < lane.width()
    assert not geometry.intersects(lane.field.geometry())
