"""What reading one measure of one part gives: `Measure`, shared by every stage of the import.

Why its own module: the part reader (measures.py) fills it note by note, the marks reader (directions.py)
adds dynamics, tempos, rehearsal marks, repeats, voltas and jumps to it, the repeat unfolder (repeats.py)
orders measures by its repeat fields, and score.py turns it into the song. A plain record with no reading
code of its own, so each of them can import it without importing the others.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from engine.chords import Chord


@dataclass(slots=True)
class Measure:
    """A measure of one part. Times are ticks from the measure's start; `notes` rows are
    (tick, pitch, duration, tie_start, tie_stop, staccato, velocity or 0, is_drum)."""

    number: str
    length: int = 0
    notes: list[tuple] = field(default_factory=list)
    dynamics: list[tuple[int, int]] = field(default_factory=list)
    tempos: list[tuple[int, float]] = field(default_factory=list)
    chords: list[tuple[int, Chord | None]] = field(default_factory=list)
    keys: list[tuple[int, int, str, int]] = field(default_factory=list)  # tick, fifths, mode, part transposition
    time: tuple[int, int] | None = None
    rehearsals: list[tuple[int, str]] = field(default_factory=list)
    forward_repeat: bool = False
    backward_repeat: int = 0          # times the section is played (0: no repeat sign)
    endings: tuple[int, ...] = ()     # volta numbers this measure belongs to
    ending_start: bool = False
    jumps: dict[str, str] = field(default_factory=dict)
