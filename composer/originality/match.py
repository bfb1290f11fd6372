"""Matching: the longest run of consecutive notes (and chords) of a passage that also occurs in one indexed piece.

Every n-gram of the passage's line is looked up; a run is a stretch of
consecutive n-grams that one piece shares (an n-gram of `NOTE_GRAM` steps is
`NOTE_GRAM + 1` notes, so a run of r n-grams is r + NOTE_GRAM notes). A
commonplace n-gram (in many pieces, index.COMMON) carries every run through
it, since the pieces that share its neighbours almost surely hold it too; a
run made of commonplaces only is reported as found in "many pieces". Shorter
than one n-gram is no match at all (0).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from composer.originality.index import COMMON, OriginalityIndex
from composer.originality.lines import chord_codes, line_codes, ngram_hashes, track_line
from engine.song import Song
from engine.track import Track


@dataclass(frozen=True)
class Match:
    """The longest run found: `length` notes (or chords) of the passage, from its `first`-th, in piece `piece`."""

    length: int = 0
    piece: int | None = None
    first: int = 0


def longest_run(index: OriginalityIndex, codes, kind: str = "notes") -> Match:
    """The longest run of the coded steps `codes` (lines.line_codes / chord_codes) shared with one piece."""
    gram = index.gram(kind)
    hashes = ngram_hashes(codes, gram)
    if not len(hashes):
        return Match()
    active: dict[int, int] = {}          # piece -> n-grams in its run ending at the previous position
    best = (0, None, 0)                  # (n-grams, piece, last position)
    for position, found in enumerate(index.table(kind).pieces_of(hashes)):
        if not len(found):
            active = {}
            continue
        pieces = set(found.tolist())
        if COMMON in pieces:             # everyone's run goes on; a piece met here takes the common run's length
            carried = active.get(COMMON, 0)
            following = {p: run + 1 for p, run in active.items()}
            for p in pieces:
                following[p] = max(active.get(p, 0), carried) + 1
        else:
            carried = active.get(COMMON, 0)
            following = {p: max(active.get(p, 0), carried) + 1 for p in pieces}
        active = following
        for piece, run in active.items():
            if run > best[0] or (run == best[0] and best[1] == COMMON and piece != COMMON):
                best = (run, piece, position)
    runs, piece, last = best
    if not runs:
        return Match()
    # a run of r n-grams covers r + gram steps, one more note (or chord) than steps
    return Match(runs + gram, piece, last - runs + 1)


@dataclass(frozen=True)
class Closeness:
    """How close one track (or the chord lane) comes to the index: what the JSON line and the badge say."""

    track: str
    longest_match_notes: int
    source: str | None
    piece: str | None
    kind: str = "notes"                  # "chords": longest_match_notes counts chords
    threshold: int = 0

    @property
    def close(self) -> bool:
        return self.longest_match_notes >= self.threshold > 0

    def to_dict(self) -> dict:
        return {"track": self.track, "kind": self.kind, "longest_match_notes": self.longest_match_notes,
                "source": self.source, "piece": self.piece, "threshold": self.threshold, "close": self.close}


def closeness(index: OriginalityIndex, name: str, match: Match, kind: str) -> Closeness:
    source, piece = index.piece_name(match.piece) if match.piece is not None else (None, None)
    threshold = index.threshold_notes if kind == "notes" else index.threshold_chords
    return Closeness(name, match.length, source, piece, kind, threshold)


def track_closeness(index: OriginalityIndex, track: Track, ticks_per_quarter: int, name: str | None = None,
                    notes: Iterable | None = None) -> Closeness:
    """One track's line (or `notes` in its place: a take's new notes) against the index."""
    if notes is not None:
        track = track.with_(notes=tuple(sorted(notes)))
    codes = line_codes(track_line(track, ticks_per_quarter))
    return closeness(index, name or track.name or f"track {track.id}", longest_run(index, codes, "notes"), "notes")


def chord_closeness(index: OriginalityIndex, song: Song) -> Closeness:
    return closeness(index, "chords", longest_run(index, chord_codes(song), "chords"), "chords")


def song_closeness(index: OriginalityIndex, song: Song) -> list[Closeness]:
    """Every pitched track with a line, then the chord lane when it has one."""
    out = [track_closeness(index, track, song.ticks_per_quarter) for track in song.tracks
           if len(track_line(track, song.ticks_per_quarter)) >= 2]
    if any(e.chord is not None for e in song.chords):
        out.append(chord_closeness(index, song))
    return out
