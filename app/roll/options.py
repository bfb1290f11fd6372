"""Editor options that are not part of the song: snap grid, ghost notes, scale display, playhead, loop.

They change how the roll looks and how tools place notes, never the song itself,
so they are plain state with one `changed` signal rather than undoable edits.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.roll.snap import Snap


class EditorOptions(QObject):
    changed = Signal()
    playheadMoved = Signal(int)
    seekRequested = Signal(int)  # the user moved the playhead (the transport follows while playing)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.snap = Snap()
        self.show_ghosts = True
        self.highlight_scale = True
        self.snap_to_scale = False
        self.playhead = 0
        self.loop: tuple[int, int] | None = None
        self.loop_enabled = False
        self.follow_playhead = True

    def set(self, **values) -> None:
        """Change some options and tell the widgets once."""
        for name, value in values.items():
            if not hasattr(self, name):
                raise AttributeError(f"no editor option {name!r}")
            setattr(self, name, value)
        self.changed.emit()

    def set_playhead(self, tick: int) -> None:
        tick = max(0, int(tick))
        if tick != self.playhead:
            self.playhead = tick
            self.playheadMoved.emit(tick)

    def seek(self, tick: int) -> None:
        self.set_playhead(tick)
        self.seekRequested.emit(self.playhead)

    def set_loop(self, start: int, end: int) -> None:
        """A loop of at least one tick; dragging backwards works too."""
        start, end = sorted((max(0, int(start)), max(0, int(end))))
        self.loop = (start, end) if end > start else None
        self.loop_enabled = self.loop is not None
        self.changed.emit()
