"""Transposing instruments: a Bb clarinet's part is written a tone above what it sounds.

Our songs hold sounding pitches. A score for players writes a transposing
instrument's part at its written pitch, with a `<transpose>` element saying
how it sounds (readers, ours included, turn it back into sounding pitch), as
music21 did for us before: the same General MIDI programs, the same
intervals. The part's key signatures move with it (a clarinet in a concert F
major piece reads G major).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Transposition:
    """Written to sounding, as MusicXML's <transpose>: steps and semitones (negative: sounds lower)."""

    diatonic: int
    chromatic: int
    octaves: int = 0

    @property
    def semitones(self) -> int:
        """Sounding minus written pitch."""
        return self.chromatic + 12 * self.octaves

    def written(self, pitch: int) -> int:
        return pitch - self.semitones

    def written_fifths(self, fifths: int) -> int:
        """A concert key signature as this part writes it (kept within seven sharps or flats)."""
        moved = fifths + (-self.chromatic * 7) % 12  # a tone up is two sharps more, a fifth up one
        return moved - 12 if moved > 7 else moved      # eight sharps (G# major) is four flats (Ab major)

    def xml(self) -> str:
        octaves = f"<octave-change>{self.octaves}</octave-change>" if self.octaves else ""
        return (f"<transpose><diatonic>{self.diatonic}</diatonic><chromatic>{self.chromatic}</chromatic>"
                f"{octaves}</transpose>")


# General MIDI program -> how its part is written (music21's instruments for these programs).
TRANSPOSING = {
    56: Transposition(-1, -2),      # trumpet in Bb
    59: Transposition(-1, -2),      # muted trumpet in Bb
    60: Transposition(-4, -7),      # horn in F
    64: Transposition(-1, -2),      # soprano sax in Bb
    65: Transposition(-5, -9),      # alto sax in Eb
    66: Transposition(-1, -2, -1),  # tenor sax in Bb (an octave lower still)
    67: Transposition(-5, -9, -1),  # baritone sax in Eb
    69: Transposition(-4, -7),      # English horn in F
    71: Transposition(-1, -2),      # clarinet in Bb
    72: Transposition(0, 0, 1),     # piccolo: sounds an octave above the written notes
    43: Transposition(0, 0, -1),    # contrabass: sounds an octave below
    105: Transposition(0, 0, -1),   # banjo: sounds an octave below
}
