"""Markers and hit points: their MIDI text, and the edits the marker lane and the CLI make.

A MIDI marker event (FF 06) holds only text at a tick. A hit point also needs
its time, which must survive a tempo change made in another program, so its
text carries the time to the microsecond: `[hit 12.500000] Door slam`. Other
sequencers show that text as the marker's name; Cadenza reads it back as a hit
point at exactly 12.5 s (the tick in the file is then recomputed from the
tempo map, so it agrees with the seconds).

Every change is a `SongPropertiesEdit` of `markers`, so it is one undo step on
the same path as every other song edit.
"""
from __future__ import annotations

import re
from dataclasses import replace

from engine.edits import SongPropertiesEdit
from engine.song import Marker, Song

_HIT_TEXT = re.compile(r"\[hit (\d{1,7}(?:\.\d{1,6})?)\] ?(.*)", re.DOTALL)


def marker_midi_text(marker: Marker) -> str:
    """What a marker event says for `marker`."""
    return marker.text if not marker.is_hit else f"[hit {marker.seconds:.6f}] {marker.text}"


def marker_from_midi(tick: int, text: str) -> Marker:
    """The marker a marker event at `tick` with `text` describes (a hit point if its text says so)."""
    match = _HIT_TEXT.fullmatch(text)
    if match is None:
        return Marker(tick, text)
    return Marker(tick, match.group(2), float(match.group(1)))


# --- edits --------------------------------------------------------------------
def _with_markers(song: Song, markers: list[Marker] | tuple[Marker, ...], label: str) -> SongPropertiesEdit:
    """The edit to `markers`, hit points placed at their ticks as the song will place them (so that the
    edit's 'after' is exactly what the song holds, and its undo finds it)."""
    placed = (m if not m.is_hit else replace(m, tick=round(song.tempo_map.tick(m.seconds))) for m in markers)
    return SongPropertiesEdit.changing(song, label, markers=tuple(sorted(placed, key=lambda m: m.tick)))


def add_marker(song: Song, tick: int, text: str, label: str = "Add marker") -> SongPropertiesEdit:
    return _with_markers(song, song.markers + (Marker(tick, text),), label)


def add_hit_point(song: Song, seconds: float, text: str, label: str = "Add hit point") -> SongPropertiesEdit:
    """A hit point `seconds` after the song's start (its tick comes from the tempo map)."""
    return _with_markers(song, song.markers + (Marker(0, text, seconds),), label)


def replace_marker(song: Song, old: Marker, new: Marker, label: str) -> SongPropertiesEdit:
    """`old` becomes `new` (rename, move, hit <-> marker); ValueError if `old` is not in the song."""
    markers = list(song.markers)
    try:
        markers[markers.index(old)] = new
    except ValueError:
        raise ValueError(f"{label}: marker {old.text!r} is no longer in the song") from None
    return _with_markers(song, markers, label)


def rename_marker(song: Song, marker: Marker, text: str) -> SongPropertiesEdit:
    return replace_marker(song, marker, replace(marker, text=text), "Rename marker")


def move_marker(song: Song, marker: Marker, tick: int) -> SongPropertiesEdit:
    """Move to `tick`; a hit point moves to the time of that tick and stays locked there."""
    if marker.is_hit:
        moved = replace(marker, tick=tick, seconds=song.seconds(tick))
    else:
        moved = replace(marker, tick=tick)
    return replace_marker(song, marker, moved, "Move marker")


def set_hit(song: Song, marker: Marker, hit: bool) -> SongPropertiesEdit:
    """Lock a marker to its current time (a hit point), or unlock a hit point to its current bar/beat."""
    changed = replace(marker, seconds=song.seconds(marker.tick) if hit else None)
    return replace_marker(song, marker, changed, "Lock marker to timecode" if hit else "Unlock marker")


def delete_markers(song: Song, markers: list[Marker] | tuple[Marker, ...]) -> SongPropertiesEdit:
    remaining = list(song.markers)
    for marker in markers:
        if marker not in remaining:
            raise ValueError(f"Delete marker: marker {marker.text!r} is no longer in the song")
        remaining.remove(marker)
    return _with_markers(song, remaining, "Delete marker")


def hit_points(song: Song) -> tuple[Marker, ...]:
    return tuple(m for m in song.markers if m.is_hit)


def keep_picture(before: Song, after: Song) -> Song:
    """`after` (a new sketch that replaces `before`) with `before`'s timecode and markers, and, when `before`
    has hit points, its tempo map too: that tempo was fitted to the picture, and the picture has not moved.
    The hit points keep their times either way."""
    if not before.markers and before.timecode == after.timecode:
        return after
    kept = after.with_(timecode=before.timecode, markers=before.markers)
    return kept.with_(tempos=before.tempos) if hit_points(before) else kept
