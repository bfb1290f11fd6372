"""A melody asked of an ensemble part lies where the part joins it and sounds with the other parts (issue 19).

The register centre (the default range's middle drawn towards the part's own
notes in the bar on each side of the region), the octave placement and the
pull towards it, and the chord tones of a melody over harmony the other parts
play. Real orchestral file (Beethoven's first symphony, first movement,
MuseScore's MIDI export), real tiny model.
"""
from __future__ import annotations

import pytest

from composer.proposals import Controls, Region, Task, propose
from composer.proposals.plan import make_plan
from composer.proposals.ranges import (
    EDGE_BARS,
    EDGE_WEIGHT,
    PLACE_BEYOND,
    PULL,
    place_in_register,
    register_pull,
)
from composer.proposals.rules import CHORD_TONE_BONUS, ENSEMBLE_CHORD_TONE_BONUS, MELODY_BEAT_TONE_BONUS
from engine.chords import Chord, ChordEvent
from engine.midi import read_midi
from engine.notes import Note
from tests.composer.proposals.cell_rule_helpers import first_pass_rules

FLUTE_1 = 1
BARS = range(20, 24)   # bars 21-24


@pytest.fixture(scope="module")
def symphony(datasets):
    return read_midi(datasets / "openscore-orchestra" / "midi" / "Beethoven,_Ludwig_van" / "Symphony_No.1,_Op.21"
                     / "1" / "Beethoven_Op.21_1.mid")


def _edge_notes(song, track_id):
    """The part's notes in the EDGE_BARS bars on each side of BARS."""
    before = song.meter_map.bar_range(BARS.start - EDGE_BARS, BARS.start - 1)
    after = song.meter_map.bar_range(BARS.stop, BARS.stop + EDGE_BARS - 1)
    return [n for a, b in (before, after) for n in song.track(track_id).notes_between(a, b)]


def _edges_up_an_octave(song, track_id):
    """The song with the part's notes beside the region an octave higher: a line that joins the part up there."""
    edges = set(_edge_notes(song, track_id))
    track = song.track(track_id)
    return song.with_track(track.with_(notes=tuple(sorted(n.with_(pitch=n.pitch + 12) if n in edges else n
                                                          for n in track.notes))))


def test_the_centre_leans_towards_the_parts_notes_beside_the_region(symphony):
    song = _edges_up_an_octave(symphony, FLUTE_1)
    edges = _edge_notes(song, FLUTE_1)
    assert edges, "the flute plays beside bars 21-24 in this file"
    plan = make_plan(song, Region(BARS.start, BARS.stop - 1, (FLUTE_1,)), Task.MELODY, Controls(), 1024)
    low, high = plan.ranges[FLUTE_1]
    edge_mean = sum(n.pitch for n in edges) / len(edges)
    assert plan.centres[FLUTE_1] == pytest.approx((1 - EDGE_WEIGHT) * (low + high) / 2 + EDGE_WEIGHT * edge_mean)
    assert plan.centres[FLUTE_1] > (low + high) / 2 + 2      # not the middle of the range: the edges lie higher


def test_a_part_silent_beside_the_region_is_centred_on_its_range_and_a_users_range_has_no_centre(symphony):
    flute = symphony.track(FLUTE_1)
    edges = set(_edge_notes(symphony, FLUTE_1))
    song = symphony.with_track(flute.with_(notes=tuple(n for n in flute.notes if n not in edges)))
    plan = make_plan(song, Region(BARS.start, BARS.stop - 1, (FLUTE_1,)), Task.MELODY, Controls(), 1024)
    assert plan.centres[FLUTE_1] == sum(plan.ranges[FLUTE_1]) / 2
    given = make_plan(song, Region(BARS.start, BARS.stop - 1, (FLUTE_1,)), Task.MELODY,
                      Controls(pitch_range=(60, 84)), 1024)
    assert given.centres == {}


def _line(pitches):
    return [Note(480 * i, p, 480, 80) for i, p in enumerate(pitches)]


def test_a_line_moves_towards_the_centre_not_the_middle_of_its_range():
    written = _line([62, 64, 65, 67, 65, 64])                  # mean 64.5
    assert place_in_register(written, (60, 90), centre=66.0) == written          # near where the part joins
    moved = place_in_register(written, (60, 90))                                  # the middle (75) alone: up
    assert [n.pitch for n in moved] == [n.pitch + 12 for n in written]
    down = place_in_register(_line([79, 81, 83, 81]), (60, 90), centre=68.0)      # 13 over the centre: down
    assert [n.pitch for n in down] == [67, 69, 71, 69]


def test_the_pull_costs_a_pitch_by_its_distance_from_the_centre():
    pull = register_pull(72.0)
    assert pull[72] == 0 and pull[84] == pytest.approx(-PULL) and pull[60] == pytest.approx(-PULL)
    assert pull[78] == pytest.approx(-PULL / 2) and (pull[:72] < pull[1:73]).all()


def test_a_melody_rule_carries_the_pull_and_ensemble_chord_tones(symphony):
    rules = first_pass_rules(symphony, Region(BARS.start, BARS.stop - 1, (FLUTE_1,)), Task.MELODY)
    plan = make_plan(symphony, Region(BARS.start, BARS.stop - 1, (FLUTE_1,)), Task.MELODY, Controls(), 1024)
    centre = plan.centres[FLUTE_1]
    for rule in rules:
        assert rule.pitch_bias is not None and abs(int(rule.pitch_bias.argmax()) - centre) <= 0.5
        assert rule.chord_tone_bonus == ENSEMBLE_CHORD_TONE_BONUS["melody"] > CHORD_TONE_BONUS["melody"]


def test_a_variation_keeps_the_old_lines_register_without_a_pull(symphony):
    rules = first_pass_rules(symphony, Region(BARS.start, BARS.stop - 1, (FLUTE_1,)), Task.VARIATION_CONTOUR)
    assert rules and all(rule.pitch_bias is None for rule in rules if not rule.chords)


def test_a_melody_over_chord_symbols_weighs_chord_tones_by_beat_and_gets_no_pull(symphony):
    start = symphony.meter_map.bar_start(BARS.start)
    with_chords = symphony.with_(chords=(ChordEvent(start, Chord(0, "maj")),))
    rules = first_pass_rules(with_chords, Region(BARS.start, BARS.stop - 1, (FLUTE_1,)), Task.MELODY)
    assert {(rule.chord_tone_bonus, rule.weak_beat_tone_bonus) for rule in rules} == {MELODY_BEAT_TONE_BONUS}
    assert all(rule.pitch_bias is None for rule in rules)     # a lead sheet's tune keeps the model's register


def test_a_piano_tune_without_chord_symbols_is_neither_pulled_nor_leaned_on_chord_tones(symphony):
    """The same part played on a piano (a pop song's MIDI, no chord symbols): register and chord-tone weight
    are the model's and the plain bonus's (POP909 without its chords came out flatter with them)."""
    flute = symphony.track(FLUTE_1)
    on_piano = symphony.with_track(flute.with_(program=0, program_changes=()))
    rules = first_pass_rules(on_piano, Region(BARS.start, BARS.stop - 1, (FLUTE_1,)), Task.MELODY)
    assert rules and all(rule.pitch_bias is None for rule in rules)
    assert {rule.chord_tone_bonus for rule in rules} == {CHORD_TONE_BONUS["melody"]}


def test_a_flute_tune_over_a_piano_is_neither_pulled_nor_leaned_on_chord_tones(symphony):
    """The flute kept, every other part played on a piano (a tune over a piano, as a song with a piano
    accompaniment is): the ensemble rules are for an orchestra or a quartet (Lieder came out flatter)."""
    others_on_piano = symphony.with_(tracks=tuple(t if t.id == FLUTE_1 or t.is_drums
                                                  else t.with_(program=0, program_changes=())
                                                  for t in symphony.tracks))
    rules = first_pass_rules(others_on_piano, Region(BARS.start, BARS.stop - 1, (FLUTE_1,)), Task.MELODY)
    assert rules and all(rule.pitch_bias is None for rule in rules)
    assert {rule.chord_tone_bonus for rule in rules} == {CHORD_TONE_BONUS["melody"]}


def test_a_melody_joining_its_part_an_octave_up_is_written_near_there(symphony, tiny_model):
    """Whatever register the model writes in, the proposal's mean lies within the placement's threshold of the
    centre (raised by the part's notes beside the region), or the line spans too much to move."""
    song = _edges_up_an_octave(symphony, FLUTE_1)
    region = Region(BARS.start, BARS.stop - 1, (FLUTE_1,))
    plan = make_plan(song, region, Task.MELODY, Controls(), 1024)
    low, high = plan.ranges[FLUTE_1]
    for seed in range(3):
        line = propose(song, region, Task.MELODY, Controls(seed=seed), tiny_model)[0].notes[FLUTE_1]
        mean = sum(n.pitch for n in line) / len(line)
        span = max(n.pitch for n in line) - min(n.pitch for n in line)
        assert abs(mean - plan.centres[FLUTE_1]) <= PLACE_BEYOND or span > (high - low) - 12
