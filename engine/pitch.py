"""Pitch classes and note names, shared by chords, keys and the editor's keyboard."""
from __future__ import annotations

SHARP_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
FLAT_NAMES = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")
_LETTER_PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def parse_pitch_class(text: str) -> tuple[int, int]:
    """Parse a note name at the start of `text` ('C', 'F#', 'Bb', 'Ebb').

    Returns (pitch class, characters consumed). Raises ValueError when `text`
    does not start with a note letter.
    """
    if not text or text[0].upper() not in _LETTER_PC:
        raise ValueError(f"expected a note name (A-G), got {text!r}")
    pc = _LETTER_PC[text[0].upper()]
    used = 1
    while used < len(text) and text[used] in "#b♯♭":
        pc += 1 if text[used] in "#♯" else -1
        used += 1
    return pc % 12, used


def pitch_class_name(pc: int, prefer_flats: bool = False) -> str:
    return (FLAT_NAMES if prefer_flats else SHARP_NAMES)[pc % 12]


def midi_note_name(pitch: int, prefer_flats: bool = False) -> str:
    """'C4' is MIDI 60 (scientific pitch notation, as most DAWs show it)."""
    return f"{pitch_class_name(pitch, prefer_flats)}{pitch // 12 - 1}"


def parse_midi_note_name(text: str) -> int:
    """Inverse of `midi_note_name`: 'C4' -> 60, 'F#2' -> 42, also a plain number '60'."""
    text = text.strip()
    if text.lstrip("-").isdigit():
        pitch = int(text)
    else:
        pc, used = parse_pitch_class(text)
        octave = text[used:]
        if not octave.lstrip("-").isdigit():
            raise ValueError(f"expected a note like C4 or F#2, got {text!r}")
        pitch = (int(octave) + 1) * 12 + pc
    if not 0 <= pitch <= 127:
        raise ValueError(f"note {text!r} is outside MIDI's 0..127")
    return pitch
