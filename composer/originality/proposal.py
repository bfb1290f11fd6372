"""The originality post-check of proposals: each candidate's closeness to the training data and a reference folder.

`OriginalityCheck.for_model` picks the indexes once per proposal (the
model's training index, found by its data hash, and the controls' reference
folder); `check` measures one candidate's new lines (and chords, when it
writes them) and, when the controls ask to avoid close matches, adds a soft
problem for each one at or over the threshold, so the candidate is decoded
again like any other soft failure, and the problem stays on it as a warning
when no attempt passes. The figures travel in the candidate's stats
(`CandidateStats.originality`): the take list's badge and `cadenza generate`'s
JSON lines read them there.
"""
from __future__ import annotations

from dataclasses import dataclass

from composer.originality.index import OriginalityError, OriginalityIndex
from composer.originality.match import Closeness, chord_closeness, track_closeness
from composer.originality.reference import folder_index, training_index
from engine.song import Song


@dataclass
class OriginalityCheck:
    indexes: list[OriginalityIndex]
    avoid: bool = False
    problem: str | None = None          # why an index asked for is missing (said once, as a warning)

    @classmethod
    def for_model(cls, model, controls) -> OriginalityCheck:
        """The indexes for `model` (a LoadedModel, a path, None for the shipped one, or a bare network: none)."""
        training = training_index(_data_hash(model))
        indexes = [training] if training is not None else []
        problem = None
        if controls.reference_folder:
            try:
                indexes.append(folder_index(controls.reference_folder, training))
            except OriginalityError as error:
                problem = f"originality reference: {error}"
        return cls(indexes, bool(controls.avoid_close_matches), problem)

    def measure(self, song: Song, notes: dict, chords) -> list[Closeness]:
        """Every track's new notes' (and new chords') closeness, for each index, the closest first (by how far
        towards its threshold each comes)."""
        found = []
        for index in self.indexes:
            for track_id, track_notes in notes.items():
                track = song.track(track_id)
                if track.is_drums:
                    continue
                found.append(track_closeness(index, track, song.ticks_per_quarter, notes=track_notes))
            if chords:
                found.append(chord_closeness(index, song.with_(chords=tuple(chords))))
        return sorted(found, key=lambda c: (-(c.longest_match_notes / max(c.threshold, 1)), c.track))

    def check(self, song: Song, content) -> list[Closeness]:
        """Measure one assembled candidate (composer.proposals.assemble.Content); with `avoid`, its close
        matches become soft problems (retried, then warnings)."""
        found = self.measure(song, content.notes, content.chords)
        if self.avoid:
            content.soft.extend(describe(c) for c in found if c.close)
        return found


def describe(found: Closeness) -> str:
    """One line: "Melody: 9 notes as in pop909 #017 (close: 8 or more)"."""
    unit = "chords" if found.kind == "chords" else "notes"
    where = f"{found.source} #{found.piece}" if found.piece else found.source
    return f"{found.track}: {found.longest_match_notes} {unit} as in {where} (close: {found.threshold} or more)"


def _data_hash(model) -> str | None:
    from composer.model import Composer
    from composer.proposals.loader import LoadedModel, load_model

    if isinstance(model, Composer):
        return None
    loaded = model if isinstance(model, LoadedModel) else load_model(model)
    return loaded.info.get("data_hash")
