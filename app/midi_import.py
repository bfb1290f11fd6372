"""Import MIDI: bring another song's tracks into this one as one undoable step.

Unlike Open, Import keeps the current song (its tempo, meter, chords) and adds
the file's tracks after the existing ones. Their events are rescaled to this
song's ticks-per-quarter, and they get fresh ids and channels so nothing
collides with the tracks already here.
"""
from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QCoreApplication

from app.i18n import fill
from engine.edits import CompoundEdit, InsertTrack
from engine.song import Song
from engine.track import Track


def _rescaled(track: Track, ratio: Fraction) -> Track:
    if ratio == 1:
        return track

    def tick(value: int) -> int:
        return round(value * ratio)

    return track.with_(
        notes=tuple(n.with_(start=tick(n.start), duration=tick(n.end) - tick(n.start)) for n in track.notes),
        controls=tuple(type(c)(tick(c.tick), c.controller, c.value) for c in track.controls),
        pitch_bends=tuple(type(b)(tick(b.tick), b.value) for b in track.pitch_bends),
        program_changes=tuple(type(p)(tick(p.tick), p.program) for p in track.program_changes),
    )


def import_tracks_edit(song: Song, other: Song, source_name: str) -> CompoundEdit | None:
    """The edit that appends `other`'s tracks to `song`, or None when it has none."""
    if not other.tracks:
        return None
    ratio = Fraction(song.ticks_per_quarter, other.ticks_per_quarter)
    edits = []
    next_id = song.next_track_id
    grown = song
    for track in other.tracks:
        channel = track.channel if track.is_drums else grown.free_channel(track.role)
        added = _rescaled(track, ratio).with_(id=next_id, channel=channel, name=track.name or source_name)
        edit = InsertTrack(len(grown.tracks), added, QCoreApplication.translate("MidiImport", "Import MIDI"))
        grown = edit.apply(grown)
        edits.append(edit)
        next_id += 1
    return CompoundEdit(tuple(edits), fill(QCoreApplication.translate("MidiImport", "Import %1"), source_name))
