"""The base rate: how long the matches are between held-out real songs and the index, and the threshold it gives.

Held-out songs (the fixed validation split) were written independently of
the training songs, so the runs they share with the index are what chance
and common idiom give. A song's figure is its longest run over all its lines
(the chord lane apart); the warning threshold is the smallest run length
that at most `FALSE_ALARM_TARGET` of held-out songs reach, so a take flagged
"close" comes closer than 99 in 100 real songs do.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from composer.originality.index import OriginalityIndex
from composer.originality.match import chord_closeness, song_closeness
from engine.song import Song

FALSE_ALARM_TARGET = 0.01
PERCENTILES = (50, 75, 90, 95, 99, 100)


def song_longest(index: OriginalityIndex, song: Song) -> tuple[int | None, int | None]:
    """(longest note run over the song's lines or None without a pitched line (drums only), longest chord run or
    None without a chord lane)."""
    found = song_closeness(index, song)
    notes = max((c.longest_match_notes for c in found if c.kind == "notes"), default=None)
    chords = next((c.longest_match_notes for c in found if c.kind == "chords"), None)
    return notes, chords


def threshold_for(lengths: Iterable[int], target: float = FALSE_ALARM_TARGET) -> int:
    """The smallest n such that at most `target` of `lengths` are n or more."""
    values = np.sort(np.asarray(list(lengths), dtype=np.int64))
    if not len(values):
        return 0
    n = 1
    while np.mean(values >= n) > target:
        n += 1
    return n


def percentiles(lengths: Iterable[int]) -> dict[str, int]:
    values = np.asarray(list(lengths), dtype=np.int64)
    if not len(values):
        return {}
    return {f"p{p}": int(np.percentile(values, p, method="lower")) for p in PERCENTILES}


def base_rate(index: OriginalityIndex, songs: Iterable[tuple[str, Song]]) -> dict:
    """Per source and over all songs: percentiles of the longest note and chord runs, the thresholds they give and
    the share of songs at or over them (the false-alarm rate)."""
    by_source: dict[str, dict[str, list[int]]] = {}
    for name, song in songs:
        notes, chords = song_longest(index, song)
        lists = by_source.setdefault(name.partition(":")[0], {"notes": [], "chords": []})
        if notes is not None:
            lists["notes"].append(notes)
        if chords is not None:
            lists["chords"].append(chords)
    every = {kind: [v for lists in by_source.values() for v in lists[kind]] for kind in ("notes", "chords")}
    thresholds = {kind: threshold_for(values) for kind, values in every.items()}

    def summary(lists: dict[str, list[int]]) -> dict:
        return {kind: {"songs": len(values), **percentiles(values),
                       "false_alarms": round(float(np.mean(np.asarray(values) >= thresholds[kind])), 4)
                       if values else None}
                for kind, values in lists.items()}

    return {"threshold_notes": thresholds["notes"], "threshold_chords": thresholds["chords"],
            "all": summary(every), "sources": {s: summary(lists) for s, lists in sorted(by_source.items())}}
