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
so the guess only applies to files from elsewhere.
"""
from __future__ import annotations

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
    lowered = name.lower()
    for word, role in _NAME_WORDS:
        if word in lowered:
            return role
    return _FAMILY_ROLES.get(program // 8, TrackRole.OTHER)
