"""Bounded work on absurd files: each is refused with one line, in milliseconds, by every way in.

The files are made here the way the audit made them: a 121-byte MIDI file whose
one note lasts millions of bars, a huge delta time, a project whose end is
tick 10^30, a 300-track file. Real songs (the test data) still open.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from engine.errors import CadenzaError, FileFormatError
from engine.files import load_song_file
from engine.limits import LIMITS, SongTooLargeError, check_appended_bars, check_song
from engine.midi import import_midi_bytes, midi_bytes
from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange
from engine.track import Track

sys.path.insert(0, str(Path(__file__).resolve().parent))
from absurd_files import endless_note, far_end_project, huge_delta, many_tracks, write  # noqa: E402
from smf_build import meta, off, on, smf, track  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data" / "midi"
def refused(path: Path) -> str:
    with pytest.raises(FileFormatError) as caught:  # MidiFileError for MIDI files, SongTooLargeError otherwise
        load_song_file(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_the_121_byte_file_with_a_note_of_millions_of_bars(tmp_path):
    data = endless_note()
    assert len(data) == 121
    assert "67,108,864 bars long" in refused(write(tmp_path, "endless.mid", data))


def test_a_huge_delta_time(tmp_path):
    assert "bars long" in refused(write(tmp_path, "delta.mid", huge_delta()))


def test_a_project_that_ends_at_tick_10_to_the_30(tmp_path):
    message = refused(far_end_project(tmp_path))
    assert "ends at tick 1e+30, past the last tick" in message


def test_300_tracks(tmp_path):
    assert "300 tracks; Cadenza plays at most 250" in refused(write(tmp_path, "wide.mid", many_tracks(300)))
    assert len(import_midi_bytes(many_tracks(LIMITS.tracks)).song.tracks) == LIMITS.tracks


def test_a_file_with_more_events_than_the_limit_is_refused_while_it_is_read():
    from engine.midi.smf_reader import MidiFileError, parse_smf

    dense = smf(track(*[(0, on(60)), (1, off(60))] * 600))  # 1,200 events in one track
    assert len(parse_smf(dense, "dense.mid", max_events=1_200).tracks[0].channel_events) == 1_200
    tempos = smf(track(*[(1, meta(0x51, b"\x07\xa1\x20"))] * 1_001))  # meta events count too
    for data in (dense, smf(*[track((0, on(60)), (1, off(60)))] * 601), tempos):  # in one track, or across 601
        with pytest.raises(MidiFileError, match=r"^dense\.mid: more than 1,000 MIDI events; Cadenza reads files "
                                                r"of at most 1,000$"):
            parse_smf(data, "dense.mid", max_events=1_000)


def test_the_writer_refuses_an_end_past_the_last_tick_instead_of_writing_filler_forever():
    with pytest.raises(SongTooLargeError, match="past the last tick"):
        midi_bytes(Song(end_tick=10**30))


def test_too_many_hours_and_notes_each_have_their_line():
    slow = Song(tracks=(Track(id=1, notes=(Note(start=0, pitch=60, duration=480 * 4 * 4000, velocity=90),)),),
                tempos=(TempoChange(0, 0xFFFFFF),))  # 16.8 s a quarter: 4,000 bars last 75 hours
    with pytest.raises(SongTooLargeError, match="hours long"):
        check_song(slow, "slow.mid")
    with pytest.raises(SongTooLargeError, match="notes; Cadenza opens at most"):
        check_song(Song(tracks=(Track(id=1, notes=tuple(Note(start=i, pitch=60, duration=1, velocity=1)
                                                              for i in range(5))),)),
                   "dense.mid", LIMITS.__class__(notes=4))


def test_appending_bars_past_the_limit(tmp_path):
    song = load_song_file(DATA / "pop909_001.mid").song
    check_appended_bars(song, LIMITS.appended_bars)
    with pytest.raises(SongTooLargeError, match=r"^\+100000 bars: continue adds at most 128 bars at a time$"):
        check_appended_bars(song, 100_000)
    with pytest.raises(SongTooLargeError, match=r"would be 20,\d+ bars long"):
        check_appended_bars(song.with_(end_tick=song.meter_map.bar_start(LIMITS.bars - 10)), 100)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.mid")), ids=lambda p: p.name)
def test_real_songs_are_far_inside_the_limits(path):
    song = load_song_file(path).song
    check_song(song, str(path))
    assert song.bar_count() * 10 < LIMITS.bars and len(song.tracks) * 4 < LIMITS.tracks


def test_the_refusal_is_a_cadenza_error():
    assert issubclass(SongTooLargeError, CadenzaError)


def test_a_project_file_too_large_or_a_fifo_is_refused_without_reading_it(tmp_path):
    import os

    from engine.project import ProjectFileError, load_project

    huge = tmp_path / "huge.cadenza"
    with open(huge, "wb") as file:
        file.truncate(LIMITS.project_bytes + 1)  # sparse: nothing is written, nothing would fit in memory
    with pytest.raises(ProjectFileError, match=r"huge\.cadenza: too large for a project file \(256 MB; at most 256 MB\)$"):
        load_project(huge)
    fifo = tmp_path / "pipe.cadenza"
    os.mkfifo(fifo)
    with pytest.raises(ProjectFileError, match=r"pipe\.cadenza: is not a regular file$"):
        load_project(fifo)  # reading it would wait for a writer forever
