"""Opening or importing the audit's absurd files in the editor: one line in a message box, the song unchanged."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from editor_helpers import DialogAnswerer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))
from absurd_files import absurd_files  # noqa: E402


def test_open_and_import_refuse_absurd_files_and_keep_the_song(window, tmp_path):
    before = window.session.song
    for path, phrase in absurd_files(tmp_path):
        with DialogAnswerer(QMessageBox.Ok) as answers:
            assert not window.files.open_file(str(path), confirm=False)
        (title, text), = answers.seen
        assert title == "Cannot open file" and text.startswith(str(path)) and phrase in text and "\n" not in text
        if path.suffix == ".mid":
            with DialogAnswerer(QMessageBox.Ok) as answers:
                assert not window.files.import_midi(str(path))
            assert answers.seen[0][0] == "Cannot import file" and phrase in answers.seen[0][1]
        assert window.session.song is before and window.session.undo_stack.count() == 0
    window.editor.roll.grab()  # still paints


def test_a_song_at_the_tick_limit_opens_and_zooms_all_the_way_in(window, tmp_path):
    """The largest song the limits let in, at Qt's 32-bit pixel edge (app/roll/editor.py once overflowed)."""
    from engine.files import save_song_file
    from engine.limits import LIMITS
    from engine.notes import Note
    from engine.project import Project
    from engine.song import Song
    from engine.timing import TimeSignature
    from engine.track import Track

    last = LIMITS.ticks - 10
    song = Song(tracks=(Track(id=1, notes=(Note(start=last, pitch=60, duration=10, velocity=90),)),),
                ticks_per_quarter=32767, meters=(TimeSignature(0, 255, 4),), end_tick=LIMITS.ticks)
    path = tmp_path / "edge.cadenza"
    save_song_file(Project(song=song), path)
    assert window.files.open_file(str(path), confirm=False)
    editor = window.editor
    editor.zoom_time(10_000)  # clamped at the roll's closest zoom
    editor.view.scroll_to(x=last * editor.view.px_per_tick)
    editor.show_notes()
    assert editor.hbar.maximum() > 0 and not editor.roll.grab().isNull()
