"""Who plays a part: its name, General MIDI program, channel and drum map, from the score's `<part-list>`.

The program comes from the part's `<midi-instrument><midi-program>` (1-based in
MusicXML) when the notation program wrote one; otherwise from the instrument's
name, read in English, German, Italian and French (`Violine`, `Corno`,
`Contrebasse`), or its `<instrument-sound>` id (`wind.reed.oboe`). Unpitched
percussion plays the GM drum note its `<midi-unpitched>` names, else the note
its instrument's name suggests (`Bass Drum` -> 36).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field


# Checked in order; the first word found in the lower-cased name wins (so "bass clarinet" before "bass").
_NAME_PROGRAMS: tuple[tuple[str, int], ...] = (
    ("piccolo", 72), ("ottavino", 72), ("kleine flöte", 72), ("petite flûte", 72),
    ("alto flute", 73), ("flute", 73), ("flöte", 73), ("flauto", 73), ("flûte", 73), ("flauti", 73),
    ("english horn", 69), ("cor anglais", 69), ("englischhorn", 69), ("corno inglese", 69),
    ("oboe", 68), ("hautbois", 68), ("oboi", 68), ("hoboe", 68),
    ("bass clarinet", 71), ("bassklarinette", 71), ("clarinet", 71), ("klarinette", 71), ("clarinett", 71),
    ("clarinette", 71), ("clarinetto", 71), ("clarinetti", 71),
    ("contrabassoon", 70), ("kontrafagott", 70), ("contrafagotto", 70), ("bassoon", 70), ("fagott", 70),
    ("fagotto", 70), ("fagotti", 70), ("basson", 70),
    ("saxophone", 65), ("sax", 65),
    ("horn", 60), ("corno", 60), ("corni", 60), ("cor ", 60), ("cors", 60),
    ("trumpet", 56), ("trompete", 56), ("tromba", 56), ("trombe", 56), ("trompette", 56), ("cornet", 56),
    ("clarino", 56), ("clarini", 56),
    ("trombone", 57), ("posaune", 57), ("tromboni", 57),
    ("tuba", 58),
    ("timpani", 47), ("pauke", 47), ("timbales", 47), ("kettledrum", 47),
    ("harp", 46), ("harfe", 46), ("arpa", 46), ("harpe", 46),
    ("celesta", 8), ("glockenspiel", 9), ("xylophone", 13), ("marimba", 12), ("vibraphone", 11),
    ("harpsichord", 6), ("cembalo", 6), ("clavecin", 6),
    ("organ", 19), ("orgel", 19), ("organo", 19), ("orgue", 19),
    ("guitar", 24), ("gitarre", 24), ("chitarra", 24), ("guitare", 24), ("lute", 24),
    ("piano", 0), ("klavier", 0), ("pianoforte", 0), ("fortepiano", 0),
    ("violoncell", 42), ("cello", 42), ("violoncelle", 42),
    ("contrabass", 43), ("double bass", 43), ("kontrabass", 43), ("contrabbasso", 43), ("contrebasse", 43),
    ("viola", 41), ("bratsche", 41), ("viole", 41),
    ("violin", 40), ("violine", 40), ("violino", 40), ("violini", 40), ("violon", 40), ("geige", 40),
    ("basso", 43), ("bassi", 43),
    ("choir", 52), ("chor", 52), ("coro", 52), ("choeur", 52),
    ("soprano", 52), ("alto", 52), ("tenor", 52), ("baritone", 52), ("bass", 52), ("voice", 52),
    ("voix", 52), ("stimme", 52), ("gesang", 52), ("singstimme", 52), ("canto", 52), ("mezzo", 52),
)
_DRUM_NAMES: tuple[tuple[str, int], ...] = (
    ("bass drum", 36), ("gran cassa", 36), ("grosse caisse", 36), ("große trommel", 36), ("kick", 36),
    ("snare", 38), ("side drum", 38), ("tamburo", 38), ("caisse claire", 38), ("kleine trommel", 38),
    ("crash", 49), ("suspended cymbal", 49), ("cymbal", 49), ("piatti", 49), ("becken", 49), ("cymbale", 49),
    ("ride", 51), ("hi-hat", 42), ("hihat", 42), ("triangle", 81), ("triangolo", 81), ("tambourine", 54),
    ("tamburin", 54), ("tam-tam", 52), ("gong", 52), ("castanet", 85), ("woodblock", 76), ("wood block", 76),
    ("tom", 45), ("clap", 39), ("cowbell", 56),
)
_SOUND_PREFIXES = (("strings.violin", 40), ("strings.viola", 41), ("strings.cello", 42), ("strings.contrabass", 43),
                   ("wind.flutes.flute.piccolo", 72), ("wind.flutes", 73), ("wind.reed.oboe", 68),
                   ("wind.reed.english-horn", 69), ("wind.reed.clarinet", 71), ("wind.reed.bassoon", 70),
                   ("wind.reed.contrabassoon", 70), ("brass.french-horn", 60), ("brass.trumpet", 56),
                   ("brass.trombone", 57), ("brass.tuba", 58), ("drum.timpani", 47), ("pluck.harp", 46),
                   ("keyboard.piano", 0), ("keyboard.organ", 19), ("voice", 52))


@dataclass(slots=True)
class PartInfo:
    """One `<score-part>`: what the track built from it is called and how it sounds."""

    id: str
    name: str
    program: int | None = None         # 0..127, None when nothing says
    channel: int | None = None         # 0..15 from `midi-channel`
    instrument_names: dict[str, str] = field(default_factory=dict)   # score-instrument id -> name
    unpitched: dict[str, int] = field(default_factory=dict)          # score-instrument id -> GM drum note

    def drum_note(self, instrument: str | None, display_pitch: int) -> tuple[int, bool]:
        """(GM drum note, whether the score said which) for an unpitched note."""
        if instrument in self.unpitched:
            return self.unpitched[instrument], True
        if len(self.unpitched) == 1 and instrument is None:
            return next(iter(self.unpitched.values())), True
        name = (self.instrument_names.get(instrument or "", "") + " " + self.name).lower()
        for word, note in _DRUM_NAMES:
            if word in name:
                return note, True
        return display_pitch, False


def read_part_list(root: ET.Element) -> dict[str, PartInfo]:
    """Every `<score-part>` by id, in score order."""
    parts: dict[str, PartInfo] = {}
    part_list = root.find("part-list")
    if part_list is None:
        return parts
    for score_part in part_list.iter("score-part"):
        part_id = score_part.get("id", "")
        name = _text(score_part, "part-name") or _text(score_part, "part-abbreviation")
        info = PartInfo(part_id, " ".join(name.split()))
        for instrument in score_part.iter("score-instrument"):
            info.instrument_names[instrument.get("id", "")] = _text(instrument, "instrument-name")
        for midi in score_part.iter("midi-instrument"):
            _read_midi_instrument(info, midi)
        if info.program is None:
            info.program = _program_from_names(score_part, info)
        parts[part_id] = info
    return parts


def _read_midi_instrument(info: PartInfo, midi: ET.Element) -> None:
    channel = _int(midi, "midi-channel")
    if channel is not None and 1 <= channel <= 16:
        if info.channel is None:
            info.channel = channel - 1
    program = _int(midi, "midi-program")
    if program is not None and 1 <= program <= 128 and info.program is None:
        info.program = program - 1
    unpitched = _int(midi, "midi-unpitched")
    if unpitched is not None and 1 <= unpitched <= 128:
        info.unpitched[midi.get("id", "")] = unpitched - 1


def _program_from_names(score_part: ET.Element, info: PartInfo) -> int | None:
    for sound in score_part.iter("instrument-sound"):
        for prefix, program in _SOUND_PREFIXES:
            if (sound.text or "").startswith(prefix):
                return program
    names = [info.name, *info.instrument_names.values()]
    return program_for_name(" ".join(names))


def program_for_name(name: str) -> int | None:
    """The GM program an instrument name suggests (`Violoncello` -> 42), or None."""
    lowered = " " + re.sub(r"[^\w\s-]", " ", name.lower()) + " "
    for word, program in _NAME_PROGRAMS:
        if word in lowered:
            return program
    return None


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _int(element: ET.Element, tag: str) -> int | None:
    text = _text(element, tag)
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None
