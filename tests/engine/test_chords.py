"""Chord symbols: the names a user types on the chord lane and reads back."""
import pytest

from engine.chords import Chord, ChordParseError, chord_name, parse_chord

CANONICAL_NAMES = ["C", "Am7", "F/C", "Bbmaj7", "G7sus4", "C#m7b5", "Ebdim7", "Dm9", "Gsus2", "E7#9", "F#m", "Abaug"]


@pytest.mark.parametrize("name", CANONICAL_NAMES)
def test_names_round_trip(name):
    assert parse_chord(name).name() == name


@pytest.mark.parametrize(
    "text, root, quality, bass",
    [
        ("Am7", 9, "min7", None),
        ("F/C", 5, "maj", 0),
        ("Bbmaj7", 10, "maj7", None),
        ("G7sus4", 7, "7sus4", None),
        ("A-7", 9, "min7", None),
        ("CΔ7", 0, "maj7", None),
        ("CM7", 0, "maj7", None),
        ("CMaj7", 0, "maj7", None),
        ("Dø", 2, "hdim7", None),
        ("G:maj", 7, "maj", None),
        ("A:min7", 9, "min7", None),
        ("C:maj/5", 0, "maj", 7),
        ("E:sus4(b7)", 4, "7sus4", None),
    ],
)
def test_spellings_parse_to_the_same_chord(text, root, quality, bass):
    chord = parse_chord(text)
    assert (chord.root, chord.quality, chord.bass) == (root, quality, bass)


def test_no_chord():
    assert parse_chord("N.C.") is None
    assert chord_name(None) == "N.C."


@pytest.mark.parametrize(
    "text, fragment",
    [("H7", "note name"), ("Cxyz", "unknown chord quality 'xyz'"), ("C/H", "bass"), ("", "empty"), ("  ", "empty")],
)
def test_bad_symbols_name_the_problem(text, fragment):
    with pytest.raises(ChordParseError, match=fragment):
        parse_chord(text)


def test_pitch_classes_include_slash_bass():
    assert parse_chord("C/D").pitch_classes == {0, 4, 7, 2}
    assert parse_chord("G7").pitch_classes == {7, 11, 2, 5}


def test_transposed_keeps_quality_and_spelling_is_not_identity():
    assert parse_chord("C#m") == parse_chord("Dbm")
    assert Chord(0, "min7", 7).transposed(2).name() == "Dm7/A"


def test_slash_bass_spelling_and_bass_equal_to_root():
    assert parse_chord("C/Db").name() == "C/Db"
    assert parse_chord("C/C#").name() == "C/C#"
    assert parse_chord("C/C") == parse_chord("C") and parse_chord("C/C").name() == "C"
