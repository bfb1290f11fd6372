"""What a bar carries besides notes: key signatures, tempo marks and chord symbols, as MusicXML text.

Key signatures go on every part; tempo marks (a metronome mark and the
`<sound tempo>` players read) and the chord lane (`<harmony>`) on the first
part only, as a lead sheet has them once. Chord symbols are written as MusicXML
kinds plus `<degree>`s, which every notation program and music21 read as the
same notes (engine/musicxml_import/harmony.py reads them back the same way).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from xml.sax.saxutils import escape

from engine.chords import QUALITIES, Chord
from engine.keys import KeySignature
from engine.musicxml_export.transposition import Transposition
from engine.musicxml_export.units import Measure, Units
from engine.pitch import parse_pitch_class, pitch_class_name
from engine.song import Song

# Modes MusicXML names in <mode>; pentatonic, blues, ... keep the signature alone.
KEY_MODES = ("major", "minor", "dorian", "phrygian", "lydian", "mixolydian", "locrian")
# Our chord qualities as a MusicXML kind plus added or altered degrees (value, alter).
CHORD_KINDS: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {
    "maj": ("major", ()), "min": ("minor", ()), "dim": ("diminished", ()), "aug": ("augmented", ()),
    "sus2": ("suspended-second", ()), "sus4": ("suspended-fourth", ()), "5": ("power", ()),
    "6": ("major-sixth", ()), "min6": ("minor-sixth", ()), "7": ("dominant", ()), "maj7": ("major-seventh", ()),
    "min7": ("minor-seventh", ()), "minmaj7": ("major-minor", ()), "dim7": ("diminished-seventh", ()),
    "hdim7": ("half-diminished", ()), "aug7": ("augmented-seventh", ()),
    "7sus4": ("suspended-fourth", ((7, -1),)), "add9": ("major", ((9, 0),)), "9": ("dominant-ninth", ()),
    "maj9": ("major-ninth", ()), "min9": ("minor-ninth", ()), "11": ("dominant-11th", ()),
    "min11": ("minor-11th", ()), "13": ("dominant-13th", ()), "7b9": ("dominant", ((9, -1),)),
    "7#9": ("dominant", ((9, 1),)),
}
assert set(CHORD_KINDS) == set(QUALITIES), "every chord quality needs a MusicXML kind"


def step_and_alter(pitch_class: int, flats: bool) -> tuple[str, int]:
    """('B', -1) for B flat: the letter and its alteration as MusicXML writes a pitch."""
    name = pitch_class_name(pitch_class, flats)
    return name[0], (-1 if "b" in name else 1 if "#" in name else 0)


def key_xml(signature: KeySignature, transposition: Transposition | None = None) -> str:
    """The key signature, as a transposing part writes it when it is one."""
    key = signature.key
    mode = f"<mode>{key.mode}</mode>" if key.mode in KEY_MODES else ""
    fifths = key.sharps if transposition is None else transposition.written_fifths(key.sharps)
    return f"<key><fifths>{fifths}</fifths>{mode}</key>"


def tempo_xml(bpm: float) -> str:
    number = f"{round(bpm, 2):.2f}".rstrip("0").rstrip(".")
    return (f'<direction placement="above"><direction-type><metronome parentheses="no"><beat-unit>quarter'
            f'</beat-unit><per-minute>{number}</per-minute></metronome></direction-type>'
            f'<sound tempo="{number}"/></direction>')


def harmony_xml(chord: Chord | None, transposition: Transposition | None = None) -> str:
    """A chord symbol (None: N.C.), spelled as the editor shows it; in a transposing part, at written pitch
    (MusicXML's `<transpose>` moves chord symbols too)."""
    if chord is None:
        return '<harmony><root><root-step text="">C</root-step></root><kind text="N.C.">none</kind></harmony>'
    if transposition is not None and transposition.chromatic:  # the written chord, spelled the usual way
        shift = -transposition.chromatic
        bass = None if chord.bass is None else (chord.bass + shift) % 12
        chord = Chord((chord.root + shift) % 12, chord.quality, bass)
    name = chord.name()
    flats = "b" in name[:parse_pitch_class(name)[1]]
    kind, degrees = CHORD_KINDS[chord.quality]
    parts = ["<harmony>", _pitch_xml("root", chord.root, flats),
             f'<kind text="{escape(QUALITIES[chord.quality][1], {chr(34): "&quot;"})}">{kind}</kind>']
    if chord.bass is not None and chord.bass != chord.root:
        parts.append(_pitch_xml("bass", chord.bass, flats))
    for value, alter in degrees:
        parts.append(f"<degree><degree-value>{value}</degree-value><degree-alter>{alter}</degree-alter>"
                     f"<degree-type>add</degree-type></degree>")
    parts.append("</harmony>")
    return "".join(parts)


def _pitch_xml(prefix: str, pitch_class: int, flats: bool) -> str:
    step, alter = step_and_alter(pitch_class, flats)
    altered = f"<{prefix}-alter>{alter}</{prefix}-alter>" if alter else ""
    return f"<{prefix}><{prefix}-step>{step}</{prefix}-step>{altered}</{prefix}>"


def bar_marks(song: Song, layout: list[Measure], first_part: bool, units: Units,
              transposition: Transposition | None = None) -> dict[int, list[tuple[int, str, bool]]]:
    """Bar number -> (offset in bar, MusicXML, is attributes) for the part's keys, tempos and chords."""
    events: list[tuple[int, str, bool]] = [(k.tick, key_xml(k, transposition), True) for k in song.keys]
    if first_part:
        events += [(t.tick, tempo_xml(t.bpm), False) for t in song.tempos]
        events += [(c.tick, harmony_xml(c.chord, transposition), False) for c in song.chords]
    offsets = [bar.offset for bar in layout]
    placed: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
    sixteenth = units.divisions // 4
    for tick, text, is_attributes in events:
        offset = units.at(tick)
        bar = layout[max(0, bisect_right(offsets, offset) - 1)]
        # An event snapped onto the song's very end stays inside the last bar (a pickup shorter than a
        # sixteenth, as a 32nd-note upbeat, keeps its marks at its start).
        within = min(offset - bar.offset, bar.length - min(bar.length, sixteenth))
        placed[bar.number].append((within, text, is_attributes))
    for marks in placed.values():
        marks.sort(key=lambda mark: mark[0])
    return placed
