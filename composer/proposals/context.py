"""What the model sees: the song as a token grid, the lanes it may hold, and a window of bars around the region.

- Lanes: the tokens hold at most 8 note tracks (plus the chord lane). The
  region's tracks always come; the rest are the tracks with the most notes
  near the region, kept in the song's own order (the order training saw).
- Roles come from `Track.role` (a drum channel makes a lane drums).
- Window: the region's bars, then bars added on both sides in turn while the
  prompt fits its token budget, so the fill is conditioned on what comes
  before and after it. Bars outside the window never matter, whatever their
  meter. A bar in a meter the tokens lack is read at a token meter of the
  same length (4/16 as 2/8); one that no token meter lasts as long as (5/16)
  ends the window on its side (`Grid.unreadable`); `meter_warnings` says
  which, one line each. The song's meters are never changed.
- Resolution: `song_grid` quantizes any ticks-per-quarter onto the 1/12-quarter
  grid; results go back through `step_ticks`, anchored on the song's own bar
  starts, so bar lines stay exactly where the song has them.
"""
from __future__ import annotations

import weakref
from dataclasses import replace

from composer.proposals.spec import ProposalError
from composer.tokens.encode import CHORD_LANE, cell_tokens
from composer.tokens.grid import Grid, song_grid
from composer.tokens.vocab import MAX_BARS, MAX_TRACKS, STEPS_PER_QUARTER
from engine.keys import Key, estimate_key
from engine.song import Song

HEADER_TOKENS = 6   # BOS METER KEY TEMPO [STYLE] ... SEP


def select_tracks(song: Song, region_tracks: tuple[int, ...], bars: range, drums_only: bool = False) -> list[int]:
    """Up to MAX_TRACKS track ids: the region's, then the busiest others near it (only drum tracks when
    `drums_only`), in song order."""
    if len(region_tracks) > MAX_TRACKS:
        raise ProposalError(f"{len(region_tracks)} tracks in the region; the model fills at most {MAX_TRACKS} at once")
    start, end = song.meter_map.bar_range(max(0, bars.start - 8), bars.stop + 8)
    others = sorted((t for t in song.tracks if t.id not in region_tracks and t.notes and (t.is_drums or not drums_only)),
                    key=lambda t: -len(t.notes_between(start, end)))
    chosen = set(region_tracks) | {t.id for t in others[:MAX_TRACKS - len(region_tracks)]}
    return [t.id for t in song.tracks if t.id in chosen]


_grids: dict[int, tuple[weakref.ref, dict]] = {}


def working_grid(song: Song, track_ids: list[int], chord_lane: bool, key: Key | None) -> Grid:
    """The song's grid over the chosen lanes; a user key replaces the song's in the KEY tokens, and a song
    without any key signature gets the key its notes suggest (engine.keys.estimate_key) there.

    Grids are kept per song snapshot while it lives (snapshots never change): the
    candidates, the retries and the next proposal on the same song skip quantizing
    every note again (tens of milliseconds on a long song).
    """
    song_id = id(song)
    entry = _grids.get(song_id)
    if entry is None or entry[0]() is not song:
        entry = (weakref.ref(song, lambda _: _grids.pop(song_id, None)), {})
        _grids[song_id] = entry
    wanted = (tuple(track_ids), chord_lane)
    if wanted not in entry[1]:
        entry[1][wanted] = song_grid(song, track_ids, chord_lane, lenient=True)
    grid = entry[1][wanted]
    if key is None and not song.keys:  # no key signature (common in MIDI files): tell the model the likely key
        if "estimated key" not in entry[1]:
            entry[1]["estimated key"] = estimate_key(n for t in song.tracks if not t.is_drums for n in t.notes)
        key = entry[1]["estimated key"]
    if key is not None:
        grid = replace(grid, keys=tuple((key.tonic, "minor" if key.is_minor else "major") for _ in grid.meters))
    return grid


def lane_index(grid: Grid) -> dict[int | str, int]:
    """Track id (or CHORD_LANE) -> lane index in `grid`."""
    return {(CHORD_LANE if lane.is_chords else lane.track_id): i for i, lane in enumerate(grid.lanes)}


def choose_window(grid: Grid, masked: set[tuple[int, int]], bars: range, budget: int) -> range:
    """The bars to encode: `bars` plus neighbours on both sides while the prompt stays within `budget` tokens."""
    def bar_cost(b: int) -> int:
        cost = 2  # BAR, and now and then a METER or KEY change
        for i in range(len(grid.lanes)):
            cost += 2 if (b, i) in masked else len(cell_tokens(grid, b, i))
        return cost

    used = HEADER_TOKENS + 2 * len(grid.lanes) + sum(bar_cost(b) for b in bars)
    if used > budget:
        raise ProposalError(f"bars {bars.start + 1}-{bars.stop} are too many for one proposal; choose fewer")
    first, stop = bars.start, bars.stop
    grow_left = True
    while stop - first < MAX_BARS:
        left = first > 0 and first - 1 not in grid.unreadable
        right = stop < grid.bar_count and stop not in grid.unreadable
        if not (left or right):
            break
        side = first - 1 if (grow_left and left) or not right else stop
        cost = bar_cost(side)
        if used + cost > budget:
            break
        used += cost
        if side < first:
            first = side
        else:
            stop = side + 1
        grow_left = not grow_left
    return range(first, stop)


def unreadable_in(grid: Grid, bars: range) -> None:
    """ProposalError (one line) when a bar of `bars` is in a meter the model cannot write."""
    for bar, meter in grid.own_meters:
        if bar in bars and bar in grid.unreadable:
            raise ProposalError(f"bar {bar + 1} is in {meter[0]}/{meter[1]}, a meter the model cannot write; "
                                f"choose bars without it")


def meter_warnings(grid: Grid, window: range) -> list[str]:
    """One line per bar in or next to `window` whose meter the model lacks: read as a stand-in, or left out."""
    lines = []
    for bar, (numerator, denominator) in grid.own_meters:
        if bar in window and bar not in grid.unreadable:
            stand_in = grid.meters[bar]
            lines.append(f"bar {bar + 1} ({numerator}/{denominator}) is read as {stand_in[0]}/{stand_in[1]}, "
                         f"a meter the model knows")
        elif bar in grid.unreadable and bar in (window.start - 1, window.stop):
            lines.append(f"bar {bar + 1} ({numerator}/{denominator}) is left out of the model's context: "
                         f"no meter the model knows lasts as long")
    return lines


def step_ticks(song: Song, bar: int, bar_step: int, steps: int) -> int:
    """The tick of grid step `steps` counted from bar `bar`'s start (whose grid step is `bar_step`)."""
    return song.meter_map.bar_start(bar) + round((steps - bar_step) * song.ticks_per_quarter / STEPS_PER_QUARTER)


def duration_ticks(song: Song, steps: int) -> int:
    return max(1, round(steps * song.ticks_per_quarter / STEPS_PER_QUARTER))
