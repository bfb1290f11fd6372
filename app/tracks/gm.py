"""General MIDI instrument names, grouped in the sixteen families of eight the standard defines.

The track list's instrument picker shows the families as submenus, which is how
GM is organised and how users look for a sound ("a string ensemble"). A drum
track plays the GM percussion map instead (`DRUM_NAMES`), which the roll's
keyboard shows on its rows.

The names are the standard's English ones, marked for translation and
translated when shown (`family_name`, `program_name`, `drum_name`), so the
Chinese interface lists 原声大钢琴 where the English one lists Acoustic Grand Piano.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

FAMILIES = (
    QT_TRANSLATE_NOOP("GmFamily", "Piano"),
    QT_TRANSLATE_NOOP("GmFamily", "Chromatic Percussion"),
    QT_TRANSLATE_NOOP("GmFamily", "Organ"),
    QT_TRANSLATE_NOOP("GmFamily", "Guitar"),
    QT_TRANSLATE_NOOP("GmFamily", "Bass"),
    QT_TRANSLATE_NOOP("GmFamily", "Strings"),
    QT_TRANSLATE_NOOP("GmFamily", "Ensemble"),
    QT_TRANSLATE_NOOP("GmFamily", "Brass"),
    QT_TRANSLATE_NOOP("GmFamily", "Reed"),
    QT_TRANSLATE_NOOP("GmFamily", "Pipe"),
    QT_TRANSLATE_NOOP("GmFamily", "Synth Lead"),
    QT_TRANSLATE_NOOP("GmFamily", "Synth Pad"),
    QT_TRANSLATE_NOOP("GmFamily", "Synth Effects"),
    QT_TRANSLATE_NOOP("GmFamily", "Ethnic"),
    QT_TRANSLATE_NOOP("GmFamily", "Percussive"),
    QT_TRANSLATE_NOOP("GmFamily", "Sound Effects"),
)

PROGRAMS = (
    QT_TRANSLATE_NOOP("GmProgram", "Acoustic Grand Piano"),
    QT_TRANSLATE_NOOP("GmProgram", "Bright Acoustic Piano"),
    QT_TRANSLATE_NOOP("GmProgram", "Electric Grand Piano"),
    QT_TRANSLATE_NOOP("GmProgram", "Honky-tonk Piano"),
    QT_TRANSLATE_NOOP("GmProgram", "Electric Piano 1"),
    QT_TRANSLATE_NOOP("GmProgram", "Electric Piano 2"),
    QT_TRANSLATE_NOOP("GmProgram", "Harpsichord"),
    QT_TRANSLATE_NOOP("GmProgram", "Clavinet"),
    QT_TRANSLATE_NOOP("GmProgram", "Celesta"),
    QT_TRANSLATE_NOOP("GmProgram", "Glockenspiel"),
    QT_TRANSLATE_NOOP("GmProgram", "Music Box"),
    QT_TRANSLATE_NOOP("GmProgram", "Vibraphone"),
    QT_TRANSLATE_NOOP("GmProgram", "Marimba"),
    QT_TRANSLATE_NOOP("GmProgram", "Xylophone"),
    QT_TRANSLATE_NOOP("GmProgram", "Tubular Bells"),
    QT_TRANSLATE_NOOP("GmProgram", "Dulcimer"),
    QT_TRANSLATE_NOOP("GmProgram", "Drawbar Organ"),
    QT_TRANSLATE_NOOP("GmProgram", "Percussive Organ"),
    QT_TRANSLATE_NOOP("GmProgram", "Rock Organ"),
    QT_TRANSLATE_NOOP("GmProgram", "Church Organ"),
    QT_TRANSLATE_NOOP("GmProgram", "Reed Organ"),
    QT_TRANSLATE_NOOP("GmProgram", "Accordion"),
    QT_TRANSLATE_NOOP("GmProgram", "Harmonica"),
    QT_TRANSLATE_NOOP("GmProgram", "Tango Accordion"),
    QT_TRANSLATE_NOOP("GmProgram", "Acoustic Guitar (nylon)"),
    QT_TRANSLATE_NOOP("GmProgram", "Acoustic Guitar (steel)"),
    QT_TRANSLATE_NOOP("GmProgram", "Electric Guitar (jazz)"),
    QT_TRANSLATE_NOOP("GmProgram", "Electric Guitar (clean)"),
    QT_TRANSLATE_NOOP("GmProgram", "Electric Guitar (muted)"),
    QT_TRANSLATE_NOOP("GmProgram", "Overdriven Guitar"),
    QT_TRANSLATE_NOOP("GmProgram", "Distortion Guitar"),
    QT_TRANSLATE_NOOP("GmProgram", "Guitar Harmonics"),
    QT_TRANSLATE_NOOP("GmProgram", "Acoustic Bass"),
    QT_TRANSLATE_NOOP("GmProgram", "Electric Bass (finger)"),
    QT_TRANSLATE_NOOP("GmProgram", "Electric Bass (pick)"),
    QT_TRANSLATE_NOOP("GmProgram", "Fretless Bass"),
    QT_TRANSLATE_NOOP("GmProgram", "Slap Bass 1"),
    QT_TRANSLATE_NOOP("GmProgram", "Slap Bass 2"),
    QT_TRANSLATE_NOOP("GmProgram", "Synth Bass 1"),
    QT_TRANSLATE_NOOP("GmProgram", "Synth Bass 2"),
    QT_TRANSLATE_NOOP("GmProgram", "Violin"),
    QT_TRANSLATE_NOOP("GmProgram", "Viola"),
    QT_TRANSLATE_NOOP("GmProgram", "Cello"),
    QT_TRANSLATE_NOOP("GmProgram", "Contrabass"),
    QT_TRANSLATE_NOOP("GmProgram", "Tremolo Strings"),
    QT_TRANSLATE_NOOP("GmProgram", "Pizzicato Strings"),
    QT_TRANSLATE_NOOP("GmProgram", "Orchestral Harp"),
    QT_TRANSLATE_NOOP("GmProgram", "Timpani"),
    QT_TRANSLATE_NOOP("GmProgram", "String Ensemble 1"),
    QT_TRANSLATE_NOOP("GmProgram", "String Ensemble 2"),
    QT_TRANSLATE_NOOP("GmProgram", "Synth Strings 1"),
    QT_TRANSLATE_NOOP("GmProgram", "Synth Strings 2"),
    QT_TRANSLATE_NOOP("GmProgram", "Choir Aahs"),
    QT_TRANSLATE_NOOP("GmProgram", "Voice Oohs"),
    QT_TRANSLATE_NOOP("GmProgram", "Synth Choir"),
    QT_TRANSLATE_NOOP("GmProgram", "Orchestra Hit"),
    QT_TRANSLATE_NOOP("GmProgram", "Trumpet"),
    QT_TRANSLATE_NOOP("GmProgram", "Trombone"),
    QT_TRANSLATE_NOOP("GmProgram", "Tuba"),
    QT_TRANSLATE_NOOP("GmProgram", "Muted Trumpet"),
    QT_TRANSLATE_NOOP("GmProgram", "French Horn"),
    QT_TRANSLATE_NOOP("GmProgram", "Brass Section"),
    QT_TRANSLATE_NOOP("GmProgram", "Synth Brass 1"),
    QT_TRANSLATE_NOOP("GmProgram", "Synth Brass 2"),
    QT_TRANSLATE_NOOP("GmProgram", "Soprano Sax"),
    QT_TRANSLATE_NOOP("GmProgram", "Alto Sax"),
    QT_TRANSLATE_NOOP("GmProgram", "Tenor Sax"),
    QT_TRANSLATE_NOOP("GmProgram", "Baritone Sax"),
    QT_TRANSLATE_NOOP("GmProgram", "Oboe"),
    QT_TRANSLATE_NOOP("GmProgram", "English Horn"),
    QT_TRANSLATE_NOOP("GmProgram", "Bassoon"),
    QT_TRANSLATE_NOOP("GmProgram", "Clarinet"),
    QT_TRANSLATE_NOOP("GmProgram", "Piccolo"),
    QT_TRANSLATE_NOOP("GmProgram", "Flute"),
    QT_TRANSLATE_NOOP("GmProgram", "Recorder"),
    QT_TRANSLATE_NOOP("GmProgram", "Pan Flute"),
    QT_TRANSLATE_NOOP("GmProgram", "Blown Bottle"),
    QT_TRANSLATE_NOOP("GmProgram", "Shakuhachi"),
    QT_TRANSLATE_NOOP("GmProgram", "Whistle"),
    QT_TRANSLATE_NOOP("GmProgram", "Ocarina"),
    QT_TRANSLATE_NOOP("GmProgram", "Lead 1 (square)"),
    QT_TRANSLATE_NOOP("GmProgram", "Lead 2 (sawtooth)"),
    QT_TRANSLATE_NOOP("GmProgram", "Lead 3 (calliope)"),
    QT_TRANSLATE_NOOP("GmProgram", "Lead 4 (chiff)"),
    QT_TRANSLATE_NOOP("GmProgram", "Lead 5 (charang)"),
    QT_TRANSLATE_NOOP("GmProgram", "Lead 6 (voice)"),
    QT_TRANSLATE_NOOP("GmProgram", "Lead 7 (fifths)"),
    QT_TRANSLATE_NOOP("GmProgram", "Lead 8 (bass + lead)"),
    QT_TRANSLATE_NOOP("GmProgram", "Pad 1 (new age)"),
    QT_TRANSLATE_NOOP("GmProgram", "Pad 2 (warm)"),
    QT_TRANSLATE_NOOP("GmProgram", "Pad 3 (polysynth)"),
    QT_TRANSLATE_NOOP("GmProgram", "Pad 4 (choir)"),
    QT_TRANSLATE_NOOP("GmProgram", "Pad 5 (bowed)"),
    QT_TRANSLATE_NOOP("GmProgram", "Pad 6 (metallic)"),
    QT_TRANSLATE_NOOP("GmProgram", "Pad 7 (halo)"),
    QT_TRANSLATE_NOOP("GmProgram", "Pad 8 (sweep)"),
    QT_TRANSLATE_NOOP("GmProgram", "FX 1 (rain)"),
    QT_TRANSLATE_NOOP("GmProgram", "FX 2 (soundtrack)"),
    QT_TRANSLATE_NOOP("GmProgram", "FX 3 (crystal)"),
    QT_TRANSLATE_NOOP("GmProgram", "FX 4 (atmosphere)"),
    QT_TRANSLATE_NOOP("GmProgram", "FX 5 (brightness)"),
    QT_TRANSLATE_NOOP("GmProgram", "FX 6 (goblins)"),
    QT_TRANSLATE_NOOP("GmProgram", "FX 7 (echoes)"),
    QT_TRANSLATE_NOOP("GmProgram", "FX 8 (sci-fi)"),
    QT_TRANSLATE_NOOP("GmProgram", "Sitar"),
    QT_TRANSLATE_NOOP("GmProgram", "Banjo"),
    QT_TRANSLATE_NOOP("GmProgram", "Shamisen"),
    QT_TRANSLATE_NOOP("GmProgram", "Koto"),
    QT_TRANSLATE_NOOP("GmProgram", "Kalimba"),
    QT_TRANSLATE_NOOP("GmProgram", "Bagpipe"),
    QT_TRANSLATE_NOOP("GmProgram", "Fiddle"),
    QT_TRANSLATE_NOOP("GmProgram", "Shanai"),
    QT_TRANSLATE_NOOP("GmProgram", "Tinkle Bell"),
    QT_TRANSLATE_NOOP("GmProgram", "Agogo"),
    QT_TRANSLATE_NOOP("GmProgram", "Steel Drums"),
    QT_TRANSLATE_NOOP("GmProgram", "Woodblock"),
    QT_TRANSLATE_NOOP("GmProgram", "Taiko Drum"),
    QT_TRANSLATE_NOOP("GmProgram", "Melodic Tom"),
    QT_TRANSLATE_NOOP("GmProgram", "Synth Drum"),
    QT_TRANSLATE_NOOP("GmProgram", "Reverse Cymbal"),
    QT_TRANSLATE_NOOP("GmProgram", "Guitar Fret Noise"),
    QT_TRANSLATE_NOOP("GmProgram", "Breath Noise"),
    QT_TRANSLATE_NOOP("GmProgram", "Seashore"),
    QT_TRANSLATE_NOOP("GmProgram", "Bird Tweet"),
    QT_TRANSLATE_NOOP("GmProgram", "Telephone Ring"),
    QT_TRANSLATE_NOOP("GmProgram", "Helicopter"),
    QT_TRANSLATE_NOOP("GmProgram", "Applause"),
    QT_TRANSLATE_NOOP("GmProgram", "Gunshot"),
)
assert len(PROGRAMS) == 128


def family_name(family: int) -> str:
    return QCoreApplication.translate("GmFamily", FAMILIES[family])


def program_name(program: int, drums: bool = False) -> str:
    """An instrument as the interface names it (a drum track's: the kit)."""
    if drums:
        return QCoreApplication.translate("GmProgram", "Drum Kit")
    return QCoreApplication.translate("GmProgram", PROGRAMS[program])


def family_programs(family: int) -> range:
    return range(family * 8, family * 8 + 8)


# The General MIDI percussion key map (channel 10): the sound each key plays in any GM drum kit.
DRUM_NAMES = {
    35: QT_TRANSLATE_NOOP("GmDrum", "Acoustic Bass Drum"),
    36: QT_TRANSLATE_NOOP("GmDrum", "Bass Drum 1"),
    37: QT_TRANSLATE_NOOP("GmDrum", "Side Stick"),
    38: QT_TRANSLATE_NOOP("GmDrum", "Acoustic Snare"),
    39: QT_TRANSLATE_NOOP("GmDrum", "Hand Clap"),
    40: QT_TRANSLATE_NOOP("GmDrum", "Electric Snare"),
    41: QT_TRANSLATE_NOOP("GmDrum", "Low Floor Tom"),
    42: QT_TRANSLATE_NOOP("GmDrum", "Closed Hi-Hat"),
    43: QT_TRANSLATE_NOOP("GmDrum", "High Floor Tom"),
    44: QT_TRANSLATE_NOOP("GmDrum", "Pedal Hi-Hat"),
    45: QT_TRANSLATE_NOOP("GmDrum", "Low Tom"),
    46: QT_TRANSLATE_NOOP("GmDrum", "Open Hi-Hat"),
    47: QT_TRANSLATE_NOOP("GmDrum", "Low-Mid Tom"),
    48: QT_TRANSLATE_NOOP("GmDrum", "Hi-Mid Tom"),
    49: QT_TRANSLATE_NOOP("GmDrum", "Crash Cymbal 1"),
    50: QT_TRANSLATE_NOOP("GmDrum", "High Tom"),
    51: QT_TRANSLATE_NOOP("GmDrum", "Ride Cymbal 1"),
    52: QT_TRANSLATE_NOOP("GmDrum", "Chinese Cymbal"),
    53: QT_TRANSLATE_NOOP("GmDrum", "Ride Bell"),
    54: QT_TRANSLATE_NOOP("GmDrum", "Tambourine"),
    55: QT_TRANSLATE_NOOP("GmDrum", "Splash Cymbal"),
    56: QT_TRANSLATE_NOOP("GmDrum", "Cowbell"),
    57: QT_TRANSLATE_NOOP("GmDrum", "Crash Cymbal 2"),
    58: QT_TRANSLATE_NOOP("GmDrum", "Vibraslap"),
    59: QT_TRANSLATE_NOOP("GmDrum", "Ride Cymbal 2"),
    60: QT_TRANSLATE_NOOP("GmDrum", "Hi Bongo"),
    61: QT_TRANSLATE_NOOP("GmDrum", "Low Bongo"),
    62: QT_TRANSLATE_NOOP("GmDrum", "Mute Hi Conga"),
    63: QT_TRANSLATE_NOOP("GmDrum", "Open Hi Conga"),
    64: QT_TRANSLATE_NOOP("GmDrum", "Low Conga"),
    65: QT_TRANSLATE_NOOP("GmDrum", "High Timbale"),
    66: QT_TRANSLATE_NOOP("GmDrum", "Low Timbale"),
    67: QT_TRANSLATE_NOOP("GmDrum", "High Agogo"),
    68: QT_TRANSLATE_NOOP("GmDrum", "Low Agogo"),
    69: QT_TRANSLATE_NOOP("GmDrum", "Cabasa"),
    70: QT_TRANSLATE_NOOP("GmDrum", "Maracas"),
    71: QT_TRANSLATE_NOOP("GmDrum", "Short Whistle"),
    72: QT_TRANSLATE_NOOP("GmDrum", "Long Whistle"),
    73: QT_TRANSLATE_NOOP("GmDrum", "Short Guiro"),
    74: QT_TRANSLATE_NOOP("GmDrum", "Long Guiro"),
    75: QT_TRANSLATE_NOOP("GmDrum", "Claves"),
    76: QT_TRANSLATE_NOOP("GmDrum", "Hi Wood Block"),
    77: QT_TRANSLATE_NOOP("GmDrum", "Low Wood Block"),
    78: QT_TRANSLATE_NOOP("GmDrum", "Mute Cuica"),
    79: QT_TRANSLATE_NOOP("GmDrum", "Open Cuica"),
    80: QT_TRANSLATE_NOOP("GmDrum", "Mute Triangle"),
    81: QT_TRANSLATE_NOOP("GmDrum", "Open Triangle"),
}
assert len(DRUM_NAMES) == 47


def drum_name(pitch: int) -> str | None:
    name = DRUM_NAMES.get(pitch)
    return QCoreApplication.translate("GmDrum", name) if name else None


def drum_label(pitch: int) -> str:
    """A drum key's row label: its number and GM sound ("38 Acoustic Snare"); the number alone outside the map."""
    name = drum_name(pitch)
    return f"{pitch} {name}" if name else str(pitch)
