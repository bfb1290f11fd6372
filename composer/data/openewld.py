"""OpenEWLD lead sheets (.mxl) -> Songs: one melody track and a chord lane.

Read with music21 (imported lazily: it takes a while to import and only the
corpus build needs it). Ties are merged into single notes, grace notes (no
duration) are left out, repeats stay as written (not unrolled), a pickup
measure is padded to a full bar so bars start where the score's bars do.
Chord symbols come from `harmony.ChordSymbol`: their MusicXML kind maps to an
engine quality (`_KINDS`); a kind we do not have keeps its root and triad.
Lead sheets have no dynamics: every note gets `VELOCITY`.
"""
from __future__ import annotations

from pathlib import Path

from composer.data.common import TICKS_PER_QUARTER, CorpusSong
from composer.data.split import split_of
from engine.chords import Chord, ChordEvent
from engine.keys import Key, KeySignature
from engine.notes import Note
from engine.song import Song
from engine.timing import TimeSignature
from engine.track import Track, TrackRole

SOURCE = "openewld"
STYLE = "pop"
LICENCE = "MIT / public domain"
VELOCITY = 90
_KINDS = {
    "major": "maj", "minor": "min", "augmented": "aug", "diminished": "dim",
    "dominant-seventh": "7", "dominant": "7", "major-seventh": "maj7", "minor-seventh": "min7",
    "diminished-seventh": "dim7", "augmented-seventh": "aug7", "half-diminished": "hdim7",
    "major-minor": "minmaj7", "major-sixth": "6", "minor-sixth": "min6", "dominant-ninth": "9",
    "major-ninth": "maj9", "minor-ninth": "min9", "dominant-11th": "11", "minor-11th": "min11",
    "dominant-13th": "13", "suspended-second": "sus2", "suspended-fourth": "sus4",
    "suspended-fourth-seventh": "7sus4", "power": "5",
}


def files(root: Path) -> list[Path]:
    return sorted((root / "openewld").rglob("*.mxl"))


def song_id(root: Path, path: Path) -> str:
    """Composer folder / title folder: unique, and stable when files move around the tree."""
    return "/".join(path.relative_to(root / "openewld").parts[:-1])


def convert(root: Path, path: Path) -> CorpusSong:
    from music21 import converter, harmony, key, meter, note, stream  # lazy: slow to import

    score = converter.parse(str(path))
    part = score.parts[0]
    measures = part.getElementsByClass(stream.Measure)
    pickup = float(measures[0].paddingLeft) if measures else 0.0
    flat = part.stripTies().flatten()

    def tick(offset) -> int:
        return round((float(offset) + pickup) * TICKS_PER_QUARTER)

    notes, chords = [], []
    for element in flat.notes:
        if isinstance(element, harmony.ChordSymbol):
            chords.append(ChordEvent(tick(element.offset) if element.offset else 0, _chord(element)))
        elif element.duration.quarterLength > 0:  # grace notes have none
            pitches = [element.pitch] if isinstance(element, note.Note) else element.pitches
            length = round(float(element.duration.quarterLength) * TICKS_PER_QUARTER)
            notes += [Note(start=tick(element.offset), pitch=p.midi, duration=length, velocity=VELOCITY) for p in pitches]
    meters = [TimeSignature(tick(m.offset) if m.offset else 0, m.numerator, m.denominator)
              for m in flat.getElementsByClass(meter.TimeSignature)]
    keys = [KeySignature(tick(k.offset) if k.offset else 0, _key(k, key)) for k in flat.getElementsByClass(key.KeySignature)]
    melody = Track(1, "melody", TrackRole.MELODY, channel=0, notes=tuple(notes))
    song = Song(tracks=(melody,), ticks_per_quarter=TICKS_PER_QUARTER, meters=tuple(meters) or Song().meters,
                keys=tuple(keys), chords=_merge(chords), title=path.stem.replace("_", " "), end_tick=melody.end_tick)
    ident = song_id(root, path)
    return CorpusSong(SOURCE, ident, song, split_of(SOURCE, ident), LICENCE, STYLE)


def _chord(symbol) -> Chord | None:
    if symbol.chordKind in ("none", "") or symbol.root() is None:
        return None
    root = symbol.root().pitchClass
    quality = _KINDS.get(symbol.chordKind)
    if quality is None:
        quality = "min" if symbol.isMinorTriad() or "minor" in symbol.chordKind else "maj"
    bass = symbol.bass().pitchClass if symbol.bass() is not None else root
    return Chord(root, quality, None if bass == root else bass)


def _key(signature, key_module) -> Key:
    if isinstance(signature, key_module.Key):
        return Key(signature.tonic.pitchClass, "minor" if signature.mode == "minor" else "major")
    return Key.from_signature(signature.sharps, False)


def _merge(events: list[ChordEvent]) -> tuple[ChordEvent, ...]:
    """Later symbols at one tick replace earlier ones; repeats of the same chord merge."""
    by_tick = {e.tick: e for e in events}
    merged: list[ChordEvent] = []
    for tick in sorted(by_tick):
        if not merged or merged[-1].chord != by_tick[tick].chord:
            merged.append(by_tick[tick])
    return tuple(merged)
