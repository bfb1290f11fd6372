"""A kept rhythm (variation-rhythm) is written onset by onset: an onset's other notes follow it, its POS is not
offered again. Offering it again reopened the onset at every POS, so a model that kept choosing it looped in
one cell until the token budget ran out ("fill grammar: token budget overrun", a crash, not a proposal)."""
from __future__ import annotations

from pathlib import Path

from cell_rule_helpers import first_pass_rules

from composer.proposals import Region, Task
from composer.proposals.grammar import FillWriter
from composer.tokens.vocab import VOCAB
from engine.files import load_song_file

GROOVE_6_8 = Path(__file__).resolve().parents[2] / "data" / "midi" / "groove_d6s1_3_rock_80_beat_6-8.mid"
PREFERENCE = ("POS", "VEL", "PITCH", "DUR")   # a stubborn model: a new onset whenever one is allowed


def stubborn_walk(writer: FillWriter) -> None:
    """Feed the writer its forced tokens and otherwise the first allowed token of the first group in PREFERENCE
    (else FILL_END), for at most its budget in tokens."""
    for _ in range(writer.budget):
        if writer.done:
            return
        choice = writer.next_choice()
        if choice.forced is not None:
            writer.feed(choice.forced)
            continue
        allowed = choice.mask.nonzero()[0]
        for group in PREFERENCE:
            ids = VOCAB.groups[group]
            picks = [int(t) for t in allowed if ids.start <= t < ids.stop]
            if picks:
                writer.feed(picks[0])
                break
        else:
            writer.feed(int(allowed[-1]))


def test_a_kept_rhythm_with_two_hits_at_an_onset_is_written_exactly_by_a_model_that_always_wants_a_new_onset():
    song = load_song_file(GROOVE_6_8).song
    rules = first_pass_rules(song, Region(2, 5, (song.tracks[0].id,)), Task.VARIATION_RHYTHM)
    assert any(len(durations) > 1 for rule in rules for _, durations in rule.template)  # the case that looped
    writer = FillWriter(rules, budget=779)
    stubborn_walk(writer)
    assert writer.done and writer.used <= writer.budget and not writer.truncated
    for rule, fill in zip(rules, writer.fills):
        onsets: dict[int, int] = {}
        for event in fill:
            onsets[event.pos] = onsets.get(event.pos, 0) + 1
        assert sorted(onsets.items()) == [(pos, len(durations)) for pos, durations in rule.template]
