"""The song snapshot: validation, lengths, lookups."""
import pytest

from engine.chords import ChordEvent, parse_chord
from engine.keys import Key, KeySignature
from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange
from engine.track import DRUM_CHANNEL, ControlChange, Track, TrackRole


def test_note_validation_names_the_field():
    with pytest.raises(ValueError, match="pitch"):
        Note(start=0, pitch=128, duration=1)
    with pytest.raises(ValueError, match="velocity"):
        Note(start=0, pitch=60, duration=1, velocity=0)
    with pytest.raises(ValueError, match="duration"):
        Note(start=0, pitch=60, duration=-1)
    assert Note(start=10, pitch=60, duration=0).end == 10


def test_track_keeps_notes_sorted_and_finds_a_range():
    notes = (Note(start=960, pitch=60, duration=10), Note(start=0, pitch=64, duration=2000), Note(start=480, pitch=62, duration=5))
    track = Track(1, notes=notes)
    assert [n.start for n in track.notes] == [0, 480, 960]
    assert track.notes_between(400, 961) == track.notes[1:]
    assert track.end_tick == 2000


def test_track_role_accepts_strings_and_checks_ranges():
    assert Track(1, role="bass").role is TrackRole.BASS
    with pytest.raises(ValueError, match="channel"):
        Track(1, channel=16)
    with pytest.raises(ValueError, match="controller"):
        ControlChange(0, 128, 0)


def test_song_length_and_duration_follow_content_and_explicit_end():
    track = Track(1, notes=(Note(start=0, pitch=60, duration=960),))
    song = Song(tracks=(track,), tempos=(TempoChange(0, 1_000_000),))
    assert song.length_ticks == 960
    assert song.duration_seconds == pytest.approx(2.0)
    assert song.with_(end_tick=1920).duration_seconds == pytest.approx(4.0)
    assert song.bar_count() == 1


def test_song_refuses_duplicate_track_ids():
    with pytest.raises(ValueError, match="unique"):
        Song(tracks=(Track(1), Track(1)))


def test_lookups_by_tick():
    song = Song(
        chords=(ChordEvent(1920, parse_chord("F")), ChordEvent(0, parse_chord("C"))),
        keys=(KeySignature(0, Key(0)),),
    )
    assert [c.name for c in song.chords] == ["C", "F"]
    assert song.chord_at(1919).name == "C"
    assert song.chord_at(1920).name == "F"
    assert song.key_at(5) == Key(0)


def test_free_channel_skips_drums_and_used_channels():
    song = Song(tracks=(Track(1, channel=0), Track(2, channel=1)))
    assert song.free_channel() == 2
    assert song.free_channel(TrackRole.DRUMS) == DRUM_CHANNEL
    crowded = Song(tracks=tuple(Track(i + 1, channel=c) for i, c in enumerate(c for c in range(16) if c != 9)))
    assert crowded.free_channel() != DRUM_CHANNEL
