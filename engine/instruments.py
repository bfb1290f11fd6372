"""Instruments: the General MIDI program names and each instrument's sounding range.

Why: a proposal for a horn must stay where a horn plays, the piano roll marks
notes a player cannot play, and an imported track without a name is called
after its instrument ("French Horn", "Violin 2"), as DAWs and notation
programs do.

Every range is in *sounding* MIDI pitches (C4 = 60), so it compares directly
with the notes of a track: transposing instruments (clarinet, horn, saxophones,
double bass, piccolo) have their written ranges moved by their transposition.
Each instrument has two ranges:

- `playable`: the full range an orchestrator may write for a good player
  (extreme notes included);
- `comfortable`: the middle of it, where a part lies when nothing else says
  where it should (no strain, good tone); proposals use it for a silent track.

Sources (the `source` field of each entry names which one gave its numbers):

- "music21": music21 10.5's `music21.instrument` classes (lowestNote and,
  where set, highestNote: written pitches, moved by the class's transposition
  to sounding pitch). music21 gives mostly the lowest note; the highest notes
  and every comfortable range then come from Adler.
- "Adler": Samuel Adler, *The Study of Orchestration*, 4th ed. (W. W. Norton,
  2016), range charts of the orchestral instruments (strings, winds, brass,
  percussion, keyboards, harp, voices); pop instruments (guitars, basses,
  saxophones, harmonica, accordion, banjo, sitar, koto, kalimba, bagpipe,
  steel pan) after Black and Gerou, *Essential Dictionary of Orchestration*
  (Alfred, 1998).
- "convention": sounds with no acoustic instrument behind them (synth leads,
  pads, effects, orchestra hit, sections): the keys a keyboard player uses for
  them (C2-C7 playable, a middle register comfortable). Sections (string and
  brass ensembles, choirs) span their lowest and highest members.
- The drum kit: the General MIDI 1 percussion key map, notes 35-81.

`tests/engine/test_instruments.py` checks every "music21" entry against the
installed music21, so the citation stays true.
"""
from __future__ import annotations

from dataclasses import dataclass

import re

from engine.pitch import parse_midi_note_name
from engine.song import Song
from engine.track import DRUM_CHANNEL, Track

DRUM_BANKS = (120, 127)  # bank MSB of a drum kit: GM2 rhythm (120) and XG drum kits (127)


@dataclass(frozen=True, slots=True)
class Instrument:
    """A General MIDI program (or the drum kit) with its name and sounding ranges (inclusive MIDI pitches)."""

    program: int                 # 0..127; -1 for the drum kit
    name: str                    # what a track playing it is called ("French Horn")
    playable: tuple[int, int]
    comfortable: tuple[int, int]
    source: str                  # "music21", "Adler" or "convention" (module docstring)

    def __post_init__(self) -> None:
        low, high = self.playable
        if not (0 <= low <= self.comfortable[0] <= self.comfortable[1] <= high <= 127):
            raise ValueError(f"{self.name}: comfortable range must lie inside the playable one")


def _entry(program: int, name: str, playable: str, comfortable: str, source: str) -> Instrument:
    def pair(text: str) -> tuple[int, int]:
        low, high = text.split("-")
        return parse_midi_note_name(low), parse_midi_note_name(high)
    return Instrument(program, name, pair(playable), pair(comfortable), source)


_M, _A, _C = "music21", "Adler", "convention"
# (program, GM name, playable, comfortable, source). Sounding pitches; C4 = 60.
_TABLE = [
    # Pianos: music21 Piano (A0-C8) and ElectricPiano (A0-C8)
    (0, "Acoustic Grand Piano", "A0-C8", "C2-C7", _M), (1, "Bright Acoustic Piano", "A0-C8", "C2-C7", _M),
    (2, "Electric Grand Piano", "A0-C8", "C2-C7", _M), (3, "Honky-tonk Piano", "A0-C8", "C2-C7", _M),
    (4, "Electric Piano 1", "A0-C8", "C2-C7", _M), (5, "Electric Piano 2", "A0-C8", "C2-C7", _M),
    (6, "Harpsichord", "F1-F6", "C2-C6", _M), (7, "Clavinet", "F1-E6", "C2-C6", _A),
    # Chromatic percussion
    (8, "Celesta", "C4-C8", "C4-C7", _A), (9, "Glockenspiel", "G5-C8", "G5-A7", _A),
    (10, "Music Box", "C4-C7", "G4-G6", _C), (11, "Vibraphone", "F3-F6", "F3-C6", _A),
    (12, "Marimba", "C2-C7", "A2-C6", _A), (13, "Xylophone", "F4-C8", "F4-G7", _A),
    (14, "Tubular Bells", "C4-F5", "C4-F5", _A), (15, "Dulcimer", "D3-D6", "G3-A5", _A),
    # Organs: music21 ElectricOrgan / PipeOrgan / ReedOrgan (C2-C6), Accordion (F3-A6), Harmonica (C3-C6)
    (16, "Drawbar Organ", "C2-C6", "G2-G5", _M), (17, "Percussive Organ", "C2-C6", "G2-G5", _M),
    (18, "Rock Organ", "C2-C6", "G2-G5", _M), (19, "Church Organ", "C2-C6", "C2-G5", _M),
    (20, "Reed Organ", "C2-C6", "G2-G5", _M), (21, "Accordion", "F3-A6", "G3-D6", _M),
    (22, "Harmonica", "C3-C6", "C4-C6", _M), (23, "Tango Accordion", "F3-A6", "G3-D6", _M),
    # Guitars: music21 Guitar / AcousticGuitar / ElectricGuitar (lowest E2); tops by fret count
    (24, "Acoustic Guitar (nylon)", "E2-B5", "E2-E5", _M), (25, "Acoustic Guitar (steel)", "E2-D6", "E2-E5", _M),
    (26, "Electric Guitar (jazz)", "E2-E6", "E2-E5", _M), (27, "Electric Guitar (clean)", "E2-E6", "E2-E5", _M),
    (28, "Electric Guitar (muted)", "E2-E6", "E2-E5", _M), (29, "Overdriven Guitar", "E2-E6", "E2-E5", _M),
    (30, "Distortion Guitar", "E2-E6", "E2-E5", _M), (31, "Guitar Harmonics", "E3-E6", "E3-E6", _A),
    # Basses: music21 AcousticBass / ElectricBass / FretlessBass (lowest E1)
    (32, "Acoustic Bass", "E1-G4", "E1-G3", _M), (33, "Electric Bass (finger)", "E1-G4", "E1-G3", _M),
    (34, "Electric Bass (pick)", "E1-G4", "E1-G3", _M), (35, "Fretless Bass", "E1-G4", "E1-G3", _M),
    (36, "Slap Bass 1", "E1-G4", "E1-G3", _A), (37, "Slap Bass 2", "E1-G4", "E1-G3", _A),
    (38, "Synth Bass 1", "C1-C5", "E1-G3", _C), (39, "Synth Bass 2", "C1-C5", "E1-G3", _C),
    # Strings: music21 Violin (G3), Viola (C3), Violoncello (C2), Contrabass (written E2, sounding E1), Harp
    (40, "Violin", "G3-A7", "G3-E6", _M), (41, "Viola", "C3-E6", "C3-E5", _M),
    (42, "Cello", "C2-C6", "C2-A4", _M), (43, "Contrabass", "E1-G4", "E1-G3", _M),
    (44, "Tremolo Strings", "E1-A7", "C2-C6", _C), (45, "Pizzicato Strings", "E1-C7", "C2-C6", _C),
    (46, "Orchestral Harp", "C1-G#7", "C2-G6", _M), (47, "Timpani", "D2-C4", "E2-A3", _A),
    # Ensembles
    (48, "String Ensemble 1", "E1-A7", "C2-C6", _C), (49, "String Ensemble 2", "E1-A7", "C2-C6", _C),
    (50, "Synth Strings 1", "C2-C7", "C3-C6", _C), (51, "Synth Strings 2", "C2-C7", "C3-C6", _C),
    (52, "Choir Aahs", "E2-C6", "A2-G5", _A), (53, "Voice Oohs", "E2-C6", "A2-G5", _A),
    (54, "Synth Voice", "C2-C7", "C3-C6", _C), (55, "Orchestra Hit", "C2-C7", "C3-C6", _C),
    # Brass: music21 Trumpet (written F#3), Trombone (E2), Tuba (D1), Horn (written C2 in F)
    (56, "Trumpet", "E3-Bb5", "G3-G5", _M), (57, "Trombone", "E2-D5", "G2-G4", _M),
    (58, "Tuba", "D1-F4", "F1-Bb3", _M), (59, "Muted Trumpet", "E3-Bb5", "G3-G5", _M),
    (60, "French Horn", "F1-F5", "F2-C5", _M), (61, "Brass Section", "E2-C6", "G2-G5", _C),
    (62, "Synth Brass 1", "C2-C7", "C3-C6", _C), (63, "Synth Brass 2", "C2-C7", "C3-C6", _C),
    # Reeds: music21 saxophones (written Bb3, by transposition), Oboe, EnglishHorn, Bassoon, Clarinet
    (64, "Soprano Sax", "Ab3-Eb6", "Bb3-C6", _M), (65, "Alto Sax", "Db3-Ab5", "Eb3-F5", _M),
    (66, "Tenor Sax", "Ab2-Eb5", "Bb2-Bb4", _M), (67, "Baritone Sax", "Db2-Ab4", "Eb2-Eb4", _M),
    (68, "Oboe", "Bb3-G6", "D4-C6", _M), (69, "English Horn", "E3-A5", "G3-F5", _M),
    (70, "Bassoon", "Bb1-E5", "C2-Bb4", _M), (71, "Clarinet", "D3-Bb6", "D3-Bb5", _M),
    # Pipes: music21 Piccolo (written D4, sounding D5), Flute (C4), Recorder (F4), PanFlute, Shakuhachi,
    # Whistle, Ocarina (C4)
    (72, "Piccolo", "D5-C8", "G5-G7", _M), (73, "Flute", "C4-C7", "D4-G6", _M),
    (74, "Recorder", "F4-G6", "F4-D6", _M), (75, "Pan Flute", "C4-E6", "E4-D6", _M),
    (76, "Blown Bottle", "C4-C6", "C4-G5", _C), (77, "Shakuhachi", "C4-E6", "D4-C6", _M),
    (78, "Whistle", "C4-D7", "D5-A6", _M), (79, "Ocarina", "C4-F6", "A4-D6", _M),
    # Synth leads, pads and effects: no acoustic range
    (80, "Lead 1 (square)", "C2-C7", "G3-C6", _C), (81, "Lead 2 (sawtooth)", "C2-C7", "G3-C6", _C),
    (82, "Lead 3 (calliope)", "C2-C7", "G3-C6", _C), (83, "Lead 4 (chiff)", "C2-C7", "G3-C6", _C),
    (84, "Lead 5 (charang)", "C2-C7", "G3-C6", _C), (85, "Lead 6 (voice)", "C2-C7", "G3-C6", _C),
    (86, "Lead 7 (fifths)", "C2-C7", "G3-C6", _C), (87, "Lead 8 (bass + lead)", "C1-C6", "E2-C5", _C),
    (88, "Pad 1 (new age)", "C2-C7", "C3-C6", _C), (89, "Pad 2 (warm)", "C2-C7", "C3-C6", _C),
    (90, "Pad 3 (polysynth)", "C2-C7", "C3-C6", _C), (91, "Pad 4 (choir)", "C2-C7", "C3-C6", _C),
    (92, "Pad 5 (bowed)", "C2-C7", "C3-C6", _C), (93, "Pad 6 (metallic)", "C2-C7", "C3-C6", _C),
    (94, "Pad 7 (halo)", "C2-C7", "C3-C6", _C), (95, "Pad 8 (sweep)", "C2-C7", "C3-C6", _C),
    (96, "FX 1 (rain)", "C2-C7", "C3-C6", _C), (97, "FX 2 (soundtrack)", "C2-C7", "C3-C6", _C),
    (98, "FX 3 (crystal)", "C2-C7", "C3-C6", _C), (99, "FX 4 (atmosphere)", "C2-C7", "C3-C6", _C),
    (100, "FX 5 (brightness)", "C2-C7", "C3-C6", _C), (101, "FX 6 (goblins)", "C2-C7", "C3-C6", _C),
    (102, "FX 7 (echoes)", "C2-C7", "C3-C6", _C), (103, "FX 8 (sci-fi)", "C2-C7", "C3-C6", _C),
    # Ethnic
    (104, "Sitar", "C3-C6", "E3-G5", _A), (105, "Banjo", "C3-A5", "D3-D5", _A),
    (106, "Shamisen", "C3-C6", "E3-G5", _A), (107, "Koto", "D3-A5", "G3-G5", _A),
    (108, "Kalimba", "C4-E6", "C4-C6", _A), (109, "Bagpipe", "G4-A5", "G4-A5", _A),
    (110, "Fiddle", "G3-E7", "G3-E6", _A), (111, "Shanai", "C4-C6", "D4-A5", _A),
    # Percussive
    (112, "Tinkle Bell", "C5-C8", "G5-G7", _C), (113, "Agogo", "C4-C6", "C4-G5", _C),
    (114, "Steel Drums", "G3-E6", "C4-C6", _A), (115, "Woodblock", "C4-C6", "C4-G5", _C),
    (116, "Taiko Drum", "C2-C4", "E2-G3", _C), (117, "Melodic Tom", "E2-C5", "G2-G4", _C),
    (118, "Synth Drum", "C2-C6", "E2-C5", _C), (119, "Reverse Cymbal", "C3-C6", "C3-C6", _C),
    # Sound effects
    (120, "Guitar Fret Noise", "C2-C7", "C3-C6", _C), (121, "Breath Noise", "C2-C7", "C3-C6", _C),
    (122, "Seashore", "C2-C7", "C3-C6", _C), (123, "Bird Tweet", "C2-C7", "C3-C6", _C),
    (124, "Telephone Ring", "C2-C7", "C3-C6", _C), (125, "Helicopter", "C2-C7", "C3-C6", _C),
    (126, "Applause", "C2-C7", "C3-C6", _C), (127, "Gunshot", "C2-C7", "C3-C6", _C),
]
GM_INSTRUMENTS: tuple[Instrument, ...] = tuple(_entry(*row) for row in _TABLE)
DRUM_KIT = Instrument(-1, "Drums", (35, 81), (35, 81), "General MIDI 1 percussion key map")
_NAMES = frozenset(i.name for i in GM_INSTRUMENTS) | {DRUM_KIT.name}
# The music21 class each "music21" entry's lowest (and highest, where it has one) note comes from.
MUSIC21_CLASSES = {
    0: "Piano", 1: "Piano", 2: "ElectricPiano", 3: "Piano", 4: "ElectricPiano", 5: "ElectricPiano",
    6: "Harpsichord", 16: "ElectricOrgan", 17: "ElectricOrgan", 18: "ElectricOrgan", 19: "PipeOrgan",
    20: "ReedOrgan", 21: "Accordion", 22: "Harmonica", 23: "Accordion",
    24: "AcousticGuitar", 25: "AcousticGuitar", 26: "ElectricGuitar", 27: "ElectricGuitar", 28: "ElectricGuitar",
    29: "ElectricGuitar", 30: "ElectricGuitar", 32: "AcousticBass", 33: "ElectricBass", 34: "ElectricBass",
    35: "FretlessBass", 40: "Violin", 41: "Viola", 42: "Violoncello", 43: "Contrabass", 46: "Harp",
    56: "Trumpet", 57: "Trombone", 58: "Tuba", 59: "Trumpet", 60: "Horn",
    64: "SopranoSaxophone", 65: "AltoSaxophone", 66: "TenorSaxophone", 67: "BaritoneSaxophone",
    68: "Oboe", 69: "EnglishHorn", 70: "Bassoon", 71: "Clarinet", 72: "Piccolo", 73: "Flute",
    74: "Recorder", 75: "PanFlute", 77: "Shakuhachi", 78: "Whistle", 79: "Ocarina",
}


def gm_instrument(program: int) -> Instrument:
    """The General MIDI instrument of `program` (0..127)."""
    if not 0 <= program <= 127:
        raise ValueError(f"General MIDI program must be 0..127, got {program}")
    return GM_INSTRUMENTS[program]


def is_drum_kit(track: Track) -> bool:
    """A track that sounds as a drum kit: MIDI channel 10, or a drum-kit bank on another channel (GM2, XG).

    A track's role alone does not make it a kit (a part named "drums" on a pitched program plays pitches)."""
    return track.channel == DRUM_CHANNEL or (track.bank >> 7) in DRUM_BANKS


# General MIDI's orchestral families: strings, ensembles, brass, reeds and pipes (programs 40-79). A part for one
# of them lives in the register its score gives it (a horn call, a flute line over the strings); a piano, guitar
# or synth line in a song ranges more freely, so register rules written for orchestral parts ask this first.
ORCHESTRAL_PROGRAMS = range(40, 80)


def is_orchestral(instrument: Instrument) -> bool:
    """Whether the instrument is one of General MIDI's orchestral families (strings, brass, reeds, pipes)."""
    return instrument.program in ORCHESTRAL_PROGRAMS


def track_instrument(track: Track, tick: int = 0) -> Instrument:
    """The instrument a track plays at `tick` (its program, or a mid-track program change before it)."""
    if is_drum_kit(track) or track.is_drums:
        return DRUM_KIT
    program = track.program
    for change in track.program_changes:
        if change.tick > tick:
            break
        program = change.program
    return GM_INSTRUMENTS[program]


def is_instrument_name(name: str) -> bool:
    """Whether `name` only restates an instrument ("French Horn", "Violin 2", "Drums"), as `instrument_names`
    gives it: such a name says nothing about what the part does (a "Voice Oohs" pad is no vocal line)."""
    base, _, number = name.rpartition(" ")
    if not (base and number.isdigit()):
        base = name
    return base in _NAMES


def instrument_names(tracks: list[Track] | tuple[Track, ...]) -> list[str]:
    """Each track's instrument name, numbered where several tracks share one ("Violin 1", "Violin 2").

    What a DAW or a notation program calls parts that came without a name."""
    names = [track_instrument(t).name for t in tracks]
    counts = {name: names.count(name) for name in names}
    seen: dict[str, int] = {}
    out = []
    for name in names:
        if counts[name] == 1:
            out.append(name)
            continue
        seen[name] = seen.get(name, 0) + 1
        out.append(f"{name} {seen[name]}")
    return out


_UNNAMED = re.compile(r"^\s*(\(ch \d+\))?\s*$")   # empty, or only the importer's channel-split suffix


def is_unnamed(track: Track) -> bool:
    """A track with no name of its own: empty, or only the " (ch N)" the MIDI import adds to a split track."""
    return bool(_UNNAMED.match(track.name))


def name_unnamed_tracks(song: Song) -> Song:
    """The song with every unnamed track (is_unnamed) called after its instrument, numbered among the
    unnamed tracks that share one ("Violin 1", "Violin 2"); named tracks are left alone."""
    unnamed = [t for t in song.tracks if is_unnamed(t)]
    if not unnamed:
        return song
    names = dict(zip((t.id for t in unnamed), instrument_names(unnamed)))
    return song.with_(tracks=tuple(t.with_(name=names[t.id]) if t.id in names else t for t in song.tracks))
