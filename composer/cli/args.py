"""Argument types shared by `cadenza generate` and `cadenza compose`: bad values end as argparse's one-line exit 2."""
from __future__ import annotations

import argparse

from engine.keys import Key, KeyParseError, parse_key
from engine.pitch import parse_midi_note_name


def key(text: str) -> Key:
    try:
        return parse_key(text)
    except (KeyParseError, ValueError) as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def bars(text: str) -> tuple[int, int] | int:
    """'A-B' or 'A' (1-based, inclusive) -> (first, last) 0-based; '+N' -> N (bars to append)."""
    try:
        if text.startswith("+"):
            count = int(text[1:])
            if count < 1:
                raise ValueError
            return count
        first, _, last = text.partition("-")
        first_bar, last_bar = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bars {text!r}: write A-B (1-based, e.g. 5-12), A, or +N") from None
    if not 1 <= first_bar <= last_bar:
        raise argparse.ArgumentTypeError(f"bars {text!r}: need 1 <= A <= B")
    return first_bar - 1, last_bar - 1


def pitch(text: str) -> int:
    text = text.strip()
    try:
        value = int(text) if text.lstrip("-").isdigit() else parse_midi_note_name(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"pitch {text!r}: a MIDI number 0..127 or a name like C4") from None
    if not 0 <= value <= 127:
        raise argparse.ArgumentTypeError(f"pitch {text!r} is outside 0..127")
    return value


def pitch_range(text: str) -> tuple[int, int]:
    low, sep, high = text.rpartition("-") if text.count("-") == 1 else text.partition("..")
    if not sep:
        raise argparse.ArgumentTypeError(f"range {text!r}: write LOW-HIGH (e.g. C3-C5 or 48-72)")
    low_pitch, high_pitch = pitch(low), pitch(high)
    if low_pitch > high_pitch:
        raise argparse.ArgumentTypeError(f"range {text!r}: the low pitch comes first")
    return low_pitch, high_pitch


def meter(text: str) -> tuple[int, int]:
    try:
        numerator, denominator = (int(x) for x in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"meter {text!r}: write N/D, e.g. 4/4 or 6/8") from None
    if numerator < 1 or denominator not in (1, 2, 4, 8, 16, 32):
        raise argparse.ArgumentTypeError(f"meter {text!r} is not a time signature")
    return numerator, denominator


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


MAX_SEED = 2**32 - 1  # numpy's seed word; far more takes than anyone auditions


def seed(text: str) -> int:
    """A sampling seed: a whole number 0..MAX_SEED (numpy refuses a negative one with a traceback)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"seed {text!r} is not a whole number") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"seed {text!r} must be 0..{MAX_SEED}")
    return value
