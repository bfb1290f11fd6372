"""Keys and scales: the song's key signature, scale highlighting and in-scale transposition.

A `Key` is a tonic pitch class and a mode. MIDI key signatures only know major
and minor; the other modes exist for the editor's scale highlighting and
snap-to-scale and are written to MIDI as their relative major/minor signature.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from engine.notes import Note
from engine.pitch import parse_pitch_class, pitch_class_name

SCALES: dict[str, tuple[int, ...]] = {
    "major": (0, 2, 4, 5, 7, 9, 11),
    "minor": (0, 2, 3, 5, 7, 8, 10),
    "harmonic minor": (0, 2, 3, 5, 7, 8, 11),
    "melodic minor": (0, 2, 3, 5, 7, 9, 11),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
    "phrygian": (0, 1, 3, 5, 7, 8, 10),
    "lydian": (0, 2, 4, 6, 7, 9, 11),
    "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "locrian": (0, 1, 3, 5, 6, 8, 10),
    "major pentatonic": (0, 2, 4, 7, 9),
    "minor pentatonic": (0, 3, 5, 7, 10),
    "blues": (0, 3, 5, 6, 7, 10),
    "chromatic": tuple(range(12)),
}
_MODE_ALIASES = {"maj": "major", "min": "minor", "m": "minor", "ionian": "major", "aeolian": "minor"}
# Sharps (positive) or flats (negative) in the signature of each major key.
_MAJOR_SHARPS = {0: 0, 7: 1, 2: 2, 9: 3, 4: 4, 11: 5, 6: 6, 1: -5, 5: -1, 10: -2, 3: -3, 8: -4}
# How far each mode's tonic sits above its parent major scale's tonic.
_MODE_DEGREE = {"major": 0, "dorian": 2, "phrygian": 4, "lydian": 5, "mixolydian": 7, "minor": 9, "locrian": 11}


class KeyParseError(ValueError):
    """A key name that cannot be read."""


@dataclass(frozen=True, slots=True)
class Key:
    tonic: int
    mode: str = "major"

    def __post_init__(self) -> None:
        if not 0 <= self.tonic <= 11:
            raise ValueError(f"key tonic must be a pitch class 0..11, got {self.tonic}")
        if self.mode not in SCALES:
            raise ValueError(f"unknown mode {self.mode!r}; known: {', '.join(SCALES)}")

    @property
    def scale(self) -> tuple[int, ...]:
        """Pitch classes of the scale, tonic first."""
        return tuple((self.tonic + step) % 12 for step in SCALES[self.mode])

    def contains(self, pitch: int) -> bool:
        return pitch % 12 in self.scale

    @property
    def sharps(self) -> int:
        """Key-signature accidentals: >0 sharps, <0 flats (as MIDI's key signature event)."""
        parent = (self.tonic - _MODE_DEGREE.get(self.mode, 9 if "minor" in self.mode else 0)) % 12
        return _MAJOR_SHARPS[parent]

    @property
    def is_minor(self) -> bool:
        return self.mode in ("minor", "harmonic minor", "melodic minor", "dorian", "phrygian", "locrian",
                             "minor pentatonic", "blues")

    def name(self) -> str:
        return f"{pitch_class_name(self.tonic, self.sharps < 0)} {self.mode}"

    def __str__(self) -> str:
        return self.name()

    @staticmethod
    def from_signature(sharps: int, minor: bool) -> "Key":
        """The key of a MIDI key-signature event (-7..7 accidentals, major/minor flag)."""
        if not -7 <= sharps <= 7:
            raise ValueError(f"key signature must have -7..7 accidentals, got {sharps}")
        major_tonic = (sharps * 7) % 12
        return Key((major_tonic + 9) % 12, "minor") if minor else Key(major_tonic, "major")


# Krumhansl and Kessler's key profiles (1982): how well each pitch class, counted from the tonic, fits a
# major or a minor key, as listeners rated it.
_MAJOR_PROFILE = (6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88)
_MINOR_PROFILE = (6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17)
MIN_NOTES_FOR_KEY = 8


def estimate_key(notes: Iterable[Note]) -> Key | None:
    """The major or minor key the notes most likely sound in (the Krumhansl-Schmuckler method: the
    duration-weighted pitch-class histogram correlated with each key's profile), or None for fewer than
    MIN_NOTES_FOR_KEY notes or fewer than three pitch classes (too little to tell).

    For songs whose file carries no key signature: many MIDI files in the wild have none."""
    weights = [0.0] * 12
    count = 0
    for note in notes:
        weights[note.pitch % 12] += note.duration + 1
        count += 1
    if count < MIN_NOTES_FOR_KEY or sum(w > 0 for w in weights) < 3:
        return None
    best, best_score = None, -2.0
    for mode, profile in (("major", _MAJOR_PROFILE), ("minor", _MINOR_PROFILE)):
        for tonic in range(12):
            score = _correlation(weights, [profile[(pc - tonic) % 12] for pc in range(12)])
            if score > best_score:
                best, best_score = Key(tonic, mode), score
    return best


def _correlation(a: list[float], b: list[float]) -> float:
    mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
    da, db = [x - mean_a for x in a], [y - mean_b for y in b]
    norm = math.sqrt(sum(x * x for x in da) * sum(y * y for y in db))
    return sum(x * y for x, y in zip(da, db)) / norm if norm else 0.0


def parse_key(text: str) -> Key:
    """Read 'A minor', 'Am', 'F# major', 'Bb dorian', 'C' (major when no mode is given)."""
    raw = text
    text = text.strip()
    try:
        tonic, used = parse_pitch_class(text)
    except ValueError:
        raise KeyParseError(f"key {raw!r} must start with a note name A-G") from None
    rest = text[used:].strip()
    mode = "major" if rest == "" else _MODE_ALIASES.get(rest, _MODE_ALIASES.get(rest.lower(), rest.lower()))
    if mode not in SCALES:
        raise KeyParseError(f"key {raw!r}: unknown mode {rest!r} (try major, minor, dorian, ...)")
    return Key(tonic, mode)


@dataclass(frozen=True, slots=True)
class KeySignature:
    """From `tick` on, the song is in `key`."""

    tick: int
    key: Key

    def __post_init__(self) -> None:
        if self.tick < 0:
            raise ValueError(f"key signature tick must be >= 0, got {self.tick}")
