"""`<harmony>` -> a chord lane symbol: root, kind and degrees become the `engine.chords.Chord` of the same notes.

The kind gives the base intervals (`minor-seventh`: 0 3 7 10); `<degree>`s add,
alter or remove notes (degree numbers count the major scale, as MusicXML says:
a `7` with alter -1 is the minor seventh). The resulting pitch-class set is
looked up among our qualities, so `suspended-fourth` + added b7 reads as
`7sus4` and `dominant` + altered b9 as `7b9`, whichever way the notation
program spelled them. A set we have no name for keeps the kind's own quality.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from engine.chords import QUALITIES, Chord

STEPS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_DEGREE_SEMITONES = {1: 0, 2: 2, 3: 4, 4: 5, 5: 7, 6: 9, 7: 11, 9: 2, 11: 5, 13: 9}
KIND_QUALITY = {
    "major": "maj", "minor": "min", "augmented": "aug", "diminished": "dim", "dominant": "7",
    "major-seventh": "maj7", "minor-seventh": "min7", "diminished-seventh": "dim7", "augmented-seventh": "aug7",
    "half-diminished": "hdim7", "major-minor": "minmaj7", "major-sixth": "6", "minor-sixth": "min6",
    "dominant-ninth": "9", "major-ninth": "maj9", "minor-ninth": "min9", "dominant-11th": "11",
    "major-11th": "maj9", "minor-11th": "min11", "dominant-13th": "13", "major-13th": "maj9", "minor-13th": "min9",
    "suspended-second": "sus2", "suspended-fourth": "sus4", "power": "5", "pedal": "5",
    "Neapolitan": "maj", "Italian": "7", "French": "7", "German": "7", "Tristan": "hdim7",
}
_BY_PITCH_CLASSES = {}
for _quality, (_intervals, _, _) in QUALITIES.items():
    _BY_PITCH_CLASSES.setdefault(frozenset(i % 12 for i in _intervals), _quality)


class NoChordSymbol(ValueError):
    """A `<harmony>` that names no chord we can place (a Roman numeral alone, an unknown kind)."""


def read_harmony(element: ET.Element, transpose: int = 0) -> Chord | None:
    """The chord `element` names (sounding, `transpose` semitones from written), None for N.C."""
    kind_element = element.find("kind")
    kind = (kind_element.text or "").strip() if kind_element is not None else ""
    if kind == "none":
        return None
    root = _pitch_class(element.find("root"), "root")
    if root is None:
        raise NoChordSymbol("a chord symbol without a root")
    quality = KIND_QUALITY.get(kind)
    if quality is None:
        raise NoChordSymbol(f"chord kind {kind or 'missing'!r}")
    quality = _with_degrees(quality, element.findall("degree"))
    bass = _pitch_class(element.find("bass"), "bass")
    root_alter = element.findtext("root/root-alter", "0").strip()
    flats = True if root_alter.startswith("-") else False if root_alter not in ("", "0") else None
    return Chord((root + transpose) % 12, quality, None if bass is None else (bass + transpose) % 12, flats)


def _pitch_class(element: ET.Element | None, prefix: str) -> int | None:
    if element is None:
        return None
    step = (element.findtext(f"{prefix}-step") or "").strip().upper()
    if step not in STEPS:
        return None
    try:
        alter = round(float(element.findtext(f"{prefix}-alter") or 0))
    except ValueError:
        alter = 0
    return (STEPS[step] + alter) % 12


def _with_degrees(quality: str, degrees: list[ET.Element]) -> str:
    if not degrees:
        return quality
    pitch_classes = {i % 12 for i in QUALITIES[quality][0]}
    for degree in degrees:
        try:
            value = int(degree.findtext("degree-value") or 0)
            alter = round(float(degree.findtext("degree-alter") or 0))
        except ValueError:
            continue
        if value not in _DEGREE_SEMITONES:
            continue
        natural = _DEGREE_SEMITONES[value]
        kind = (degree.findtext("degree-type") or "add").strip()
        if kind == "subtract":
            pitch_classes.discard(natural % 12)
            pitch_classes.discard((natural + alter) % 12)
            continue
        if kind == "alter":  # the chord's own degree moves
            pitch_classes.discard(natural % 12)
        pitch_classes.add((natural + alter) % 12)
    return _BY_PITCH_CLASSES.get(frozenset(pitch_classes), quality)
