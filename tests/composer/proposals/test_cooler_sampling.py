"""Chords, and a bar's note count under auto density, are sampled colder than the rest (rules.CHORD_TEMPERATURE_FACTOR,
rules.DENSITY_TEMPERATURE_FACTOR; measured in docs/PROPOSALS.md): the cells carry the factors, and the decoder
samples at the proposal's temperature times them. The real tiny checkpoint proposes the chords; chord following
off, so what decides is the sampling alone."""
from __future__ import annotations

from cell_rule_helpers import first_pass_rules, writer_past_forced
from test_chord_fit import arpeggio_song

from composer.proposals import Controls, Region, Task, plan, propose
from composer.proposals.grammar_notes import NoteState
from composer.proposals.rules import CHORD_TEMPERATURE_FACTOR, DENSITY_TEMPERATURE_FACTOR


def _chord_lanes(model, seeds: range) -> set[tuple]:
    song = arpeggio_song()
    lanes = set()
    for seed in seeds:
        (candidate,) = propose(song, Region(0, 3), Task.CHORDS, Controls(seed=seed, chord_following="off"), model)
        lanes.add(tuple((e.tick, e.chord) for e in candidate.chords))
    return lanes


def test_chord_cells_carry_the_factor_and_note_cells_the_whole_temperature():
    rules = first_pass_rules(arpeggio_song(), Region(0, 1), Task.CHORDS)
    assert rules and {r.temperature_factor for r in rules if r.chords} == {CHORD_TEMPERATURE_FACTOR}
    assert 0 < CHORD_TEMPERATURE_FACTOR < 1
    melody = first_pass_rules(arpeggio_song(), Region(0, 1, (1,)), Task.MELODY)
    assert melody and {r.temperature_factor for r in melody} == {1.0}
    silent = arpeggio_song().with_(tracks=(arpeggio_song().tracks[0].with_(notes=()),))
    bare = first_pass_rules(silent, Region(0, 1), Task.CHORDS)
    assert bare and {r.temperature_factor for r in bare} == {1.0}   # nothing to harmonise (a sketch's chords)


def test_the_decoder_samples_chords_at_the_cells_temperature(tiny_model, monkeypatch):
    """Nearly frozen (factor 0.01), every seed writes the model's likeliest chords; at the full temperature
    the near-untrained tiny model's chords differ from seed to seed."""
    monkeypatch.setattr(plan, "CHORD_TEMPERATURE_FACTOR", 0.01)
    assert len(_chord_lanes(tiny_model, range(4))) == 1
    monkeypatch.setattr(plan, "CHORD_TEMPERATURE_FACTOR", 1.0)
    assert len(_chord_lanes(tiny_model, range(4))) > 1


def test_the_density_bin_is_sampled_colder_when_the_density_is_left_to_the_proposal():
    """rules.DENSITY_TEMPERATURE_FACTOR (docs/PROPOSALS.md): the DENS token alone, and only under auto density."""
    song = arpeggio_song()
    (rule,) = first_pass_rules(song, Region(1, 1, (1,)), Task.MELODY)
    assert rule.density_temperature_factor == DENSITY_TEMPERATURE_FACTOR < 1
    writer = writer_past_forced([rule])
    assert writer.state is NoteState.DENS
    choice = writer.next_choice()
    assert choice.temperature_factor == DENSITY_TEMPERATURE_FACTOR
    writer.feed(int(choice.mask.nonzero()[0][-1]))
    assert writer.state is NoteState.POLY and writer.next_choice().temperature_factor == 1.0
    (given,) = first_pass_rules(song, Region(1, 1, (1,)), Task.MELODY, Controls(density="high"))
    assert given.density_temperature_factor == 1.0      # the user's density: nothing to lean on
    whole = first_pass_rules(song, Region(0, 3, (1,)), Task.MELODY)    # no bars of the part around it
    assert whole and {r.density_temperature_factor for r in whole} == {1.0}
