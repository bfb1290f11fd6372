"""With density left to the model, a regenerated passage is about as busy as the bars around it, and a task
that names a part never comes back empty (composer/proposals/plan.py `_auto_density`, assemble.check)."""
from __future__ import annotations

import numpy as np

from cell_rule_helpers import first_pass_rules, writer_past_forced

from composer.proposals import Controls, Region, Task, propose
from composer.tokens.vocab import DENSITY_EDGES, VOCAB
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

TPQ = 480
BAR = 4 * TPQ
BARS = 16
REGION = range(6, 10)


def busy_song(notes_per_bar: int) -> Song:
    """A single line with `notes_per_bar` even notes in every bar (a C major scale walking up and down)."""
    step = BAR // notes_per_bar
    scale = [60, 62, 64, 65, 67, 69, 71, 72]
    notes = tuple(Note(start=bar * BAR + i * step, pitch=scale[(bar + i) % len(scale)], duration=step, velocity=90)
                  for bar in range(BARS) for i in range(notes_per_bar))
    line = Track(id=1, name="Line", role=TrackRole.MELODY, program=0, channel=0, notes=notes)
    return Song(tracks=(line,), ticks_per_quarter=TPQ, title="Busy")


def notes_per_bar(song: Song, model, seeds: range) -> list[float]:
    counts = []
    for seed in seeds:
        (candidate,) = propose(song, Region(REGION.start, REGION.stop - 1, (1,)), Task.MELODY,
                               Controls(seed=seed), model)
        counts.append(len(candidate.notes[1]) / len(REGION))
    return counts


def dens_choice(song: Song) -> np.ndarray:
    """The bias the fill grammar puts on the DENS bins of the region's first cell."""
    writer = writer_past_forced(first_pass_rules(song, Region(REGION.start, REGION.stop - 1, (1,)), Task.MELODY))
    choice = writer.next_choice()
    dens = VOCAB.groups["DENS"]
    assert choice.mask[dens.start:dens.stop].any() and not choice.mask[:dens.start].any()
    return choice.bias[dens.start:dens.stop]


def test_auto_density_steers_towards_the_neighbouring_bars():
    for count in (2, 8):
        bias = dens_choice(busy_song(count))
        assert DENSITY_EDGES[int(np.argmax(bias))] <= count < DENSITY_EDGES[int(np.argmax(bias)) + 1]
        assert bias[0] < 0   # asked for a melody: an empty bar is the least likely


def test_a_named_part_never_comes_back_empty(tiny_model):
    empty_around = Song(tracks=(Track(id=1, name="Line", role=TrackRole.MELODY, program=0, channel=0),),
                        ticks_per_quarter=TPQ, end_tick=BARS * BAR)
    assert all(count > 0 for count in notes_per_bar(empty_around, tiny_model, range(4)))

