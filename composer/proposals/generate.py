"""`propose()`: several candidates for a region, constrained, post-checked, retried, cancellable.

The flow: plan (lanes, masks, passes, rules) -> for each pass, encode the
context and decode the fills of every candidate as one batch (whether they
share the prompt or, from the second pass on, each has its own) -> notes in
the song's ticks -> post-checks -> the failed candidates again with new
seeds, up to `Controls.max_attempts` -> Candidates.
Nothing here touches the song: a candidate becomes a change only through
`Candidate.to_edit`, so a cancelled or failed proposal changes nothing.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from os import PathLike

import numpy as np

from composer.model import Composer
from composer.originality.proposal import OriginalityCheck
from composer.proposals.assemble import Content, assemble, check, stats_rates
from composer.proposals.candidate import Candidate, CandidateStats
from composer.proposals.decoding import decode
from composer.proposals.grammar import FillWriter
from composer.proposals.loader import LoadedModel, load_model
from composer.proposals.plan import (
    Plan,
    cell_rules,
    fill_reserve,
    make_plan,
    pass_grid,
    pass_prompt,
)
from composer.proposals.spec import Controls, ProposalError, Region, Task
from composer.proposals.admission import check_request
from engine.song import Song

RETRY_SEED_STRIDE = 7919   # attempt a of candidate i uses seed + i + a * stride: never another candidate's seed
ONE_BATCH = True   # False: one batch per distinct prompt, one after another (the old way; bench_proposals.py compares)


@dataclass
class _Run:
    seed: int
    written: dict = field(default_factory=dict)
    tokens: int = 0
    seconds: float = 0.0
    truncated: int = 0


def propose(song: Song, region: Region, task: Task | str, controls: Controls | None = None,
            model: LoadedModel | Composer | str | PathLike[str] | None = None,
            cancel: Callable[[], bool] | threading.Event | None = None,
            progress: Callable[[float], None] | None = None) -> list[Candidate]:
    """`controls.candidates` candidates for `region` of `song` (which is not changed).

    `model`: a loaded model, a checkpoint path, or None for the shipped one.
    `cancel`: a callable or threading.Event, checked between tokens (ProposalCancelled).
    `progress`: called with 0..1 as tokens are written.
    Raises ProposalError (one line) when nothing usable could be made.
    """
    task = Task.parse(task)
    controls = controls or Controls()
    check_request(song, region, task)
    net = _model(model, controls.style)
    plan = make_plan(song, region, task, controls, net.config.block_size)
    should_stop = cancel.is_set if isinstance(cancel, threading.Event) else cancel
    meter = _Progress(progress, plan, controls.candidates * controls.max_attempts)
    pending = list(range(controls.candidates))
    finished: dict[int, tuple[_Run, Content, int]] = {}
    originality, close = OriginalityCheck.for_model(model, controls), {}
    for attempt in range(controls.max_attempts):
        runs = {i: _Run(controls.seed + i + attempt * RETRY_SEED_STRIDE) for i in pending}
        _generate(net, plan, runs, should_stop, meter)
        for i, run in runs.items():
            content = check(plan, assemble(plan, run.written), run.truncated)
            close[i] = originality.check(plan.song, content)
            finished[i] = (run, content, attempt + 1)
        pending = [i for i in pending if finished[i][1].hard or finished[i][1].soft]
        if not pending:
            break
    meter.done()
    candidates = [_candidate(plan, *finished[i], close[i], originality.problem) for i in range(controls.candidates)
                  if not finished[i][1].hard]
    if not candidates:
        problem = finished[0][1].hard[0]
        raise ProposalError(f"no usable {task.value} after {controls.max_attempts} attempt(s): {problem}")
    return candidates


def _model(model, style: str | None = None) -> Composer:
    """The network to decode with; a style is refused for a checkpoint trained before STYLE tokens (its
    embedding rows for them are placeholders). A bare Composer is taken as it is."""
    if isinstance(model, Composer):
        return model
    loaded = model if isinstance(model, LoadedModel) else load_model(model)
    if style is not None and not loaded.info.get("knows_styles", True):
        raise ProposalError(f"{loaded.path.name} was trained before styles; propose without --style")
    return loaded.model


def _generate(net: Composer, plan: Plan, runs: dict[int, _Run], should_stop, meter: _Progress) -> None:
    """Decode every pass for every run, all runs as one batch (equal prompts are run once)."""
    for number, this_pass in enumerate(plan.passes):
        reserve = fill_reserve(plan, this_pass)
        prompts: dict[int, tuple[int, ...]] = {}
        rules = {}
        for i, run in runs.items():
            grid = pass_grid(plan, run.written, this_pass)
            prompt, window = pass_prompt(plan, grid, this_pass, reserve)
            prompts[i] = tuple(prompt)
            if prompts[i] not in rules:
                rules[prompts[i]] = cell_rules(plan, grid, this_pass, window)
        batches = [list(runs)] if ONE_BATCH else _by_prompt(prompts)
        for members in batches:
            writers = [FillWriter(rules[prompts[i]], plan.block_size - len(prompts[i])) for i in members]
            rngs = [np.random.default_rng([runs[i].seed, number]) for i in members]
            seconds = decode(net, [list(prompts[i]) for i in members], writers, rngs, plan.controls.temperature,
                             plan.controls.top_p, should_stop, meter.tick(len(members)))
            cells = plan.cells(this_pass)
            for i, writer in zip(members, writers):
                run = runs[i]
                run.written.update(zip(cells, writer.fills))
                run.tokens += writer.used
                run.seconds += seconds
                run.truncated += len(writer.truncated)


def _by_prompt(prompts: dict[int, tuple[int, ...]]) -> list[list[int]]:
    groups: dict[tuple[int, ...], list[int]] = {}
    for i, prompt in prompts.items():
        groups.setdefault(prompt, []).append(i)
    return list(groups.values())


def _candidate(plan: Plan, run: _Run, content: Content, attempts: int, close=(), problem: str | None = None
               ) -> Candidate:
    in_key, chord_tones = stats_rates(plan, content)
    stats = CandidateStats(run.tokens, run.seconds, in_key, chord_tones, attempts, tuple(c.to_dict() for c in close))
    end_tick = plan.song.end_tick if plan.song.end_tick > 0 else None
    # the request's own notices (meters read another way, a range the instrument cannot play) come first;
    # they are not the candidate's failures, so they never trigger a retry as content.soft does
    return Candidate(plan.task.value, run.seed, plan.ticks, content.notes, content.chords, stats, end_tick,
                     plan.locked_notes, tuple(plan.warnings) + tuple(content.soft) + ((problem,) if problem else ()))


class _Progress:
    """Reports 0..1 from tokens written against a rough estimate (never past 0.99 before the end)."""

    def __init__(self, callback: Callable[[float], None] | None, plan: Plan, rows: int) -> None:
        self.callback = callback
        self.expected = max(1, sum(fill_reserve(plan, p) for p in plan.passes) // 2)
        self.written = 0
        self.last = time.perf_counter()

    def tick(self, rows: int) -> Callable[[], None] | None:
        if self.callback is None:
            return None

        def on_token() -> None:
            self.written += 1
            now = time.perf_counter()
            if now - self.last > 0.05:
                self.last = now
                self.callback(min(0.99, self.written / self.expected))
        return on_token

    def done(self) -> None:
        if self.callback is not None:
            self.callback(1.0)
