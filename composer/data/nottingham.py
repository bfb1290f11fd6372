"""Nottingham folk tunes -> Songs: melody, realised chords, and a chord lane.

GPL-3.0: the songs are for training only and carry that licence, so nothing
derived from them word for word ships with the app (the model weights are a
separate question for the release). The MIDI files (`MIDI/*.mid`, 1024 ticks per
quarter, 120 BPM) have two tracks: the tune and a block-chord realisation of
the ABC chord symbols (13 tunes have no chords: their chord track stays
empty). Bars, meter and key come from the file (they are right
here); the chord lane is read back from the blocks (composer.data.chord_recognition),
one symbol per block onset, repeats merged.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from composer.data.chord_recognition import name_chord
from composer.data.common import TICKS_PER_QUARTER, CorpusSong, rescale_notes, rescale_tick
from composer.data.split import split_of
from engine.chords import ChordEvent
from engine.keys import KeySignature
from engine.midi import read_midi
from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import Track, TrackRole

SOURCE = "nottingham"
STYLE = "folk"
LICENCE = "GPL-3.0"


def files(root: Path) -> list[Path]:
    return sorted((root / "nottingham" / "MIDI").glob("*.mid"))


def convert(path: Path) -> CorpusSong:
    source = read_midi(path)
    tpq = source.ticks_per_quarter
    if len(source.tracks) not in (1, 2):
        raise ValueError(f"{path.name}: expected a melody and a chord track, found {len(source.tracks)} tracks")
    melody = Track(1, "melody", TrackRole.MELODY, channel=0, notes=tuple(rescale_notes(source.tracks[0].notes, tpq)))
    chord_notes = source.tracks[1].notes if len(source.tracks) == 2 else ()
    chords = Track(2, "chords", TrackRole.CHORDS, channel=1, notes=tuple(rescale_notes(chord_notes, tpq)))
    # The files repeat every meter event; one per tick is enough.
    meters = tuple({m.tick: TimeSignature(rescale_tick(m.tick, tpq), m.numerator, m.denominator)
                    for m in source.meters}.values())
    tempos = tuple(TempoChange(rescale_tick(t.tick, tpq), t.us_per_quarter) for t in source.tempos)
    keys = tuple(KeySignature(rescale_tick(k.tick, tpq), k.key) for k in source.keys)
    song = Song(tracks=(melody, chords), ticks_per_quarter=TICKS_PER_QUARTER, tempos=tempos or Song().tempos,
                meters=meters, keys=keys, chords=chord_lane(chords), title=f"Nottingham {path.stem}",
                end_tick=max(melody.end_tick, chords.end_tick))
    return CorpusSong(SOURCE, path.stem, song, split_of(SOURCE, path.stem), LICENCE, STYLE)


def chord_lane(track: Track) -> tuple[ChordEvent, ...]:
    """One chord symbol per block onset; a block naming no chord leaves the last one standing."""
    blocks: dict[int, list[int]] = defaultdict(list)
    for note in track.notes:
        blocks[note.start].append(note.pitch)
    events: list[ChordEvent] = []
    for tick in sorted(blocks):
        chord = name_chord(blocks[tick])
        if chord is not None and (not events or events[-1].chord != chord):
            events.append(ChordEvent(tick, chord))
    return tuple(events)
