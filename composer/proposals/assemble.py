"""Decoded cells -> engine notes and chord events in the song's own ticks, and the post-checks on them.

The post-checks look at the final notes, not the tokens: what the user gets
is what is checked. Hard problems (a note outside the region or the allowed
pitches, overlapping notes in a single line, a lost locked note, a bar of a
chord task without a chord) make a candidate unusable; soft ones (an empty
bar where a density was asked for, a cell cut short by the token budget)
are retried and, if they persist, reported as warnings on the candidate.
Locked notes are the user's: they come back as the original `Note`s by
construction, and two of them that overlap each other in a single line are
not a problem of the candidate (no retry could change them).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from composer.proposals.candidate import chord_lane_with
from composer.proposals.context import duration_ticks, step_ticks
from composer.proposals.plan import Plan
from composer.proposals.ranges import outside_playable, place_in_register
from composer.proposals.rules import GM_DRUMS, MONO_ROLES
from composer.proposals.tasks import TASKS
from composer.tokens.encode import CHORD_LANE
from composer.tokens.vocab import DRUM_STEPS
from engine.chords import ChordEvent
from engine.notes import Note
from engine.pitch import midi_note_name
from engine.song import Song




@dataclass
class Content:
    notes: dict[int, tuple[Note, ...]]
    chords: tuple[ChordEvent, ...] | None
    hard: list[str] = field(default_factory=list)
    soft: list[str] = field(default_factory=list)


def assemble(plan: Plan, written: dict[tuple[int, int], tuple]) -> Content:
    song, grid = plan.song, plan.grid
    song_end = song.length_ticks
    notes: dict[int, tuple[Note, ...]] = {}
    chords = None
    for target in plan.targets:
        lane_i = plan.lanes[target]
        lane = grid.lanes[lane_i]
        if target == CHORD_LANE:
            chords = tuple(ChordEvent(step_ticks(song, b, grid.bar_steps[b], grid.bar_steps[b] + m.pos), m.chord)
                           for b in plan.bars for m in written.get((b, lane_i), ()))
            continue
        locked = plan.locked_notes.get(target, ())
        out = []
        for b in plan.bars:
            for event in _new_events(written.get((b, lane_i), ()), plan.locked.get((b, lane_i), ())):
                start = step_ticks(song, b, grid.bar_steps[b], grid.bar_steps[b] + event.pos)
                note = Note(start, event.pitch, duration_ticks(song, DRUM_STEPS if lane.drums else event.duration),
                            event.velocity)
                if note.end > song_end:  # a note never lengthens the song (the bars asked for are the bars it gets)
                    note = note.with_(duration=song_end - note.start)
                out.append(note)
        if lane.role in MONO_ROLES and not lane.drums:
            out = _single_line(song, target, plan.ticks[1], out, locked)
            variation = TASKS[plan.task].variation      # a variation answers the old line, in its register
            if plan.controls.pitch_range is None and not locked and not variation:
                out = place_in_register(out, plan.ranges[target], plan.centres.get(target))  # not under a user range
        notes[target] = tuple(sorted(out + list(locked)))
    return Content(notes, chords)


def _new_events(events: tuple, locked: tuple) -> list:
    """A cell's decoded events without the copies of its locked notes (the grammar forced those).

    The locked notes themselves are put back as the original `Note`s, whatever was decoded, so a locked note
    is never lost nor matched to a different original (off the grid, or near another of the same pitch).
    A kept rhythm (variation-rhythm) writes new pitches in the locked notes' slots: the slot gives way.
    """
    out = list(events)
    for fixed in locked:
        same = next((e for e in out if e == fixed), None)
        if same is None:
            same = next((e for e in out if (e.pos, e.duration) == (fixed.pos, fixed.duration)), None)
        if same is not None:
            out.remove(same)
    return out


def _single_line(song: Song, track_id: int, end: int, notes: list[Note], locked: tuple[Note, ...]) -> list[Note]:
    """New notes of a single line made to fit around the fixed ones (the grammar already avoids overlaps; tick
    rounding and off-grid locked notes may not): a new note ends where the next note starts (new, locked, or
    the first after the region), and one that would start inside a locked note, on another's onset, or be cut
    to nothing, goes."""
    after = [n.start for n in song.track(track_id).notes if n.start >= end]
    onsets = sorted({n.start for n in notes} | {n.start for n in locked} | set(after[:1]))
    out: list[Note] = []
    for note in sorted(notes):
        if any(f.start <= note.start < f.end for f in locked) or (out and out[-1].start == note.start):
            continue
        later = [t for t in onsets if t > note.start]
        if later and note.end > later[0]:
            note = note.with_(duration=later[0] - note.start)
        if any(f.start == note.start for f in locked) or note.duration <= 0:
            continue
        out.append(note)
    return out


def check(plan: Plan, content: Content, truncated: int) -> Content:
    """Fill `content.hard` and `content.soft` with what is wrong with it (one line each)."""
    start, end = plan.ticks
    controls = plan.controls
    for track_id, notes in content.notes.items():
        lane = plan.grid.lanes[plan.lanes[track_id]]
        name = plan.song.track(track_id).name or f"track {track_id}"
        low, high = (GM_DRUMS.start, GM_DRUMS.stop - 1) if lane.drums else plan.ranges[track_id]
        if controls.pitch_range is not None and not lane.drums:
            locked = set(plan.locked_notes.get(track_id, ()))
            unplayable = outside_playable(plan.song.track(track_id), name, [n for n in notes if n not in locked], start)
            if unplayable:
                content.soft.append(unplayable)
        for note in notes:
            if not start <= note.start < end:
                content.hard.append(f"{name}: a note at tick {note.start} lies outside the region")
            elif not low <= note.pitch <= high and note not in plan.locked_notes.get(track_id, ()):
                content.hard.append(f"{name}: {midi_note_name(note.pitch)} is outside {low}-{high}")
            elif (controls.key is not None and controls.key_strict and not lane.drums
                  and not controls.key.contains(note.pitch) and note not in plan.locked_notes.get(track_id, ())):
                content.hard.append(f"{name}: {midi_note_name(note.pitch)} is not in {controls.key}")
        missing = [n for n in plan.locked_notes.get(track_id, ()) if n not in notes]
        if missing:
            content.hard.append(f"{name}: {len(missing)} locked note(s) lost")
        mono = lane.role in MONO_ROLES and not lane.drums
        fixed = set(plan.locked_notes.get(track_id, ()))
        if mono and any(a.end > b.start and not (a in fixed and b in fixed) for a, b in pairwise(notes)):
            content.hard.append(f"{name}: notes overlap in a single line")
        if not notes and TASKS[plan.task].role is not None:
            content.hard.append(f"{name}: no notes written for the {plan.task.value} asked for")
        if controls.density is not None:
            for b in plan.bars:
                bar_start, bar_end = plan.song.meter_map.bar_range(b, b)
                if not any(bar_start <= n.start < bar_end for n in notes):
                    content.soft.append(f"{name}: bar {b + 1} is empty although density {controls.density} was asked")
    if content.chords is not None and plan.task.value == "chords":
        for b in plan.bars:
            bar_start = plan.song.meter_map.bar_start(b)
            if not any(c.tick == bar_start and c.chord is not None for c in content.chords):
                content.hard.append(f"chords: bar {b + 1} has no chord")
    if truncated:
        content.soft.append(f"{truncated} bar(s) got fewer notes than their density control asked for")
    return content


def stats_rates(plan: Plan, content: Content) -> tuple[float | None, float | None]:
    """(in-key rate, chord-tone rate) of the new (not locked) pitched notes."""
    song = plan.song
    chords = None
    if content.chords is not None:
        chords = song.with_(chords=chord_lane_with(song, *plan.ticks, content.chords))
    harmony = chords or song
    in_key = tones = keyed = chorded = 0
    for track_id, notes in content.notes.items():
        if plan.grid.lanes[plan.lanes[track_id]].drums:
            continue
        for note in notes:
            if note in plan.locked_notes.get(track_id, ()):
                continue
            key = plan.controls.key or song.key_at(note.start)
            if key is not None:
                keyed += 1
                in_key += key.contains(note.pitch)
            event = harmony.chord_at(note.start)
            if event is not None and event.chord is not None:
                chorded += 1
                tones += note.pitch % 12 in event.chord.pitch_classes
    return (in_key / keyed if keyed else None), (tones / chorded if chorded else None)
