"""The base rate: how long the matches are between held-out real songs and the index, and the thresholds it gives.

Held-out songs (the fixed validation split) were written independently of the
training songs, so the runs they share with the index are what chance and
common idiom give. A take is a few bars, so the unit is what a take is: an
`WINDOW_BARS`-bar window of one line of a held-out song (every pitched track
cut at bars 1, 9, 17, ...), and the chord lane's window of the same bars.
Tunes (melody and counter-melody tracks) and the other parts (bass, chords,
accompaniment: their figures recur across pieces far more) are counted apart.
Each group's threshold is the smallest run length that at most
`FALSE_ALARM_TARGET` of its held-out windows reach, so a take flagged "close"
comes closer than 99 in 100 real passages of its kind do; the false-alarm
rate is reported per window and per song (a song with any window over). The
corpus holds some tunes twice (a POP909 song in two files, a folk tune in two
collections, Ode to Joy as a hymn and in the symphony): a held-out song whose
tune is found half or more whole in one training piece is the same tune, not
an independent song, so it is listed (`same_tune_as_training`) and left out.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from composer.originality.index import OriginalityIndex
from composer.originality.lines import STEPS_PER_QUARTER, chord_codes, line_codes, role_group, track_line
from composer.originality.match import longest_run
from engine.song import Song

FALSE_ALARM_TARGET = 0.01
WINDOW_BARS = 8
PERCENTILES = (50, 75, 90, 95, 99, 100)
GROUPS = ("tune", "parts", "chords")
SAME_TUNE_SHARE = 0.5    # a held-out tune found at least half whole in one training piece is that piece's tune
SAME_TUNE_NOTES = 16


def close_tunes(index: OriginalityIndex, name: str, song: Song, threshold: int) -> list[dict]:
    """The song's tune lines (whole, not windowed) whose longest run reaches `threshold`: which held-out songs
    a take would be flagged for, and by which training piece (docs/ORIGINALITY.md names them)."""
    out = []
    for track in song.tracks:
        line = track_line(track, song.ticks_per_quarter)
        if len(line) < 2 or role_group(track) != "tune":
            continue
        match = longest_run(index, line_codes(line), "notes")
        if match.length >= threshold:
            out.append({"song": name, "track": track.name, "run": match.length, "line_notes": len(line),
                        "piece": index.pieces[match.piece]})
    return out


def song_windows(index: OriginalityIndex, song: Song) -> dict[str, list[int]]:
    """The longest run in every `WINDOW_BARS`-bar window of each pitched line and of the chord lane, by group."""
    tpq = song.ticks_per_quarter
    starts = [song.meter_map.bar_start(b) for b in range(0, song.bar_count() + WINDOW_BARS, WINDOW_BARS)]
    found: dict[str, list[int]] = {group: [] for group in GROUPS}
    for track in song.tracks:
        line = track_line(track, tpq)
        if len(line) < 2:
            continue
        for start, end in zip(starts, starts[1:]):
            window = [(p, s) for p, s in line if start * STEPS_PER_QUARTER <= s * tpq < end * STEPS_PER_QUARTER]
            if len(window) > index.gram("notes"):
                found[role_group(track)].append(longest_run(index, line_codes(window), "notes").length)
    for start, end in zip(starts, starts[1:]):
        lane = song.with_(chords=tuple(e for e in song.chords if start <= e.tick < end))
        codes = chord_codes(lane)
        if len(codes) >= index.gram("chords"):
            found["chords"].append(longest_run(index, codes, "chords").length)
    return found


def _kind(group: str) -> str:
    return "chords" if group == "chords" else "notes"


def threshold_for(lengths: Iterable[int], target: float = FALSE_ALARM_TARGET) -> int:
    """The smallest n such that at most `target` of `lengths` are n or more."""
    values = np.asarray(list(lengths), dtype=np.int64)
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


def same_tune(index: OriginalityIndex, name: str, song: Song) -> dict | None:
    """The song's tune line found nearly whole in one training piece (a run of at least `SAME_TUNE_SHARE` of its
    notes, and `SAME_TUNE_NOTES` or more): the same tune in two files of the corpus, not an independent song."""
    for row in close_tunes(index, name, song, SAME_TUNE_NOTES):
        if row["run"] >= SAME_TUNE_SHARE * row["line_notes"]:
            return row
    return None


def base_rate(index: OriginalityIndex, songs: Iterable[tuple[str, Song]]) -> dict:
    """Per group (tune, parts, chords): percentiles of the windows' longest runs, the threshold, the false-alarm rate
    per window and per song; the tune windows' percentiles per source too. Held-out songs that are a training
    piece's tune over again (`same_tune`: the corpus holds some tunes twice) are listed and left out: the
    threshold is about independently written songs."""
    songs = list(songs)
    duplicates = [row for name, song in songs if (row := same_tune(index, name, song)) is not None]
    copied = {row["song"] for row in duplicates}
    independent = [(name, song) for name, song in songs if name not in copied]
    windows = {group: [] for group in GROUPS}       # (source, song number, run)
    for number, (name, song) in enumerate(independent):
        for group, runs in song_windows(index, song).items():
            windows[group] += [(name.partition(":")[0], number, run) for run in runs]
    # never under the shortest run the index can see (one n-gram): "close" must mean a match was found
    thresholds = {group: max(threshold_for(run for _, _, run in found), index.gram(_kind(group)) + 1)
                  for group, found in windows.items()}
    summary = {}
    for group, found in windows.items():
        runs = [run for _, _, run in found]
        songs_in = {number for _, number, _ in found}
        over = {number for _, number, run in found if run >= thresholds[group]}
        summary[group] = {"windows": len(runs), "songs": len(songs_in), **percentiles(runs),
                          "threshold": thresholds[group],
                          "false_alarms_per_window": round(float(np.mean(np.asarray(runs) >= thresholds[group])), 4)
                          if runs else None,
                          "false_alarms_per_song": round(len(over) / len(songs_in), 4) if songs_in else None}
    by_source = {}
    for source in sorted({s for s, _, _ in windows["tune"]}):
        runs = [run for s, _, run in windows["tune"] if s == source]
        by_source[source] = {"windows": len(runs), **percentiles(runs),
                             "over_threshold": round(float(np.mean(np.asarray(runs) >= thresholds["tune"])), 4)}
    over = [row for name, song in independent for row in close_tunes(index, name, song, thresholds["tune"])]
    return {"window_bars": WINDOW_BARS, "thresholds": thresholds, "held_out_songs": len(songs),
            "same_tune_as_training": duplicates, "groups": summary, "tune_by_source": by_source,
            "tune_lines_over": over}
