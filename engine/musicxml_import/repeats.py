"""The order measures are played in: repeats, voltas, D.C./D.S., Fine and Coda, as playback would.

A piano roll has one timeline, so by default a score is unfolded: a repeated
section appears twice (or `times` times) and each volta only on its own pass.
After a D.C. or D.S. jump repeats are not taken again and only the last
volta of a group is played (the usual convention), `Fine` ends the piece and
`To Coda` jumps to the coda. A structure that would loop forever stops after
a fixed number of measures (`MAX_PLAYED_FACTOR` times the written count).
"""
from __future__ import annotations

from engine.musicxml_import.measures import Measure

MAX_PLAYED_FACTOR = 16


def play_order(measures: list[Measure]) -> list[int]:
    """Indexes of `measures` in playing order."""
    count = len(measures)
    last_volta = _last_voltas(measures)
    order: list[int] = []
    taken: dict[int, int] = {}
    section_start = 0
    passes = 1
    jumped = False
    done_jumps: set[int] = set()
    index = 0
    while index < count and len(order) < MAX_PLAYED_FACTOR * max(1, count):
        measure = measures[index]
        if measure.forward_repeat and not (order and order[-1] >= index):
            section_start = index
        if measure.endings and ((jumped and not last_volta[index]) or (not jumped and passes not in measure.endings)):
            index += 1
            continue
        order.append(index)
        jumps = measure.jumps
        if jumped and "fine" in jumps:
            break
        if jumped and "tocoda" in jumps:
            coda = next((i for i in range(index + 1, count) if "coda" in measures[i].jumps), None)
            if coda is not None:
                index = coda
                continue
        if measure.backward_repeat and not jumped:
            done = taken.get(index, 0)
            if done < measure.backward_repeat - 1:
                taken[index] = done + 1
                passes = done + 2
                index = section_start
                continue
            taken[index] = 0
            passes = 1
            section_start = index + 1
        elif measure.endings and not measure.backward_repeat and passes > 1 and _ends_group(measures, index):
            passes = 1  # the last volta is done: what follows is played once
            section_start = index + 1
        target = _jump_target(measures, index) if index not in done_jumps else None
        if target is not None:
            done_jumps.add(index)
            jumped = True
            index = target
            continue
        index += 1
    return order


def has_repeats(measures: list[Measure]) -> bool:
    return any(m.backward_repeat or m.endings or "dacapo" in m.jumps or "dalsegno" in m.jumps for m in measures)


def _jump_target(measures: list[Measure], index: int) -> int | None:
    jumps = measures[index].jumps
    if "dacapo" in jumps and jumps["dacapo"] != "no":
        return 0
    if "dalsegno" in jumps:
        return next((i for i in range(index + 1) if "segno" in measures[i].jumps), None)
    return None


def _ends_group(measures: list[Measure], index: int) -> bool:
    following = measures[index + 1] if index + 1 < len(measures) else None
    return following is None or not following.endings or following.ending_start


def _last_voltas(measures: list[Measure]) -> list[bool]:
    """For each measure: is it outside any volta, or in the highest-numbered volta of its group?"""
    result = [not m.endings for m in measures]
    group: list[int] = []
    for index, measure in enumerate(measures + [Measure("")]):
        if measure.endings:
            group.append(index)
            continue
        if group:
            highest = max(max(measures[i].endings) for i in group)
            for i in group:
                result[i] = highest in measures[i].endings
            group = []
    return result
