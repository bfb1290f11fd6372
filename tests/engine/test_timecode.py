"""Timecode against an independent reference, and the song's timecode and hit points through MIDI and projects.

The reference counts labels one frame at a time, the way a timecode generator
does (frames, then seconds, minutes, hours; drop-frame skips ;00 and ;01 when a
minute not divisible by ten begins), so it shares no formula with
engine.timecode's closed-form arithmetic.
"""
from fractions import Fraction

import mido
import pytest

from engine.markers import marker_from_midi, marker_midi_text
from engine.midi import import_midi_bytes, midi_bytes
from engine.notes import Note
from engine.project import Project, load_project, save_project
from engine.song import Marker, Song
from engine.timecode import (FRAME_RATES, SongTimecode, Timecode, TimecodeError, frame_at_seconds, frame_number,
                             frame_rate, frames_per_day, parse_timecode, song_timecode, timecode_at_frame)
from engine.timing import TempoChange
from engine.track import Track


def reference_labels(nominal: int, drop: bool, count: int):
    h = m = s = f = 0
    for _ in range(count):
        yield h, m, s, f
        f += 1
        if f == nominal:
            f, s = 0, s + 1
            if s == 60:
                s, m = 0, m + 1
                if m == 60:
                    m, h = 0, h + 1
                if drop and m % 10:
                    f = 2


@pytest.mark.parametrize("rate", FRAME_RATES, ids=lambda r: r.name)
def test_every_label_of_the_first_hour_and_a_half_matches_a_frame_counter(rate):
    for frame, label in enumerate(reference_labels(rate.nominal, rate.drop, 30 * 5400 + 10)):
        got = timecode_at_frame(frame, rate)
        assert (got.hours, got.minutes, got.seconds, got.frames) == label, frame
        assert frame_number(Timecode(*label), rate) == frame


@pytest.mark.parametrize("text, frame", [
    ("00:00:59;29", 1799), ("00:01:00;02", 1800), ("00:02:00;02", 3598), ("00:09:59;29", 17981),
    ("00:10:00;00", 17982), ("00:10:00;01", 17983), ("00:11:00;02", 19782), ("01:00:00;00", 107892),
    ("23:59:59;29", 2589407),
])
def test_known_drop_frame_values(text, frame):
    df = frame_rate("29.97df")
    assert frame_number(parse_timecode(text, df), df) == frame
    assert timecode_at_frame(frame, df).text(df) == text


def test_drop_frame_labels_that_do_not_exist_are_refused_with_one_line():
    df = frame_rate("29.97df")
    with pytest.raises(TimecodeError, match="does not exist in drop-frame") as caught:
        parse_timecode("00:01:00;00", df)
    assert "\n" not in str(caught.value)
    parse_timecode("00:10:00;00", df)  # minute 10 keeps its ;00


def test_real_time_of_labels_at_the_slow_rates():
    assert frames_per_day(frame_rate("29.97df")) == 2589408
    one_hour_df = SongTimecode(frame_rate("29.97df")).song_seconds(Timecode(1, 0, 0, 0))
    assert one_hour_df == pytest.approx(107892 * 1001 / 30000) == pytest.approx(3599.9964)
    one_hour_23976 = SongTimecode(frame_rate("23.976")).song_seconds(Timecode(1, 0, 0, 0))
    assert one_hour_23976 == pytest.approx(3603.6)
    assert SongTimecode(frame_rate("25")).song_seconds(Timecode(1, 0, 0, 0)) == 3600


@pytest.mark.parametrize("rate", FRAME_RATES, ids=lambda r: r.name)
def test_seconds_to_frames_is_the_frame_a_player_shows(rate):
    for frame in (0, 1, 23, 1799, 1800, 17982, 107892):
        start = float(Fraction(frame) / rate.fps)
        assert frame_at_seconds(start, rate) == frame
        assert frame_at_seconds(start + 0.5 / float(rate.fps), rate) == frame
        assert frame_at_seconds(start - 0.01 / float(rate.fps), rate) == frame - 1 or frame == 0


def test_song_timecode_with_a_start_offset():
    tc = song_timecode("24", "01:00:10:00")
    assert tc.text_at(0) == "01:00:10:00"
    assert tc.text_at(2.5) == "01:00:12:12"
    assert tc.parse("01:00:12:12") == pytest.approx(2.5)
    with pytest.raises(TimecodeError, match="before the song's start"):
        tc.parse("01:00:09:23")


@pytest.mark.parametrize("rate, start, problem", [
    ("48", "00:00:00:00", "unknown frame rate '48'"),
    ("25", "00:00:00:25", "frames 0-24"),
    ("24", "24:00:00:00", "hours 0-23"),
    ("30", "1:00", "not a timecode"),
])
def test_out_of_range_rate_and_offset_are_one_line_errors(rate, start, problem):
    with pytest.raises(TimecodeError, match=problem) as caught:
        song_timecode(rate, start)
    assert "\n" not in str(caught.value)


# --- hit points in the song ------------------------------------------------------
def test_hit_points_keep_their_time_and_markers_their_bar_when_the_tempo_changes():
    song = Song(markers=(Marker(1920, "bar 2"), Marker(0, "slam", 3.0)))   # 120 BPM: 3 s is tick 2880
    assert [(m.tick, m.text) for m in song.markers] == [(1920, "bar 2"), (2880, "slam")]
    slower = song.with_(tempos=(TempoChange.from_bpm(0, 90),))
    assert [(m.tick, m.text) for m in slower.markers] == [(1920, "bar 2"), (2160, "slam")]
    assert slower.seconds(2160) == pytest.approx(3.0)


# --- MIDI and project files ---------------------------------------------------------
def scored_song(rate: str = "29.97df", start: str = "01:00:10;00") -> Song:
    track = Track(id=1, name="Strings", notes=(Note(start=0, pitch=60, duration=480),))
    return Song(tracks=(track,), tempos=(TempoChange(0, 600_000), TempoChange(3840, 450_000)),
                markers=(Marker(960, "Reel 2 starts"), Marker(0, "Door slam", 4.25), Marker(0, "Cut", 9.041667)),
                timecode=song_timecode(rate, start), end_tick=7680)


@pytest.mark.parametrize("rate", [r.name for r in FRAME_RATES])
def test_timecode_markers_and_hit_points_round_trip_through_midi(rate):
    song = scored_song(rate, "01:00:10:00")
    back = import_midi_bytes(midi_bytes(song)).song
    assert back.timecode == song.timecode
    assert back.markers == song.markers
    assert [m.seconds for m in back.markers if m.is_hit] == [4.25, 9.041667]


def test_midi_carries_a_standard_smpte_offset_and_marker_events_other_programs_read():
    song = scored_song()
    midi = mido.MidiFile(file=__import__("io").BytesIO(midi_bytes(song)))
    events = [msg for msg in midi.tracks[0] if msg.is_meta]
    offset = next(msg for msg in events if msg.type == "smpte_offset")
    assert (offset.frame_rate, offset.hours, offset.minutes, offset.seconds, offset.frames) == (29.97, 1, 0, 10, 0)
    texts = [msg.text for msg in events if msg.type == "marker"]
    assert texts == ["Reel 2 starts", "[hit 4.250000] Door slam", "[hit 9.041667] Cut"]


def test_a_foreign_smpte_offset_is_read_and_a_broken_one_is_skipped_with_a_warning():
    def file_with(offset: mido.MetaMessage) -> bytes:
        midi = mido.MidiFile(ticks_per_beat=480)
        midi.tracks.append(mido.MidiTrack([offset, mido.MetaMessage("marker", text="A", time=480)]))
        buffer = __import__("io").BytesIO()
        midi.save(file=buffer)
        return buffer.getvalue()
    good = import_midi_bytes(file_with(mido.MetaMessage("smpte_offset", frame_rate=25, hours=10, minutes=0,
                                                        seconds=5, frames=12)))
    assert good.song.timecode == song_timecode("25", "10:00:05:12")
    assert good.song.markers == (Marker(480, "A"),)
    bad = import_midi_bytes(file_with(mido.MetaMessage("smpte_offset", frame_rate=24, hours=23, minutes=59,
                                                       seconds=59, frames=29)))
    assert bad.song.timecode == SongTimecode()
    assert any("SMPTE offset" in w for w in bad.warnings)


def test_timecode_and_hit_points_round_trip_through_the_project_file(tmp_path):
    song = scored_song()
    save_project(Project(song), tmp_path / "cue.cadenza")
    back = load_project(tmp_path / "cue.cadenza").song
    assert back == song
    assert '"timecode": {\n      "frame_rate": "29.97df",\n      "start": "01:00:10;00"' in \
        (tmp_path / "cue.cadenza").read_text()


def test_a_marker_text_that_merely_looks_like_a_hit_stays_a_marker():
    assert marker_from_midi(5, "[hit soon] x") == Marker(5, "[hit soon] x")
    assert marker_midi_text(Marker(5, "plain")) == "plain"


def test_a_new_sketch_keeps_the_cue_timecode_markers_and_the_tempo_fitted_to_its_hits():
    from engine.markers import keep_picture

    cue = scored_song()
    sketch = Song(tempos=(TempoChange.from_bpm(0, 140),), end_tick=16 * 1920)
    kept = keep_picture(cue, sketch)
    assert (kept.timecode, kept.tempos, kept.end_tick) == (cue.timecode, cue.tempos, sketch.end_tick)
    assert kept.markers == cue.markers
    plain = Song(markers=(Marker(960, "Verse"),))            # no hit points: the sketch's own tempo stays
    assert keep_picture(plain, sketch).tempos == sketch.tempos
    assert keep_picture(Song(), sketch) is sketch


@pytest.mark.parametrize("timecode, problem", [
    ({"frame_rate": "48", "start": "00:00:00:00"}, "song.timecode: unknown frame rate '48'"),
    ({"frame_rate": "25", "start": "01:00:00:25"}, "song.timecode: 01:00:00:25 is not a timecode at 25 fps"),
    ({"frame_rate": "24"}, "song.timecode: missing field 'start'"),
])
def test_a_project_with_a_bad_timecode_is_one_line_and_untouched(tmp_path, timecode, problem):
    import json

    from engine.project import ProjectFileError

    path = tmp_path / "cue.cadenza"
    save_project(Project(scored_song()), path)
    document = json.loads(path.read_text())
    document["song"]["timecode"] = timecode
    path.write_text(json.dumps(document))
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert problem in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_bytes() == before
