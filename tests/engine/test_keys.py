"""Keys: parsing names, scales, and MIDI key-signature conversion."""
from pathlib import Path

import pytest

from engine.files import load_song_file
from engine.keys import Key, KeyParseError, estimate_key, parse_key
from engine.notes import Note


@pytest.mark.parametrize(
    "text, tonic, mode",
    [("A minor", 9, "minor"), ("Am", 9, "minor"), ("F# major", 6, "major"), ("Bb dorian", 10, "dorian"), ("C", 0, "major")],
)
def test_parse_key(text, tonic, mode):
    assert parse_key(text) == Key(tonic, mode)


def test_bad_key_names_the_problem():
    with pytest.raises(KeyParseError, match="unknown mode 'blah'"):
        parse_key("C blah")
    with pytest.raises(KeyParseError, match="note name"):
        parse_key("minor")


@pytest.mark.parametrize("sharps", range(-7, 8))
@pytest.mark.parametrize("minor", [False, True])
def test_key_signature_round_trip(sharps, minor):
    key = Key.from_signature(sharps, minor)
    # -7..7 wraps onto 12 pitch classes: Cb = B (5 sharps), C# = Db (-5).
    assert key.sharps in (sharps, sharps - 12, sharps + 12)
    assert key.is_minor == minor


def test_scale_membership():
    a_minor = Key(9, "minor")
    assert a_minor.scale == (9, 11, 0, 2, 4, 5, 7)
    assert a_minor.contains(60) and not a_minor.contains(61)
    assert Key(2, "dorian").sharps == 0  # D dorian has C major's signature


MIDI = Path(__file__).resolve().parents[1] / "data" / "midi"


@pytest.mark.parametrize(("name", "expected"), [
    ("nottingham_ashover1.mid", Key(7, "major")),   # the file's own key signature
    ("nottingham_jigs107.mid", Key(0, "major")),
    ("pop909_001.mid", Key(6, "major")),            # no key signature: POP909's key annotation says F# major
    ("pop909_764.mid", Key(5, "major")),            # likewise, F major
])
def test_estimated_key_of_real_songs(name, expected):
    song = load_song_file(MIDI / name).song
    assert estimate_key(n for t in song.tracks if not t.is_drums for n in t.notes) == expected


def _line(pitches, tonic_weight=1):
    return [Note(start=i * 480, pitch=p, duration=480 * (tonic_weight if p % 12 == pitches[0] % 12 else 1),
                 velocity=80) for i, p in enumerate(pitches)]


def test_a_scale_and_its_relative_minor_are_told_apart():
    assert estimate_key(_line([60, 62, 64, 65, 67, 69, 71, 72, 67, 64, 60], tonic_weight=3)) == Key(0, "major")
    assert estimate_key(_line([57, 59, 60, 62, 64, 65, 68, 69, 64, 60, 57], tonic_weight=3)) == Key(9, "minor")


def test_too_little_to_tell_is_no_key():
    assert estimate_key(_line([60, 64, 67])) is None                        # three notes
    assert estimate_key(_line([60, 67] * 6)) is None                        # two pitch classes
    assert estimate_key([]) is None
