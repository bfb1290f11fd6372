"""New takes land in view: a Continue written right of the screen scrolls the roll to it (issue 14)."""
from __future__ import annotations

import pytest

from editor_helpers import chorded_song, click, seeded_proposals, select_bars

JOB_MS = 120_000


@pytest.fixture
def song():
    return chorded_song()


def generate(qtbot, composer, task):
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        composer.panel.set_task(task)
        click(composer.panel.generate, composer.panel.generate.rect().center())
    return finished.args[0]


def in_view(window, tick: int) -> bool:
    view, roll = window.editor.view, window.editor.roll
    return view.tick_at(0) <= tick < view.tick_at(roll.width())


def test_a_continuation_right_of_the_screen_scrolls_into_view(qtbot, window, proposal_checkpoint):
    composer = seeded_proposals(window, proposal_checkpoint, takes=1)
    view, roll = window.editor.view, window.editor.roll
    bar = window.session.song.meter_map.bar_start(1)
    view.zoom_time(roll.width() / (1.5 * bar * view.px_per_tick), 0)  # a bar and a half on screen
    view.scroll_to(x=0)
    composer.panel.continue_bars.setValue(2)
    assert generate(qtbot, composer, "continue") == "done"
    take = composer.current_take
    assert take.ticks[0] == window.session.song.end_tick
    assert in_view(window, take.ticks[0])
    assert view.tick_at(0) < take.ticks[0]  # a little of what comes before stays in sight


def test_a_take_already_on_screen_leaves_the_view_where_it_is(qtbot, window, proposal_checkpoint):
    composer = seeded_proposals(window, proposal_checkpoint, takes=1)
    select_bars(window, 1, 2)
    view = window.editor.view
    before = (view.scroll_x, view.scroll_y)
    assert generate(qtbot, composer, "melody") == "done"
    assert (view.scroll_x, view.scroll_y) == before
