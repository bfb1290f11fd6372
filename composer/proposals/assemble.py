"""Decoded cells -> engine notes and chord events in the song's own ticks, and the post-checks on them.

The post-checks look at the final notes, not the tokens: what the user gets
is what is checked. Hard problems (a note outside the region or the allowed
pitches, overlapping notes in a single line, a lost locked note, a bar of a
chord task without a chord) make a candidate unusable; soft ones (an empty
bar where a density was asked for, a cell cut short by the token budget)
are retried and, if they persist, reported as warnings on the candidate.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from composer.proposals.candidate import chord_lane_with
from composer.proposals.context import duration_ticks, step_ticks
from composer.proposals.plan import Plan
from composer.proposals.rules import DEFAULT_RANGE, GM_DRUMS, MONO_ROLES
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
        locked = {(n.start, n.pitch): n for n in plan.locked_notes.get(target, ())}
        out = []
        for b in plan.bars:
            for event in written.get((b, lane_i), ()):
                start = step_ticks(song, b, grid.bar_steps[b], grid.bar_steps[b] + event.pos)
                note = Note(start, event.pitch, duration_ticks(song, DRUM_STEPS if lane.drums else event.duration),
                            event.velocity)
                if note.end > song_end:  # a note never lengthens the song (the bars asked for are the bars it gets)
                    note = note.with_(duration=song_end - note.start)
                out.append(_original(locked, note, song.ticks_per_quarter) or note)
        out.sort()
        if lane.role in MONO_ROLES and not lane.drums:
            out = _single_line(song, target, plan.ticks[1], out, set(locked.values()))
        notes[target] = tuple(out)
    return Content(notes, chords)


def _original(locked: dict, note: Note, tpq: int) -> Note | None:
    """The locked note a decoded note stands for (same pitch, onset within half a grid step)."""
    for (start, pitch), original in locked.items():
        if pitch == note.pitch and abs(start - note.start) * 24 <= tpq:
            return original
    return None


def _single_line(song: Song, track_id: int, end: int, notes: list[Note], locked: set[Note]) -> list[Note]:
    """Shorten notes that would sound into the next one (the grammar already avoids it; tick rounding may not)."""
    after = [n.start for n in song.track(track_id).notes if n.start >= end]
    out = []
    for i, note in enumerate(notes):
        limit = notes[i + 1].start if i + 1 < len(notes) else (after[0] if after else None)
        if limit is not None and note.end > limit and note not in locked:
            note = note.with_(duration=max(0, limit - note.start))
        out.append(note)
    return out


def check(plan: Plan, content: Content, truncated: int) -> Content:
    """Fill `content.hard` and `content.soft` with what is wrong with it (one line each)."""
    start, end = plan.ticks
    controls = plan.controls
    for track_id, notes in content.notes.items():
        lane = plan.grid.lanes[plan.lanes[track_id]]
        name = plan.song.track(track_id).name or f"track {track_id}"
        low, high = (GM_DRUMS.start, GM_DRUMS.stop - 1) if lane.drums else (controls.pitch_range or DEFAULT_RANGE)
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
        if mono and any(a.end > b.start for a, b in pairwise(notes)):
            content.hard.append(f"{name}: notes overlap in a single line")
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
