"""Originality matching on real tunes: a planted copy is found and named, independent lines are not flagged."""
from __future__ import annotations

import random

import numpy as np
import pytest

from composer.originality.index import IndexBuilder, OriginalityError, OriginalityIndex
from composer.originality.lines import line_codes, track_line
from composer.originality.match import chord_closeness, longest_run, track_closeness
from engine.chords import ChordEvent
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole


def melody(song: Song) -> Track:
    return next(t for t in song.tracks if t.role is TrackRole.MELODY)


def planted_song(source: Song, first: int = 10, count: int = 24, shift: int = 5, seed: int = 3) -> tuple[Song, int]:
    """A new song: 8 random notes, then `count` notes of the source's melody transposed by `shift` (moved to
    another bar), then an ending of 6 notes of its own. Returns the song and how many notes were copied."""
    rng = random.Random(seed)
    copied = sorted(melody(source).notes)[first:first + count]
    notes, tick = [], 0
    for _ in range(8):                                  # an opening of its own
        notes.append(Note(tick, rng.randint(60, 72), 240, 90))
        tick += rng.choice((240, 480))
    offset = tick + 480 - copied[0].start
    notes += [n.with_(start=n.start + offset, pitch=n.pitch + shift) for n in copied]
    tick = notes[-1].start + 480
    for step in (3, -4, 7, -2, 5, -6):                  # a changed ending: other intervals, other rhythm
        notes.append(Note(tick, notes[-1].pitch + step, 360, 90))
        tick += 360
    track = Track(id=1, name="Lead", role=TrackRole.MELODY, notes=tuple(notes))
    return Song(tracks=(track,)), count


def test_a_planted_copy_transposed_with_a_new_ending_is_found_and_named(small_index, indexed_tunes):
    song, copied = planted_song(indexed_tunes["ashover4"])
    found = track_closeness(small_index, song.tracks[0], song.ticks_per_quarter)
    assert found.source == "nottingham" and found.piece == "ashover4"
    # the copy, give or take the edges: the index keeps half the n-grams, so a run is counted between the first and
    # the last it holds (a note or two short), and the notes around the copy may continue it by chance
    assert copied - 3 <= found.longest_match_notes <= copied + 2
    assert found.close and found.track == "Lead"


def test_transposition_does_not_hide_a_copy_but_a_new_rhythm_does(small_index, indexed_tunes):
    source = melody(indexed_tunes["ashover7"])
    line = track_line(source, 480)[:30]
    up = [(p + 7, s) for p, s in line]
    assert longest_run(small_index, line_codes(up)).length >= 30 - 3
    rhythm = [(p, i * 7) for i, (p, _) in enumerate(line)]            # every note 7 steps apart
    assert longest_run(small_index, line_codes(rhythm)).length < 12


def test_held_out_tunes_and_random_lines_stay_under_the_threshold(small_index, held_out_tunes):
    for name, song in held_out_tunes.items():     # their tunes (the chord tracks share folk accompaniment figures)
        found = track_closeness(small_index, melody(song), song.ticks_per_quarter)
        assert found.longest_match_notes < small_index.threshold("tune"), (name, found)
    rng = np.random.default_rng(11)
    pitches = 60 + np.cumsum(rng.integers(-4, 5, 200))
    steps = np.cumsum(rng.choice([3, 6, 12], 200))
    assert longest_run(small_index, line_codes(list(zip(pitches.tolist(), steps.tolist())))).length < 8


def test_a_copied_chord_progression_is_found_in_another_key(small_index, indexed_tunes):
    source = indexed_tunes["ashover2"]
    events = [e for e in source.chords if e.chord is not None][:14]
    start = events[0].tick
    moved = tuple(ChordEvent(e.tick - start + 1920, e.chord.transposed(3)) for e in events)
    found = chord_closeness(small_index, Song(chords=moved))
    assert found.piece == "ashover2" and found.longest_match_notes >= 10 and found.kind == "chords"


def test_a_commonplace_is_no_match_however_long():
    line = [(60 + (i % 2) * 2, i * 6) for i in range(40)]            # a trill: in every piece below
    builder = IndexBuilder(note_sample=1)
    for n in range(20):
        notes = tuple(Note(s * 40, p, 240, 80) for p, s in line)
        builder.add(f"test:{n}", Song(tracks=(Track(id=1, role=TrackRole.MELODY, notes=notes),)))
    index = builder.build()
    assert index.notes.rows == 2          # the two commonplace n-grams (trill up, trill down), one row each
    assert longest_run(index, line_codes(line[:30])).length == 0


def test_a_run_passes_a_few_commonplaces_but_is_not_lengthened_by_them(small_index, indexed_tunes):
    """A quote, then 20 repeated notes (commonplace), then more of the same quote: one run at most as long as
    the quote with the repeated notes between, and never counting repeated notes at its end."""
    source = track_line(melody(indexed_tunes["ashover4"]), 480)
    quote = source[10:24]
    repeated = [(quote[-1][0], quote[-1][1] + 6 * (i + 1)) for i in range(20)]
    plain = longest_run(small_index, line_codes(quote)).length
    assert 12 <= plain <= 14
    assert longest_run(small_index, line_codes(quote + repeated)).length == plain


def test_an_index_survives_saving_and_a_broken_file_is_one_line(small_index, tmp_path, indexed_tunes):
    path = tmp_path / "index.npz"
    small_index.save(path)
    again = OriginalityIndex.load(path)
    assert again.pieces == small_index.pieces and again.threshold("tune") == 12
    assert np.array_equal(again.notes.hashes, small_index.notes.hashes)
    song, _ = planted_song(indexed_tunes["ashover4"])
    assert track_closeness(again, song.tracks[0], 480).piece == "ashover4"
    broken = tmp_path / "broken.npz"
    broken.write_bytes(path.read_bytes()[:300])
    for bad in (broken, tmp_path / "missing.npz"):
        with pytest.raises(OriginalityError) as error:
            OriginalityIndex.load(bad)
        assert str(bad) in str(error.value) and "\n" not in str(error.value)


def test_the_base_rate_counts_held_out_windows_by_group_and_sets_thresholds_above_them(small_index, held_out_tunes):
    from composer.originality.baseline import base_rate, song_windows
    rate = base_rate(small_index, [(f"nottingham:{name}", song) for name, song in held_out_tunes.items()])
    tune, parts = rate["groups"]["tune"], rate["groups"]["parts"]
    assert tune["songs"] == parts["songs"] == 3 and tune["windows"] >= 3 * 4     # 8-bar windows of 32+ bar tunes
    for group in ("tune", "parts", "chords"):
        assert rate["thresholds"][group] >= small_index.gram("chords" if group == "chords" else "notes") + 1
        assert rate["groups"][group]["p100"] < rate["thresholds"][group] or \
            rate["groups"][group]["false_alarms_per_window"] <= 0.01
    windows = song_windows(small_index, next(iter(held_out_tunes.values())))
    assert set(windows) == {"tune", "parts", "chords"} and all(run >= 0 for run in windows["tune"])


def test_a_held_out_song_that_is_a_training_tune_again_is_listed_and_left_out(small_index, held_out_tunes,
                                                                                indexed_tunes):
    from composer.originality.baseline import base_rate
    songs = [(f"nottingham:{name}", song) for name, song in held_out_tunes.items()]
    alone = base_rate(small_index, songs)
    with_copy = base_rate(small_index, songs + [("nottingham:second-ashover4", indexed_tunes["ashover4"])])
    (copy,) = with_copy["same_tune_as_training"]
    assert copy["song"] == "nottingham:second-ashover4" and copy["piece"] == "nottingham:ashover4"
    assert with_copy["groups"] == alone["groups"] and with_copy["thresholds"] == alone["thresholds"]
