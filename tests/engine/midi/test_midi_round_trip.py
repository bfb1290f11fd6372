"""Export and import again: everything a song holds comes back, for generated and real songs."""
import io
import re
from pathlib import Path

import mido
import pytest
from hypothesis import given, settings, strategies as st

from engine.atomic import FileWriteError
from engine.chords import QUALITIES, Chord, ChordEvent
from engine.keys import Key, KeySignature
from engine.limits import SongTooLargeError, check_song
from engine.midi import MidiFileError, import_midi, import_midi_bytes, midi_bytes, read_midi, write_midi
from engine.notes import Note
from engine.song import Marker, Song
from engine.timing import TempoChange, TimeSignature
from engine.track import ControlChange, PitchBend, ProgramChange, Track, TrackRole
from mido_reference import our_notes, reference_notes

REAL_FILES = sorted((Path(__file__).parents[2] / "data" / "midi").glob("*.mid"))

ticks = st.integers(0, 200_000)
texts = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12)
arbitrary_notes = st.builds(lambda s, p, d, v: Note(start=s, pitch=p, duration=d, velocity=v),
                            ticks, st.integers(0, 127), st.integers(0, 5_000), st.integers(1, 127))
# Printed names must read back as the same chord: a slash bass equal to the root is not printed.
chords = st.none() | st.builds(lambda root, quality, bass: Chord(root, quality, None if bass == root else bass),
                               st.integers(0, 11), st.sampled_from(sorted(QUALITIES)), st.none() | st.integers(0, 11))
midi_keys = st.builds(Key, st.integers(0, 11), st.sampled_from(["major", "minor"]))


def fifo_consistent(notes: list[Note]) -> tuple[Note, ...]:
    """Shorten nothing, lengthen where needed so that same-pitch notes end in start order.

    First-in-first-out pairing (the only one MIDI's note-offs allow) cannot
    represent a later note of the same pitch ending before an earlier one.
    """
    last_end: dict[int, int] = {}
    result = []
    for note in sorted(notes, key=lambda n: (n.start, n.duration)):
        end = max(note.end, last_end.get(note.pitch, 0))
        last_end[note.pitch] = end
        result.append(note.with_(duration=end - note.start))
    return tuple(result)


def as_played(song: Song) -> Song:
    """The song as its MIDI file plays: a note overlapped by a later note of its pitch in its track ends where
    that one starts (the writer's policy; on, on, off, off would cut the later note short)."""
    tracks = []
    for track in song.tracks:
        notes = []
        for n, note in enumerate(track.notes):
            later = [other.start for other in track.notes[n + 1:] if other.pitch == note.pitch]
            notes.append(note.with_(duration=min([note.end, *later]) - note.start))
        tracks.append(track.with_(notes=tuple(notes)))
    return song.with_(tracks=tuple(tracks))


@st.composite
def tracks(draw, track_id, note_list=st.lists(arbitrary_notes, max_size=25).map(fifo_consistent)):
    return Track(
        id=track_id, name=draw(texts), role=draw(st.sampled_from(TrackRole)), program=draw(st.integers(0, 127)),
        channel=draw(st.integers(0, 15)), volume=draw(st.integers(0, 127)), pan=draw(st.integers(0, 127)),
        mute=draw(st.booleans()), solo=draw(st.booleans()), notes=draw(note_list),
        controls=tuple(draw(st.lists(st.builds(ControlChange, ticks, st.integers(0, 127), st.integers(0, 127)),
                                     max_size=6))),
        pitch_bends=tuple(draw(st.lists(st.builds(PitchBend, ticks, st.integers(-8192, 8191)), max_size=4))),
        program_changes=tuple(draw(st.lists(st.builds(ProgramChange, ticks, st.integers(0, 127)), max_size=3))),
        bank=draw(st.integers(0, 16383)),
    )


@st.composite
def songs(draw, track_strategy=tracks):
    count = draw(st.integers(0, 4))
    return Song(
        tracks=tuple(draw(track_strategy(i + 1)) for i in range(count)),
        ticks_per_quarter=draw(st.integers(1, 32767)),
        tempos=tuple(draw(st.lists(st.builds(TempoChange, ticks, st.integers(1, 0xFFFFFF)), max_size=4))),
        meters=tuple(draw(st.lists(st.builds(TimeSignature, ticks, st.integers(1, 255),
                                             st.sampled_from([1, 2, 4, 8, 16, 32, 64])), max_size=3))),
        keys=tuple(draw(st.lists(st.builds(KeySignature, ticks, midi_keys), max_size=3))),
        chords=tuple(draw(st.lists(st.builds(ChordEvent, ticks, chords), max_size=8))),
        markers=tuple(draw(st.lists(st.builds(Marker, ticks, texts), max_size=3))),
        title=draw(texts),
        end_tick=draw(ticks),
    )


def refused_as_too_large(song: Song) -> bool:
    """True for a song past engine.limits (1 tick a quarter and 200,000 ticks is 50,000 bars), after checking
    that its file is refused on import with one line; False for a song the round trip must keep."""
    try:
        check_song(song, "generated")
    except SongTooLargeError as error:
        with pytest.raises(MidiFileError, match=f"^<bytes>: {re.escape(error.reason)}$"):
            round_trip(song)
        return True
    return False


def round_trip(song: Song) -> Song:
    return import_midi_bytes(midi_bytes(song)).song


@settings(max_examples=300, deadline=None)
@given(songs())
def test_generated_songs_survive_export_and_import(song):
    if refused_as_too_large(song):
        return
    assert round_trip(song) == as_played(song).with_(end_tick=song.length_ticks)


@settings(max_examples=200, deadline=None)
@given(songs(lambda i: tracks(i, st.lists(arbitrary_notes, max_size=25).map(tuple))))
def test_export_import_is_idempotent_for_any_notes(song):
    if refused_as_too_large(song):
        return
    once = round_trip(song)
    assert round_trip(once) == once
    assert once.note_count == song.note_count


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_real_files_survive_export_and_import(path, tmp_path):
    song = read_midi(path)
    out = tmp_path / "again.mid"
    write_midi(song, out)
    result = import_midi(out)
    assert result.warnings == ()
    assert result.song == as_played(song).with_(end_tick=song.length_ticks)
    # An independent reader sees the same notes in what we wrote.
    assert reference_notes(mido.MidiFile(out)) == our_notes(as_played(song))


def event_order(data: bytes) -> list[tuple[int, str, int]]:
    """(absolute tick, message type, note) of the last track's note events, as mido reads them."""
    tick, events = 0, []
    for msg in mido.MidiFile(file=io.BytesIO(data)).tracks[-1]:
        tick += msg.time
        if msg.type in ("note_on", "note_off"):
            events.append((tick, "off" if msg.type == "note_off" or msg.velocity == 0 else "on", msg.note))
    return events


def test_writer_orders_zero_length_and_touching_notes():
    notes = (Note(start=0, pitch=60, duration=10, velocity=90), Note(start=10, pitch=60, duration=0, velocity=90),
             Note(start=10, pitch=60, duration=5, velocity=90))
    song = Song(tracks=(Track(id=1, notes=notes),))
    assert event_order(midi_bytes(song)) == [(0, "on", 60), (10, "off", 60), (10, "on", 60), (10, "off", 60),
                                             (10, "on", 60), (15, "off", 60)]
    assert round_trip(song).tracks[0].notes == notes


def test_writer_layout_conductor_chords_and_one_track_per_song_track():
    song = Song(tracks=(Track(id=1, name="Lead", channel=3, program=73, volume=90, pan=20),
                        Track(id=2, name="Kit", channel=9)),
                ticks_per_quarter=96, title="Tune", chords=(ChordEvent(0, Chord(9, "min")), ChordEvent(96, None)),
                markers=(Marker(48, "A"),), end_tick=960)
    mid = mido.MidiFile(file=io.BytesIO(midi_bytes(song)))
    assert (mid.type, mid.ticks_per_beat, [t.name for t in mid.tracks]) == (1, 96, ["Tune", "Chords", "Lead", "Kit"])
    assert [(m.type, m.text) for m in mid.tracks[1] if m.type == "text"] == [("text", "Am"), ("text", "N.C.")]
    lead = [m for m in mid.tracks[2] if not m.is_meta]
    assert [(m.type, m.time, getattr(m, "program", None), getattr(m, "control", None)) for m in lead] == \
        [("program_change", 0, 73, None), ("control_change", 0, None, 7), ("control_change", 0, None, 10)]
    assert all(sum(m.time for m in track) == 960 for track in mid.tracks)
    assert "Chords" not in [t.name for t in mido.MidiFile(file=io.BytesIO(midi_bytes(song.with_(chords=())))).tracks]


def test_failed_write_leaves_no_file_and_no_temp_file(tmp_path):
    target = tmp_path / "folder.mid"
    target.mkdir()
    with pytest.raises(FileWriteError) as caught:
        write_midi(Song(), target)
    assert str(target) in str(caught.value)
    assert [p.name for p in tmp_path.iterdir()] == ["folder.mid"]
    with pytest.raises(FileWriteError):
        write_midi(Song(), tmp_path / "missing" / "song.mid")


def test_write_replaces_an_existing_file_whole(tmp_path):
    target = tmp_path / "song.mid"
    target.write_bytes(b"old contents")
    song = Song(tracks=(Track(id=1, notes=(Note(start=0, pitch=64, duration=100, velocity=80),)),))
    write_midi(song, target)
    assert target.read_bytes() == midi_bytes(song)
    assert [p.name for p in tmp_path.iterdir()] == ["song.mid"]


def test_gaps_longer_than_a_delta_time_can_hold_are_bridged():
    far = 0x0FFFFFFF + 7
    # Inside engine.limits (2^29 ticks): the finest resolution and long bars keep 537 million ticks to 65 bars.
    song = Song(tracks=(Track(id=1, notes=(Note(start=far, pitch=60, duration=1, velocity=9),)),),
                ticks_per_quarter=32767, meters=(TimeSignature(0, 255, 4),),
                tempos=(TempoChange(0, 100_000), TempoChange(far, 50_000)), end_tick=2 * far - 100)
    assert round_trip(song) == song
