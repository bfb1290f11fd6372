"""Where the roll looks: zoom and scroll of the time and pitch axes, shared by every lane.

The ruler, chord lane, roll and velocity lane share the time axis; the keyboard
and the roll share the pitch axis. Keeping both in one small object means
scrolling or zooming one widget moves the others without them knowing each other.
Positions are in pixels of the whole (unscrolled) canvas; `scroll_x`/`scroll_y`
are the canvas pixel at the widget's left/top edge.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine.project import ViewState

PITCHES = 128
MIN_PX_PER_TICK, MAX_PX_PER_TICK = 0.002, 2.0
MIN_KEY_HEIGHT, MAX_KEY_HEIGHT = 5, 40
DEFAULT_PX_PER_QUARTER = 48   # a quarter note is 48 px wide: five 4/4 bars on a laptop
DEFAULT_KEY_HEIGHT = 14
WHEEL_ZOOM = 1.15  # per wheel notch (120 units)


def wheel_zoom_factor(delta: int) -> float:
    """How much one wheel event zooms: a notch is 15%, a fast spin several notches."""
    return WHEEL_ZOOM ** (delta / 120)


class RollView(QObject):
    changed = Signal()

    def __init__(self, ticks_per_quarter: int = 480, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ticks_per_quarter = ticks_per_quarter
        self.px_per_tick = DEFAULT_PX_PER_QUARTER / ticks_per_quarter
        self.key_height = DEFAULT_KEY_HEIGHT
        self.scroll_x = 0.0
        self.scroll_y = float((PITCHES - 84) * self.key_height)  # C6 at the top, C4 in view

    # --- mapping ----------------------------------------------------------------
    def x_of(self, tick: float) -> float:
        return tick * self.px_per_tick - self.scroll_x

    def tick_at(self, x: float) -> float:
        return max(0.0, (x + self.scroll_x) / self.px_per_tick)

    def y_of(self, pitch: int) -> float:
        """The top edge of `pitch`'s row."""
        return (PITCHES - 1 - pitch) * self.key_height - self.scroll_y

    def pitch_at(self, y: float) -> int:
        row = int((y + self.scroll_y) // self.key_height)
        return max(0, min(PITCHES - 1, PITCHES - 1 - row))

    @property
    def canvas_height(self) -> int:
        return PITCHES * self.key_height

    # --- changes ------------------------------------------------------------------
    def set_ticks_per_quarter(self, tpq: int) -> None:
        """Keep the on-screen size of a quarter note when a song with another resolution loads."""
        if tpq != self.ticks_per_quarter:
            self.px_per_tick *= self.ticks_per_quarter / tpq
            self.scroll_x = 0.0
            self.ticks_per_quarter = tpq
            self.changed.emit()

    def scroll_to(self, x: float | None = None, y: float | None = None, height: int | None = None) -> None:
        if x is not None:
            self.scroll_x = max(0.0, x)
        if y is not None:
            limit = max(0, self.canvas_height - (height or 0))
            self.scroll_y = max(0.0, min(float(limit), y))
        self.changed.emit()

    def zoom_time(self, factor: float, anchor_x: float = 0.0) -> None:
        """Zoom the time axis keeping the tick under `anchor_x` where it is."""
        tick = self.tick_at(anchor_x)
        self.px_per_tick = min(MAX_PX_PER_TICK, max(MIN_PX_PER_TICK, self.px_per_tick * factor))
        self.scroll_x = max(0.0, tick * self.px_per_tick - anchor_x)
        self.changed.emit()

    def zoom_pitch(self, factor: float, anchor_y: float = 0.0) -> None:
        pitch_pos = (anchor_y + self.scroll_y) / self.key_height
        self.key_height = int(min(MAX_KEY_HEIGHT, max(MIN_KEY_HEIGHT, round(self.key_height * factor))))
        self.scroll_y = max(0.0, pitch_pos * self.key_height - anchor_y)
        self.changed.emit()

    def center_on_pitch(self, pitch: int, height: int) -> None:
        self.scroll_to(y=(PITCHES - 1 - pitch) * self.key_height - height / 2, height=height)

    # --- saved with the project ------------------------------------------------------
    def state(self) -> ViewState:
        """Zoom and scroll as a project keeps them: zoom relative to the defaults, the top row's pitch."""
        return ViewState(zoom_x=self.px_per_tick * self.ticks_per_quarter / DEFAULT_PX_PER_QUARTER,
                         zoom_y=self.key_height / DEFAULT_KEY_HEIGHT,
                         scroll_tick=max(0, round(self.scroll_x / self.px_per_tick)),
                         scroll_pitch=self.pitch_at(0))

    def restore(self, state: ViewState, height: int) -> None:
        """Show what `state` saved; the default `ViewState()` (a new song, an older file) leaves the view alone."""
        if state == ViewState():
            return
        self.px_per_tick = min(MAX_PX_PER_TICK, max(MIN_PX_PER_TICK,
                                                    state.zoom_x * DEFAULT_PX_PER_QUARTER / self.ticks_per_quarter))
        self.key_height = int(min(MAX_KEY_HEIGHT, max(MIN_KEY_HEIGHT, round(state.zoom_y * DEFAULT_KEY_HEIGHT))))
        self.scroll_to(x=state.scroll_tick * self.px_per_tick,
                       y=(PITCHES - 1 - state.scroll_pitch) * self.key_height, height=height)
