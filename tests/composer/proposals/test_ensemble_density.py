"""A melody asked for inside an ensemble: its density keeps under the other parts' pace and follows the part's
own neighbouring bars whatever role the import gave the part (composer/proposals/plan.py `_auto_density`,
rules.pace_bias; measured in benchmarks/bench_ensemble_proposals.py, docs/MODEL.md)."""
from __future__ import annotations

import numpy as np

from cell_rule_helpers import first_pass_rules

from composer.proposals import Region, Task, plan, rules
from composer.tokens.vocab import DENSITY_EDGES
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

TPQ = 480
BAR = 4 * TPQ
BARS = 16
REGION = Region(6, 9, (1,))


def even_notes(count: int, pitch: int, bars=range(BARS)) -> tuple[Note, ...]:
    step = BAR // count
    return tuple(Note(start=bar * BAR + i * step, pitch=pitch + (i % 3), duration=step, velocity=80)
                 for bar in bars for i in range(count))


def ensemble(line_per_bar: int, others_per_bar: int, line_role: TrackRole = TrackRole.MELODY) -> Song:
    line = Track(id=1, name="Flute", role=line_role, program=73, channel=0, notes=even_notes(line_per_bar, 76))
    strings = Track(id=2, name="Strings", role=TrackRole.ACCOMPANIMENT, program=48, channel=1,
                    notes=even_notes(others_per_bar, 55))
    return Song(tracks=(line, strings), ticks_per_quarter=TPQ, title="Ensemble")


def dens_bias(song: Song) -> np.ndarray:
    return first_pass_rules(song, REGION, Task.MELODY)[0].dens_bias


def test_bins_above_the_other_parts_onsets_are_held_back(monkeypatch):
    bias = dens_bias(ensemble(line_per_bar=4, others_per_bar=4))
    edges = np.array(DENSITY_EDGES)
    assert (bias[edges > 4] < bias[edges == 4].max()).all()
    monkeypatch.setattr(rules, "PACE_PENALTY", 0.0)   # the rule off (benchmarks/rule_ablation.py ensemble_pace)
    unpaced = dens_bias(ensemble(line_per_bar=4, others_per_bar=4))
    assert (unpaced[edges == 5] > bias[edges == 5]).all()


def test_other_parts_that_barely_move_say_nothing(monkeypatch):
    paced = dens_bias(ensemble(line_per_bar=8, others_per_bar=1))
    monkeypatch.setattr(rules, "PACE_PENALTY", 0.0)
    np.testing.assert_array_equal(paced, dens_bias(ensemble(line_per_bar=8, others_per_bar=1)))


def test_a_part_the_import_called_accompaniment_follows_its_neighbouring_bars(monkeypatch):
    song = ensemble(line_per_bar=2, others_per_bar=2, line_role=TrackRole.ACCOMPANIMENT)
    bias = dens_bias(song)
    assert DENSITY_EDGES[int(np.argmax(bias))] == 2
    monkeypatch.setattr(plan, "ANY_ROLE_NEIGHBOURS", False)   # ablation ensemble_neighbours
    plain = dens_bias(song)
    assert plain[list(DENSITY_EDGES).index(2)] == 0   # only the empty-bar penalty without the rule
