"""Keys: parsing names, scales, and MIDI key-signature conversion."""
import pytest

from engine.keys import Key, KeyParseError, parse_key


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
