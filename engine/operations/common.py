"""What every operation shares: its user-facing error and the bridge to undoable edits."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from engine.edits import NotesEdit
from engine.errors import CadenzaError
from engine.notes import Note


class OperationError(CadenzaError):
    """An operation that cannot be done as asked (one line, shown to the user as is)."""


def notes_edit(track_id: int, before: Sequence[Note], after: Sequence[Note], label: str = "Edit notes") -> NotesEdit:
    """One `NotesEdit` that turns `before` into `after` within track `track_id`.

    Notes an operation left unchanged are in neither list (compared as a
    multiset, so duplicate notes are counted), which keeps the undo history
    small when, say, quantize only moved a few notes.
    """
    old, new = Counter(before), Counter(after)
    removed = tuple(sorted((old - new).elements()))
    added = tuple(sorted((new - old).elements()))
    return NotesEdit(track_id, removed=removed, added=added, label=label)
