"""Parts lean towards an earlier bar of their own lane (rules.ECHO): a drum groove towards the bar before,
a melody towards the bar 8 back (else 4 back), so grooves hold and tunes repeat their phrases."""
from __future__ import annotations

from pathlib import Path

from cell_rule_helpers import first_pass_rules, writer_past_forced

from composer.proposals import Controls, Region, Task
from composer.proposals.generate import propose
from composer.proposals.grammar_notes import NoteState
from composer.proposals.rules import ECHO, Echo
from composer.tokens.grid import song_grid
from composer.tokens.vocab import VOCAB
from engine.files import load_song_file

MIDI = Path(__file__).resolve().parents[2] / "data" / "midi"
GROOVE = MIDI / "groove_d1s1_100_neworleans-secondline_94_beat_4-4.mid"


def test_a_drum_bar_is_pointed_at_the_bar_before_and_leans_to_its_next_onset():
    song = load_song_file(GROOVE).song
    first, second = first_pass_rules(song, Region(8, 9, (song.tracks[0].id,)), Task.DRUMS)
    assert first.echo == song_grid(song).cells[7][0] and first.echo
    assert second.echo_source == (first.bar, first.lane_token) and second.echo is None
    writer = writer_past_forced([first, second])
    while writer.forced or writer.state is not NoteState.EVENT:
        choice = writer.next_choice()
        writer.feed(choice.forced if choice.forced is not None else int(choice.mask.nonzero()[0][-1]))
    bias = writer.next_choice().bias
    pos = VOCAB.groups["POS"]
    first_onset = min(e.pos for e in first.echo)  # the echoed bar's next onset, and only that one
    assert bias[pos.start + first_onset] == ECHO["drums"].onsets
    assert all(bias[pos.start + p] == 0 for p in range(first.bar_len) if p != first_onset)


def test_a_melody_bar_is_pointed_at_the_bar_eight_back_else_four_back(pop_song):
    melody = pop_song.tracks[0].id
    cells = song_grid(pop_song).cells
    (rule,) = first_pass_rules(pop_song, Region(36, 36, (melody,)), Task.MELODY)
    assert cells[28][0] and rule.echo == cells[28][0]
    (rule,) = first_pass_rules(pop_song, Region(19, 19, (melody,)), Task.MELODY)
    assert not cells[11][0] and cells[15][0] and rule.echo == cells[15][0]  # 8 back is silent: 4 back


def test_a_new_section_does_not_echo_the_section_before(pop_song):
    """Controls.section_start (a sketch's sections): bar 36 echoes bar 28 (8 back); in a section starting at
    bar 32 it leans on bar 32 (4 back, inside the section) instead; starting at 33 there is nothing of its own
    to lean on, and the bar gets no echo."""
    melody = pop_song.tracks[0].id
    cells = song_grid(pop_song).cells
    (rule,) = first_pass_rules(pop_song, Region(36, 36, (melody,)), Task.MELODY, Controls(section_start=28))
    assert cells[28][0] and rule.echo == cells[28][0]
    (rule,) = first_pass_rules(pop_song, Region(36, 36, (melody,)), Task.MELODY, Controls(section_start=32))
    assert cells[32][0] and rule.echo == cells[32][0]
    (rule,) = first_pass_rules(pop_song, Region(36, 36, (melody,)), Task.MELODY, Controls(section_start=33))
    assert rule.echo is None and rule.echo_source is None


def test_a_strong_echo_writes_the_phrase_again(pop_song, tiny_model, monkeypatch):
    """With the weights turned up, the tiny model (which knows little music) writes bar 28's notes into bar 36:
    the echo steers onsets, pitches, lengths and the cell's controls, end to end through propose()."""
    monkeypatch.setitem(ECHO, "melody", Echo((8, 4), 40.0, 40.0))
    melody = pop_song.tracks[0].id
    (candidate,) = propose(pop_song, Region(36, 36, (melody,)), Task.MELODY, Controls(seed=3), tiny_model)
    grid = song_grid(candidate.to_edit(pop_song).apply(pop_song))
    assert [(e.pos, e.pitch) for e in grid.cells[36][0]] == [(e.pos, e.pitch) for e in song_grid(pop_song).cells[28][0]]


def test_a_variation_answers_its_own_bar_not_an_earlier_one(pop_song):
    melody = pop_song.tracks[0].id
    for task in (Task.VARIATION_RHYTHM, Task.VARIATION_CONTOUR):
        (rule,) = first_pass_rules(pop_song, Region(36, 36, (melody,)), task)
        assert rule.echo is None and rule.echo_source is None and rule.echo_onsets == rule.echo_pitches == 0


def test_an_earlier_bar_with_the_rhythm_being_replaced_is_passed_over(pop_song):
    """Regenerating a bar leans away from nothing but also not back to what the user is replacing:
    bar 27's melody has bar 19's rhythm (8 back), so the echo comes from bar 23 (4 back); bar 28's
    has bar 20's and bar 24 is silent, so it echoes nothing."""
    melody = pop_song.tracks[0].id
    cells = song_grid(pop_song).cells
    rhythm = lambda cell: {e.pos for e in cell}  # noqa: E731
    assert rhythm(cells[27][0]) == rhythm(cells[19][0]) != rhythm(cells[23][0])
    (rule,) = first_pass_rules(pop_song, Region(27, 27, (melody,)), Task.MELODY)
    assert rule.echo == cells[23][0]
    assert rhythm(cells[28][0]) == rhythm(cells[20][0]) and not cells[24][0]
    (rule,) = first_pass_rules(pop_song, Region(28, 28, (melody,)), Task.MELODY)
    assert rule.echo is None and rule.echo_onsets == 0


def test_a_melody_leans_back_as_much_as_its_song_repeats_itself(pop_song):
    """The melody's echo follows the context: the song's own repetition outside the region sets its weight
    (rules.echo_scale), so a song that never repeats a bar gets no lean and a looping one the most."""
    from dataclasses import replace

    from composer.proposals.rules import ECHO_MAX_SCALE, ECHO_REFERENCE_RATE, context_repetition, echo_scale

    melody = pop_song.tracks[0].id
    grid = song_grid(pop_song)
    region = range(36, 37)
    rate = context_repetition(grid, 0, region, ECHO["melody"].lags)
    assert rate is not None and 0 < rate < 1
    (rule,) = first_pass_rules(pop_song, Region(36, 36, (melody,)), Task.MELODY)
    expected = min(ECHO_MAX_SCALE, rate / ECHO_REFERENCE_RATE)
    assert rule.echo_pitches == ECHO["melody"].pitches * expected
    # every bar of the melody a copy of bar 0: fully repetitive; every bar different: none
    first = next(row[0] for row in grid.cells if row[0])
    looping = replace(grid, cells=tuple((first, *row[1:]) for row in grid.cells))
    assert echo_scale(ECHO["melody"], looping, 0, region) == ECHO_MAX_SCALE
    shifted = tuple((tuple(replace(e, pitch=e.pitch + b % 12) for e in first), *row[1:])
                    for b, row in enumerate(grid.cells))
    assert echo_scale(ECHO["melody"], replace(grid, cells=shifted), 0, region) == 0.0
    assert echo_scale(ECHO["drums"], looping, 0, region) == 1.0  # the groove's lean does not follow context
