"""Groove MIDI Dataset -> Songs with one drum track, on a grid, in General MIDI.

Recorded on a Roland TD-11, whose kit uses a few pitches that mean something
else in General MIDI (22, 26 are hi-hat edges with no GM sound; 58 would play a
vibraslap). `ROLAND_TO_GM` maps each to the GM sound of the same drum, following
the table in Magenta's dataset documentation ("Drum Mapping"): the hi-hat edges
to closed/open hi-hat, rims to their drum's head, crash edges to crashes.

The drumming is performed, not quantized. Micro-timing does not go into tokens,
so hits are quantized here, bar by bar, to whichever grid fits the bar better:
straight 16ths or 8th-note triplets (a shuffle bar snaps to triplets instead of
being pulled onto 16ths). Hits of one drum landing on the same step (flams)
merge into one with the louder velocity. Bars start at tick 0 (the recordings
start on a downbeat); tempo and meter come from the file and `info.csv`.
"""
from __future__ import annotations

import csv
from pathlib import Path

from composer.data.common import DRUM_NOTE_TICKS, TICKS_PER_QUARTER, CorpusSong, rescale_tick
from composer.data.split import split_of
from engine.midi import read_midi
from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import DRUM_CHANNEL, Track, TrackRole

SOURCE = "groove"
STYLE = "drum_grooves"
LICENCE = "CC-BY-4.0"
ROLAND_TO_GM = {
    22: 42,  # hi-hat closed (edge) -> closed hi-hat
    26: 46,  # hi-hat open (edge) -> open hi-hat
    58: 43,  # tom 3 rim -> high floor tom (GM 58 is a vibraslap)
    50: 48,  # tom 1 rim -> hi-mid tom, the head of tom 1
    47: 45,  # tom 2 rim -> low tom, the head of tom 2
    55: 49,  # crash 1 edge -> crash 1 (GM 55 is a splash)
    52: 57,  # crash 2 edge -> crash 2 (GM 52 is a chinese cymbal)
}
STRAIGHT_STEP = TICKS_PER_QUARTER // 4  # 16ths
TRIPLET_STEP = TICKS_PER_QUARTER // 3   # 8th-note triplets


def rows(root: Path) -> list[dict[str, str]]:
    """The rows of info.csv, in file order."""
    with open(root / "groove" / "info.csv", newline="") as file:
        return list(csv.DictReader(file))


def convert(root: Path, row: dict[str, str]) -> CorpusSong:
    source = read_midi(root / "groove" / row["midi_filename"])
    numerator, denominator = (int(x) for x in row["time_signature"].split("-"))
    meter = TimeSignature(0, numerator, denominator)
    tpq = source.ticks_per_quarter
    hits = [(rescale_tick(n.start, tpq), ROLAND_TO_GM.get(n.pitch, n.pitch), n.velocity)
            for t in source.tracks for n in t.notes]
    notes = quantize_hits(hits, meter.bar_ticks(TICKS_PER_QUARTER))
    tempos = tuple(TempoChange(rescale_tick(t.tick, tpq), t.us_per_quarter) for t in source.tempos)
    track = Track(1, "drums", TrackRole.DRUMS, channel=DRUM_CHANNEL, notes=notes)
    song = Song(tracks=(track,), ticks_per_quarter=TICKS_PER_QUARTER, tempos=tempos or Song().tempos,
                meters=(meter,), title=f"Groove {row['id']}", end_tick=max((n.end for n in notes), default=0))
    return CorpusSong(SOURCE, row["id"], song, split_of(SOURCE, row["id"], row["split"]), LICENCE, STYLE)


def quantize_hits(hits: list[tuple[int, int, int]], bar_ticks: int) -> tuple[Note, ...]:
    """(tick, pitch, velocity) hits -> notes on the per-bar best grid, flams merged."""
    by_bar: dict[int, list[tuple[int, int, int]]] = {}
    for hit in hits:
        by_bar.setdefault(max(0, hit[0]) // bar_ticks, []).append(hit)
    merged: dict[tuple[int, int], int] = {}
    for bar, bar_hits in by_bar.items():
        step = min((STRAIGHT_STEP, TRIPLET_STEP), key=lambda s: _grid_error(bar_hits, s))
        for tick, pitch, velocity in bar_hits:
            snapped = max(0, round(tick / step) * step)
            merged[snapped, pitch] = max(velocity, merged.get((snapped, pitch), 0))
    return tuple(sorted(Note(start=t, pitch=p, duration=DRUM_NOTE_TICKS, velocity=v) for (t, p), v in merged.items()))


def _grid_error(hits: list[tuple[int, int, int]], step: int) -> int:
    return sum(abs(tick - round(tick / step) * step) for tick, _, _ in hits)
