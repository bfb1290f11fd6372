"""A drum part keeps its groove: each new bar leans towards the onsets and sounds of the bar before it
(the context bar, or the bar just written), so the kit does not wander from bar to bar."""
from __future__ import annotations

from pathlib import Path

from composer.proposals import Controls, Region, Task
from composer.proposals.grammar import FillWriter
from composer.proposals.plan import cell_rules, fill_reserve, make_plan, pass_grid, pass_prompt
from composer.proposals.rules import ECHO_WEIGHT
from composer.tokens.grid import song_grid
from composer.tokens.vocab import VOCAB
from engine.files import load_song_file

GROOVE = Path(__file__).resolve().parents[2] / "data" / "midi" / "groove_d1s1_100_neworleans-secondline_94_beat_4-4.mid"


def groove():
    song = load_song_file(GROOVE).song
    return song, song.tracks[0].id


def test_each_bar_is_pointed_at_the_bar_before():
    song, kit = groove()
    plan = make_plan(song, Region(8, 9, (kit,)), Task.DRUMS, Controls(), 1024)
    this_pass = plan.passes[0]
    grid = pass_grid(plan, {}, this_pass)
    _, window = pass_prompt(plan, grid, this_pass, fill_reserve(plan, this_pass))
    first, second = cell_rules(plan, grid, this_pass, window)
    assert first.echo == song_grid(song).cells[7][0] and first.echo
    assert second.echo_source == (first.bar, first.lane_token) and second.echo is None
    writer = FillWriter([first, second], 900)
    while writer.forced or writer.state != "event":
        choice = writer.next_choice()
        writer.feed(choice.forced if choice.forced is not None else int(choice.mask.nonzero()[0][-1]))
    bias = writer.next_choice().bias
    pos = VOCAB.groups["POS"]
    echoed = {e.pos for e in first.echo}
    assert all(bias[pos.start + p] == ECHO_WEIGHT["drums"] for p in echoed)
    assert all(bias[pos.start + p] == 0 for p in range(first.bar_len) if p not in echoed)

