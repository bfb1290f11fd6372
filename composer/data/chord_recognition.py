"""Name the chord a group of sounding pitches spells (C-E-G -> C, E-G-C -> C/E).

Nottingham's MIDI realises its ABC chord symbols as plain block chords, so the
symbol can be read back exactly from each block: find a root and a quality in
engine.chords.QUALITIES whose pitch classes equal the block's. A root equal to
the lowest note wins (root position, as the ABC-to-MIDI realisation plays
them); otherwise the lowest note becomes a slash bass. A block that is not a
known chord (a lone note, a cluster) names no chord: `None`.
"""
from __future__ import annotations

from engine.chords import QUALITIES, Chord

# Simple qualities first: when two names fit the same pitch classes (C6 and
# Am7), the one listed first in QUALITIES and rooted on the bass wins.
_QUALITY_ORDER = tuple(QUALITIES)


def name_chord(pitches: list[int] | tuple[int, ...]) -> Chord | None:
    if len(set(p % 12 for p in pitches)) < 2:
        return None
    pcs = frozenset(p % 12 for p in pitches)
    bass = min(pitches) % 12
    roots = [bass] + sorted(pcs - {bass})
    for root in roots:
        for quality in _QUALITY_ORDER:
            if frozenset((root + i) % 12 for i in QUALITIES[quality][0]) == pcs:
                return Chord(root, quality, None if root == bass else bass)
    return None
