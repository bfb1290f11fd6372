"""Keyboard actions on the selected notes: nudge, transpose, duplicate, delete, clipboard, operations.

Each action computes new notes with a pure function (engine.operations where one
exists) and pushes a single NotesEdit, so every action is one undo step and the
new notes stay selected for the next keystroke. An operation that refuses (say,
transposing past MIDI's range) shows its one-line reason and changes nothing.
"""
from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject

from app.i18n import fill
from app.roll.options import EditorOptions
from app.session import Session
from engine.errors import CadenzaError
from engine.notes import Note
from engine.operations import humanize, legato, quantize, scale_velocity, transpose, transpose_in_scale

translate = QCoreApplication.translate


class NoteActions(QObject):
    def __init__(self, session: Session, options: EditorOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.options = options
        self.clipboard: tuple[Note, ...] = ()  # notes with starts relative to the earliest
        self.humanize_seed = 1

    @property
    def _step(self) -> int:
        return self.options.snap.step(self.session.song.ticks_per_quarter)

    def _apply(self, label: str, operation: Callable[[Sequence[Note]], tuple[Note, ...]]) -> bool:
        """Replace the selection by `operation(selection)` as one undo step.

        Operations change notes with `Note.with_`, so a locked note stays locked."""
        selected = self.session.selected_notes()
        if not selected:
            self.session.message.emit(fill(translate("NoteActions", "%1: select some notes first"), label))
            return False
        try:
            after = operation(selected)
        except (CadenzaError, ValueError) as error:  # the engine's reason (English) after the action's name
            self.session.message.emit(fill(translate("NoteActions", "%1: %2"), label, error))
            return False
        if tuple(after) == selected:
            return False
        return self.session.replace_notes(selected, after, label)

    # --- moving -----------------------------------------------------------------------
    def nudge(self, direction: int, bar: bool = False) -> bool:
        """Move the selection by one grid step (or one bar) left (-1) or right (+1)."""
        song = self.session.song
        amount = song.meter_map.meter_at(0).bar_ticks(song.ticks_per_quarter) if bar else self._step

        def moved(notes: Sequence[Note]) -> tuple[Note, ...]:
            shift = max(direction * amount, -min(n.start for n in notes))
            return tuple(n.with_(start=n.start + shift) for n in notes)

        return self._apply(translate("NoteActions", "Nudge notes"), moved)

    def transpose(self, steps: int, octave: bool = False) -> bool:
        """Up/down a semitone (or, with snap-to-scale on, a scale degree); `octave`: 12 semitones."""
        key = self.session.song.key_at(0)
        if octave:
            return self._apply(translate("NoteActions", "Transpose"), lambda notes: transpose(notes, 12 * steps))
        if self.options.snap_to_scale and key is not None:
            return self._apply(translate("NoteActions", "Transpose in scale"),
                               lambda notes: transpose_in_scale(notes, steps, key))
        return self._apply(translate("NoteActions", "Transpose"), lambda notes: transpose(notes, steps))

    def duplicate(self) -> bool:
        """Ctrl+D: a copy right after the selection (its length rounded up to the grid)."""
        selected = self.session.selected_notes()
        if not selected:
            return False
        span = max(n.end for n in selected) - min(n.start for n in selected)
        step = self._step
        shift = max(step, -(-span // step) * step)
        copies = tuple(n.copied(start=n.start + shift) for n in selected)
        return self.session.replace_notes((), copies, translate("NoteActions", "Duplicate notes"))

    def delete(self) -> bool:
        selected = self.session.selected_notes()
        return bool(selected) and self.session.replace_notes(selected, (), translate("NoteActions", "Delete notes"),
                                                             select=())

    # --- clipboard ----------------------------------------------------------------------
    def copy(self) -> bool:
        selected = self.session.selected_notes()
        if not selected:
            return False
        origin = selected[0].start
        self.clipboard = tuple(n.copied(start=n.start - origin) for n in selected)
        self.session.message.emit(self.tr("Copied %n note(s)", "", len(selected)))
        return True

    def cut(self) -> bool:
        return self.copy() and self.session.replace_notes(self.session.selected_notes(), (),
                                                          translate("NoteActions", "Cut notes"), select=())

    def paste(self) -> bool:
        """Paste at the playhead into the current track; the pasted notes become the selection."""
        if not self.clipboard:
            return False
        at = self.options.playhead
        return self.session.replace_notes((), tuple(n.with_(start=n.start + at) for n in self.clipboard),
                                          translate("NoteActions", "Paste"))

    # --- operations ------------------------------------------------------------------------
    def quantize(self, grid_ticks: int, strength: float = 1.0, swing: float = 0.0, ends: bool = False) -> bool:
        return self._apply(translate("NoteActions", "Quantize"),
                           lambda notes: quantize(notes, grid_ticks, strength, swing, ends))

    def humanize(self, timing_ticks: int = 10, velocity_amount: int = 8) -> bool:
        seed, self.humanize_seed = self.humanize_seed, self.humanize_seed + 1
        return self._apply(translate("NoteActions", "Humanize"),
                           lambda notes: humanize(notes, seed, timing_ticks, velocity_amount))

    def legato(self) -> bool:
        return self._apply(translate("NoteActions", "Legato"), legato)

    def scale_velocity(self, factor: float, offset: int = 0) -> bool:
        return self._apply(translate("NoteActions", "Scale velocity"),
                           lambda notes: scale_velocity(notes, factor, offset))
