"""Files from the window: save/open, broken files, unsaved changes, exports, import, recent files, audio export."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from engine.files import load_song_file
from editor_helpers import DialogAnswerer, key


def edit_something(window) -> None:
    key(window.editor.roll, Qt.Key_A, Qt.ControlModifier)
    key(window.editor.roll, Qt.Key_Up)


def test_save_then_open_round_trips_and_marks_clean(window, tmp_path):
    edit_something(window)
    assert window.files.dirty and "•" in window.windowTitle()
    path = tmp_path / "song.cadenza"
    assert window.files.save_as(str(path))
    assert path.is_file() and not window.files.dirty
    assert window.windowTitle().startswith("song.cadenza")
    saved = window.session.song
    window.options.set(snap=window.options.snap.__class__(8, triplet=True), loop=(480, 1920), loop_enabled=True)
    assert window.files.save()
    window.files.new()
    assert window.session.song != saved
    assert window.files.open_file(str(path))
    assert window.session.song == saved
    assert window.options.snap.label == "1/8 T" and window.options.loop == (480, 1920)
    assert window.edit_toolbar.snap.currentText() == "1/8 T"
    assert window.files.recent()[0] == str(path.resolve())
    assert [a.text() for a in window.file_menu.recent_menu.actions()] == ["song.cadenza"]


def test_broken_file_shows_reason_and_keeps_the_song(window, tmp_path, song):
    edit_something(window)
    before = window.session.song
    broken = tmp_path / "broken.mid"
    broken.write_bytes(b"MThd\x00\x00\x00\x06\x00\x01")
    with DialogAnswerer(QMessageBox.Discard, QMessageBox.Ok) as answers:
        assert not window.files.open_file(str(broken))
    assert answers.seen[0][0] == "Unsaved changes"
    title, text = answers.seen[1]
    assert title == "Cannot open file" and text.startswith(str(broken)) and "\n" not in text
    assert window.session.song == before
    assert window.session.undo_stack.count() == 1  # history untouched too


def test_missing_and_unknown_files_give_one_line_reasons(window, tmp_path):
    for path in (tmp_path / "nothing.cadenza", tmp_path / "notes.txt"):
        with DialogAnswerer(QMessageBox.Ok) as answers:
            assert not window.files.open_file(str(path), confirm=False)
        assert answers.seen[0][1].startswith(str(path))


def test_close_asks_about_unsaved_changes(window):
    edit_something(window)
    with DialogAnswerer(QMessageBox.Cancel) as answers:
        assert not window.close()
    assert answers.seen == [("Unsaved changes", "Save the changes to Untitled?")]
    assert window.isVisible()
    with DialogAnswerer(QMessageBox.Discard):
        assert window.close()


def test_export_midi_and_musicxml_keep_the_document(window, tmp_path, song):
    mid, xml = tmp_path / "out.mid", tmp_path / "out.musicxml"
    assert window.files.export("midi", str(mid))
    assert window.files.export("musicxml", str(xml))
    assert window.files.wait_for_open()  # MusicXML is written in the background (app.score_export)
    assert xml.stat().st_size > 500
    back = load_song_file(mid).song
    assert [t.notes for t in back.tracks] == [t.notes for t in song.tracks]
    assert window.files.path is None and not window.files.dirty


def test_import_midi_adds_tracks_in_one_undo_step(window, tmp_path, song):
    mid = tmp_path / "other.mid"
    window.files.export("midi", str(mid))
    assert window.files.import_midi(str(mid))
    tracks = window.session.song.tracks
    assert len(tracks) == 4 and len({t.id for t in tracks}) == 4
    assert tracks[2].notes == song.tracks[0].notes
    key(window.editor.roll, Qt.Key_Z, Qt.ControlModifier)
    assert window.session.song == song


def test_export_audio_in_a_thread_with_progress(window, tmp_path, qtbot):
    wav = tmp_path / "out.wav"
    job = window.file_menu.export_audio(str(wav))
    with qtbot.waitSignal(job.finished_with, timeout=30_000) as result:
        pass
    ok, message = result.args
    assert ok, message
    assert wav.stat().st_size > 44 and job.last_progress == job.maximum()


def test_cancelled_audio_export_leaves_no_file(window, tmp_path, qtbot):
    flac = tmp_path / "out.flac"
    job = window.file_menu.export_audio(str(flac))
    job.cancel()
    with qtbot.waitSignal(job.finished_with, timeout=30_000) as result:
        pass
    assert result.args == [False, "Export cancelled"] or result.args[0]  # a very fast render may finish first
    if not result.args[0]:
        assert not flac.exists()


def test_wrong_audio_extension_is_refused(window, tmp_path):
    with DialogAnswerer(QMessageBox.Ok) as answers:
        assert window.file_menu.export_audio(str(tmp_path / "out.mp3")) is None
    assert "wav" in answers.seen[0][1]


def test_bad_file_on_the_command_line_opens_an_empty_song(qtbot, tmp_path):
    from app.main_window import MainWindow
    from editor_helpers import offline_player

    bad = tmp_path / "bad.cadenza"
    bad.write_text("{ not json")
    window = MainWindow(player_factory=offline_player)
    window.show()
    with DialogAnswerer(QMessageBox.Ok) as answers:
        window.start(str(bad))
    assert answers.seen[0][0] == "Cannot open file" and str(bad) in answers.seen[0][1]
    assert [t.name for t in window.session.song.tracks] == ["Piano"] and window.files.path is None
    window.close()


def test_a_project_keeps_its_soundfont_and_view_through_save_and_open(window, tmp_path):
    """A project's soundfont and the roll's zoom and scroll survive a save and come back on open."""
    from engine.project import load_project, save_project

    first = tmp_path / "first.cadenza"
    assert window.files.save_as(str(first))
    opened = load_project(first)
    save_project(opened.with_(state=opened.state.with_(soundfont="/my/fav.sf2")), first)
    assert window.files.open_file(str(first), confirm=False)
    view = window.editor.view
    view.zoom_time(3.0)
    view.zoom_pitch(1.5)
    view.scroll_to(x=4 * 480 * view.px_per_tick, y=(127 - 72) * view.key_height, height=window.editor.roll.height())
    shown = view.state()
    second = tmp_path / "second.cadenza"
    assert window.files.save_as(str(second))
    saved = load_project(second).state
    assert saved.soundfont == "/my/fav.sf2"
    assert saved.view == shown
    assert abs(saved.view.zoom_x - 3.0) < 1e-9 and saved.view.scroll_tick == 4 * 480 and saved.view.scroll_pitch == 72

    view.zoom_time(1 / 3)
    view.scroll_to(x=0, y=0)
    assert window.files.open_file(str(second), confirm=False)
    assert view.state() == shown
