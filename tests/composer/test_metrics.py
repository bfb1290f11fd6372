"""composer/metrics.py: melody shape, drum groove and backbeat, per-beat chord roots.

Hand-made cells where the value can be worked out on paper; real grids from
tests/data/midi (and POP909 song 001 from the datasets, for a real chord lane)
for properties every real song must have.
"""
from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from composer.metrics import (
    context_has_backbeat,
    cosine,
    drum_class,
    groove_similarity,
    groove_step,
    groove_vector,
    has_backbeat,
    pitch_class_entropy,
    random_hits_cell,
    repeat_previous_chords,
    root_agreement,
    tonic_chord_cell,
    repeated_note_share,
    top_pitch_share,
)
from composer.tokens.grid import ChordMark, NoteEvent, song_grid
from engine.chords import Chord
from engine.files import load_song_file

MIDI = Path(__file__).resolve().parents[1] / "data" / "midi"


def notes(*pitches, pos=0):
    return tuple(NoteEvent(pos + 6 * i, p, 6, 80) for i, p in enumerate(pitches))


def hits(*pairs):
    """(pos, pitch) pairs -> drum events."""
    return tuple(NoteEvent(pos, pitch, 0, 80) for pos, pitch in pairs)


def grid_of(name):
    return song_grid(load_song_file(MIDI / name).song)


# --- melody shape ---------------------------------------------------------------------------------------------

def test_entropy_of_hand_made_lines():
    assert pitch_class_entropy(()) is None
    assert pitch_class_entropy(notes(60, 72, 48)) == 0          # one pitch class in three octaves
    assert pitch_class_entropy(notes(60, 67, 60, 67)) == pytest.approx(1.0)
    assert pitch_class_entropy(notes(*range(60, 72))) == pytest.approx(math.log2(12))
    # C C C G: -(3/4 log2 3/4 + 1/4 log2 1/4)
    assert pitch_class_entropy(notes(60, 60, 60, 67)) == pytest.approx(0.75 * math.log2(4 / 3) + 0.25 * 2)


def test_repeated_note_share_reads_the_top_line_across_bars():
    assert repeated_note_share([notes(60)]) is None                              # one onset: nothing to compare
    assert repeated_note_share([notes(60, 60, 62), notes(62, 64)]) == 0.5         # 60-60 and 62|62 of 4 steps
    chord_under = (NoteEvent(0, 48, 6, 80), NoteEvent(0, 60, 6, 80), NoteEvent(6, 52, 6, 80), NoteEvent(6, 60, 6, 80))
    assert repeated_note_share([chord_under]) == 1.0                               # the top notes 60, 60
    assert repeated_note_share([notes(60, 72, 60)]) == 0.0                        # an octave is a new pitch


def test_top_pitch_share_counts_octaves_apart():
    assert top_pitch_share(()) is None
    assert top_pitch_share(notes(60, 72, 60, 67)) == 0.5
    assert top_pitch_share(notes(60, 72)) == 0.5               # same pitch class, two pitches
    assert top_pitch_share(notes(62)) == 1.0


@pytest.mark.parametrize("name", ["pop909_331.mid", "nottingham_ashover1.mid", "nottingham_jigs107.mid"])
def test_melody_shape_of_real_songs(name):
    grid = grid_of(name)
    lane = 0
    line = [e for row in grid.cells for e in row[lane]]
    entropy, share = pitch_class_entropy(line), top_pitch_share(line)
    pitch_classes = {e.pitch % 12 for e in line}
    # Entropy is at most log2 of the pitch classes used; a tune uses more than two and is no chromatic wander.
    assert 1.0 < entropy <= math.log2(len(pitch_classes)) + 1e-9
    assert entropy < math.log2(12)
    assert 1 / len({e.pitch for e in line}) <= share < 0.5
    # Transposing changes neither; the shape is the line's, not its key's.
    up = [NoteEvent(e.pos, e.pitch + 5, e.duration, e.velocity) for e in line]
    assert pitch_class_entropy(up) == pytest.approx(entropy)
    assert top_pitch_share(up) == pytest.approx(share)


# --- drums ----------------------------------------------------------------------------------------------------

def test_drum_classes():
    assert [drum_class(p) for p in (36, 38, 40, 42, 46, 51, 45, 49, 56)] == [
        "kick", "snare", "snare", "hihat_ride", "hihat_ride", "hihat_ride", "toms", "cymbals", "other"]


def test_groove_steps_snap_to_16ths_and_triplets():
    assert [groove_step(p) for p in (0, 3, 4, 6, 8, 9)] == [0, 3, 4, 6, 8, 9]
    assert groove_step(1) == 0 and groove_step(2) == 3 and groove_step(10) == 9
    assert groove_step(11) == 12                                 # a hair before the next beat is that beat
    assert groove_step(12 + 7) == 12 + 6                         # a tie goes to the earlier slot


ROCK = hits((0, 36), (24, 36), (12, 38), (36, 38), *[(p, 42) for p in range(0, 48, 6)])


def test_groove_similarity_of_hand_made_bars():
    assert groove_similarity(ROCK, [ROCK, ROCK]) == pytest.approx(1.0)
    assert groove_similarity(ROCK, [(), ()]) is None and groove_similarity((), [ROCK]) is None
    assert groove_similarity(hits((0, 49)), [ROCK]) == 0          # a crash: no sound the groove has
    # Hats on every 16th of one beat against hats on its 8ths: (1,1,1,1).(1,0,1,0) / (2 * sqrt 2).
    assert cosine(groove_vector(hits((0, 42), (3, 42), (6, 42), (9, 42))),
                  groove_vector(hits((0, 42), (6, 42)))) == pytest.approx(1 / math.sqrt(2))
    # The context is averaged: half its bars the groove, half silent is still the groove.
    assert groove_similarity(ROCK, [ROCK, (), ROCK]) == pytest.approx(1.0)


def test_real_groove_bars_resemble_their_context_more_than_random_hits():
    grid = grid_of("groove_d1s1_100_neworleans-secondline_94_beat_4-4.mid")
    lane = next(i for i, l in enumerate(grid.lanes) if l.drums)
    rng = random.Random(0)
    own, shuffled = [], []
    for bar in range(grid.bar_count):
        context = [grid.cells[b][lane] for b in range(max(0, bar - 8), min(grid.bar_count, bar + 9)) if b != bar]
        steps = grid.bar_steps[bar + 1] - grid.bar_steps[bar]
        if grid.cells[bar][lane]:
            own.append(groove_similarity(grid.cells[bar][lane], context))
            shuffled.append(groove_similarity(random_hits_cell(context, steps, rng), context))
    assert all(0 <= s <= 1 + 1e-9 for s in own + shuffled)
    # Performed timing and 16th-heavy second-line hats keep random 16ths close; the real bars still stand apart.
    assert sum(own) / len(own) > sum(shuffled) / len(shuffled) + 0.1


def test_random_hits_keep_the_context_kit_and_density():
    context = [ROCK, ROCK]
    cell = random_hits_cell(context, 48, random.Random(3))
    assert {e.pitch for e in cell} <= {36, 38, 42}
    assert len(cell) <= len(ROCK) and all(e.pos % 3 == 0 and 0 <= e.pos < 48 for e in cell)


def test_backbeat_on_hand_made_bars():
    assert has_backbeat(ROCK, (4, 4))
    assert has_backbeat(hits((12, 40), (36, 38)), (4, 4))
    assert not has_backbeat(hits((12, 38)), (4, 4))
    assert not has_backbeat(hits((12, 37), (36, 37)), (4, 4))  # side stick is not the backbeat snare
    assert not has_backbeat(ROCK, (3, 4)) and not has_backbeat(ROCK, (6, 8))
    assert context_has_backbeat([ROCK, hits((0, 36)), (), ROCK], [(4, 4)] * 4)      # 2 of 3 non-empty bars
    assert not context_has_backbeat([ROCK, hits((0, 36)), hits((0, 49))], [(4, 4)] * 3)
    assert not context_has_backbeat([ROCK], [(6, 8)])


def test_backbeat_of_real_grooves():
    six_eight = grid_of("groove_d6s1_3_rock_80_beat_6-8.mid")
    assert not any(has_backbeat(row[0], m) for row, m in zip(six_eight.cells, six_eight.meters))
    second_line = grid_of("groove_d1s1_100_neworleans-secondline_94_beat_4-4.mid")
    found = [has_backbeat(row[0], m) for row, m in zip(second_line.cells, second_line.meters)]
    # Some bars of this 4/4 groove put the snare exactly on 2 and 4; every such bar has snare hits there.
    assert any(found)
    for row, with_backbeat in zip(second_line.cells, found):
        snare_steps = {e.pos for e in row[0] if e.pitch in (38, 40)}
        assert with_backbeat == ({12, 36} <= snare_steps)


# --- chords ---------------------------------------------------------------------------------------------------

C, G, AM = Chord(0, "maj"), Chord(7, "maj"), Chord(9, "min")


def test_root_agreement_counts_every_quarter_beat():
    original = (ChordMark(0, C), ChordMark(24, G))                 # C on beats 1-2, G on 3-4
    assert root_agreement((ChordMark(0, C),), original, 48) == (4, 2)
    assert root_agreement((ChordMark(0, Chord(0, "maj7")), ChordMark(36, G)), original, 48) == (4, 3)
    assert root_agreement((), original, 48) == (4, 0)
    assert root_agreement((ChordMark(0, C),), (), 48) == (0, 0)       # no chord in the song: nothing judged
    assert root_agreement((ChordMark(0, C),), (ChordMark(12, C),), 36) == (2, 2)  # a 3/4 bar, chord from beat 2


def test_tonic_chord_cell():
    assert tonic_chord_cell((9, "minor")) == (ChordMark(0, AM),)
    assert tonic_chord_cell((0, "major")) == (ChordMark(0, C),)
    assert tonic_chord_cell(None) == ()


def test_chord_baselines_on_a_real_chord_lane(pop909_001):
    grid = song_grid(pop909_001.song)
    lane = next(i for i, l in enumerate(grid.lanes) if l.is_chords)
    bars = range(12, 16)
    repeated = repeat_previous_chords(grid, lane, bars)
    assert [repeated[b] for b in bars] == [grid.cells[b][lane] for b in range(8, 12)]
    short = repeat_previous_chords(grid, lane, range(2, 8))         # only bars 0-1 before it: repeated cyclically
    assert [short[b] for b in range(2, 8)] == [grid.cells[b][lane] for b in (0, 1, 0, 1, 0, 1)]
    at_start = repeat_previous_chords(grid, lane, range(0, 4))
    assert all(at_start[b] == tonic_chord_cell(grid.keys[b]) for b in range(4))
    # The song against itself agrees on every beat; beats are counted per quarter note of every bar with a chord.
    total = same = 0
    for b in range(grid.bar_count):
        steps = grid.bar_steps[b + 1] - grid.bar_steps[b]
        beats, matches = root_agreement(grid.cells[b][lane], grid.cells[b][lane], steps)
        assert beats == matches <= steps // 12
        total += beats
    assert total > grid.bar_count  # POP909 001 has chords nearly throughout
    for b in range(grid.bar_count):
        steps = grid.bar_steps[b + 1] - grid.bar_steps[b]
        beats, matches = root_agreement(tonic_chord_cell(grid.keys[b]), grid.cells[b][lane], steps)
        same += matches
    assert 0 < same < total  # the tonic is right some of the time, not all of it
