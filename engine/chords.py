"""Chord symbols: parse and print names like `Am7`, `F/C`, `Bbmaj7`, `G7sus4`.

A chord is a root pitch class, a quality (a named set of intervals) and an
optional bass pitch class for slash chords. The chord lane of a song is a list
of `ChordEvent`s; each chord lasts until the next one (or the song's end).
`None` as a chord means "no chord" (printed `N.C.`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from engine.pitch import parse_pitch_class, pitch_class_name

# quality name -> (intervals above the root, printed suffix, accepted spellings)
QUALITIES: dict[str, tuple[tuple[int, ...], str, tuple[str, ...]]] = {
    "maj": ((0, 4, 7), "", ("", "maj", "M", "major")),
    "min": ((0, 3, 7), "m", ("m", "min", "mi", "-", "minor")),
    "dim": ((0, 3, 6), "dim", ("dim", "o", "°")),
    "aug": ((0, 4, 8), "aug", ("aug", "+")),
    "sus2": ((0, 2, 7), "sus2", ("sus2",)),
    "sus4": ((0, 5, 7), "sus4", ("sus4", "sus")),
    "5": ((0, 7), "5", ("5",)),
    "6": ((0, 4, 7, 9), "6", ("6", "maj6")),
    "min6": ((0, 3, 7, 9), "m6", ("m6", "min6")),
    "7": ((0, 4, 7, 10), "7", ("7", "dom7")),
    "maj7": ((0, 4, 7, 11), "maj7", ("maj7", "M7", "Δ7", "Δ", "ma7")),
    "min7": ((0, 3, 7, 10), "m7", ("m7", "min7", "mi7", "-7")),
    "minmaj7": ((0, 3, 7, 11), "mMaj7", ("mMaj7", "mmaj7", "minmaj7", "mM7", "m(maj7)")),
    "dim7": ((0, 3, 6, 9), "dim7", ("dim7", "o7", "°7")),
    "hdim7": ((0, 3, 6, 10), "m7b5", ("m7b5", "ø", "ø7", "hdim7", "min7b5")),
    "aug7": ((0, 4, 8, 10), "aug7", ("aug7", "+7", "7#5")),
    "7sus4": ((0, 5, 7, 10), "7sus4", ("7sus4", "7sus", "sus4b7", "sus4(b7)")),
    "add9": ((0, 4, 7, 14), "add9", ("add9", "add2")),
    "9": ((0, 4, 7, 10, 14), "9", ("9",)),
    "maj9": ((0, 4, 7, 11, 14), "maj9", ("maj9", "M9")),
    "min9": ((0, 3, 7, 10, 14), "m9", ("m9", "min9")),
    "11": ((0, 4, 7, 10, 14, 17), "11", ("11",)),
    "min11": ((0, 3, 7, 10, 14, 17), "m11", ("m11", "min11")),
    "13": ((0, 4, 7, 10, 14, 21), "13", ("13",)),
    "7b9": ((0, 4, 7, 10, 13), "7b9", ("7b9",)),
    "7#9": ((0, 4, 7, 10, 15), "7#9", ("7#9",)),
}
_SPELLINGS = {spelling: quality for quality, (_, _, names) in QUALITIES.items() for spelling in names}
# Longest spelling first so "m7b5" is not read as "m7" + junk.
_SPELLINGS_BY_LENGTH = sorted(_SPELLINGS, key=len, reverse=True)
_SPELLINGS_LOWER = {spelling.lower(): quality for spelling, quality in _SPELLINGS.items() if len(spelling) > 2}
_WORD_PREFIXES = ("maj", "min", "dim", "aug", "sus", "add")
_DEGREES = {"1": 0, "b2": 1, "2": 2, "b3": 3, "3": 4, "4": 5, "#4": 6, "b5": 6, "5": 7, "#5": 8,
            "b6": 8, "6": 9, "bb7": 9, "b7": 10, "7": 11, "9": 2, "b9": 1}
NO_CHORD_TEXT = "N.C."


class ChordParseError(ValueError):
    """A chord symbol that cannot be read; the message names the text and the problem."""


@dataclass(frozen=True, slots=True)
class Chord:
    root: int
    quality: str = "maj"
    bass: int | None = None
    # How the user spelled a black-key root (True: flats, False: sharps, None:
    # the usual choice). Spelling does not make two chords different.
    spelling_flats: bool | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not 0 <= self.root <= 11:
            raise ValueError(f"chord root must be a pitch class 0..11, got {self.root}")
        if self.quality not in QUALITIES:
            raise ValueError(f"unknown chord quality {self.quality!r}")
        if self.bass is not None and not 0 <= self.bass <= 11:
            raise ValueError(f"chord bass must be a pitch class 0..11, got {self.bass}")
        if self.bass == self.root:  # "C/C" is C: one chord, one representation
            object.__setattr__(self, "bass", None)

    @property
    def intervals(self) -> tuple[int, ...]:
        return QUALITIES[self.quality][0]

    @property
    def pitch_classes(self) -> frozenset[int]:
        """Every pitch class the chord contains, the slash bass included."""
        pcs = {(self.root + i) % 12 for i in self.intervals}
        if self.bass is not None:
            pcs.add(self.bass)
        return frozenset(pcs)

    def name(self, prefer_flats: bool | None = None) -> str:
        if prefer_flats is None:
            prefer_flats = self.spelling_flats
        if prefer_flats is None:
            # Db, Eb, Ab, Bb majors, but C#m and G#m; F# either way.
            prefer_flats = self.root in (1, 3, 8, 10) and not (self.root in (1, 8) and self.quality.startswith("min"))
        text = pitch_class_name(self.root, prefer_flats) + QUALITIES[self.quality][1]
        if self.bass is not None:
            text += "/" + pitch_class_name(self.bass, prefer_flats)
        return text

    def __str__(self) -> str:
        return self.name()

    def transposed(self, semitones: int) -> "Chord":
        bass = None if self.bass is None else (self.bass + semitones) % 12
        return Chord((self.root + semitones) % 12, self.quality, bass, self.spelling_flats)


def parse_chord(text: str) -> Chord | None:
    """Read a chord symbol. `N.C.`/`NC` give None (no chord).

    Accepts the common lead-sheet spellings (`Am7`, `A-7`, `Bbmaj7`, `BbΔ7`,
    `F/C`, `G7sus4`, `C#m7b5`, `Dø`) and also the `root:quality` labels of
    POP909/MIREX (`G:maj`, `A:min7`, `C:maj/5` with the bass as a scale degree).
    """
    raw = text
    text = text.strip()
    if text.upper().replace(".", "") in ("NC", "N", "X", ""):
        if text == "":
            raise ChordParseError("empty chord symbol")
        return None
    try:
        root, used = parse_pitch_class(text)
    except ValueError:
        raise ChordParseError(f"chord {raw!r} must start with a note name A-G") from None
    rest = text[used:]
    bass, bass_text = None, ""
    if "/" in rest:
        rest, bass_text = rest.split("/", 1)
        bass = _bass_from_text(bass_text.strip(), root, raw)
    quality = _quality_from_text(rest.strip().removeprefix(":").replace("(", "").replace(")", ""))
    if quality is None:
        raise ChordParseError(f"chord {raw!r}: unknown chord quality {rest.strip()!r}")
    return Chord(root, quality, bass, _spelling(text[:used], bass_text if bass is not None else ""))


def _quality_from_text(text: str) -> str | None:
    quality = _SPELLINGS.get(text)
    if quality is None and text.lower()[:3] in _WORD_PREFIXES:
        # "Maj7", "MIN7", "Dim": word spellings are safe to match in any case,
        # unlike "M7" (major seventh) and "m7" (minor seventh).
        quality = _SPELLINGS_LOWER.get(text.lower())
    return quality


def _spelling(root_text: str, bass_text: str) -> bool | None:
    """Flats or sharps as the user wrote them: the root's accidental, else the bass's."""
    for name in (root_text, bass_text.strip()):
        if len(name) > 1 and name[1] in "#b♯♭":
            return name[1] in "b♭"
    return None


def _bass_from_text(text: str, root: int, raw: str) -> int:
    """A slash bass: a note name (`F/C`) or a MIREX scale degree (`C:maj/5`)."""
    if text in _DEGREES:
        return (root + _DEGREES[text]) % 12
    try:
        bass, used = parse_pitch_class(text)
    except ValueError:
        raise ChordParseError(f"chord {raw!r}: the bass after '/' must be a note name") from None
    if used != len(text):
        raise ChordParseError(f"chord {raw!r}: unexpected {text[used:]!r} after the bass note")
    return bass


def chord_name(chord: Chord | None) -> str:
    return NO_CHORD_TEXT if chord is None else chord.name()


@dataclass(frozen=True, slots=True)
class ChordEvent:
    """A chord symbol on the chord lane from `tick` until the next event."""

    tick: int
    chord: Chord | None = None

    def __post_init__(self) -> None:
        if self.tick < 0:
            raise ValueError(f"chord tick must be >= 0, got {self.tick}")

    @property
    def name(self) -> str:
        return chord_name(self.chord)
