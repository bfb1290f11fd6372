"""engine.instruments: the range table matches its cited source, names number shared instruments, kits are found.

The "music21" entries are compared with the installed music21's instrument
classes (written lowest/highest notes moved by the class's transposition), so
the table's citation is checked, not restated.
"""
from __future__ import annotations

import pytest

from engine.instruments import (
    DRUM_KIT,
    GM_INSTRUMENTS,
    MUSIC21_CLASSES,
    gm_instrument,
    instrument_names,
    is_drum_kit,
    track_instrument,
)
from engine.track import ProgramChange, Track, TrackRole


def test_every_gm_program_has_an_entry_with_the_comfortable_range_inside_the_playable_one():
    assert [i.program for i in GM_INSTRUMENTS] == list(range(128))
    for inst in GM_INSTRUMENTS:
        (low, high), (c_low, c_high) = inst.playable, inst.comfortable
        assert 0 <= low <= c_low < c_high <= high <= 127, inst.name
        assert inst.source in ("music21", "Adler", "convention")
        assert (inst.source == "music21") == (inst.program in MUSIC21_CLASSES), inst.name
    assert len({i.name for i in GM_INSTRUMENTS}) == 128


@pytest.mark.parametrize("program", sorted(MUSIC21_CLASSES))
def test_music21_entries_match_music21(program):
    from music21 import instrument as m21

    source = getattr(m21, MUSIC21_CLASSES[program])()
    shift = source.transposition.semitones if source.transposition is not None else 0
    entry = gm_instrument(program)
    assert entry.playable[0] == source.lowestNote.midi + shift
    if source.highestNote is not None:
        assert entry.playable[1] == source.highestNote.midi + shift


def test_orchestral_ranges_in_sounding_pitch():
    assert gm_instrument(40).playable[0] == 55           # violin: G3
    assert gm_instrument(41).playable[0] == 48           # viola: C3, its lowest string
    assert gm_instrument(43).playable[0] == 28           # double bass sounds E1 (written E2)
    assert gm_instrument(60).playable == (29, 77)        # horn in F: written C2-C6
    assert gm_instrument(72).playable[0] == 74           # piccolo sounds an octave up: D5
    with pytest.raises(ValueError):
        gm_instrument(128)


def test_drum_kits_by_channel_or_bank_not_by_role_alone():
    assert is_drum_kit(Track(1, channel=9))
    assert is_drum_kit(Track(1, channel=3, bank=127 << 7))       # an XG kit on another channel
    assert not is_drum_kit(Track(1, channel=3, program=47, role=TrackRole.DRUMS))
    assert track_instrument(Track(1, channel=9, program=40)) is DRUM_KIT
    assert DRUM_KIT.playable == (35, 81)


def test_the_program_in_force_at_a_tick():
    track = Track(1, program=40, program_changes=(ProgramChange(960, 42),))
    assert track_instrument(track, 0).name == "Violin"
    assert track_instrument(track, 960).name == "Cello"


def test_names_are_numbered_only_when_instruments_repeat():
    tracks = [Track(1, program=60), Track(2, program=40), Track(3, program=40), Track(4, program=73),
              Track(5, channel=9), Track(6, program=60)]
    assert instrument_names(tracks) == ["French Horn 1", "Violin 1", "Violin 2", "Flute", "Drums", "French Horn 2"]


def test_only_unnamed_tracks_are_named_and_a_channel_split_counts_as_unnamed():
    from engine.instruments import name_unnamed_tracks
    from engine.song import Song

    song = Song(tracks=(Track(1, "", program=40), Track(2, "Solo violin", program=40), Track(3, "(ch 4)", program=40),
                        Track(4, "  ", program=42)))
    assert [t.name for t in name_unnamed_tracks(song).tracks] == ["Violin 1", "Solo violin", "Violin 2", "Cello"]
    named = name_unnamed_tracks(song)
    assert name_unnamed_tracks(named) is named                      # nothing left to name: the same song


def test_instrument_names_say_nothing_about_roles():
    from engine.instruments import is_instrument_name
    from engine.midi.roles import guess_role, names_a_role

    assert is_instrument_name("Violin 2") and is_instrument_name("Steel Drums") and is_instrument_name("Drums")
    assert not is_instrument_name("Lead vocal") and not is_instrument_name("Violin II")
    assert guess_role("Steel Drums", 2, 114) is TrackRole.OTHER   # percussive family (no role), not "drum"
    assert guess_role("Voice Oohs", 2, 53) is TrackRole.CHORDS
    assert guess_role("Lead vocal", 2, 53) is TrackRole.MELODY
    assert not names_a_role("Voice Oohs") and not names_a_role("Bassoon") and names_a_role("Melody")
