"""MusicXML scores in the window: File > Open in the background, drag and drop, recent files, refusals, cancel."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.files import open_filter
from editor_helpers import DialogAnswerer, key

DATA = Path(__file__).resolve().parents[1] / "data" / "musicxml"
FEATURES = DATA / "features.musicxml"
SYMPHONY = Path("openscore-orchestra/musicxml/Beethoven,_Ludwig_van/Symphony_No.9,_Op.125/1/Beethoven_Op.125_1.mxl")


def edit_something(window) -> None:
    key(window.editor.roll, Qt.Key_A, Qt.ControlModifier)
    key(window.editor.roll, Qt.Key_Up)


def test_open_dialog_offers_every_musicxml_type():
    first, *_ = open_filter().split(";;")
    for pattern in ("*.musicxml", "*.xml", "*.mxl", "*.mid", "*.cadenza"):
        assert pattern in first
    assert any("*.musicxml *.xml *.mxl" in kind for kind in open_filter().split(";;"))


def test_score_opens_in_the_background_and_lands_in_recent_files(window, tmp_path):
    compressed = tmp_path / "features.mxl"
    with zipfile.ZipFile(compressed, "w") as archive:
        archive.writestr("META-INF/container.xml", '<container><rootfiles><rootfile full-path="score.xml"/>'
                                                   '</rootfiles></container>')
        archive.writestr("score.xml", FEATURES.read_bytes())
    messages = []
    window.session.message.connect(messages.append)
    assert window.files.open_file(str(compressed), confirm=False)
    assert window.files.open_job is not None  # reading, not done yet: the call returned at once
    assert window.files.wait_for_open()
    song = window.session.song
    assert [t.name for t in song.tracks] == ["Flute", "Clarinet in B♭", "Percussion"]
    assert song.title == "Features" and song.tracks[2].is_drums
    assert window.files.path is None and window.files.recent()[0] == str(compressed.resolve())
    assert [a.text() for a in window.file_menu.recent_menu.actions()] == ["features.mxl"]
    assert messages[-1].startswith("Opened features.mxl: 3 parts, 18 notes")


def test_recent_score_reopens_from_the_menu(window):
    window.files.open_file(str(FEATURES), confirm=False)
    assert window.files.wait_for_open()
    window.files.new()
    window.file_menu.recent_menu.actions()[0].trigger()
    assert window.files.wait_for_open()
    assert window.session.song.tracks[0].name == "Flute"


@pytest.mark.parametrize("name, content, reason", [
    ("broken.musicxml", b"<score-partwise><part-list></score-partwise>", "not well-formed XML"),
    ("empty.mxl", None, "holds no score"),
    ("odd.xml", b"<score-partwise><part-list><score-part id='P1'><part-name>A</part-name></score-part></part-list>"
                b"<part id='P1'><measure number='1'><attributes><divisions>1</divisions></attributes>"
                b"<bogus/><note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration></note>"
                b"</measure></part></score-partwise>", "unknown element <bogus>"),
])
def test_bad_scores_show_one_line_and_keep_the_project(window, tmp_path, name, content, reason):
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "no score here")
    else:
        path.write_bytes(content)
    edit_something(window)
    before, history = window.session.song, window.session.undo_stack.count()
    with DialogAnswerer(QMessageBox.Discard, QMessageBox.Ok) as answers:
        window.files.open_file(str(path))
        assert window.files.wait_for_open()  # the message box came and was answered while waiting
    assert answers.seen[0][0] == "Unsaved changes" and len(answers.seen) == 2
    title, text = answers.seen[1]
    assert title == "Cannot open file" and text.startswith(str(path)) and reason in text and "\n" not in text
    assert window.session.song == before and window.session.undo_stack.count() == history


def _drop(window, path: Path) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(window.rect().center(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(QPointF(window.rect().center()), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_score_on_the_window_opens_it(window, qtbot):
    assert _drop(window, FEATURES) == (True, True)
    qtbot.waitUntil(lambda: window.files.open_job is not None or window.session.song.tracks[0].name == "Flute")
    assert window.files.wait_for_open()
    assert [t.name for t in window.session.song.tracks][:2] == ["Flute", "Clarinet in B♭"]


def test_dropping_other_files_is_refused(window, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    before = window.session.song
    assert _drop(window, text) == (False, False)
    assert window.session.song == before


def test_the_window_keeps_running_while_a_symphony_opens(window, datasets):
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(window.files.open_job is not None))
    timer.start()
    assert window.files.open_file(str(datasets / SYMPHONY), confirm=False)
    assert window.files.open_job.isVisible() or window.files.open_job.minimumDuration() > 0
    assert window.files.wait_for_open()
    timer.stop()
    assert sum(ticks) >= 3  # the UI thread's timers fired while the score was being read
    song = window.session.song
    assert len(song.tracks) == 20 and song.note_count > 20_000
    assert song.tracks[0].name == "Flute 1" and song.tracks[-1].name == "Contrabass"


def test_cancel_leaves_the_project_untouched(window, datasets):
    before = window.session.song
    messages = []
    window.session.message.connect(messages.append)
    assert window.files.open_file(str(datasets / SYMPHONY), confirm=False)
    [cancel] = window.files.open_job.findChildren(QPushButton)
    cancel.click()  # the progress dialog's Cancel button
    assert window.files.wait_for_open()
    assert window.session.song == before
    assert messages[-1] == "Opening Beethoven_Op.125_1.mxl cancelled"


def test_closing_the_window_while_a_score_is_read_stops_the_reading(window, datasets):
    assert window.files.open_file(str(datasets / SYMPHONY), confirm=False)
    thread = window.files.open_job.thread
    window.files.close()
    assert thread.isFinished()


def test_the_file_menu_item_chooses_written_order_for_the_next_score(window):
    """File > 'Play out repeats when opening a score': off, a score with a repeat opens as written."""
    repeats = DATA / "repeats.musicxml"
    assert window.file_menu.unfold_action.isChecked() and window.files.unfold_repeats
    window.files.open_file(str(repeats), confirm=False)
    assert window.files.wait_for_open()
    played_out = window.session.song.bar_count()
    window.file_menu.unfold_action.trigger()                       # the user unticks it
    assert not window.files.unfold_repeats
    window.files.open_file(str(repeats), confirm=False)
    assert window.files.wait_for_open()
    assert window.session.song.bar_count() < played_out
