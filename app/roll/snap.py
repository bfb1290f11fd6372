"""The snap grid (1/1 .. 1/32, straight or triplet) and snap-to-scale.

Grid positions count from the start of the bar a tick falls in, so after a meter
change (say a 7/8 bar) the grid still lines up with the bars the ruler shows.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.i18n import fill
from engine.keys import Key
from engine.timing import MeterMap

DIVISIONS = (1, 2, 4, 8, 16, 32)


@dataclass(frozen=True)
class Snap:
    """A grid of 1/`division` notes (`triplet`: three in the time of two); `enabled` False = free."""

    division: int = 16
    triplet: bool = False
    enabled: bool = True

    @property
    def label(self) -> str:
        """The grid's name in settings and in code ("1/8", "1/8 T"); `text` is what the user reads."""
        return f"1/{self.division}" + (" T" if self.triplet else "")

    @property
    def text(self) -> str:
        """The grid as shown: "1/8", and a triplet grid as the interface language writes it ("1/8 T")."""
        if not self.enabled:
            return QCoreApplication.translate("Snap", "Off")
        fraction = f"1/{self.division}"
        return fill(QCoreApplication.translate("Snap", "%1 T", "a triplet grid"),
                    fraction) if self.triplet else fraction

    def step(self, ticks_per_quarter: int) -> int:
        step = ticks_per_quarter * 4 // self.division
        return max(1, step * 2 // 3 if self.triplet else step)

    def snap(self, tick: float, meters: MeterMap, bypass: bool = False) -> int:
        """The nearest grid line to `tick` (or `tick` rounded when snapping is off or bypassed)."""
        if bypass or not self.enabled:
            return max(0, round(tick))
        bar_start = meters.bar_start(meters.position(max(0, int(tick))).bar)
        step = self.step(meters.ticks_per_quarter)
        return max(0, bar_start + round((tick - bar_start) / step) * step)

    def floor(self, tick: float, meters: MeterMap, bypass: bool = False) -> int:
        """The grid line at or before `tick`: where a click in a cell puts a new note."""
        if bypass or not self.enabled:
            return max(0, int(tick))
        bar_start = meters.bar_start(meters.position(max(0, int(tick))).bar)
        step = self.step(meters.ticks_per_quarter)
        return max(0, bar_start + int((tick - bar_start) // step) * step)


SNAP_CHOICES = [Snap(enabled=False)] + [Snap(d) for d in DIVISIONS] + [Snap(d, True) for d in DIVISIONS[1:]]


def snap_for_ticks(ticks: int, ticks_per_quarter: int) -> Snap | None:
    """The grid a project saved as `snap_ticks` (0: off), or None when no choice has that step."""
    if ticks == 0:
        return SNAP_CHOICES[0]
    return next((s for s in SNAP_CHOICES[1:] if s.step(ticks_per_quarter) == ticks), None)


def snap_pitch_to_scale(pitch: int, key: Key | None) -> int:
    """The nearest in-scale pitch (ties go down), or `pitch` when there is no key."""
    if key is None or key.contains(pitch):
        return pitch
    for distance in range(1, 12):
        for candidate in (pitch - distance, pitch + distance):
            if 0 <= candidate <= 127 and key.contains(candidate):
                return candidate
    return pitch
