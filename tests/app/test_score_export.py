"""MusicXML export from the window: written in the background with progress, Cancel keeps the old file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QPushButton

from app.score_open import PROGRESS_STEPS
from engine.musicxml_import import import_musicxml
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

MIDI = Path(__file__).resolve().parents[1] / "data" / "midi"


def big_song(tracks: int = 12, notes: int = 1500) -> Song:
    """A song big enough that its export takes many UI-thread turns."""
    return Song(tracks=tuple(
        Track(id=index + 1, name=f"Part {index + 1}", role=TrackRole.MELODY, channel=index % 9,
              notes=tuple(Note(start=i * 120, pitch=48 + (i * 7 + index) % 36, duration=120 + (i % 3) * 40,
                               velocity=80) for i in range(notes)))
        for index in range(tracks)))


def test_export_runs_in_the_background_and_reports_when_written(window, tmp_path, qtbot):
    window.session.replace_song(big_song())
    target = tmp_path / "big.musicxml"
    messages = []
    window.session.message.connect(messages.append)
    assert window.files.export("musicxml", str(target))
    job = window.files.open_job
    assert job is not None and job.windowTitle() == "Export MusicXML"
    qtbot.waitUntil(lambda: window.files.open_job is None, timeout=60_000)
    assert messages[-1] == "Saved big.musicxml"
    # The thread reported its parts as it wrote them, up to the whole (the bar polls this). Whether the bar is
    # seen between 0 and the end depends on the machine: on an idle one this export (0.3 s) can end between
    # two of the UI thread's turns, so only the thread's own count is asserted.
    assert job.thread.progress == PROGRESS_STEPS and job.thread.isFinished()
    song = import_musicxml(target).song
    assert [len(t.notes) for t in song.tracks] == [1500] * 12
    assert window.files.path is None and not window.files.dirty


def test_cancel_leaves_the_old_file_and_no_temporary(window, tmp_path):
    window.session.replace_song(big_song())
    target = tmp_path / "kept.musicxml"
    target.write_text("old")
    messages = []
    window.session.message.connect(messages.append)
    assert window.files.export("musicxml", str(target))
    [cancel] = window.files.open_job.findChildren(QPushButton)
    cancel.click()  # the progress dialog's Cancel button
    assert window.files.wait_for_open()
    assert messages[-1] == "Export of kept.musicxml cancelled"
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["kept.musicxml"]


def test_a_refused_target_says_why_and_starts_nothing(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window.files, "ask", lambda icon, title, text, *rest: shown.append((title, text)))
    assert not window.files.export("musicxml", str(tmp_path / "song.txt"))
    assert window.files.open_job is None
    assert shown and shown[0][0] == "Cannot save file"
    QApplication.processEvents()


def test_a_failed_write_shows_one_line(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window.files, "ask", lambda icon, title, text, *rest: shown.append((title, text)))
    target = tmp_path / "missing-folder" / "song.musicxml"
    assert window.files.export("musicxml", str(target))
    assert window.files.wait_for_open()
    assert shown[0][0] == "Cannot save file" and "missing-folder" in shown[0][1] and "\n" not in shown[0][1]


def test_save_as_a_score_also_writes_in_the_background(window, tmp_path):
    target = tmp_path / "as.mxl"
    assert window.files.save_as(str(target))
    assert window.files.open_job is not None
    assert window.files.wait_for_open()
    assert import_musicxml(target).song.note_count == window.session.song.note_count
    assert window.files.path is None  # the project itself is still unsaved
