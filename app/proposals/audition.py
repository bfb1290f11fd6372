"""Audition: loop a take's bars with the take playing, the document never changed.

The transport plays a preview song (the song with the take applied) instead of
the document; the loop the user had comes back when the audition ends (Stop,
another take that cannot be played, no take shown).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.i18n import fill
from app.roll.options import EditorOptions
from app.transport import Transport
from composer.proposals.takes import Take
from engine.edits import EditError
from engine.errors import CadenzaError
from engine.song import Song


class TakeAudition(QObject):
    message = Signal(str)        # why a take cannot be played (one line)

    def __init__(self, options: EditorOptions, transport: Transport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        self.transport = transport
        self.on = False
        self._loop_before = None
        transport.stopped.connect(lambda: self.on and self.stop())

    def start(self, take: Take, song: Song, start: int | None = None) -> bool:
        """Loop `take` in `song`; `start` (a tick before the take) plays from there instead (call-and-response
        loops the recorded phrase and its answer together). False, with a message, when it cannot be played."""
        if self.on:
            return self.show(take, song)
        if not self.show(take, song):
            return False
        self.on = True
        self._loop_before = (self.options.loop, self.options.loop_enabled)
        loop = (take.ticks[0] if start is None else min(start, take.ticks[0]), take.ticks[1])
        self.options.set(loop=loop, loop_enabled=True)
        self.transport.seek(loop[0])
        self.transport.play()
        return True

    def show(self, take: Take, song: Song) -> bool:
        """Play `take` from now on (another take while auditioning)."""
        try:
            preview = take.edit(song).apply(song)
        except (CadenzaError, EditError, KeyError, ValueError) as error:
            self.message.emit(fill(self.tr("Cannot play this take: %1"), error))
            return False
        self.transport.set_preview(preview)
        return True

    def stop(self) -> None:
        if not self.on:
            return
        self.on = False
        self.transport.set_preview(None)
        if self.transport.is_playing:
            self.transport.stop()
        loop, enabled = self._loop_before or (None, False)
        self.options.set(loop=loop, loop_enabled=enabled)
