"""A drum bar is never asked for more hits than it has grid steps: a kit's rising pitch order and range
bin often stop a second hit at an onset, so a density counted at two hits a step could not be reached
(the cell came out short and the whole proposal was decoded again)."""
from __future__ import annotations

from cell_rule_helpers import first_pass_rules, writer_past_forced

from composer.proposals import Controls, Region, Task
from composer.proposals.compose import add_part_track
from composer.proposals.generate import propose
from composer.proposals.grammar_notes import NoteState
from composer.proposals.grammar_rules import bin_bounds
from composer.tokens.vocab import DENSITY_EDGES, VOCAB
from engine.notes import Note
from engine.song import Song
from engine.timing import TimeSignature
from engine.track import Track, TrackRole

TPQ = 480


def two_four_kit() -> Song:
    """Eight bars of 2/4 (24 grid steps a bar) with a plain kick-snare-hat groove in the first two."""
    hits = [Note(q * TPQ // 2, pitch, 60, 100) for q in range(8) for pitch in ((36, 42) if q % 2 == 0 else (38, 42))]
    kit = Track(id=1, name="Drums", role=TrackRole.DRUMS, channel=9, notes=tuple(hits))
    return Song(tracks=(kit,), meters=(TimeSignature(0, 2, 4),), end_tick=8 * 2 * TPQ)


def test_a_two_four_drum_bar_offers_no_density_beyond_its_steps():
    song = two_four_kit()
    rules = first_pass_rules(song, Region(2, 3, (1,)), Task.DRUMS)
    writer = writer_past_forced(rules)
    assert writer.state is NoteState.DENS and rules[0].bar_len == 24
    dens = VOCAB.groups["DENS"]
    allowed = [i for i in range(len(DENSITY_EDGES)) if writer.next_choice().mask[dens.start + i]]
    assert allowed and all(bin_bounds(DENSITY_EDGES, i, 999)[0] <= 24 for i in allowed)
    assert max(allowed) == max(i for i, edge in enumerate(DENSITY_EDGES) if edge <= 24)


def test_a_new_kit_beside_a_two_four_song_comes_out_whole_on_the_first_try(pop_song, tiny_model):
    """POP909 001 is in 2/4; an empty kit filled with the melody and a new bass (the arrangement of
    bench_proposals.py). Counted at two hits a step, seed 2 cut a drum bar short and decoded it all again."""
    song, bass = add_part_track(pop_song, "bass")
    song, drums = add_part_track(song, "drums")
    region = Region(8, 15, (song.tracks[0].id, bass, drums))
    for seed in range(4):
        (candidate,) = propose(song, region, Task.FILL, Controls(seed=seed), tiny_model)
        assert candidate.stats.attempts == 1 and not candidate.warnings
