"""Takes: a proposal's candidates as the user keeps them in a project, with their JSON form.

A `Take` wraps the composer's `Candidate` (the region's whole new content, how
it was made) and adds what the user's session knows about it: its number, the
Generate it came from (`group`: stepping through takes stays inside one), the
bars it was asked for, the panel's controls in the user's words, and `kept`
(the user kept it and that Keep is not undone). Torch-free and Qt-free: the
editor, `cadenza` and the tests all read and write takes the same way.

The JSON form (`cadenza-take-1`) is what a project file's `state.takes` holds;
it has not changed since takes copied the candidate's fields, so older project
files read as they did.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from composer.proposals.candidate import Candidate, CandidateStats
from engine.chords import ChordEvent, chord_name, parse_chord
from engine.edits import CompoundEdit
from engine.notes import Note
from engine.song import Song

TAKE_FORMAT = "cadenza-take-1"


@dataclass(frozen=True)
class Take:
    id: int
    group: int
    candidate: Candidate
    bars: tuple[int, int]                        # first and last bar, 0-based inclusive
    controls: dict = field(default_factory=dict)   # the panel's settings it was made with, in the user's words
    kept: bool = False                           # kept, and that Keep not undone

    # --- what the candidate holds ------------------------------------------------------------
    @property
    def task(self) -> str:
        return self.candidate.task

    @property
    def seed(self) -> int:
        return self.candidate.seed

    @property
    def ticks(self) -> tuple[int, int]:
        return self.candidate.ticks

    @property
    def notes(self) -> dict[int, tuple[Note, ...]]:
        return self.candidate.notes

    @property
    def chords(self) -> tuple[ChordEvent, ...] | None:
        return self.candidate.chords

    @property
    def locked(self) -> dict[int, tuple[Note, ...]]:
        return self.candidate.locked

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.candidate.warnings

    @property
    def stats(self) -> dict:
        return self.candidate.stats.to_dict()

    @property
    def track_ids(self) -> tuple[int, ...]:
        return tuple(self.notes)

    def with_(self, **changes) -> Take:
        return replace(self, **changes)

    def edit(self, song: Song) -> CompoundEdit:
        """The one undoable edit that puts this take into `song` (the region is rewritten as it is now)."""
        return self.candidate.to_edit(song)

    def overlaps(self, other: Take) -> bool:
        """Whether keeping `other` writes over what this take wrote (the same tracks or chord lane, shared ticks)."""
        shared_ticks = self.ticks[0] < other.ticks[1] and other.ticks[0] < self.ticks[1]
        shared_parts = bool(set(self.track_ids) & set(other.track_ids)) or (
            self.chords is not None and other.chords is not None)
        return shared_ticks and shared_parts

    # --- JSON -------------------------------------------------------------------------------
    def to_json(self) -> dict:
        c = self.candidate
        return {"format": TAKE_FORMAT, "id": self.id, "group": self.group, "task": c.task,
                "bars": list(self.bars), "ticks": list(c.ticks), "seed": c.seed, "controls": self.controls,
                "stats": c.stats.to_dict(), "end_tick": c.end_tick, "warnings": list(c.warnings), "kept": self.kept,
                "notes": _notes_json(c.notes), "locked": _notes_json(c.locked),
                "chords": None if c.chords is None else [[e.tick, chord_name(e.chord)] for e in c.chords]}

    @classmethod
    def from_json(cls, data: dict) -> Take:
        """A take from a project file; raises ValueError/KeyError/TypeError on anything malformed."""
        if data.get("format") != TAKE_FORMAT:
            raise ValueError(f"not a take ({data.get('format')!r})")
        chords = data["chords"]
        candidate = Candidate(
            str(data["task"]), int(data["seed"]), _pair(data["ticks"]), _notes_from(data["notes"]),
            None if chords is None else tuple(ChordEvent(int(t), parse_chord(n)) for t, n in chords),
            _stats_from(dict(data["stats"])), None if data["end_tick"] is None else int(data["end_tick"]),
            _notes_from(data["locked"]), tuple(str(w) for w in data["warnings"]))
        return cls(int(data["id"]), int(data["group"]), candidate, _pair(data["bars"]), dict(data["controls"]),
                   bool(data["kept"]))


def as_saved(candidate: Candidate) -> Candidate:
    """`candidate` with its stats as a project file keeps them (rounded), so a take listed now equals the
    same take read back from the file."""
    return replace(candidate, stats=_stats_from(candidate.stats.to_dict()))


def takes_from_json(items: list) -> tuple[list[Take], int]:
    """The takes of a project (entries that are not takes are skipped) and how many were skipped."""
    takes, skipped = [], 0
    for item in items:
        try:
            takes.append(Take.from_json(item))
        except (ValueError, KeyError, TypeError, AttributeError):
            skipped += 1
    return takes, skipped


def _pair(values) -> tuple[int, int]:
    first, second = values
    return int(first), int(second)


def _stats_from(data: dict) -> CandidateStats:
    """The stats a take saved (`CandidateStats.to_dict`); older takes may lack the newer fields."""
    return CandidateStats(int(data.get("tokens", 0)), float(data.get("seconds", 0.0)),
                          _optional_float(data.get("in_key_rate")), _optional_float(data.get("chord_tone_rate")),
                          int(data.get("attempts", 1)), tuple(dict(c) for c in data.get("originality", ())))


def _optional_float(value) -> float | None:
    return None if value is None else float(value)


def _notes_json(notes: dict[int, tuple[Note, ...]]) -> dict:
    return {str(t): [[n.start, n.pitch, n.duration, n.velocity] + ([1] if n.locked else []) for n in ns]
            for t, ns in notes.items()}


def _notes_from(data: dict) -> dict[int, tuple[Note, ...]]:
    return {int(t): tuple(Note(int(s), int(p), int(d), int(v), bool(rest and rest[0])) for s, p, d, v, *rest in rows)
            for t, rows in data.items()}
