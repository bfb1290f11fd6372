"""Locked notes come back exactly, whatever the model samples: a hard guarantee, not a matter of model quality.

The model is the tiny trained one and, to sample anything at all, untrained
ones with random weights at a high temperature; the locked notes are dense,
off the token grid, overlapping each other, duplicated, and in the last half
grid step of the region (rounding onto the next bar line).
"""
from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from composer.proposals import Controls, Region, Task, propose
from composer.proposals.compose import add_part_track
from engine.edits import NotesEdit
from engine.notes import Note

MELODY, PIANO = 1, 3   # pop909_001.mid's melody and piano tracks (2 is the bridge)
BARS = range(8, 16)               # bars 9-16


@pytest.fixture(scope="module")
def random_models():
    """Untrained models (random weights): what they sample has nothing to do with the locked notes."""
    import torch

    from composer.model import Composer, ModelConfig
    from composer.tokens.vocab import VOCAB
    models = []
    for seed in range(3):
        torch.manual_seed(seed)
        models.append(Composer(ModelConfig(len(VOCAB), block_size=1024, n_layer=1, n_head=2, n_embd=32)).eval())
    return models


def hard_song(song, track_id: int):
    """The song with awkward notes added to a track inside bars 9-16; returns (song, those notes, the region's notes)."""
    start, end = song.meter_map.bar_range(BARS.start, BARS.stop - 1)
    tpq = song.ticks_per_quarter
    bar = song.meter_map.bar_start(10)
    awkward = (
        Note(bar + 7, 64, tpq * 3, 101),                       # off the grid, long: sounds over the next ones
        Note(bar + tpq // 2 + 3, 67, tpq // 3, 90),            # starts inside the one above (overlap)
        Note(bar + tpq // 2 + 3, 67, tpq // 3, 90),            # an exact duplicate
        Note(bar + tpq // 2 + 5, 60, tpq // 5, 70),            # the same grid onset, another pitch
        Note(end - tpq // 30, 72, tpq // 30, 80),              # the region's last half step: rounds onto the bar line
        Note(start, 55, 1, 1),                                 # the region's first tick, a 1-tick note
    )
    song = NotesEdit(track_id, (), awkward).apply(song)
    return song, awkward, song.track(track_id).notes_between(start, end)


def check_locked(song, candidates, track_id: int, locked, single_line: bool) -> None:
    assert candidates
    for candidate in candidates:
        notes = candidate.notes[track_id]
        assert not Counter(locked) - Counter(notes), "a locked note was lost"
        after = candidate.to_edit(song).apply(song).track(track_id).notes
        assert not Counter(locked) - Counter(after), "a locked note was lost by the edit"
        if single_line:
            fixed = set(locked)
            assert all(a.end <= b.start for a, b in pairwise(notes) if not (a in fixed and b in fixed))


@pytest.mark.parametrize("task,track_id", [(Task.MELODY, MELODY), (Task.BASS, PIANO),
                                           (Task.ACCOMPANIMENT, PIANO), (Task.VARIATION_RHYTHM, MELODY),
                                           (Task.VARIATION_CONTOUR, MELODY), (Task.FILL, MELODY)],
                         ids=lambda v: getattr(v, "value", str(v)))
def test_awkward_and_dense_locked_notes_stay_with_any_model(pop_song, tiny_model, random_models, task, track_id):
    song, awkward, region_notes = hard_song(pop_song, track_id)
    dense = region_notes[::2] + tuple(n for n in awkward if n not in region_notes[::2])
    single_line = task in (Task.MELODY, Task.BASS, Task.VARIATION_RHYTHM, Task.VARIATION_CONTOUR)
    for number, model in enumerate([tiny_model, *random_models]):
        for locked in (awkward, dense):
            region = Region(BARS.start, BARS.stop - 1, (track_id,), {track_id: locked})
            controls = Controls(candidates=3, seed=number, temperature=1.0 if number == 0 else 5.0, top_p=1.0,
                                max_attempts=1)
            check_locked(song, propose(song, region, task, controls, model), track_id, locked, single_line)


def test_locked_notes_stay_for_many_seeds(pop_song, tiny_model):
    start, end = pop_song.meter_map.bar_range(BARS.start, BARS.stop - 1)
    region_notes = pop_song.track(MELODY).notes_between(start, end)
    locked = (region_notes[0], region_notes[len(region_notes) // 2], region_notes[-1])
    region = Region(BARS.start, BARS.stop - 1, (MELODY,), {MELODY: locked})
    for seed in range(0, 64, 8):
        candidates = propose(pop_song, region, Task.MELODY, Controls(candidates=8, seed=seed, max_attempts=1),
                             tiny_model)
        assert len(candidates) == 8, [c.warnings for c in candidates]
        check_locked(pop_song, candidates, MELODY, locked, single_line=True)


def test_locked_drums_stay(pop_song, random_models):
    start = pop_song.meter_map.bar_start(BARS.start)
    hits = tuple(Note(start + i * 97, 36 + i % 10, 30, 100) for i in range(40))   # off the grid, dense
    song, kit = add_part_track(pop_song, "drums")  # drums are written on a drum kit
    song = NotesEdit(kit, (), hits).apply(song)
    region = Region(BARS.start, BARS.stop - 1, (kit,), {kit: hits})
    for model in random_models:
        candidates = propose(song, region, Task.DRUMS, Controls(candidates=2, temperature=5.0, max_attempts=1), model)
        check_locked(song, candidates, kit, hits, single_line=False)


@pytest.mark.parametrize("task,track_id", [(Task.MELODY, MELODY), (Task.BASS, PIANO), (Task.ACCOMPANIMENT, PIANO)],
                         ids=lambda v: getattr(v, "value", str(v)))
def test_the_grammar_forces_every_locked_note_on_any_walk(pop_song, task, track_id):
    """No model at all: uniformly random tokens among the allowed ones still write every locked note."""
    import numpy as np

    from composer.proposals.grammar import FillWriter
    from composer.proposals.plan import (
        cell_rules,
        fill_reserve,
        make_plan,
        pass_grid,
        pass_prompt,
    )
    song, awkward, region_notes = hard_song(pop_song, track_id)
    for locked in (awkward, region_notes[::2] + awkward, region_notes[::5]):
        plan = make_plan(song, Region(BARS.start, BARS.stop - 1, (track_id,), {track_id: locked}), task,
                         Controls(density="high"), 1024)
        for seed in range(40):
            rng = np.random.default_rng(seed)
            written: dict = {}
            for this_pass in plan.passes:
                grid = pass_grid(plan, written, this_pass)
                prompt, window = pass_prompt(plan, grid, this_pass, fill_reserve(plan, this_pass))
                writer = FillWriter(cell_rules(plan, grid, this_pass, window), plan.block_size - len(prompt))
                while not writer.done:
                    choice = writer.next_choice()
                    writer.feed(choice.forced if choice.forced is not None
                                else int(rng.choice(np.flatnonzero(choice.mask))))
                assert writer.used <= writer.budget
                written.update(zip(plan.cells(this_pass), writer.fills))
            for cell, events in plan.locked.items():
                assert not Counter(events) - Counter(written[cell]), f"seed {seed}: a locked note of {cell} not written"
