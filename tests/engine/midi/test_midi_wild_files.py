"""Hand-built files with each quirk real MIDI files have, read one by one."""
import os

import pytest

from engine.chords import parse_chord
from engine.errors import FileFormatError
from engine.keys import Key
from engine.midi import MidiFileError, import_midi, import_midi_bytes, read_midi
from engine.notes import Note
from engine.timing import TempoChange, TimeSignature
from engine.track import ControlChange, PitchBend, ProgramChange, TrackRole
from smf_build import (bend, cc, chunk, header, key_signature, meta, name, off, on, program, smf, smpte_division,
                       sysex, tempo, text_meta, time_signature, track)


def read(data: bytes):
    return import_midi_bytes(data, "test.mid")


def notes_of(song):
    return [(n.start, n.pitch, n.duration, n.velocity) for t in song.tracks for n in t.notes]


def test_format_0_with_several_channels_becomes_one_track_per_channel():
    data = smf(track((0, name("Band")), (0, on(60, channel=0)), (0, on(36, channel=9)), (0, on(40, channel=1)),
                     (96, off(60, channel=0)), (0, off(36, channel=9)), (0, off(40, channel=1))), smf_format=0)
    result = read(data)
    assert result.smf_format == 0
    tracks = result.song.tracks
    assert [(t.channel, t.name) for t in tracks] == [(0, "Band (ch 1)"), (9, "Band (ch 10)"), (1, "Band (ch 2)")]
    assert tracks[1].role is TrackRole.DRUMS
    assert [t.notes for t in tracks] == [(Note(start=0, pitch=p, duration=96, velocity=100),) for p in (60, 36, 40)]


def test_format_2_tracks_play_in_parallel_from_tick_0():
    data = smf(track((0, on(60)), (480, off(60))), track((0, on(64, channel=1)), (240, off(64, channel=1))),
               smf_format=2)
    result = read(data)
    assert result.smf_format == 2
    assert notes_of(result.song) == [(0, 60, 480, 100), (0, 64, 240, 100)]


@pytest.mark.parametrize("tpq", [24, 96, 1024, 19200])
def test_any_ticks_per_quarter_is_kept_exactly(tpq):
    data = smf(track((0, tempo(500_000)), (0, on(60)), (tpq * 4, off(60))), division=tpq)
    result = read(data)
    assert result.ticks_per_quarter == tpq == result.song.ticks_per_quarter
    assert notes_of(result.song) == [(0, 60, tpq * 4, 100)]
    assert result.song.duration_seconds == pytest.approx(2.0)


def test_running_status_also_survives_meta_and_sysex_events():
    data = smf(track((0, on(60)), (0, bytes((62, 100))), (10, meta(0x01, b"hi")), (0, bytes((64, 100))),
                     (10, sysex(b"\x7e\x7f\x09\x01\xf7")), (0, bytes((65, 100))),
                     (100, bytes((60, 0))), (0, bytes((62, 0))), (0, bytes((64, 0))), (0, bytes((65, 0)))))
    assert notes_of(read(data).song) == [(0, 60, 120, 100), (0, 62, 120, 100), (10, 64, 110, 100),
                                         (20, 65, 100, 100)]


def test_sysex_and_escape_events_are_skipped_by_their_length():
    # The payloads hold bytes that would read as notes if the length were ignored.
    data = smf(track((0, sysex(b"\x90\x3c\x64\x00\x80\x3c\x00\xf7")), (0, sysex(b"\x90\x40\x64", kind=0xF7)),
                     (0, on(67)), (10, off(67))))
    result = read(data)
    assert notes_of(result.song) == [(0, 67, 10, 100)]
    assert result.warnings == ()


def test_missing_end_of_track_ends_the_track_at_its_last_event_and_closes_open_notes():
    data = smf(track((0, on(60)), (0, on(62)), (300, off(60)), end_of_track=False))
    result = read(data)
    assert notes_of(result.song) == [(0, 60, 300, 100), (0, 62, 300, 100)]
    assert result.song.end_tick == 300
    assert any("no end-of-track" in w for w in result.warnings)
    assert any("still sounding" in w for w in result.warnings)


def test_notes_never_closed_are_closed_at_their_tracks_end():
    data = smf(track((0, on(60)), (1000, cc(64, 0))), track((0, on(70)), (5000, cc(64, 0))))
    assert notes_of(read(data).song) == [(0, 60, 1000, 100), (0, 70, 5000, 100)]


def test_declared_track_count_that_lies_reads_the_tracks_present():
    data = smf(track((0, on(60)), (10, off(60))), track((0, on(62, channel=1)), (10, off(62, channel=1))),
               declared=5)
    result = read(data)
    assert result.track_chunks == 2
    assert len(result.song.tracks) == 2
    assert any("declares 5 tracks" in w for w in result.warnings)


@pytest.mark.timeout(20)
def test_thousands_of_tempo_events_in_any_track():
    changes = [(10, tempo(400_000 + i)) for i in range(5000)]
    data = smf(track((0, time_signature(3, 2))), track(*changes, (0, on(60)), (10, off(60))))
    song = read(data).song
    assert len(song.tempos) == 5000
    assert song.tempos[-1] == TempoChange(50_000, 404_999)
    assert song.meters == (TimeSignature(0, 3, 4),)
    # 10 ticks at the default 120 BPM, then 10 ticks at each tempo (the last one under the note).
    expected = (10 * 500_000 + sum(10 * (400_000 + i) for i in range(5000))) / 480 / 1e6
    assert song.duration_seconds == pytest.approx(expected)


def test_note_on_with_velocity_0_is_a_note_off():
    data = smf(track((0, on(60, 90)), (120, on(60, 0))))
    assert notes_of(read(data).song) == [(0, 60, 120, 90)]


def test_overlapping_same_pitch_notes_pair_first_in_first_out():
    data = smf(track((0, on(60, 10)), (100, on(60, 20)), (100, off(60)), (100, off(60))))
    assert notes_of(read(data).song) == [(0, 60, 200, 10), (100, 60, 200, 20)]


def test_zero_length_notes_are_kept():
    data = smf(track((0, on(60)), (0, off(60)), (50, on(62)), (0, on(62, 0))))
    assert notes_of(read(data).song) == [(0, 60, 0, 100), (50, 62, 0, 100)]


def test_note_off_without_an_open_note_is_ignored():
    data = smf(track((0, off(60)), (10, on(60)), (10, off(60)), (10, off(60))))
    assert notes_of(read(data).song) == [(10, 60, 10, 100)]


def test_unknown_chunks_are_skipped():
    data = (header(1, 1) + chunk(b"XFIH", b"\x90\x3c\x64" * 10) + track((0, on(60)), (10, off(60)))
            + chunk(b"XFKM", b"junk"))
    result = read(data)
    assert notes_of(result.song) == [(0, 60, 10, 100)]
    assert sum("unknown chunk" in w for w in result.warnings) == 2


def test_stray_bytes_are_skipped_not_fatal():
    # A data byte before any status, and a system-common song-position message (not legal in files).
    data = smf(track((0, b"\x3c"), (0, on(60)), (0, b"\xf2\x01\x02"), (10, off(60))))
    result = read(data)
    assert notes_of(result.song) == [(0, 60, 10, 100)]
    assert any("stray" in w for w in result.warnings)


def test_event_cut_off_by_the_chunk_end_is_dropped():
    body_ok = b"\x00" + on(60) + b"\x0a" + off(60)
    data = header(0, 1) + chunk(b"MTrk", body_ok + b"\x00\x90\x3e")
    result = read(data)
    assert notes_of(result.song) == [(0, 60, 10, 100)]
    assert any("cut off" in w for w in result.warnings)


def test_drum_channel_programs_banks_controllers_and_bends():
    data = smf(track((0, name("Kit")), (0, cc(0, 1, 9)), (0, cc(32, 2, 9)), (0, program(5, 9)), (0, cc(7, 90, 9)),
                     (0, cc(10, 30, 9)), (0, cc(91, 40, 9)), (0, on(36, channel=9)), (10, cc(7, 80, 9)),
                     (0, program(6, 9)), (0, bend(-8192, 9)), (0, bend(8191, 9)), (0, off(36, channel=9))))
    (kit,) = read(data).song.tracks
    assert (kit.name, kit.role, kit.channel, kit.program, kit.bank, kit.volume, kit.pan) == \
        ("Kit", TrackRole.DRUMS, 9, 5, 1 * 128 + 2, 90, 30)
    assert kit.controls == (ControlChange(0, 91, 40), ControlChange(10, 7, 80))
    assert kit.program_changes == (ProgramChange(10, 6),)
    assert kit.pitch_bends == (PitchBend(10, -8192), PitchBend(10, 8191))


def test_program_change_after_the_first_note_stays_a_program_change():
    data = smf(track((0, on(60)), (10, program(40)), (0, off(60))))
    (lead,) = read(data).song.tracks
    assert lead.program == 0
    assert lead.program_changes == (ProgramChange(10, 40),)


def test_song_events_from_any_track_keys_markers_and_chords():
    conductor = track((0, name("My Song")), (0, tempo(600_000)), (0, key_signature(-3, True)),
                      (960, text_meta(0x06, "Chorus")))
    chords = track((0, name("Chords")), (0, text_meta(0x01, "Am7")), (480, text_meta(0x01, "N.C.")),
                   (480, text_meta(0x01, "G:maj/5")), (10, text_meta(0x01, "not a chord")))
    lead = track((0, time_signature(6, 3)), (0, key_signature(2, False)), (0, on(60)), (1920, off(60)))
    result = read(smf(conductor, chords, lead))
    song = result.song
    assert song.title == "My Song"
    assert song.tempos == (TempoChange(0, 600_000),)
    assert song.meters == (TimeSignature(0, 6, 8),)
    assert [(k.tick, k.key) for k in song.keys] == [(0, Key(0, "minor")), (0, Key(2, "major"))]
    assert [(m.tick, m.text) for m in song.markers] == [(960, "Chorus")]
    assert [(c.tick, c.chord) for c in song.chords] == [(0, parse_chord("Am7")), (480, None), (960, parse_chord("G/D"))]
    assert any("not a chord symbol" in w for w in result.warnings)
    assert [t.name for t in song.tracks] == ["Acoustic Grand Piano"]   # one track (the chord track is the lane), unnamed: its instrument


def test_song_end_is_the_last_end_of_track():
    data = smf(track((0, on(60)), (10, off(60)), (5000, b"\xff\x01\x00")), track((0, on(60)), (10, off(60))))
    assert read(data).song.end_tick == 5010


def test_absurd_meta_values_are_skipped_with_a_warning():
    data = smf(track((0, tempo(0)), (0, time_signature(4, 9)), (0, time_signature(0, 2)), (0, key_signature(9, False)),
                     (0, meta(0x51, b"\x07")), (0, on(60)), (10, off(60))))
    result = read(data)
    assert result.song.tempos == () and result.song.meters == () and result.song.keys == ()
    assert len(result.warnings) == 3
    assert notes_of(result.song) == [(0, 60, 10, 100)]


@pytest.mark.parametrize("fps, ticks_per_frame, tpq, us", [(25, 40, 1000, 1_000_000), (30, 80, 2400, 1_000_000),
                                                           (29, 4, 120, 1_001_000), (24, 2, 48, 1_000_000)])
def test_smpte_division_becomes_a_fixed_tempo_with_exact_seconds(fps, ticks_per_frame, tpq, us):
    data = smf(track((0, tempo(300_000)), (0, on(60)), (fps * ticks_per_frame, off(60))),
               division=smpte_division(fps, ticks_per_frame))
    result = read(data)
    assert result.song.ticks_per_quarter == tpq
    assert result.song.tempos == (TempoChange(0, us),)
    real_fps = 30 / 1.001 if fps == 29 else fps
    assert result.song.duration_seconds == pytest.approx(fps / real_fps)
    assert any("SMPTE" in w for w in result.warnings)


def test_latin1_and_utf8_names_and_nul_padding():
    data = smf(track((0, name("Caf\xe9\x00\x00")), (0, on(60)), (1, off(60))),
               track((0, meta(0x03, "Flûte ♪".encode())), (0, on(60, channel=1)), (1, off(60, channel=1))))
    assert [t.name for t in read(data).song.tracks] == ["Café", "Flûte ♪"]


# --- files that are not MIDI at all ------------------------------------------------

@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"RIFF\x00\x00\x00\x00WAVEfmt ", "not a MIDI file (no MThd header)"),
    (b"MThd\x00\x00\x00\x06\x00", "header is truncated: 9 bytes"),
    (header(1, 1, division=0), "ticks per quarter note is 0"),
    (chunk(b"MThd", b"\x00\x01\x00"), "header is truncated: 11 bytes"),
    (chunk(b"MThd", b"\x00\x01\x00\x01\x01") + b"\x00" * 8, "header chunk is too short (5 bytes, need 6)"),
    (header(7, 1), "unknown MIDI file format 7 (expected 0, 1 or 2)"),
    (header(1, 1, smpte_division(25, 0)), "SMPTE division has 0 ticks per frame"),
])
def test_broken_headers_are_one_line_errors(data, reason):
    with pytest.raises(MidiFileError) as caught:
        read(data)
    assert caught.value.reason == reason
    assert str(caught.value) == f"test.mid: {reason}"


def test_truncated_track_chunk_names_the_track_and_the_sizes():
    good = track((0, on(60)), (10, off(60)))
    data = header(1, 3) + good + good + chunk(b"MTrk", b"\x00\x90\x3c\x64" * 30, declared_length=5000)
    with pytest.raises(MidiFileError) as caught:
        read(data)
    assert caught.value.reason == "track 3 is truncated: chunk says 5000 bytes, 120 remain"


def test_file_errors_name_the_path(tmp_path):
    garbage = tmp_path / "noise.mid"
    garbage.write_bytes(os.urandom(2000).replace(b"M", b"m"))
    empty = tmp_path / "empty.mid"
    empty.write_bytes(b"")
    cases = {garbage: "not a MIDI file (no MThd header)", empty: "empty file",
             tmp_path: "is a directory, not a MIDI file", tmp_path / "missing.mid": "no such file"}
    for path, reason in cases.items():
        with pytest.raises(MidiFileError) as caught:
            read_midi(path)
        assert isinstance(caught.value, FileFormatError)
        assert str(caught.value) == f"{path}: {reason}"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.mid"
    path.write_bytes(smf(track()))
    path.chmod(0)
    with pytest.raises(MidiFileError, match="cannot read: Permission denied"):
        import_midi(path)


def test_a_fifo_is_refused_instead_of_blocking(tmp_path):
    fifo = tmp_path / "pipe.mid"
    os.mkfifo(fifo)
    with pytest.raises(MidiFileError, match="not a regular file"):
        import_midi(fifo)


def test_overlong_variable_length_number_ends_the_track_instead_of_a_huge_tick():
    data = header(0, 1) + chunk(b"MTrk", b"\x00" + on(60) + b"\x0a" + off(60) + b"\xff\xff\xff\xff\x7f" + on(62))
    result = read(data)
    assert notes_of(result.song) == [(0, 60, 10, 100)]
    assert result.song.end_tick == 10
    assert any("longer than 4 bytes" in w for w in result.warnings)
