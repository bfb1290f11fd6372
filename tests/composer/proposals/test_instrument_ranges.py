"""A proposal's default range is the track's instrument range narrowed to the part's register (issue 19).

Real orchestral file (Beethoven's first symphony, first movement, MuseScore's
MIDI export: GM programs, no track names), real tiny model.
"""
from __future__ import annotations

import pytest

from composer.proposals import Controls, Region, Task, propose
from composer.proposals.ranges import MIN_SPAN, PLACE_BEYOND, default_range, place_in_register, register_range
from engine.instruments import gm_instrument, track_instrument
from engine.midi import read_midi
from engine.notes import Note
from engine.track import Track

HORN_1, FLUTE_1, VIOLA = 9, 1, 16   # track ids in the file
BARS = range(20, 24)                # bars 21-24


@pytest.fixture(scope="module")
def symphony(datasets):
    return read_midi(datasets / "openscore-orchestra" / "midi" / "Beethoven,_Ludwig_van" / "Symphony_No.1,_Op.21"
                     / "1" / "Beethoven_Op.21_1.mid")


def around(song, track_id, bars, spread=8):
    start, end = song.meter_map.bar_range(bars.start, bars.stop - 1)
    first = song.meter_map.bar_start(max(0, bars.start - spread))
    last = song.meter_map.bar_start(bars.stop + spread)
    return [n.pitch for n in song.track(track_id).notes_between(first, last) if not start <= n.start < end]


@pytest.mark.parametrize("track_id", [HORN_1, FLUTE_1, VIOLA])
def test_the_default_range_follows_the_parts_register_inside_its_instrument(symphony, track_id):
    track = symphony.track(track_id)
    low, high = default_range(symphony, track, BARS)
    playable = track_instrument(track).playable
    pitches = sorted(around(symphony, track_id, BARS))
    assert playable[0] <= low and high <= playable[1]
    assert high - low < 36 and high - low >= MIN_SPAN                 # never the piano's 88 keys
    inner = pitches[len(pitches) // 10:len(pitches) * 9 // 10]        # the part's register, stray notes aside
    assert low <= inner[0] and inner[-1] <= high


def test_a_silent_track_gets_its_instruments_comfortable_range(symphony):
    horn = symphony.track(HORN_1)
    silent = horn.with_(notes=())
    assert default_range(symphony, silent, BARS) == gm_instrument(60).comfortable


def test_a_register_at_the_edge_slides_inside_the_playable_range():
    cello = gm_instrument(42)
    low, high = register_range(cello, 36, 38)                  # a part on the open C string
    assert low == 36 and high - low == MIN_SPAN


def test_a_horn_melody_stays_in_the_horns_register(symphony, tiny_model):
    low, high = default_range(symphony, symphony.track(HORN_1), BARS)
    candidates = propose(symphony, Region(BARS.start, BARS.stop - 1, (HORN_1,)), Task.MELODY,
                         Controls(candidates=2, seed=3), model=tiny_model)
    for candidate in candidates:
        notes = candidate.notes[HORN_1]
        assert notes and all(low <= n.pitch <= high for n in notes)
        assert not any("playable range" in w for w in candidate.warnings)


def test_a_user_range_wins_and_unplayable_notes_are_reported(symphony, tiny_model):
    horn = symphony.track(HORN_1)
    candidates = propose(symphony, Region(BARS.start, BARS.stop - 1, (HORN_1,)), Task.MELODY,
                         Controls(candidates=1, seed=1, pitch_range=(12, 26), max_attempts=1), model=tiny_model)
    notes = candidates[0].notes[HORN_1]
    assert notes and all(12 <= n.pitch <= 26 for n in notes)         # below the horn's F1: the user's choice
    warnings = [w for w in candidates[0].warnings if "playable range" in w]
    # the request's notice first (the range asked for), then what this take did with it (how many notes)
    assert len(warnings) == 2 and "the range C0-D1 reaches below the French Horn's playable range" in warnings[0]
    assert "below the French Horn's playable range (F1-F5), as the pitch range asked for allows" in warnings[1]
    assert all("\n" not in w and w.startswith(f"{horn.name}: ") for w in warnings)   # one line each, naming the track


def test_notes_inside_the_playable_range_give_no_warning():
    from composer.proposals.ranges import outside_playable
    violin = Track(1, program=40)
    assert outside_playable(violin, "Violin", [Note(0, 55, 10, 80), Note(0, 100, 10, 80)], 0) is None
    assert outside_playable(violin, "Violin", [Note(0, 54, 10, 80)], 0).startswith("Violin: 1 below")


def test_a_user_range_beyond_the_instrument_is_said_once_on_the_plan(symphony):
    from composer.proposals.plan import make_plan

    plan = make_plan(symphony, Region(BARS.start, BARS.stop - 1, (HORN_1, FLUTE_1)), Task.FILL,
                     Controls(pitch_range=(24, 96)), 1024)
    assert plan.warnings == [
        "French Horn 1: the range C1-C7 reaches below and above the French Horn's playable range (F1-F5)",
        "Flute 1: the range C1-C7 reaches below the Flute's playable range (C4-C7)"]
    inside = make_plan(symphony, Region(BARS.start, BARS.stop - 1, (HORN_1,)), Task.MELODY,
                       Controls(pitch_range=(48, 70)), 1024)
    assert inside.warnings == [] and inside.ranges == {HORN_1: (48, 70)}


def _line(pitches):
    return [Note(480 * i, p, 480, 80) for i, p in enumerate(pitches)]


def test_a_line_an_octave_under_the_parts_register_moves_up_whole_octaves():
    written = _line([60, 62, 64, 65, 67, 65, 64, 62])          # mean 63.6, around middle C
    moved = place_in_register(written, (67, 88))               # a violin part lying around A5 (middle 77.5)
    assert [n.pitch - w.pitch for n, w in zip(moved, written)] == [12] * len(written)
    assert [(n.start, n.duration, n.velocity) for n in moved] == [(w.start, w.duration, w.velocity) for w in written]


def test_a_line_near_the_middle_of_its_range_stays_where_the_model_wrote_it():
    written = _line([70, 72, 74, 72])                          # mean 72: 5.5 under the middle, less than a sixth
    assert place_in_register(written, (67, 88)) == written


def test_a_line_that_would_not_fit_the_range_an_octave_up_is_left_alone():
    written = _line([48, 60, 72])                              # a 2-octave line: up an octave leaves the range
    assert place_in_register(written, (48, 84)) == written


def test_a_melody_asked_of_a_silent_part_lies_in_its_range_middle_not_at_its_floor(symphony, tiny_model):
    """Whatever register the model writes in, the proposal's mean is within an octave's half (+ the threshold's
    slack) of the middle of the part's default range, or the line spans too much to move."""
    silent = symphony.with_track(symphony.track(HORN_1).with_(notes=()))
    low, high = default_range(silent, silent.track(HORN_1), BARS)
    for seed in range(3):
        line = propose(silent, Region(BARS.start, BARS.stop - 1, (HORN_1,)), Task.MELODY,
                       Controls(seed=seed), tiny_model)[0].notes[HORN_1]
        mean = sum(n.pitch for n in line) / len(line)
        span = max(n.pitch for n in line) - min(n.pitch for n in line)
        assert abs(mean - (low + high) / 2) <= PLACE_BEYOND or span > (high - low) - 12
