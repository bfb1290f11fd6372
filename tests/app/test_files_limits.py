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
