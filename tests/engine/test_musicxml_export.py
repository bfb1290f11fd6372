"""Our MusicXML writer (engine/musicxml_export/): note values, exact tuplets, spelling, size, cancel."""
from __future__ import annotations

import random
import zipfile
from collections import Counter
from fractions import Fraction

import pytest

from engine.keys import Key, KeySignature
from engine.musicxml import ExportCancelled, export_musicxml
from engine.musicxml_export.durations import written
from engine.musicxml_import import import_musicxml
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole


@pytest.mark.parametrize("quarters, drawn", [
    (Fraction(1), [("quarter", 0, 1)]), (Fraction(3, 2), [("quarter", 1, 1)]), (Fraction(7, 4), [("quarter", 2, 1)]),
    (Fraction(5, 4), [("quarter", 0, 1), ("16th", 0, 1)]), (Fraction(2, 3), [("quarter", 0, 3)]),
    (Fraction(1, 6), [("16th", 0, 3)]), (Fraction(3, 5), [("eighth", 1, 5)]), (Fraction(1, 7), [("16th", 0, 7)]),
    (Fraction(1, 9), [("32nd", 0, 9)]), (Fraction(12), [("breve", 1, 1)]), (Fraction(3), [("half", 1, 1)]),
])
def test_lengths_become_note_values(quarters, drawn):
    divisions = 2520
    pieces = written(int(quarters * divisions), divisions)
    assert [(p.type, p.dots, p.actual) for p in pieces] == drawn
    assert sum(p.duration for p in pieces) == quarters * divisions


def test_every_notatable_length_adds_up_exactly():
    """Every length on engine.notation_grid's grid (denominators up to 96 dividing 10080), up to a whole note."""
    divisions = 10080
    for duration in range(1, 4 * divisions + 1):
        if Fraction(duration, divisions).denominator <= 96:
            assert sum(p.duration for p in written(duration, divisions)) == duration


def notes_of(song: Song) -> Counter:
    return Counter((n.start * 10080 // song.ticks_per_quarter, n.pitch, n.duration * 10080 // song.ticks_per_quarter)
                   for t in song.tracks for n in t.notes)


def test_a_score_with_tuplets_is_written_exactly(tmp_path):
    tpq = 2520  # quintuplet, septuplet and triplet sixteenths are whole ticks
    notes = [Note(start=i * tpq // 5, pitch=60 + i % 5, duration=tpq // 5, velocity=80) for i in range(10)]
    notes += [Note(start=2 * tpq + i * tpq // 7, pitch=70, duration=tpq // 7, velocity=80) for i in range(7)]
    notes += [Note(start=3 * tpq + i * tpq // 6, pitch=72, duration=tpq // 6, velocity=80) for i in range(6)]
    song = Song(tracks=(Track(1, name="Flute", program=73, notes=tuple(notes)),), ticks_per_quarter=tpq)
    path = tmp_path / "tuplets.musicxml"
    export_musicxml(song, path)
    text = path.read_text()
    assert "<actual-notes>5</actual-notes>" in text and "<actual-notes>7</actual-notes>" in text
    back = import_musicxml(path).song
    assert notes_of(back) == notes_of(song)


def test_black_keys_are_spelled_by_the_key_signature(tmp_path):
    song = Song(tracks=(Track(1, notes=(Note(0, 70, 480, 80), Note(480, 63, 480, 80))),),
                keys=(KeySignature(0, Key(10, "major")),))
    path = tmp_path / "flat.musicxml"
    export_musicxml(song, path)
    text = path.read_text()
    assert "<step>B</step><alter>-1</alter>" in text and "<step>E</step><alter>-1</alter>" in text
    assert "<fifths>-2</fifths><mode>major</mode>" in text


def played_song(note_count: int, tracks: int = 4) -> Song:
    """Played notes: off the grid, overlapping (chords, held notes in other voices), tied over bar lines;
    never two of one pitch at once in a track (our reader joins ties by pitch and time, not by voice)."""
    rng = random.Random(5)
    result = []
    for index in range(tracks):
        tick, notes, free = 0, [], {}
        while len(notes) < note_count // tracks:
            pitch = 40 + index * 8 + rng.randrange(20)
            start = tick + rng.randint(0, 9)
            if free.get(pitch, 0) <= start - 60:
                notes.append(Note(start=start, pitch=pitch, duration=rng.choice((90, 230, 470, 1900)),
                                  velocity=rng.randrange(40, 120)))
                free[pitch] = notes[-1].end
            tick += rng.choice((0, 120, 240))
        result.append(Track(index + 1, name=f"Part {index}", role=TrackRole.MELODY, channel=index,
                            notes=tuple(sorted(notes))))
    return Song(tracks=tuple(result))


def test_a_big_performance_reads_back_with_every_note(tmp_path):
    """20,000 played notes (overlaps, ties over bar lines, chords): every pitch comes back, onsets on the grid."""
    song = played_song(20_000)
    path = tmp_path / "big.mxl"
    export_musicxml(song, path)
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.read("mimetype") == b"application/vnd.recordare.musicxml"
    back = import_musicxml(path).song
    for original, read in zip(song.tracks, back.tracks):
        assert Counter(n.pitch for n in read.notes) == Counter(n.pitch for n in original.notes)
        assert all(abs(a.start - b.start) <= 40 for a, b in zip(sorted(original.notes), sorted(read.notes)))


def test_a_cancelled_export_leaves_the_old_file_and_nothing_else(tmp_path):
    target = tmp_path / "kept.musicxml"
    target.write_text("old")
    heard = []

    def progress(fraction: float) -> None:
        heard.append(fraction)
        if len(heard) == 2:
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        export_musicxml(played_song(2000), target, progress)
    assert heard == [0.25, 0.5]
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["kept.musicxml"]


def test_transposing_instruments_are_written_at_written_pitch_and_read_back_sounding(tmp_path):
    from music21 import converter

    from engine.chords import ChordEvent, parse_chord

    concert = (Note(0, 60, 480, 80), Note(480, 65, 480, 80), Note(960, 70, 960, 80))
    song = Song(tracks=(Track(1, name="Clarinet", program=71, notes=concert),
                        Track(2, name="Tenor sax", program=66, channel=1, notes=concert),
                        Track(3, name="Flute", program=73, channel=2, notes=concert)),
                keys=(KeySignature(0, Key(5, "major")),), chords=(ChordEvent(0, parse_chord("F")),))
    path = tmp_path / "band.musicxml"
    export_musicxml(song, path)
    text = path.read_text()
    clarinet, sax, flute = text.split('<part id="P')[1:]
    assert "<transpose><diatonic>-1</diatonic><chromatic>-2</chromatic></transpose>" in clarinet
    assert "<octave-change>-1</octave-change>" in sax and "<transpose>" not in flute
    assert "<fifths>1</fifths>" in clarinet and "<fifths>-1</fifths>" in flute  # G major for concert F
    assert "<step>D</step><octave>4</octave>" in clarinet and "<step>D</step><octave>5</octave>" in sax
    assert "<root-step>G</root-step>" in clarinet  # the chord symbol at written pitch too
    back = import_musicxml(path).song
    assert [t.notes for t in back.tracks] == [concert] * 3
    assert back.keys[0].key == Key(5, "major") and back.chords[0].chord == parse_chord("F")
    score = converter.parse(path).toSoundingPitch()
    for part in score.parts:
        assert [n.pitch.midi for n in part.recurse().notes if n.isNote] == [60, 65, 70]
