"""Matching: the longest run of consecutive notes (and chords) of a passage that also occurs in one indexed piece.

Every n-gram of the passage's line is looked up; a run is a stretch of
consecutive n-grams that one piece shares (an n-gram of `NOTE_GRAM` steps is
`NOTE_GRAM + 1` notes, so a run from the n-gram at i to the one at j is
j - i + 1 + NOTE_GRAM notes). Two kinds of n-gram say nothing about which
piece a passage comes from: one the index left out by its sampling rule
(index.OriginalityIndex.sampled: unknown, so every run goes on through it;
unrelated music ends a run at the next n-gram the index would hold), and a
commonplace (in many pieces, index.COMMON: a repeated note, a scale, an
Alberti bass), of which a run may pass `MAX_CARRY` between two n-grams of its
piece. A run is
counted only from the first to the last n-gram found in its piece, so a match
never grows on them: a held-out orchestral part of a hundred repeated quavers,
or a trill, is no match at all, and a sampled-out n-gram at either end of a
copy costs a note of its length rather than adding one. Shorter than one
n-gram is no match (0).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from composer.originality.index import COMMON, OriginalityIndex
from composer.originality.lines import chord_codes, line_codes, ngram_hashes, role_group, track_line
from engine.song import Song
from engine.track import Track

MAX_CARRY = 3    # commonplace n-grams a run may pass between two n-grams of its piece


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
    known = index.sampled(hashes, kind).tolist()
    runs: dict[int, tuple[int, int, int]] = {}   # piece -> (first, last n-gram found in it, commonplaces since)
    best = (0, None, 0)                          # (n-grams from first to last, piece, first)
    for position, (is_known, found) in enumerate(zip(known, index.table(kind).pieces_of(hashes))):
        if not is_known:                         # sampled out: unknown, every run goes on
            continue
        if not len(found):                       # a definite miss ends every run
            runs = {}
            continue
        pieces = set(found.tolist())
        if COMMON in pieces:                     # a commonplace: runs go on, up to MAX_CARRY since their piece
            runs = {p: (first, last, commons + 1) for p, (first, last, commons) in runs.items()
                    if commons < MAX_CARRY}
            continue
        runs = {p: (runs[p][0] if p in runs else position, position, 0) for p in pieces}   # the others end
        for piece, (first, last, _) in runs.items():
            if last - first + 1 > best[0]:
                best = (last - first + 1, piece, first)
    grams, piece, first = best
    if not grams:
        return Match()
    # n-grams first..last cover (last - first) + gram steps, one more note (or chord) than steps
    return Match(grams + gram, piece, first)


@dataclass(frozen=True)
class Closeness:
    """How close one track (or the chord lane) comes to the index: what the JSON line and the badge say."""

    track: str
    longest_match_notes: int
    source: str | None
    piece: str | None
    kind: str = "notes"                  # "chords": longest_match_notes counts chords
    threshold: int = 0
    group: str = "tune"                  # whose threshold: "tune", "parts" (lines.role_group) or "chords"

    @property
    def close(self) -> bool:
        return self.longest_match_notes >= self.threshold > 0

    def to_dict(self) -> dict:
        return {"track": self.track, "kind": self.kind, "longest_match_notes": self.longest_match_notes,
                "source": self.source, "piece": self.piece, "threshold": self.threshold, "group": self.group,
                "close": self.close}


def closeness(index: OriginalityIndex, name: str, match: Match, group: str) -> Closeness:
    source, piece = index.piece_name(match.piece) if match.piece is not None else (None, None)
    kind = "chords" if group == "chords" else "notes"
    return Closeness(name, match.length, source, piece, kind, index.threshold(group), group)


def track_closeness(index: OriginalityIndex, track: Track, ticks_per_quarter: int, name: str | None = None,
                    notes: Iterable | None = None) -> Closeness:
    """One track's line (or `notes` in its place: a take's new notes) against the index."""
    if notes is not None:
        track = track.with_(notes=tuple(sorted(notes)))
    codes = line_codes(track_line(track, ticks_per_quarter))
    return closeness(index, name or track.name or f"track {track.id}", longest_run(index, codes, "notes"),
                     role_group(track))


def chord_closeness(index: OriginalityIndex, song: Song) -> Closeness:
    return closeness(index, "chords", longest_run(index, chord_codes(song), "chords"), "chords")


def song_closeness(index: OriginalityIndex, song: Song) -> list[Closeness]:
    """Every pitched track with a line, then the chord lane when it has one."""
    out = [track_closeness(index, track, song.ticks_per_quarter) for track in song.tracks
           if len(track_line(track, song.ticks_per_quarter)) >= 2]
    if any(e.chord is not None for e in song.chords):
        out.append(chord_closeness(index, song))
    return out
