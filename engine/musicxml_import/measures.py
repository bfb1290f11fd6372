"""One `<part>` walked measure by measure: notes and marks at integer ticks inside their measure.

MusicXML places notes with a cursor: each note or `<forward>` moves it on by
its duration (in `divisions` per quarter), `<backup>` moves it back (a second
voice or staff), a `<chord/>` note starts with the note before it. Durations
become ticks exactly, since the song's resolution is a multiple of every
`divisions` in the file (score.py picks it). A measure is as long as the
furthest the cursor got in it; the score takes the longest part's length.

What each note becomes (the policies; docs/MIDI_IMPORT.md says the same for users):
- sounding pitch: written pitch + the part's `<transpose>` (chromatic steps plus
  octave changes); `<octave-shift>` needs nothing, MusicXML pitches already sound
  where they are written to;
- unpitched percussion: the GM drum note of its instrument (instruments.py);
- grace notes: a 32nd each, just before the next note of their voice (or before
  the measure's end when none follows), one run per staff;
- ties and staccato are only flagged here; score.py merges and shortens;
- cue notes take their time but are not played.
Directions give dynamics (`<sound dynamics>` or the mark itself), tempo
(`<sound tempo>`, else `<metronome>`), repeats, voltas and jumps (read by
directions.py into the `Measure` of measure_data.py); `<harmony>` gives chord
symbols. What a piano roll cannot show is counted per kind in
`ignored` and reported once per kind. An element MusicXML does not define at
measure level is an error: the file is not what it claims to be.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from engine.musicxml_import.directions import dynamics_velocity, read_barline, read_direction, read_sound
from engine.musicxml_import.errors import MusicXmlFileError
from engine.musicxml_import.harmony import STEPS, NoChordSymbol, read_harmony
from engine.musicxml_import.instruments import PartInfo
from engine.musicxml_import.measure_data import Measure

MEASURE_ELEMENTS = frozenset({"note", "backup", "forward", "direction", "attributes", "harmony", "figured-bass",
                              "print", "sound", "listening", "barline", "grouping", "link", "bookmark"})
MODE_DEGREES = {"major": 0, "ionian": 0, "dorian": 2, "phrygian": 4, "lydian": 5, "mixolydian": 7, "minor": 9,
                "aeolian": 9, "locrian": 11}
MAX_QUARTERS = 10_000  # a single duration longer than this is refused
# A tie written only as the `<tied>` notation (no `<tie>`; MuseScore does this on cue notes) still ties.
# music21 reads `<tie>` alone; benchmarks/musicxml_roundtrip.py turns this off to tell such files apart.
READ_TIED_NOTATION = True
SHORTENING = frozenset({"staccato", "staccatissimo", "spiccato"})
_IGNORED_NOTATIONS = {"slur": "slurs", "ornaments": "ornaments (trills, turns, mordents, tremolos)",
                      "fermata": "fermatas", "arpeggiate": "arpeggios", "glissando": "glissandos and slides",
                      "slide": "glissandos and slides", "technical": "technical marks (bowings, fingerings)"}


class PartReader:
    """Reads the measures of one part; `ignored` and `warnings` count what it left out or repaired."""

    def __init__(self, path: str, info: PartInfo, ticks_per_quarter: int, ignored: Counter[str],
                 play_cues: bool = False) -> None:
        self.path = path
        self.play_cues = play_cues
        self.info = info
        self.tpq = ticks_per_quarter
        self.ignored = ignored
        self.grace_ticks = max(1, ticks_per_quarter // 8)
        self.divisions = 1
        self.transpose = 0
        self.in_ending: tuple[int, ...] = ()

    def read(self, part: ET.Element) -> list[Measure]:
        measures = [self._measure(element) for element in part.iter("measure")]
        return measures

    # --- one measure --------------------------------------------------------------------
    def _measure(self, element: ET.Element) -> Measure:
        measure = Measure(element.get("number", "?"))
        self.measure = measure
        self.cursor = self.furthest = 0
        self.chord_start = 0
        self.chord_first = 0  # index in measure.notes of the current chord's first note
        self.graces: dict[str, list[tuple[str, list[tuple]]]] = {}  # voice -> (staff, grace chord) in order
        if self.in_ending:
            measure.endings = self.in_ending
        for child in element:
            tag = child.tag
            if tag == "note":
                self._note(child)
            elif tag == "backup":
                self.cursor = max(0, self.cursor - self._ticks(child.findtext("duration")))
            elif tag == "forward":
                self._advance(self._ticks(child.findtext("duration")))
            elif tag == "direction":
                self._direction(child)
            elif tag == "attributes":
                self._attributes(child)
            elif tag == "harmony":
                self._harmony(child)
            elif tag == "barline":
                self.in_ending = read_barline(child, measure, self.in_ending)
            elif tag == "sound":
                read_sound(child, measure, self.cursor)
            elif tag not in MEASURE_ELEMENTS:
                raise MusicXmlFileError(self.path, f"part {self.info.name or self.info.id!r}, measure {measure.number}: "
                                                   f"unknown element <{tag}>")
        for voice_graces in self.graces.values():  # graces with no note after them: before the bar line
            self._place_graces(voice_graces, self.furthest)
        measure.length = self.furthest
        return measure

    def _advance(self, ticks: int) -> None:
        self.cursor += ticks
        if self.cursor > self.furthest:
            self.furthest = self.cursor

    def _ticks(self, text: str | None) -> int:
        ticks = self._signed_ticks(text)
        if ticks < 0:
            raise MusicXmlFileError(self.path, f"measure {self.measure.number}: negative duration {text}")
        if ticks > MAX_QUARTERS * self.tpq:  # no music holds a note this long; a hostile file would stall the editor
            raise MusicXmlFileError(self.path, f"measure {self.measure.number}: duration {text} is "
                                               f"{ticks // self.tpq} quarter notes long")
        return ticks

    def _signed_ticks(self, text: str | None) -> int:
        if not text:
            return 0
        try:
            value = float(text)
        except ValueError:
            raise MusicXmlFileError(self.path, f"measure {self.measure.number}: duration {text!r} is not a number") from None
        return round(value * self.tpq / self.divisions)

    # --- notes --------------------------------------------------------------------------------
    def _note(self, element: ET.Element) -> None:
        grace = chord = rest = cue = staccato = tie_start = tie_stop = unpitched = False
        tied_start = tied_stop = False
        step = None
        alter = 0.0
        octave = 4
        duration_text = None
        voice = staff = "1"
        instrument = None
        velocity = 0
        for child in element:
            tag = child.tag
            if tag == "pitch" or tag == "unpitched":
                for part in child:
                    if part.tag in ("step", "display-step"):
                        step = (part.text or "").strip()
                    elif part.tag in ("octave", "display-octave"):
                        octave = int((part.text or "4").strip())
                    elif part.tag == "alter":
                        alter = float(part.text or 0)
                unpitched = tag == "unpitched"
            elif tag == "duration":
                duration_text = child.text
            elif tag == "chord":
                chord = True
            elif tag == "rest":
                rest = True
            elif tag == "voice":
                voice = (child.text or "1").strip()
            elif tag == "staff":
                staff = (child.text or "1").strip()
            elif tag == "tie":
                kind = child.get("type")
                tie_start |= kind == "start"
                tie_stop |= kind == "stop"
            elif tag == "notations":
                for notation in child:
                    ntag = notation.tag
                    if ntag == "tied":
                        kind = notation.get("type")
                        tied_start |= kind in ("start", "continue")
                        tied_stop |= kind in ("stop", "continue")
                    elif ntag == "articulations":
                        for mark in notation:
                            if mark.tag in SHORTENING:
                                staccato = True
                            else:
                                self.ignored["articulations other than staccato (accents, tenuto, ...)"] += 1
                    elif ntag in _IGNORED_NOTATIONS:
                        self.ignored[_IGNORED_NOTATIONS[ntag]] += 1
            elif tag == "grace":
                grace = True
            elif tag == "instrument":
                instrument = child.get("id", "")
            elif tag == "cue":
                cue = True
            elif tag == "lyric":
                self.ignored["lyrics"] += 1
        if element.get("dynamics"):
            velocity = dynamics_velocity(element.get("dynamics"))
        if not (tie_start or tie_stop) and READ_TIED_NOTATION:  # some programs write only the notation
            tie_start, tie_stop = tied_start, tied_stop
        if grace:
            if not rest and step is not None and not cue:
                row = (self._pitch(step, alter, octave, instrument, unpitched), tie_start, tie_stop, velocity, unpitched)
                groups = self.graces.setdefault(voice, [])
                if chord and groups:
                    groups[-1][1].append(row)
                else:
                    groups.append((staff, [row]))
            return
        duration = self._ticks(duration_text)
        if chord:
            start = self.chord_start
        else:
            start = self.chord_start = self.cursor
            self._advance(duration)
            pending = self.graces.pop(voice, None)
            if pending:
                self._place_graces(pending, start)
        notes = self.measure.notes
        if not chord:
            self.chord_first = len(notes)
        if cue and not self.play_cues:
            self.ignored["cue notes (silent, as MusicXML defines them)"] += 1
            return
        if rest or step is None:
            return
        if chord and (staccato or (notes[self.chord_first:] and notes[self.chord_first][5])):
            # An articulation belongs to the whole chord, whichever of its notes carries it in the file.
            staccato = True
            notes[self.chord_first:] = [row[:5] + (True,) + row[6:] for row in notes[self.chord_first:]]
        pitch = self._pitch(step, alter, octave, instrument, unpitched)
        notes.append((start, pitch, duration, tie_start, tie_stop, staccato, velocity, unpitched))

    def _pitch(self, step: str, alter: float, octave: int, instrument: str | None, unpitched: bool) -> int:
        if step not in STEPS:
            raise MusicXmlFileError(self.path, f"measure {self.measure.number}: note step {step!r} is not A-G")
        if alter != int(alter):
            self.ignored["microtones (rounded to the nearest semitone)"] += 1
        written = (octave + 1) * 12 + STEPS[step] + round(alter)
        if unpitched:  # the instrument says which drum
            note, known = self.info.drum_note(instrument, written)
            if not known:
                self.ignored["percussion notes without a MIDI drum note (played at their staff position)"] += 1
            return note
        return written + self.transpose

    def _place_graces(self, groups: list[tuple[str, list[tuple]]], before: int) -> None:
        """Each staff's graces one after the other, the last ending at `before` (a run written across two
        staves sounds as two runs into the beat, as music21 reads it)."""
        count = {}
        for staff, _ in groups:
            count[staff] = count.get(staff, 0) + 1
        for staff, group in groups:
            start = before - count[staff] * self.grace_ticks
            count[staff] -= 1
            for pitch, tie_start, tie_stop, velocity, is_drum in group:
                self.measure.notes.append((start, pitch, self.grace_ticks, False, False, False, velocity, is_drum))

    # --- attributes, directions, harmony, barlines --------------------------------------------
    def _attributes(self, element: ET.Element) -> None:
        keys = []
        for child in element:
            tag = child.tag
            if tag == "divisions":
                try:
                    divisions = float(child.text or 0)
                except ValueError:
                    divisions = 0
                if divisions <= 0:
                    raise MusicXmlFileError(self.path, f"measure {self.measure.number}: divisions must be above 0, "
                                                       f"got {child.text!r}")
                self.divisions = divisions
            elif tag == "key" and child.get("number") in (None, "1"):
                fifths = child.findtext("fifths")
                if fifths is not None:
                    keys.append((int(fifths), (child.findtext("mode") or "").strip().lower()))  # "": not said
            elif tag == "time" and self.measure.time is None:
                self.measure.time = _time_signature(child)
            elif tag == "transpose" and child.get("number") in (None, "1"):
                chromatic = int(float(child.findtext("chromatic") or 0))
                octaves = int(float(child.findtext("octave-change") or 0))
                self.transpose = chromatic + 12 * octaves
        for fifths, mode in keys:  # after the loop: <transpose> comes after <key> in the element order
            self.measure.keys.append((self.cursor, fifths, mode, self.transpose))

    def _direction(self, element: ET.Element) -> None:
        at = self.cursor
        offset = element.find("offset")
        if offset is not None and offset.get("sound") == "yes":  # moves what is heard, not only the print
            at = max(0, at + self._signed_ticks(offset.text))
        read_direction(element, self.measure, at, self.ignored)

    def _harmony(self, element: ET.Element) -> None:
        try:
            chord = read_harmony(element, self.transpose)
        except NoChordSymbol:
            self.ignored["chord symbols we cannot name (Roman numerals alone, unusual kinds)"] += 1
            return
        at = max(0, self.cursor + self._signed_ticks(element.findtext("offset")))
        self.measure.chords.append((at, chord))

def _time_signature(element: ET.Element) -> tuple[int, int] | None:
    """(numerator, denominator) of `<time>`; additive (3+2) and compound pairs are summed."""
    if element.find("senza-misura") is not None:
        return None
    beats = [b.text or "" for b in element.findall("beats")]
    types = [t.text or "" for t in element.findall("beat-type")]
    try:
        pairs = [(sum(int(n) for n in b.split("+")), int(t)) for b, t in zip(beats, types)]
    except ValueError:
        return None
    if not pairs:
        return None
    denominator = max(t for _, t in pairs)
    numerator = sum(n * denominator // t for n, t in pairs)
    return numerator, denominator
