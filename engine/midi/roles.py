"""Guess a track's role (melody, bass, drums, ...) from what a MIDI file tells us.

A MIDI file has no notion of roles, but the composer conditions on them, so an
imported track needs a sensible first guess the user can correct. In order:

1. channel 10 (index 9) is drums, whatever the name says (GM plays it as drums);
2. a telling word in the track name (`drum`, `bass`, `melody`, `lead`, `vocal`,
   `chord`, `pad`, `piano`, `accomp`, `bridge`, ... see `_NAME_WORDS`);
3. the General MIDI program family (basses 32-39 -> bass; pads, ensembles and
   organs -> chords; pianos, guitars, chromatic percussion -> accompaniment;
   solo strings, brass, reeds, pipes, synth leads -> melody);
4. otherwise `other`.

Tracks written by Cadenza carry their role explicitly (engine.midi.track_tag),
so the guess only applies to files from elsewhere, and only to files that name
their parts' roles (`names_a_role`) or have a single pitched part: the others
(orchestral scores, mockups) get roles from what each part plays
(engine.ensemble). A name that only restates an instrument ("Steel Drums",
"Violin 2": engine.instruments.is_instrument_name) says nothing here.
"""
from __future__ import annotations

from engine.ensemble import assign_ensemble_roles
from engine.instruments import is_instrument_name
from engine.song import Song
from engine.track import DRUM_CHANNEL, TrackRole

# Checked in this order; the first word found anywhere in the lower-cased name wins.
_NAME_WORDS: tuple[tuple[str, TrackRole], ...] = (
    ("drum", TrackRole.DRUMS), ("perc", TrackRole.DRUMS),
    ("bass", TrackRole.BASS),
    ("melod", TrackRole.MELODY), ("lead", TrackRole.MELODY), ("vocal", TrackRole.MELODY),
    ("voice", TrackRole.MELODY), ("solo", TrackRole.MELODY),
    ("chord", TrackRole.CHORDS), ("pad", TrackRole.CHORDS), ("harmon", TrackRole.CHORDS),
    ("accomp", TrackRole.ACCOMPANIMENT), ("piano", TrackRole.ACCOMPANIMENT),
    ("bridge", TrackRole.ACCOMPANIMENT), ("rhythm", TrackRole.ACCOMPANIMENT),
    ("guitar", TrackRole.ACCOMPANIMENT), ("comp", TrackRole.ACCOMPANIMENT),
)

# Words that name what a part does, not what plays it ("bass", "piano", "drum" name instruments too: a
# "Bassoon" or a "Contrabass" is no bass line by its name). A file that uses one names its parts' roles.
_ROLE_WORDS = ("melod", "lead", "vocal", "voice", "solo", "chord", "accomp", "bridge", "rhythm")

# General MIDI program families (program // 8) -> role.
_FAMILY_ROLES: dict[int, TrackRole] = {
    0: TrackRole.ACCOMPANIMENT,  # pianos
    1: TrackRole.ACCOMPANIMENT,  # chromatic percussion
    2: TrackRole.CHORDS,         # organs
    3: TrackRole.ACCOMPANIMENT,  # guitars
    4: TrackRole.BASS,           # basses
    5: TrackRole.MELODY,         # solo strings
    6: TrackRole.CHORDS,         # ensembles
    7: TrackRole.MELODY,         # brass
    8: TrackRole.MELODY,         # reeds
    9: TrackRole.MELODY,         # pipes
    10: TrackRole.MELODY,        # synth leads
    11: TrackRole.CHORDS,        # synth pads
}


def guess_role(name: str, channel: int, program: int) -> TrackRole:
    """The first guess for an imported track's role (see the module docstring)."""
    if channel == DRUM_CHANNEL:
        return TrackRole.DRUMS
    return role_from_name(name) or _FAMILY_ROLES.get(program // 8, TrackRole.OTHER)


def role_from_name(name: str) -> TrackRole | None:
    """The role a telling word in a track's name gives (`_NAME_WORDS`, first found), else None; a name
    that only restates an instrument ("Steel Drums", "Voice Oohs", "Violin 2": engine.instruments) gives none."""
    if is_instrument_name(name):
        return None
    lowered = name.lower()
    for word, role in _NAME_WORDS:
        if word in lowered:
            return role
    return None


def names_a_role(name: str) -> bool:
    """Whether a track's name says what the part does (`_ROLE_WORDS`: "Melody", "Lead vocal", "Chords"),
    not just what plays it."""
    lowered = name.lower()
    return not is_instrument_name(name) and any(word in lowered for word in _ROLE_WORDS)


def import_roles(song: Song, tagged: bool = False) -> Song:
    """The roles an imported song's tracks end with: a file that names its parts' roles (`names_a_role`:
    "Melody", "Lead vocal") or that Cadenza wrote (`tagged`) keeps the per-track guesses (`guess_role`, or
    the tags); any other file with two or more pitched parts gets them from what each part plays
    (engine.ensemble.assign_ensemble_roles: the tune, the lowest part, drums only on a kit)."""
    if tagged or any(names_a_role(t.name) for t in song.tracks):
        return song
    return assign_ensemble_roles(song)
