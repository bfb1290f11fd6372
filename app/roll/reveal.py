"""Scroll the roll to show a span of the song: new takes land where the user can see them.

A Continue writes bars after the song's end, often to the right of the
screen; without a scroll the user saw nothing happen. `reveal_span` leaves
the view alone when the span's start is already on screen, and otherwise
scrolls so the span starts a tenth of the way in (the bars before it stay in
sight for context); the rows follow the span's notes when their middle pitch
is out of view (RollEditor.reveal_track does the same for a track).
"""
from __future__ import annotations

from collections.abc import Iterable

LEAD_IN = 0.1  # of the roll's width shown before the span


def reveal_span(editor, start: int, end: int, pitches: Iterable[int] = ()) -> bool:
    """Bring ticks [start, end) (and the middle of `pitches`) into `editor`'s roll; True if it scrolled."""
    view, roll = editor.view, editor.roll
    width, height = roll.width(), roll.height()
    moved = False
    left, right = view.tick_at(0), view.tick_at(width)
    if not (left <= start < right and (end <= right or start - left > (right - left) / 2)):
        view.scroll_to(x=max(0.0, start * view.px_per_tick - LEAD_IN * width))
        moved = True
    pitches = sorted(pitches)
    if pitches:
        middle = pitches[len(pitches) // 2]
        if not view.pitch_at(height - 1) <= middle <= view.pitch_at(0):
            view.center_on_pitch(middle, height)
            moved = True
    return moved
