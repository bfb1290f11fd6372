"""Groove (drums), OpenEWLD (lead sheets) and Nottingham (folk) conversions on real files."""
from composer.data import groove
from composer.data.chord_recognition import name_chord
from composer.data.common import DRUM_NOTE_TICKS, TICKS_PER_QUARTER
from engine.chords import parse_chord
from engine.midi import read_midi
from engine.track import DRUM_CHANNEL, TrackRole


def test_groove_hits_are_general_midi_on_a_grid(groove_song, datasets):
    song = groove_song.song
    (drums,) = song.tracks
    assert drums.role is TrackRole.DRUMS and drums.channel == DRUM_CHANNEL
    source = read_midi(datasets / "groove" / "drummer1/session1/1_funk_80_beat_4-4.mid")
    roland_only = {n.pitch for t in source.tracks for n in t.notes} & set(groove.ROLAND_TO_GM)
    assert roland_only, "the file should exercise the mapping"
    assert not {n.pitch for n in drums.notes} & set(groove.ROLAND_TO_GM)
    assert all(n.start % groove.STRAIGHT_STEP == 0 or n.start % groove.TRIPLET_STEP == 0 for n in drums.notes)
    assert all(n.duration == DRUM_NOTE_TICKS for n in drums.notes)
    assert len({(n.start, n.pitch) for n in drums.notes}) == len(drums.notes)
    # Quantizing merges only flams: nearly every hit survives.
    assert len(drums.notes) > 0.9 * source.note_count
    assert groove_song.split == "train"


def test_groove_keeps_its_published_split(groove_rows, datasets):
    row = next(r for r in groove_rows if r["split"] == "validation")
    assert groove.convert(datasets, row).split == "validation"


def test_groove_bar_quantizer_picks_triplets_for_a_shuffle():
    shuffle = [(0, 42, 80), (322, 42, 70), (480, 42, 80), (798, 42, 70), (960, 38, 100), (1283, 42, 70)]
    straight = [(0, 42, 80), (118, 42, 70), (242, 42, 80), (360, 42, 70), (480, 38, 100)]
    assert [n.start for n in groove.quantize_hits(shuffle, 4 * TICKS_PER_QUARTER)] == [0, 320, 480, 800, 960, 1280]
    assert [n.start for n in groove.quantize_hits(straight, 4 * TICKS_PER_QUARTER)] == [0, 120, 240, 360, 480]


def test_openewld_lead_sheet_has_melody_chords_and_a_padded_pickup(openewld_pickup):
    song = openewld_pickup.song
    (melody,) = song.tracks
    assert melody.role is TrackRole.MELODY and len(melody.notes) > 30
    bar = song.meters[0].bar_ticks(TICKS_PER_QUARTER)
    assert melody.notes[0].start == bar - TICKS_PER_QUARTER  # the one-beat pickup ends bar 1
    assert len([e for e in song.chords if e.chord]) > 10
    assert all(e.tick % bar in (0, bar // 2) for e in song.chords)  # symbols on bar lines / half bars
    assert openewld_pickup.song_id == "Al_Dubin-Harry_Warren/September_in_the_Rain"


def test_nottingham_chord_lane_is_read_back_from_the_blocks(nottingham_ashover1):
    song = nottingham_ashover1.song
    melody, chords = song.tracks
    assert (melody.role, chords.role) == (TrackRole.MELODY, TrackRole.CHORDS)
    assert {(m.numerator, m.denominator) for m in song.meters} == {(3, 4), (2, 4)}  # 2/4 repeat-end bars
    assert song.chords[0].name == "G" and song.chords[0].tick == 3 * TICKS_PER_QUARTER
    assert nottingham_ashover1.licence == "GPL-3.0"


def test_chord_names_from_pitches():
    assert name_chord([48, 52, 55]) == parse_chord("C")
    assert name_chord([52, 55, 60]) == parse_chord("C/E")
    assert name_chord([43, 47, 50, 53]) == parse_chord("G7")
    assert name_chord([36, 39, 42]) == parse_chord("Cdim")
    assert name_chord([60]) is None and name_chord([60, 61, 62]) is None
