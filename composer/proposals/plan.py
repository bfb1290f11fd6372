"""Turn (song, region, task, controls) into a generation plan: lanes, masked cells, passes, per-cell rules.

A region whose fills would not fit the model's context in one go (8 bars of a
4-track arrangement is ~1,100 tokens; the model reads 1,024) is written in
passes of consecutive bars; each later pass sees the earlier passes' notes as
context. Region cells a pass does not fill yet are shown empty, never with
the notes they are about to replace.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from composer.proposals.context import (
    HEADER_TOKENS,
    choose_window,
    lane_index,
    meter_warnings,
    unreadable_in,
    select_tracks,
    working_grid,
)
from composer.proposals.grammar import CellRule, ChordRule, NoteRule
from composer.proposals.ranges import default_range, range_beyond_playable, register_centre, register_pull
from composer.proposals.rules import (
    CHORD_TEMPERATURE_FACTOR,
    CHORD_TONE_BONUS,
    DENSITY_TEMPERATURE_FACTOR,
    ECHO,
    EMPTY_BAR_PENALTY,
    ENSEMBLE_CHORD_TONE_BONUS,
    ENSEMBLE_REPEAT_TONE_SHARE,
    MELODY_BEAT_TONE_BONUS,
    MELODY_REPEAT_TONE_SHARE,
    Echo,
    MONO_ROLES,
    beat_steps,
    chord_rules,
    contour,
    density_bins,
    density_prior,
    echo_scale,
    estimated_chords,
    harmony_profile,
    lane_edges,
    pace_bias,
    pitch_rules,
    rhythm_template,
    track_token,
)
from composer.proposals.spec import Controls, ProposalError, Region, Task
from composer.proposals.tasks import TASKS
from composer.tokens.encode import CHORD_LANE, cell_tokens, encode
from composer.tokens.grid import (
    Grid,
    Lane,
    NoteEvent,
    nearest_duration,
    nearest_velocity,
    to_steps,
)
from composer.tokens.vocab import DENSITY_EDGES, STEPS_PER_QUARTER, VOCAB
from engine.instruments import is_orchestral, track_instrument
from engine.notes import Note
from engine.song import Song

SEP = VOCAB.id("SEP")
# Tokens a filled bar of a lane costs (docs/DATA.md: tokens per non-empty cell, plus the fill's 6).
TOKENS_PER_BAR = {"melody": 26, "bass": 15, "accompaniment": 42, "drums": 53, "chords": 10, "other": 24}
DENSITY_FACTOR = {None: 1.0, "low": 0.6, "mid": 1.0, "high": 1.7}
FILL_SHARE = 0.55   # at most this share of the context goes to one pass's fills


@dataclass
class Plan:
    song: Song                        # the song written into (lengthened when the region lies past its end)
    task: Task
    controls: Controls
    bars: range
    ticks: tuple[int, int]
    targets: list[int | str]          # track ids and/or CHORD_LANE
    grid: Grid                        # the song's grid (target lanes carry the task's role)
    lanes: dict[int | str, int]
    passes: list[range]
    locked: dict[tuple[int, int], tuple[NoteEvent, ...]]   # locked notes as grid events, per (bar, lane)
    locked_notes: dict[int, tuple[Note, ...]]                 # the same, as the song's notes, per track id
    block_size: int
    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)  # pitch range per target track id
    centres: dict[int, float] = field(default_factory=dict)  # register centre per target track id (default range)
    ensemble_parts: frozenset[int] = frozenset()  # target track ids the ensemble rules apply to
    warnings: list[str] = field(default_factory=list)  # about the request, not a candidate: meters, ranges
    echo_scales: dict[int, float] = field(default_factory=dict)  # per lane, measured on first use

    def cells(self, bars: range) -> list[tuple[int, int]]:
        """(bar, lane) to fill in `bars`, in the order the fills follow the prompt (bar-major, lane order)."""
        lanes = sorted(self.lanes[t] for t in self.targets)
        return [(b, lane) for b in bars for lane in lanes]

    def echo_scale(self, lane: int, echo: Echo) -> float:
        """rules.echo_scale of a lane in the song as it was (the region left out): the same for every cell,
        pass and candidate of the proposal, so it is measured once."""
        if lane not in self.echo_scales:
            self.echo_scales[lane] = echo_scale(echo, self.grid, lane, self.bars)
        return self.echo_scales[lane]


def in_orchestral_ensemble(song: Song, track_id: int, tick: int) -> bool:
    """Whether the track plays an orchestral instrument at `tick` (engine.instruments) among other pitched
    parts most of which do too: an orchestra or a quartet, not a song's piano tune or a voice over a piano
    (Lieder: flatter tunes with the ensemble rules, docs/MODEL.md)."""
    others = [t for t in song.tracks if t.id != track_id and t.notes and not t.is_drums]
    orchestral = sum(is_orchestral(track_instrument(t, tick)) for t in others)
    return is_orchestral(track_instrument(song.track(track_id), tick)) and 2 * orchestral > len(others)


def make_plan(song: Song, region: Region, task: Task, controls: Controls, block_size: int) -> Plan:
    bars = region.bars
    spec = TASKS[task]
    if spec.appends and bars.start < song.bar_count():
        raise ProposalError(f"continue writes after the song's last bar ({song.bar_count()}); "
                            f"the region starts at bar {bars.start + 1}")
    start, end = song.meter_map.bar_range(bars.start, bars.stop - 1)
    if end > song.length_ticks:
        song = song.with_(end_tick=end)
    targets: list[int | str] = [CHORD_LANE] if spec.chord_lane else list(region.track_ids)
    if spec.appends and not targets:
        targets = ([CHORD_LANE] if song.chords else []) + [t.id for t in song.tracks]
    if not targets:
        raise ProposalError(f"the {task.value} task needs at least one track in the region")
    known = {t.id for t in song.tracks}
    for target in targets:
        if target != CHORD_LANE and target not in known:
            raise ProposalError(f"no track with id {target} in the song")
    note_targets = tuple(t for t in targets if t != CHORD_LANE)
    # The corpus has drums only alone (Groove): drums shown other parts are out of the model's experience
    # (it then writes pitched notes on toms and bells), so drums-only proposals see drum tracks only.
    drums_only = bool(note_targets) and CHORD_LANE not in targets and all(
        spec.role == "drums" or (spec.role is None and song.track(t).is_drums) for t in note_targets)
    chord_lane = not drums_only and (bool(song.chords) or CHORD_LANE in targets)
    track_ids = select_tracks(song, note_targets, bars, drums_only)
    per_bar = sum(TOKENS_PER_BAR.get(spec.role or _role(song, t), 24) for t in targets)
    chunk = max(1, min(len(bars), math.floor(block_size * FILL_SHARE / (per_bar * DENSITY_FACTOR[controls.density] + 8))))
    while True:
        grid, lanes = _task_grid(song, track_ids, chord_lane, controls, task, note_targets)
        unreadable_in(grid, bars)
        grid = replace(grid, style=controls.style)  # the header says it in every pass's prompt
        passes = _passes(bars, chunk)
        plan = Plan(song, task, controls, bars, (start, end), targets, grid, lanes, passes, {}, dict(region.locked),
                    block_size)
        if all(_context_cost(plan, p) + fill_reserve(plan, p) <= block_size for p in passes):
            break
        droppable = [t for t in track_ids if t not in note_targets]
        if droppable:  # the busiest other track goes first: it costs the most context
            track_ids.remove(max(droppable, key=lambda t: (len(song.track(t).notes), t)))
        elif chunk > 1:
            chunk = max(1, chunk // 2)
        else:
            raise ProposalError(f"{len(targets)} lanes are too many for the model's context of {block_size} tokens")
    for target in targets:
        if spec.variation and grid.lanes[lanes[target]].is_chords:
            raise ProposalError("variations rewrite note tracks, not the chord lane")
    plan.locked = _locked_events(song, region, grid, lanes, (start, end))
    plan.ranges = {t: controls.pitch_range or default_range(song, song.track(t), bars) for t in note_targets}
    if controls.pitch_range is None:
        plan.centres = {t: register_centre(song, song.track(t), bars, plan.ranges[t]) for t in note_targets}
    plan.ensemble_parts = frozenset(t for t in note_targets if in_orchestral_ensemble(song, t, start))
    if controls.pitch_range is not None:
        plan.warnings += [line for t in note_targets if not grid.lanes[lanes[t]].drums
                          and (line := range_beyond_playable(song.track(t), song.track(t).name or f"track {t}",
                                                             controls.pitch_range, start))]
    return plan


def _role(song: Song, target: int | str) -> str:
    return "chords" if target == CHORD_LANE else song.track(target).role.value


def _task_grid(song: Song, track_ids: list[int], chord_lane: bool, controls: Controls, task: Task,
               note_targets: tuple[int, ...]) -> tuple[Grid, dict]:
    grid = working_grid(song, track_ids, chord_lane, controls.key)
    role = TASKS[task].role
    if role is not None:  # the track writes what the task asks, whatever role it had
        grid = replace(grid, lanes=tuple(Lane(l.track_id, role, role == "drums") if l.track_id in note_targets else l
                                         for l in grid.lanes))
    return grid, lane_index(grid)


def _passes(bars: range, chunk: int) -> list[range]:
    count = math.ceil(len(bars) / chunk)
    size = math.ceil(len(bars) / count)
    return [range(b, min(b + size, bars.stop)) for b in range(bars.start, bars.stop, size)]


def _context_cost(plan: Plan, this_pass: range) -> int:
    """Prompt tokens of the pass's own bars (the window grows from there while it fits)."""
    grid = pass_grid(plan, {}, this_pass)
    masked = set(plan.cells(this_pass))
    cost = HEADER_TOKENS + 2 * len(grid.lanes)
    for b in this_pass:
        cost += 2 + sum(2 if (b, i) in masked else len(cell_tokens(grid, b, i)) for i in range(len(grid.lanes)))
    return cost


def _locked_events(song: Song, region: Region, grid: Grid, lanes: dict, ticks: tuple[int, int]) -> dict:
    """Locked notes as grid events per (bar, lane); each must lie inside the region."""
    out: dict[tuple[int, int], list[NoteEvent]] = {}
    tpq = song.ticks_per_quarter
    for track_id, notes in region.locked.items():
        lane = lanes[track_id]
        drums = grid.lanes[lane].drums
        for note in notes:
            if not ticks[0] <= note.start < ticks[1]:
                raise ProposalError(f"locked note at tick {note.start} lies outside the region")
            if note not in song.track(track_id).notes:
                raise ProposalError(f"locked note (pitch {note.pitch}, tick {note.start}) is not in its track")
            step = to_steps(note.start, tpq)
            bar = max((b for b in region.bars if grid.bar_steps[b] <= step), default=region.first_bar)
            # A note in the last half step of the region rounds onto the next bar line: it stays in its bar.
            pos = min(max(0, step - grid.bar_steps[bar]), grid.bar_steps[bar + 1] - grid.bar_steps[bar] - 1)
            duration = 0 if drums else nearest_duration(note.duration * STEPS_PER_QUARTER / tpq)
            # A list, not a set: two locked notes that land on the same grid event are both forced (and kept).
            out.setdefault((bar, lane), []).append(NoteEvent(pos, note.pitch, duration, nearest_velocity(note.velocity)))
    return {cell: tuple(sorted(events)) for cell, events in out.items()}


def pass_grid(plan: Plan, written: dict[tuple[int, int], tuple], this_pass: range) -> Grid:
    """The grid one pass reads: earlier passes' fills in, the region's other cells empty."""
    region_cells = set(plan.cells(plan.bars))
    rows = []
    for b, row in enumerate(plan.grid.cells):
        if b not in plan.bars:
            rows.append(row)
            continue
        rows.append(tuple(written.get((b, i), () if (b, i) in region_cells else cell) for i, cell in enumerate(row)))
    return replace(plan.grid, cells=tuple(rows))


def pass_prompt(plan: Plan, grid: Grid, this_pass: range, fill_reserve: int) -> tuple[list[int], range]:
    """(prompt ids up to SEP, window bars) for one pass."""
    cells = plan.cells(this_pass)
    window = choose_window(grid, set(cells), this_pass, plan.block_size - fill_reserve)
    plan.warnings += [line for line in meter_warnings(grid, window) if line not in plan.warnings]
    lanes = {i: t for t, i in plan.lanes.items()}
    ids = encode(grid, {(b, lanes[i]) for b, i in cells}, window)
    return ids[:ids.index(SEP) + 1], window


def fill_reserve(plan: Plan, this_pass: range) -> int:
    per_bar = sum(TOKENS_PER_BAR.get(plan.grid.lanes[plan.lanes[t]].role, 24) for t in plan.targets)
    want = int(len(this_pass) * (per_bar * DENSITY_FACTOR[plan.controls.density] * 1.6 + 8)) + 16
    return min(want, int(plan.block_size * 0.75))


def cell_rule(grid: Grid, bar: int, lane_i: int, window_start: int, controls: Controls,
              pitch_range: tuple[int, int] | None = None) -> CellRule:
    """A cell's rule from its place in the grid and the controls alone: bar and lane tokens, bar length, start
    and beat, the kind of lane (chords, drums, a single line), pitches (in `pitch_range`, default the
    controls' range, else all 128), chords and density allowed. cell_rules adds the task's part;
    composer.proposals.window_rules (evaluation) adds only the single lines' edges."""
    lane = grid.lanes[lane_i]
    place = dict(bar=bar - window_start, lane_token=track_token(grid, lane_i),
                 bar_len=grid.bar_steps[bar + 1] - grid.bar_steps[bar], bar_start=grid.bar_steps[bar],
                 beat_steps=beat_steps(grid.meters[bar]))
    if lane.is_chords:
        roots_ok, quality_ok = chord_rules(controls.key if controls.key_strict else None)
        return ChordRule(**place, roots_ok=roots_ok, quality_ok=quality_ok)
    pitch_ok, pitch_bias = pitch_rules(lane, controls, pitch_range or controls.pitch_range or (0, 127))
    return NoteRule(**place, drums=lane.drums, pitch_ok=pitch_ok, pitch_bias=pitch_bias,
                    mono=lane.role in MONO_ROLES and not lane.drums,
                    dens_ok=density_bins("drums" if lane.drums else lane.role, controls.density))


# A melody asked for in a part the import calls something else (an orchestral part that takes the tune
# over) follows that part's neighbouring bars too, as a part already called melody does (ablation
# ensemble_neighbours; bench_ensemble_proposals, docs/MODEL.md).
ANY_ROLE_NEIGHBOURS = True


def _auto_density(plan: Plan, lane_i: int, bar: int) -> tuple[np.ndarray | None, bool]:
    """The DENS bias when the user leaves density to the model: towards the lane's neighbouring bars when the
    lane writes what its track already plays, and away from empty bars when the task names a part (asked for
    a melody, an empty bar is rarely what the user wants; the model alone leaves whole regions empty).
    A melody in an ensemble also keeps under the other parts' pace (rules.pace_bias). With it, whether the
    count is sampled colder (DENSITY_TEMPERATURE_FACTOR): for a named part whose bias holds its neighbouring
    bars' counts, where it was measured; a fill, continuation or variation has no empty-bar penalty, and cold,
    a weak model's likeliest count can be no notes at all."""
    lane = plan.grid.lanes[lane_i]
    bias = None
    named = TASKS[plan.task].role is not None
    if lane.track_id is not None and (plan.song.track(lane.track_id).role.value == lane.role
                                      or ANY_ROLE_NEIGHBOURS and named and lane.role == "melody"):
        bias = density_prior(plan.grid, lane_i, plan.bars)
    colder = bias is not None and named
    if named:   # a named part: away from empty bars
        bias = np.zeros(len(DENSITY_EDGES), dtype=np.float32) if bias is None else bias
        bias[0] -= EMPTY_BAR_PENALTY
    if lane.role == "melody":
        written = {plan.lanes[t] for t in plan.targets}
        others = [i for i, l in enumerate(plan.grid.lanes) if i not in written and not l.is_chords and not l.drums]
        pace = pace_bias(plan.grid, bar, others)
        if pace is not None:
            bias = pace if bias is None else bias + pace
    return bias, colder


def _set_echo(rule: NoteRule, grid: Grid, bar: int, lane_i: int, this_pass: range, window: range,
              original: tuple, plan: Plan) -> None:
    """Point the rule at the lane's earlier bar to echo (rules.ECHO): a cell this pass writes first,
    else what the grid holds there. A bar with the rhythm of what the region held is passed over:
    the user is replacing that material, and leaning back to it would write the same again."""
    lane = grid.lanes[lane_i]
    echo = ECHO.get("drums" if lane.drums else lane.role)
    if echo is None:
        return
    replaced = {e.pos for e in original}
    # a new section's tune does not echo the section before (grid bars are song bars); a groove runs on
    floor = (plan.controls.section_start or 0) if not lane.drums else 0
    for lag in echo.lags:
        before = bar - lag
        if before < floor or grid.bar_steps[before + 1] - grid.bar_steps[before] != rule.bar_len:
            continue
        if before in this_pass:
            rule.echo_source = (before - window.start, rule.lane_token)
        elif grid.cells[before][lane_i] and not (replaced and {e.pos for e in grid.cells[before][lane_i]} == replaced):
            rule.echo = grid.cells[before][lane_i]
        else:
            continue
        scale = plan.echo_scale(lane_i, echo)
        rule.echo_onsets, rule.echo_pitches = echo.onsets * scale, echo.pitches * scale
        return


def cell_rules(plan: Plan, grid: Grid, this_pass: range, window: range) -> list[CellRule]:
    """One rule per cell of the pass, in fill order."""
    controls, spec = plan.controls, TASKS[plan.task]
    rules = []
    chords_lane = plan.lanes.get(CHORD_LANE)
    chord_masked = chords_lane is not None and CHORD_LANE in plan.targets
    for bar, lane_i in plan.cells(this_pass):
        lane = grid.lanes[lane_i]
        rule = cell_rule(grid, bar, lane_i, window.start, controls, plan.ranges.get(lane.track_id))
        if rule.chords:
            rule.require_chord = spec.chord_lane
            rule.chord_mode = controls.chord_following
            rule.harmony = harmony_profile(grid, bar)
            if rule.harmony.any():   # notes to harmonise: cooler (not a sketch's chords from nothing)
                rule.temperature_factor = CHORD_TEMPERATURE_FACTOR
            rules.append(rule)
            continue
        rule.locked = plan.locked.get((bar, lane_i), ())
        original = plan.grid.cells[bar][lane_i]
        if spec.variation == "rhythm":  # an empty bar stays empty
            rule.template = rhythm_template(original)
            rule.locked = ()
        if spec.variation == "contour" and not lane.drums:
            rule.contour = contour(original, rule.bar_len)
        if not spec.variation:  # a variation answers its own bar
            _set_echo(rule, grid, bar, lane_i, this_pass, window, original, plan)
        if controls.density is None and rule.template is None:
            rule.dens_bias, colder = _auto_density(plan, lane_i, bar)
            if colder:   # a named part whose own bars around the region say how busy it is (not in a sketch)
                rule.density_temperature_factor = DENSITY_TEMPERATURE_FACTOR
        if rule.mono and lane.role == "melody" and lane.track_id in plan.centres and chords_lane is None \
                and not spec.variation and lane.track_id in plan.ensemble_parts:
            # a variation keeps the old line's register, as in assemble; a pop song's piano tune or a voice
            # over a piano is not pulled (POP909 without its chords, Lieder: flatter tunes, docs/MODEL.md)
            pull = register_pull(plan.centres[lane.track_id])   # no chord symbols: the parts' harmony (ranges.PULL)
            if pull is not None:
                rule.pitch_bias = pull if rule.pitch_bias is None else rule.pitch_bias + pull
        if not lane.drums:
            rule.chord_mode = controls.chord_following
            rule.bass_line = lane.role == "bass"
            rule.chord_tone_bonus = CHORD_TONE_BONUS.get(lane.role, 1.0)
            if chords_lane is None:  # no chord symbols: follow the harmony the other parts play
                rule.chord_marks = estimated_chords(harmony_profile(grid, bar), rule.beat_steps) or None
                if lane.track_id in plan.ensemble_parts:   # a piano's tune: flatter with 2 (docs/MODEL.md)
                    rule.chord_tone_bonus = ENSEMBLE_CHORD_TONE_BONUS.get(lane.role, rule.chord_tone_bonus)
            elif chord_masked and bar in this_pass:
                rule.chord_source = (bar - window.start, track_token(grid, chords_lane))
            else:
                rule.chord_marks = grid.cells[bar][chords_lane]
            if chords_lane is not None and lane.role == "melody" and MELODY_BEAT_TONE_BONUS is not None:
                rule.chord_tone_bonus, rule.weak_beat_tone_bonus = MELODY_BEAT_TONE_BONUS
            if rule.mono and lane.role == "melody":   # an orchestral tune: less consonant without (docs/MODEL.md)
                rule.repeat_tone_share = ENSEMBLE_REPEAT_TONE_SHARE if lane.track_id in plan.ensemble_parts \
                    else MELODY_REPEAT_TONE_SHARE
        if rule.mono:
            rule.busy_until, after = lane_edges(grid, lane_i, range(this_pass.start, plan.bars.stop))
            # The next fixed note: a locked note in a later bar of the region (this pass's or a later one's;
            # a later pass's grid shows its cells empty), else the first note after the region.
            later = [grid.bar_steps[b] + e.pos for (b, i), events in plan.locked.items()
                     if i == lane_i and b > bar for e in events]
            rule.next_onset = min(later + ([] if after is None else [after]), default=None)
        rules.append(rule)
    if not all(r.chords or r.pitch_ok.any() for r in rules):
        raise ProposalError("the pitch range and key leave no note to write")
    return rules
