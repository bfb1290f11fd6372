"""Note operations: properties over random notes plus worked examples of each policy."""
from collections import Counter

import pytest
from hypothesis import given, strategies as st

from engine.keys import Key
from engine.notes import Note
from engine.operations import (OperationError, humanize, legato, notes_edit, quantize, scale_velocity, transpose,
                               transpose_in_scale)
from engine.song import Song
from engine.track import Track

notes_st = st.builds(lambda start, pitch, duration, velocity: Note(start=start, pitch=pitch, duration=duration,
                                                                    velocity=velocity),
                     st.integers(0, 20_000), st.integers(0, 127), st.integers(0, 4000), st.integers(1, 127))
note_lists = st.lists(notes_st, max_size=40)
grids = st.sampled_from([1, 30, 60, 80, 120, 160, 240, 480, 7])
fractions = st.floats(0, 1, allow_nan=False)


def n(start, pitch=60, duration=100, velocity=80):
    return Note(start=start, pitch=pitch, duration=duration, velocity=velocity)


# --- quantize ---------------------------------------------------------------
@given(note_lists, grids)
def test_full_strength_puts_every_start_on_the_grid(notes, grid):
    assert all(note.start % grid == 0 for note in quantize(notes, grid))


@given(note_lists, grids, st.booleans(), fractions)
def test_zero_strength_is_identity(notes, grid, ends, swing):
    assert quantize(notes, grid, strength=0.0, swing=swing, quantize_ends=ends) == tuple(notes)


@given(note_lists, grids, fractions, fractions, st.booleans())
def test_quantize_moves_partway_and_never_further_than_half_a_swung_pair(notes, grid, strength, swing, ends):
    result = quantize(notes, grid, strength=strength, swing=swing, quantize_ends=ends)
    assert len(result) == len(notes)
    for before, after in zip(notes, result):
        assert after.start >= 0 and after.pitch == before.pitch and after.velocity == before.velocity
        assert abs(after.start - before.start) <= grid  # the nearest line is never further than one step
        if not ends:
            assert after.duration == before.duration


@given(note_lists, grids, st.booleans())
def test_quantize_is_idempotent_at_full_strength(notes, grid, ends):
    once = quantize(notes, grid, quantize_ends=ends)
    assert quantize(once, grid, quantize_ends=ends) == once


@given(note_lists, st.sampled_from([60, 120, 240]))
def test_quantized_ends_land_on_the_grid_after_the_start(notes, grid):
    for note in quantize(notes, grid, quantize_ends=True):
        assert note.end % grid == 0 and note.duration >= grid


def test_ties_go_to_the_earlier_line_and_strength_moves_partway():
    assert [x.start for x in quantize([n(60), n(61), n(59)], 120)] == [0, 120, 0]
    assert quantize([n(100)], 120, strength=0.5)[0].start == 110


def test_swing_delays_every_second_grid_line():
    # 1/8 grid at 480 tpq: the off-beat eighth moves from 240 to 240 + 2/3 * 240 / 2 = 320 (triplet feel).
    result = quantize([n(0), n(250), n(480), n(700)], 240, swing=2 / 3)
    assert [x.start for x in result] == [0, 320, 480, 800]
    assert quantize([n(350)], 240, swing=1.0)[0].start == 360  # dotted: 3:1


def test_short_note_end_goes_to_the_next_line_not_onto_its_start():
    assert quantize([n(5, duration=10)], 120, quantize_ends=True)[0] == n(0, duration=120)
    assert quantize([n(100, duration=290)], 120, quantize_ends=True)[0] == n(120, duration=240)


@pytest.mark.parametrize("kwargs", [dict(grid_ticks=0), dict(grid_ticks=120, strength=1.5),
                                    dict(grid_ticks=120, swing=-0.1), dict(grid_ticks=120, strength=float("nan"))])
def test_quantize_refuses_bad_settings(kwargs):
    with pytest.raises(OperationError):
        quantize([n(0)], **kwargs)


# --- transpose --------------------------------------------------------------
@given(note_lists, st.integers(-40, 40))
def test_transpose_there_and_back_is_identity(notes, semitones):
    try:
        moved = transpose(notes, semitones)
    except OperationError:
        assert any(not 0 <= note.pitch + semitones <= 127 for note in notes)
        return
    assert [a.pitch - b.pitch for a, b in zip(moved, notes)] == [semitones] * len(notes)
    assert transpose(moved, -semitones) == tuple(notes)


def test_transpose_refuses_and_counts_the_notes_that_would_leave_the_range():
    with pytest.raises(OperationError, match=r"^transposing by \+12 semitones would move 2 note\(s\) outside"):
        transpose([n(0, pitch=120), n(0, pitch=60), n(0, pitch=127)], 12)


C_MAJOR = Key(0, "major")


def test_in_scale_steps_follow_the_scale():
    pitches = [60, 64, 71, 72]  # C E B C
    assert [x.pitch for x in transpose_in_scale([n(0, pitch=p) for p in pitches], 2, C_MAJOR)] == [64, 67, 74, 76]
    assert [x.pitch for x in transpose_in_scale([n(0, pitch=60)], -1, Key(9, "minor"))] == [59]
    assert [x.pitch for x in transpose_in_scale([n(0, pitch=60)], 7, C_MAJOR)] == [72]


def test_out_of_scale_notes_go_to_the_neighbour_in_the_direction_of_travel():
    c_sharp = [n(0, pitch=61)]
    assert transpose_in_scale(c_sharp, 1, C_MAJOR)[0].pitch == 62
    assert transpose_in_scale(c_sharp, -1, C_MAJOR)[0].pitch == 60
    assert transpose_in_scale(c_sharp, 2, C_MAJOR)[0].pitch == 64
    assert transpose_in_scale(c_sharp, 0, C_MAJOR)[0].pitch == 61


in_keys = st.builds(Key, st.integers(0, 11), st.sampled_from(["major", "minor", "dorian", "blues", "chromatic"]))


@given(in_keys, st.lists(st.integers(40, 90), max_size=20), st.integers(-12, 12))  # 12 pentatonic steps < 30 semitones
def test_in_scale_there_and_back_is_identity_for_scale_notes(key, pitches, steps):
    notes = [n(i, pitch=p) for i, p in enumerate(pitches) if key.contains(p)]
    moved = transpose_in_scale(notes, steps, key)
    assert all(key.contains(note.pitch) for note in moved)
    assert transpose_in_scale(moved, -steps, key) == tuple(notes)


@given(in_keys, st.integers(0, 127), st.integers(-10, 10).filter(bool))
def test_in_scale_moves_in_the_direction_asked_and_lands_in_the_scale(key, pitch, steps):
    try:
        moved = transpose_in_scale([n(0, pitch=pitch)], steps, key)[0].pitch
    except OperationError:
        return
    assert key.contains(moved) and (moved - pitch) * steps > 0


def test_in_scale_refuses_past_the_keyboard():
    with pytest.raises(OperationError, match="1 note"):
        transpose_in_scale([n(0, pitch=127), n(0, pitch=60)], 1, C_MAJOR)


# --- humanize ---------------------------------------------------------------
@given(note_lists, st.integers(), st.integers(0, 200), st.integers(0, 60))
def test_humanize_is_seeded_bounded_and_order_independent(notes, seed, timing, amount):
    result = humanize(notes, seed, timing, amount)
    assert result == humanize(notes, seed, timing, amount)
    assert Counter(humanize(list(reversed(notes)), seed, timing, amount)) == Counter(result)
    for before, after in zip(notes, result):
        assert after.start >= 0 and abs(after.start - before.start) <= timing
        assert 1 <= after.velocity <= 127 and abs(after.velocity - before.velocity) <= amount
        assert (after.pitch, after.duration) == (before.pitch, before.duration)


def test_humanize_changes_something_and_other_seeds_differ():
    notes = [n(480 * i + 480) for i in range(32)]
    assert humanize(notes, 1, 20, 10) != tuple(notes)
    assert humanize(notes, 1, 20, 10) != humanize(notes, 2, 20, 10)
    assert humanize(notes, 1, 0, 0) == tuple(notes)


def test_humanize_refuses_negative_amounts():
    with pytest.raises(OperationError):
        humanize([n(0)], 0, -1, 0)


# --- legato -----------------------------------------------------------------
@given(note_lists)
def test_legato_leaves_no_gaps_and_no_overlaps(notes):
    result = legato(notes)
    onsets = sorted({note.start for note in notes})
    for before, after in zip(notes, result):
        assert (after.start, after.pitch, after.velocity) == (before.start, before.pitch, before.velocity)
        later = [o for o in onsets if o > after.start]
        assert after.end == (later[0] if later else before.end)


def test_legato_holds_a_chord_to_the_next_onset():
    chord = [n(0, pitch=60, duration=10), n(0, pitch=64, duration=900), n(480, pitch=67, duration=5)]
    assert [x.duration for x in legato(chord)] == [480, 480, 5]


# --- velocity ---------------------------------------------------------------
@given(note_lists, st.floats(0, 5, allow_nan=False), st.integers(-200, 200))
def test_velocities_stay_in_range(notes, factor, offset):
    result = scale_velocity(notes, factor, offset)
    assert all(1 <= note.velocity <= 127 for note in result)
    if factor == 1 and offset == 0:
        assert result == tuple(notes)


def test_scale_velocity_rounds_and_clamps():
    assert [x.velocity for x in scale_velocity([n(0, velocity=v) for v in (1, 50, 100)], 1.5, 3)] == [4, 78, 127]
    with pytest.raises(OperationError):
        scale_velocity([n(0)], -1)


# --- one undoable edit ------------------------------------------------------
@given(note_lists, grids)
def test_an_operation_becomes_one_undoable_edit(notes, grid):
    song = Song(tracks=(Track(id=3, notes=tuple(notes)),))
    selected = song.track(3).notes
    after = quantize(selected, grid, quantize_ends=True)
    edit = notes_edit(3, selected, after, "Quantize")
    edited = edit.apply(song)
    assert Counter(edited.track(3).notes) == Counter(after)
    assert edit.inverse().apply(edited) == song
    assert not set(edit.removed) & set(edit.added)
