"""A proposal's result: new notes (and chords) for the region, how it was made, and the one edit that applies it.

A candidate holds the *whole* new content of its region (locked notes
included), so `to_edit` can be computed against the song as it is when the
user keeps it: remove what the region holds now, add the candidate's notes,
rewrite the chord lane inside the region only. Everything is one
`CompoundEdit`, so one undo takes the proposal back.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from engine.chords import ChordEvent
from engine.edits import CompoundEdit, Edit, NotesEdit, SongPropertiesEdit
from engine.notes import Note
from engine.song import Song


@dataclass(frozen=True)
class CandidateStats:
    tokens: int                     # tokens the model wrote for it
    seconds: float                  # decoding time of its batch(es)
    in_key_rate: float | None       # share of its new pitched notes in the key (None: no key known)
    chord_tone_rate: float | None   # share of its new pitched notes on a tone of the chord in force (None: no chords)
    attempts: int = 1               # decodes it took to pass the post-checks
    originality: tuple[dict, ...] = ()  # composer.originality Closeness dicts, closest first (none: no index)

    def to_dict(self) -> dict:
        return {"tokens": self.tokens, "seconds": round(self.seconds, 4),
                "in_key_rate": None if self.in_key_rate is None else round(self.in_key_rate, 3),
                "chord_tone_rate": None if self.chord_tone_rate is None else round(self.chord_tone_rate, 3),
                "attempts": self.attempts, "originality": [dict(c) for c in self.originality]}


@dataclass(frozen=True)
class Candidate:
    """New content for `ticks` = [start, end) of the tracks in `notes` (and of the chord lane if `chords` is set)."""

    task: str
    seed: int
    ticks: tuple[int, int]
    notes: dict[int, tuple[Note, ...]]
    chords: tuple[ChordEvent, ...] | None
    stats: CandidateStats
    end_tick: int | None = None          # the song's end after it (set when it appends bars)
    locked: dict[int, tuple[Note, ...]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def to_edit(self, song: Song) -> CompoundEdit:
        """One edit that puts this candidate into `song` (which must hold the region's tracks)."""
        start, end = self.ticks
        edits: list[Edit] = []
        if self.end_tick is not None and self.end_tick > song.end_tick:
            edits.append(SongPropertiesEdit.changing(song, "Lengthen song", end_tick=self.end_tick))
        for track_id, notes in self.notes.items():
            keep = set(self.locked.get(track_id, ()))
            removed = tuple(n for n in song.track(track_id).notes_between(start, end) if n not in keep)
            added = tuple(n for n in notes if n not in keep)
            if removed or added:
                edits.append(NotesEdit(track_id, removed, added, f"Propose {self.task}"))
        if self.chords is not None:
            chords = chord_lane_with(song, start, end, self.chords)
            if chords != song.chords:
                edits.append(SongPropertiesEdit.changing(song, f"Propose {self.task}", chords=chords))
        return CompoundEdit(tuple(edits), f"Propose {self.task}")


def chord_lane_with(song: Song, start: int, end: int, region: tuple[ChordEvent, ...]) -> tuple[ChordEvent, ...]:
    """The song's chord lane with [start, end) replaced by `region`; the chord in force at `end` stays in force."""
    before = [c for c in song.chords if c.tick < start]
    after = [c for c in song.chords if c.tick >= end]
    at_end = song.chord_at(end) if end > 0 else None
    current = before[-1].chord if before else None
    lane = list(before)
    for event in region:
        if event.chord != current:
            lane.append(event)
            current = event.chord
    if (not after or after[0].tick != end) and (at_end.chord if at_end else None) != current:
        lane.append(ChordEvent(end, at_end.chord if at_end else None))
    return tuple(lane + after)
