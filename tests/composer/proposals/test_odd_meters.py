"""A proposal works whatever the meters of bars outside its window; a context bar in a meter the tokens lack is
read at a meter of the same length, or left out of the context, with a warning; the bar itself never changes.

Issue 19: a chord proposal for bars 9-16 failed because bar 1 was in 4/16
("the model cannot read this song: bar 1: meter 4/16 is not in the token vocabulary").
Real song (POP909 001 as the MIDI import reads it), real tiny model.
"""
from __future__ import annotations

import pytest

from composer.proposals import Controls, ProposalError, Region, Task, propose
from composer.proposals.plan import make_plan, pass_grid, pass_prompt, fill_reserve
from composer.tokens.grid import song_grid
from engine.timing import TimeSignature

MELODY = 1


def with_first_bar(song, numerator: int, denominator: int):
    """The song with bar 1 in numerator/denominator, the rest in its own 2/4."""
    first = TimeSignature(0, numerator, denominator)
    return song.with_(meters=(first, TimeSignature(first.bar_ticks(song.ticks_per_quarter), 2, 4)))


def prompt_windows(song, region, task):
    plan = make_plan(song, region, task, Controls(), 1024)
    windows = []
    for this_pass in plan.passes:
        _, window = pass_prompt(plan, pass_grid(plan, {}, this_pass), this_pass, fill_reserve(plan, this_pass))
        windows.append(window)
    return plan, windows


def test_a_4_16_bar_before_the_region_no_longer_stops_a_chord_proposal(pop_song, tiny_model):
    song = with_first_bar(pop_song, 4, 16)
    with pytest.raises(ValueError, match="4/16 is not in the token vocabulary"):
        song_grid(song)                                  # the strict grid (training data) still refuses it
    candidates = propose(song, Region(8, 15), Task.CHORDS, Controls(seed=2), model=tiny_model)
    assert candidates and all(c.chords for c in candidates)
    after = candidates[0].to_edit(song).apply(song)
    assert after.meters == song.meters                   # the bar itself never changes


def test_a_bar_of_a_same_length_meter_is_read_as_it_with_a_warning(pop_song):
    song = with_first_bar(pop_song, 4, 16)
    plan, windows = prompt_windows(song, Region(1, 4, (MELODY,)), Task.MELODY)
    assert all(0 in w for w in windows)                  # bar 1 is in the context
    assert plan.grid.meters[0] == (2, 8)                 # a sixteenth-based bar of one quarter: 2/8
    assert plan.warnings == ["bar 1 (4/16) is read as 2/8, a meter the model knows"]


def test_a_bar_no_known_meter_fits_is_left_out_of_the_context_with_a_warning(pop_song, tiny_model):
    song = with_first_bar(pop_song, 5, 16)
    plan, windows = prompt_windows(song, Region(1, 4, (MELODY,)), Task.MELODY)
    assert all(w.start == 1 for w in windows)            # the window grows to the right only
    assert plan.warnings == ["bar 1 (5/16) is left out of the model's context: no meter the model knows lasts as long"]
    candidates = propose(song, Region(1, 4, (MELODY,)), Task.MELODY, Controls(seed=1), model=tiny_model)
    assert candidates[0].notes[MELODY]
    assert candidates[0].warnings[0] == plan.warnings[0]   # the user is told, on the take (the app shows it)


def test_a_region_on_such_a_bar_is_refused_in_one_line(pop_song):
    song = with_first_bar(pop_song, 5, 16)
    with pytest.raises(ProposalError) as error:
        make_plan(song, Region(0, 3, (MELODY,)), Task.MELODY, Controls(), 1024)
    assert str(error.value) == "bar 1 is in 5/16, a meter the model cannot write; choose bars without it"


@pytest.mark.parametrize("meter, read_as, readable", [
    ((4, 16), (2, 8), True), ((6, 16), (3, 8), True), ((8, 8), (4, 4), True), ((2, 1), (4, 2), True),
    ((12, 16), (6, 8), True), ((5, 16), None, False), ((9, 4), None, False)])
def test_each_odd_meter_is_read_at_a_known_meter_of_its_length_or_marked_unreadable(pop_song, meter, read_as, readable):
    grid = song_grid(with_first_bar(pop_song, *meter), lenient=True)
    assert grid.own_meters == ((0, meter),) and (0 in grid.unreadable) is not readable
    if readable:
        assert grid.meters[0] == read_as
    assert grid.meters[1:] == song_grid(pop_song).meters[:len(grid.meters) - 1]   # the other bars: their own
