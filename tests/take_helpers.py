"""Takes built from plain values, as a Generate would list them (for tests of the take list and its rules)."""
from __future__ import annotations

from composer.proposals.candidate import Candidate, CandidateStats
from composer.proposals.takes import Take


def make_take(take_id: int, group: int, task: str, bars: tuple[int, int], ticks: tuple[int, int], notes: dict,
              chords=None, seed: int = 0, controls: dict | None = None, originality: tuple = (),
              locked: dict | None = None, end_tick: int | None = None, warnings: tuple = (),
              kept: bool = False) -> Take:
    stats = CandidateStats(40, 0.5, None, None, 1, tuple(originality))
    candidate = Candidate(task, seed, ticks, notes, chords, stats, end_tick, locked or {}, tuple(warnings))
    return Take(take_id, group, candidate, bars, dict(controls or {}), kept)
