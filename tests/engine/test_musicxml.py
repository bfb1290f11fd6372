"""MusicXML export, checked by reading the written file back with music21."""
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest

from engine.chords import QUALITIES, Chord, ChordEvent, parse_chord
from engine.keys import Key, KeySignature
from engine.midi import read_midi
from engine.musicxml import export_musicxml
from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import Track, TrackRole

music21 = pytest.importorskip("music21")
from music21 import converter, harmony, key, meter, stream, tempo  # noqa: E402

MIDI_DIR = Path(__file__).resolve().parents[1] / "data" / "midi"


def n(start, pitch, duration):
    return Note(start=start, pitch=pitch, duration=duration, velocity=80)


def example_song() -> Song:
    lead = Track(1, name="Lead", role=TrackRole.MELODY, program=73, notes=(
        n(0, 60, 960), n(480, 64, 480), n(487, 67, 1700),          # overlapping voices, a late start
        n(2400, 60, 160), n(2400, 64, 160), n(2560, 62, 160),      # a triplet chord, then a triplet note
        n(5000, 70, 3000)))                                         # tied across two bar lines
    kit = Track(2, name="Kit", role=TrackRole.DRUMS, channel=9, notes=(n(0, 36, 100),))
    bass = Track(3, name="Bass", role=TrackRole.BASS, program=33, channel=1, notes=(n(0, 40, 1920),))
    return Song(tracks=(lead, kit, bass), title="Export test",
                meters=(TimeSignature(0, 4, 4), TimeSignature(2880, 3, 4)),
                tempos=(TempoChange(0, 600_000), TempoChange(1920, 400_000)),
                keys=(KeySignature(0, Key(10, "major")),),
                chords=(ChordEvent(0, parse_chord("Bbmaj7")), ChordEvent(960, parse_chord("F/C")),
                        ChordEvent(1920, None), ChordEvent(2880, parse_chord("Cm7b5"))))


def sounding(part):
    """(offset, pitch) of every note head that starts a sound (tie continuations are the same note)."""
    heads = []
    for element in part.recurse().notes:
        if isinstance(element, harmony.Harmony):
            continue
        for head in (element.notes if element.isChord else [element]):
            tie = head.tie or element.tie
            if tie is None or tie.type == "start":
                heads.append((element.getOffsetInHierarchy(part), head.pitch.midi))
    return heads


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("xml") / "song.musicxml"
    skipped = export_musicxml(example_song(), path)
    return skipped, converter.parse(path), path


def test_one_part_per_pitched_track_with_name_and_instrument(exported):
    skipped, score, _ = exported
    assert skipped == ["Kit"]
    assert [p.partName for p in score.parts] == ["Lead", "Bass"]
    assert [p.getInstrument().midiProgram for p in score.parts] == [73, 33]


def test_notes_come_back_on_the_grid_with_their_pitches(exported):
    _, score, _ = exported
    lead, bass = score.parts
    assert sorted(sounding(lead)) == [(0, 60), (1, 64), (1, 67), (5, 60), (5, 64), (Fraction(16, 3), 62), (10.5, 70)]
    assert sounding(bass) == [(0, 40)]


def test_bars_meters_key_and_tempo(exported):
    _, score, _ = exported
    for part in score.parts:
        measures = list(part.getElementsByClass(stream.Measure))
        assert [m.duration.quarterLength for m in measures] == [4, 2, 3, 3, 3, 3]
        meters = [(m.number, m.timeSignature.ratioString) for m in measures if m.timeSignature]
        assert meters == [(1, "4/4"), (2, "2/4"), (3, "3/4")]
        assert [k.sharps for k in part.recurse().getElementsByClass(key.KeySignature)] == [-2]
    marks = score.parts[0].recurse().getElementsByClass(tempo.MetronomeMark)
    assert [(m.getOffsetInHierarchy(score.parts[0]), m.number) for m in marks] == [(0, 100), (4, 150)]


def test_chord_symbols_on_the_first_part(exported):
    _, score, _ = exported
    symbols = [(s.getOffsetInHierarchy(score.parts[0]), s) for s in score.parts[0].recurse().getElementsByClass(harmony.Harmony)]
    assert [offset for offset, _ in symbols] == [0, 2, 4, 6]
    assert isinstance(symbols[2][1], harmony.NoChord)
    for (_, symbol), text in zip([symbols[i] for i in (0, 1, 3)], ["Bbmaj7", "F/C", "Cm7b5"]):
        chord = parse_chord(text)
        assert {p.pitchClass for p in symbol.pitches} == chord.pitch_classes
        assert symbol.root().pitchClass == chord.root
    assert symbols[1][1].bass().name == "C"
    assert not list(score.parts[1].recurse().getElementsByClass(harmony.Harmony))


@pytest.mark.parametrize("quality", sorted(set(QUALITIES) - {"13"}))  # music21's 13th chord includes the 11th
def test_every_chord_quality_reads_back_as_the_same_chord(tmp_path, quality):
    chord = Chord(3, quality, bass=7)
    path = tmp_path / "chord.xml"
    export_musicxml(Song(chords=(ChordEvent(0, chord),)), path)
    [symbol] = converter.parse(path).recurse().getElementsByClass(harmony.ChordSymbol)
    assert {p.pitchClass for p in symbol.pitches} == chord.pitch_classes and symbol.bass().pitchClass == 7


def test_compressed_musicxml_and_a_song_without_pitched_tracks(tmp_path):
    path = tmp_path / "drums.mxl"
    song = Song(tracks=(Track(1, name="Kit", channel=9, notes=(n(0, 36, 10),)),),
                chords=(ChordEvent(0, parse_chord("G7")),))
    assert export_musicxml(song, path) == ["Kit"]
    assert path.read_bytes()[:2] == b"PK"
    score = converter.parse(path)
    assert [p.partName for p in score.parts] == ["Chords"]
    assert [s.figure for s in score.recurse().getElementsByClass(harmony.ChordSymbol)] == ["G7"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drums.mxl"]


def test_a_real_song_keeps_every_pitch(tmp_path):
    song = read_midi(MIDI_DIR / "pop909_331.mid")
    path = tmp_path / "pop.musicxml"
    assert export_musicxml(song, path) == []
    score = converter.parse(path)
    assert len(score.parts) == len(song.tracks)
    for track, part in zip(song.tracks, score.parts):
        assert Counter(p for _, p in sounding(part)) == Counter(note.pitch for note in track.notes)
    assert {ts.ratioString for ts in score.recurse().getElementsByClass(meter.TimeSignature)} == {
        str(m) for m in song.meters}
