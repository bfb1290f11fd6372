"""POP909 -> Song on real songs: bars from beat_midi.txt, chords, key, the bass split."""
from collections import Counter

from composer.data import pop909
from composer.data.common import GRID_TICKS, TICKS_PER_QUARTER
from engine.midi import read_midi
from engine.track import TrackRole


def test_bars_meter_key_and_chords_come_from_the_annotations(pop909_001, datasets):
    song = pop909_001.song
    rows = (datasets / "pop909" / "001" / "beat_midi.txt").read_text().split("\n")
    downbeats = sum(1 for r in rows if r.strip() and float(r.split()[2]) == 1)
    assert song.ticks_per_quarter == TICKS_PER_QUARTER
    assert [(m.numerator, m.denominator) for m in song.meters] == [(4, 4)]  # the MIDI itself says 2/4
    assert song.bar_count() in (downbeats, downbeats + 1)  # + the pickup bar when the song has one
    assert (song.keys[0].key.tonic, song.keys[0].key.mode) == (6, "major")  # key_audio.txt: Gb:maj
    named = [e for e in song.chords if e.chord is not None]
    assert named[0].name == "B" and named[0].tick == 4 * TICKS_PER_QUARTER  # first chord on bar 2's downbeat
    # Chords change on beats, and nearly all on the annotated bar lines or half bars.
    assert all(e.tick % TICKS_PER_QUARTER == 0 for e in song.chords)


def test_no_note_is_lost_and_notes_land_on_the_beat_grid(pop909_001, datasets):
    source = read_midi(datasets / "pop909" / "001" / "001.mid")
    song = pop909_001.song
    assert song.note_count == source.note_count
    starts = [n.start for t in song.tracks for n in t.notes]
    on_sixteenths = sum(s % (TICKS_PER_QUARTER // 4) == 0 for s in starts)
    assert on_sixteenths / len(starts) > 0.9  # the rest are played a few ticks off


def test_piano_splits_into_a_low_single_line_bass_and_the_rest(pop909_001):
    tracks = {t.role: t for t in pop909_001.song.tracks}
    bass, piano = tracks[TrackRole.BASS], tracks[TrackRole.ACCOMPANIMENT]
    assert bass.notes and all(n.pitch < pop909.BASS_SPLIT_PITCH for n in bass.notes)
    per_onset = Counter((n.start + GRID_TICKS // 2) // GRID_TICKS for n in bass.notes)
    assert max(per_onset.values()) == 1
    assert len(piano.notes) > len(bass.notes)
    assert [t.name for t in pop909_001.song.tracks] == ["melody", "bridge", "bass", "piano"]


def test_split_rule_keeps_an_arpeggio_over_its_bass_in_the_accompaniment():
    from engine.notes import Note
    notes = (Note(start=0, pitch=40, duration=900), Note(start=120, pitch=47, duration=200),
             Note(start=240, pitch=52, duration=200), Note(start=960, pitch=45, duration=400),
             Note(start=960, pitch=52, duration=400), Note(start=1440, pitch=64, duration=100))
    bass, rest = pop909.split_bass(notes)
    assert [n.pitch for n in bass] == [40, 45]
    assert [n.pitch for n in rest] == [47, 52, 52, 64]


def test_triple_meter_song_gets_three_four_bars(datasets):
    song = pop909.convert(datasets / "pop909" / "034").song  # downbeats every 6 beats, halves every 3
    bars = Counter(str(song.meter_map.meter_at(song.meter_map.bar_start(b))) for b in range(song.bar_count()))
    assert bars.most_common(1)[0][0] == "3/4" and bars["3/4"] > 0.9 * song.bar_count()
