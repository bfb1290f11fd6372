"""Takes: the candidates of a proposal kept as plain values, saved in the project (ProjectState.takes).

A `Take` copies what a composer Candidate holds (the region's new notes per
track, its chords, seed, stats) plus the user's controls, as plain data that
round-trips through JSON, so reopening a project brings every take back. Takes
made by one Generate share a `group`: stepping through takes stays inside it.
The composer's light, torch-free `candidate` module is imported when a take
becomes an edit (Keep, Audition, and `applied_in`, which tells the take list
whether the song holds the take now), never to save one.

`kept` records that the user kept the take (Undo of that Keep clears it, Redo
sets it again: the controller follows the undo step); the list says *kept*
only while the song also still holds the take (`applied_in`), so a later take
over the same bars, or editing them, takes the mark away.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.i18n import fill
from app.proposals import originality_badge
from app.i18n.terms import task_label
from engine.chords import ChordEvent, chord_name, parse_chord
from engine.edits import CompoundEdit, EditError, NotesEdit
from engine.errors import CadenzaError
from engine.notes import Note
from engine.song import Song

TAKE_FORMAT = "cadenza-take-1"
KEPT_MARK = QT_TRANSLATE_NOOP("Take", "✓ kept · ")


@dataclass(frozen=True)
class Take:
    id: int
    group: int
    task: str
    bars: tuple[int, int]                        # first and last bar, 0-based inclusive
    ticks: tuple[int, int]                       # [start, end) the take rewrites
    notes: dict[int, tuple[Note, ...]]           # the region's whole new content per track (locked notes included)
    chords: tuple[ChordEvent, ...] | None = None
    seed: int = 0
    controls: dict = field(default_factory=dict)   # the panel's settings it was made with, in the user's words
    stats: dict = field(default_factory=dict)
    locked: dict[int, tuple[Note, ...]] = field(default_factory=dict)
    end_tick: int | None = None
    warnings: tuple[str, ...] = ()
    kept: bool = False                           # kept, and that Keep not undone (the list asks `applied_in` too)

    @classmethod
    def from_candidate(cls, candidate, take_id: int, group: int, bars: tuple[int, int], controls: dict) -> Take:
        return cls(take_id, group, candidate.task, bars, tuple(candidate.ticks), dict(candidate.notes),
                   candidate.chords, candidate.seed, dict(controls), candidate.stats.to_dict(), dict(candidate.locked),
                   candidate.end_tick, tuple(candidate.warnings))

    @property
    def track_ids(self) -> tuple[int, ...]:
        return tuple(self.notes)

    def with_(self, **changes) -> Take:
        return replace(self, **changes)

    def label(self, kept: bool = False) -> str:
        """One line for the take list: what, where, seed and how adventurous.

        `kept` (the song holds it now) leads the line, so the list's default width never cuts it off."""
        translate = QCoreApplication.translate
        first, last = self.bars
        where = fill(translate("Take", "bar %1"), first + 1) if first == last else \
            fill(translate("Take", "bars %1–%2"), first + 1, last + 1)
        parts = [task_label(self.task), where, fill(translate("Take", "seed %1"), self.seed)]
        adventure = self.controls.get("adventure")
        if adventure is not None:
            parts.append(fill(translate("Take", "adv %1"), adventure))
        badge = originality_badge.badge_text(self.stats)   # a close match leads (never cut off), "original" ends
        if badge and originality_badge.is_close(self.stats):
            parts.insert(0, "⚠ " + badge)
        elif badge:
            parts.append(badge)
        return (translate("Take", KEPT_MARK) if kept else "") + " · ".join(parts)

    def applied_in(self, song: Song) -> bool:
        """Whether `song` holds this take now: keeping it again would change nothing."""
        try:
            edit = self.edit(song)
        except (CadenzaError, EditError, KeyError, ValueError):
            return False
        return all(isinstance(e, NotesEdit) and Counter(e.removed) == Counter(e.added) for e in edit.edits)

    def edit(self, song: Song) -> CompoundEdit:
        """The one undoable edit that puts this take into `song` (the region is rewritten as it is now)."""
        from composer.proposals.candidate import Candidate, CandidateStats

        candidate = Candidate(self.task, self.seed, self.ticks, self.notes, self.chords,
                              CandidateStats(0, 0.0, None, None), self.end_tick,
                              self.locked, self.warnings)
        return candidate.to_edit(song)

    # --- JSON -------------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"format": TAKE_FORMAT, "id": self.id, "group": self.group, "task": self.task,
                "bars": list(self.bars), "ticks": list(self.ticks), "seed": self.seed, "controls": self.controls,
                "stats": self.stats, "end_tick": self.end_tick, "warnings": list(self.warnings), "kept": self.kept,
                "notes": _notes_json(self.notes), "locked": _notes_json(self.locked),
                "chords": None if self.chords is None else [[c.tick, chord_name(c.chord)] for c in self.chords]}

    @classmethod
    def from_json(cls, data: dict) -> Take:
        """A take from a project file; raises ValueError/KeyError/TypeError on anything malformed."""
        if data.get("format") != TAKE_FORMAT:
            raise ValueError(f"not a take ({data.get('format')!r})")
        chords = data["chords"]
        return cls(int(data["id"]), int(data["group"]), str(data["task"]), _pair(data["bars"]), _pair(data["ticks"]),
                   _notes_from(data["notes"]),
                   None if chords is None else tuple(ChordEvent(int(t), parse_chord(n)) for t, n in chords),
                   int(data["seed"]), dict(data["controls"]), dict(data["stats"]), _notes_from(data["locked"]),
                   None if data["end_tick"] is None else int(data["end_tick"]), tuple(data["warnings"]),
                   bool(data["kept"]))


def _pair(values) -> tuple[int, int]:
    first, second = values
    return int(first), int(second)


def _notes_json(notes: dict[int, tuple[Note, ...]]) -> dict:
    return {str(t): [[n.start, n.pitch, n.duration, n.velocity] for n in ns] for t, ns in notes.items()}


def _notes_from(data: dict) -> dict[int, tuple[Note, ...]]:
    return {int(t): tuple(Note(start=s, pitch=p, duration=d, velocity=v) for s, p, d, v in rows)
            for t, rows in data.items()}


def takes_from_json(items: list) -> tuple[list[Take], int]:
    """The takes of a project (entries that are not takes are skipped) and how many were skipped."""
    takes, skipped = [], 0
    for item in items:
        try:
            takes.append(Take.from_json(item))
        except (ValueError, KeyError, TypeError, AttributeError):
            skipped += 1
    return takes, skipped
