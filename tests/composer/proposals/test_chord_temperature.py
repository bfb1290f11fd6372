"""Chords are sampled cooler than notes (rules.CHORD_TEMPERATURE_FACTOR; measured in docs/PROPOSALS.md): the
chord cells carry the factor, and the decoder samples their tokens at the proposal's temperature times it.
The real tiny checkpoint proposes the chords; chord following off, so what decides is the sampling alone."""
from __future__ import annotations

from cell_rule_helpers import first_pass_rules
from test_chord_fit import arpeggio_song

from composer.proposals import Controls, Region, Task, plan, propose
from composer.proposals.rules import CHORD_TEMPERATURE_FACTOR


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


def test_the_decoder_samples_chords_at_the_cells_temperature(tiny_model, monkeypatch):
    """Nearly frozen (factor 0.01), every seed writes the model's likeliest chords; at the full temperature
    the near-untrained tiny model's chords differ from seed to seed."""
    monkeypatch.setattr(plan, "CHORD_TEMPERATURE_FACTOR", 0.01)
    assert len(_chord_lanes(tiny_model, range(4))) == 1
    monkeypatch.setattr(plan, "CHORD_TEMPERATURE_FACTOR", 1.0)
    assert len(_chord_lanes(tiny_model, range(4))) > 1
