"""The per-cell rules a proposal's first pass decodes with, and a writer walked to its first real choice,
as `composer.proposals.generate` builds them: what the grammar tests inspect without running a model."""
from __future__ import annotations

from composer.proposals import Controls, Region, Task
from composer.proposals.grammar import CellRule, FillWriter
from composer.proposals.plan import cell_rules, fill_reserve, make_plan, pass_grid, pass_prompt
from engine.song import Song


def first_pass_rules(song: Song, region: Region, task: Task, controls: Controls | None = None) -> list[CellRule]:
    plan = make_plan(song, region, task, controls or Controls(), 1024)
    this_pass = plan.passes[0]
    grid = pass_grid(plan, {}, this_pass)
    _, window = pass_prompt(plan, grid, this_pass, fill_reserve(plan, this_pass))
    return cell_rules(plan, grid, this_pass, window)


def writer_past_forced(rules: list[CellRule], budget: int = 900) -> FillWriter:
    """A writer fed its forced tokens (bar and lane headers), standing at the first token the model chooses."""
    writer = FillWriter(rules, budget)
    while writer.forced:
        writer.feed(writer.next_choice().forced)
    return writer
