"""`SongDocument`: the current song, the single place edits are applied, and its observers.

The editor, the player and autosave subscribe here; the song model never knows
about widgets. Observers are called synchronously after each edit with the edit
and the song before and after it, so they can update just what changed.
"""
from __future__ import annotations

from typing import Callable

from engine.edits import Edit
from engine.song import Song

Observer = Callable[[Edit, Song, Song], None]


class SongDocument:
    def __init__(self, song: Song | None = None) -> None:
        self._song = song if song is not None else Song()
        self._observers: list[Observer] = []
        self.revision = 0  # bumps on every edit; autosave compares it

    @property
    def song(self) -> Song:
        return self._song

    def apply(self, edit: Edit, computed: tuple[Song, Song] | None = None) -> Song:
        """Apply `edit`; on EditError the song stays exactly as it was.

        `computed` is a (before, after) pair from a caller that already ran
        `edit.apply` to validate it (the editor must, because QUndoStack.push
        cannot fail); it is used only if `before` is still the current song,
        so a large edit is not applied twice.
        """
        before = self._song
        if computed is not None and computed[0] is before:
            after = computed[1]
        else:
            after = edit.apply(before)
        self._song = after
        self.revision += 1
        for observer in list(self._observers):
            observer(edit, before, after)
        return after

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        """Register `observer`; returns the function that unregisters it."""
        self._observers.append(observer)
        return lambda: self._observers.remove(observer)
