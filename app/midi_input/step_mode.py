"""Step input mode: each key (or chord) played is written at the playhead, which then moves on one step.

The playhead is the cursor: click the ruler to move it. The step length is the
toolbar's choice (a note value, or the snap grid). A rest (the 0 key, like
MuseScore's note input, or pressing the sustain pedal) moves on one step and
writes nothing. Every step is one undo step.

Messages arrive on the MIDI thread and are re-emitted through a queued signal,
so `StepInput` (plain state, no lock) and the edits run on the UI thread; a
short timer flushes a chord whose window is over while its keys are still held.
"""
from __future__ import annotations

from collections.abc import Callable

import mido
from PySide6.QtCore import QObject, QTimer, Signal

from app.roll.options import EditorOptions
from app.session import Session
from engine.live.ports import default_clock
from engine.live.router import LiveInput
from engine.live.step_input import StepInput

FLUSH_MS = 20
SUSTAIN = 64


class StepMode(QObject):
    stateChanged = Signal()
    _arrived = Signal(object, float)  # queued from the MIDI thread to the UI thread

    def __init__(self, session: Session, options: EditorOptions, live: LiveInput, length: Callable[[], int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.options, self.live, self._length = session, options, live, length
        self.step: StepInput | None = None
        self._pedal_down = False
        self._arrived.connect(self._on_message)
        self._flush = QTimer(self)
        self._flush.setInterval(FLUSH_MS)
        self._flush.timeout.connect(lambda: self._apply(self.step.flush(default_clock()) if self.step else None))
        options.playheadMoved.connect(self._cursor_moved)
        session.currentTrackChanged.connect(self._track_changed)

    @property
    def enabled(self) -> bool:
        return self.step is not None

    def set_enabled(self, on: bool) -> bool:
        if on == self.enabled:
            return on
        if on:
            track = self.session.current_track
            if track is None:
                self.session.message.emit(self.tr("Step input: add a track first"))
                self.stateChanged.emit()
                return False
            self.step = StepInput(track.id, self.options.playhead, self._length())
            self.live.add_listener(self._arrived.emit)
            self._flush.start()
            self.session.message.emit(self.tr("Step input: play notes or chords; 0 or the sustain pedal for a rest"))
        else:
            self.live.remove_listener(self._arrived.emit)
            self._flush.stop()
            self._apply(self.step.flush(float("inf")))  # a chord still inside its window
            self.step = None
        self.stateChanged.emit()
        return on

    def length_changed(self) -> None:
        if self.step is not None:
            self.step.length = self._length()

    def rest(self) -> None:
        if self.step is not None:
            self._apply(self.step.rest())
            self.options.seek(self.step.cursor)

    # --- the UI thread's side ------------------------------------------------------------
    def _on_message(self, message: mido.Message, timestamp: float) -> None:
        if self.step is None:
            return
        if message.type == "control_change" and message.control == SUSTAIN:
            down = message.value >= 64
            if down and not self._pedal_down:
                self.rest()
            self._pedal_down = down
            return
        self._apply(self.step.feed(message, timestamp))

    def _apply(self, edit) -> None:
        if edit is None or self.step is None:
            return
        on_track = self.session.current_track_id == edit.track_id
        self.session.push(edit, select_after=edit.added if on_track else None)
        self.options.seek(self.step.cursor)

    def _cursor_moved(self, tick: int) -> None:
        if self.step is not None:
            self.step.cursor = tick  # clicking the ruler moves the cursor

    def _track_changed(self, track_id: int) -> None:
        if self.step is not None:
            self._apply(self.step.flush(float("inf")))
            if track_id >= 0:
                self.step.track_id = track_id
            else:
                self.set_enabled(False)
