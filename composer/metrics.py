"""Musical metrics of filled cells, and a random-in-key baseline to read them against.

A filled cell is judged against the window around it, which the user keeps:
- in-key rate: notes whose pitch class is in the window's key at that bar
  (bars without a key are left out);
- chord-tone rate on strong beats: notes starting on a half-note boundary
  (step % 24: beats 1 and 3 of a 4/4 bar) whose pitch class belongs to the
  chord in force there on the chord lane (bars without a chord left out);
- density (notes per cell) and pitch range (highest minus lowest, per non-empty
  cell), with the mean absolute difference from the ground truth cell.
Ground truth scored the same way shows what "right" looks like; the
random-in-key baseline (context density, key scale, the lane's context range,
random 8th-note onsets) shows what knowing only the key and the density gives.
"""
from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field

from composer.tokens.grid import Grid, NoteEvent
from engine.keys import Key

STRONG_BEAT_STEPS = 24  # a half note in grid steps


@dataclass
class CellScores:
    """Running totals over many filled cells."""

    notes: int = 0
    in_key: int = 0
    keyed: int = 0
    strong: int = 0
    strong_chord_tones: int = 0
    cells: int = 0
    empty: int = 0
    densities: list[int] = field(default_factory=list)
    ranges: list[int] = field(default_factory=list)
    density_errors: list[int] = field(default_factory=list)
    range_errors: list[int] = field(default_factory=list)

    def add(self, grid: Grid, bar: int, lane: int, events: tuple[NoteEvent, ...], truth: tuple[NoteEvent, ...]) -> None:
        self.cells += 1
        self.empty += not events
        key = grid.keys[bar]
        scale = Key(key[0], key[1]).scale if key is not None else None
        chord_lane = next((i for i, l in enumerate(grid.lanes) if l.is_chords), None)
        marks = grid.cells[bar][chord_lane] if chord_lane is not None else ()
        for event in events:
            self.notes += 1
            if scale is not None:
                self.keyed += 1
                self.in_key += event.pitch % 12 in scale
            if event.pos % STRONG_BEAT_STEPS == 0:
                chord = next((m.chord for m in reversed(marks) if m.pos <= event.pos), None)
                if chord is not None:
                    self.strong += 1
                    self.strong_chord_tones += event.pitch % 12 in chord.pitch_classes
        self.densities.append(len(events))
        self.density_errors.append(abs(len(events) - len(truth)))
        if events:
            self.ranges.append(_span(events))
            if truth:
                self.range_errors.append(abs(_span(events) - _span(truth)))

    def summary(self) -> dict:
        def mean(values):
            return round(statistics.fmean(values), 3) if values else None

        return {"cells": self.cells, "notes": self.notes,
                "in_key_rate": round(self.in_key / self.keyed, 4) if self.keyed else None,
                "chord_tone_rate_strong_beats": round(self.strong_chord_tones / self.strong, 4) if self.strong else None,
                "notes_per_cell": mean(self.densities), "empty_cell_share": round(self.empty / max(self.cells, 1), 3),
                "pitch_range": mean(self.ranges), "density_abs_error_vs_truth": mean(self.density_errors),
                "range_abs_error_vs_truth": mean(self.range_errors)}


def _span(events) -> int:
    pitches = [e.pitch for e in events]
    return max(pitches) - min(pitches)


def random_in_key_cell(grid: Grid, bar: int, lane: int, masked_bars: set[int], rng: random.Random) -> tuple[NoteEvent, ...]:
    """A cell of random 8th-note onsets and key-scale pitches, as busy and as wide as the lane's unmasked bars."""
    context = [grid.cells[b][lane] for b in range(grid.bar_count) if b not in masked_bars]
    count = round(statistics.fmean(len(c) for c in context)) if context else 4
    pitches = [e.pitch for c in context for e in c] or [60, 72]
    key = grid.keys[bar]
    scale = Key(key[0], key[1]).scale if key is not None else tuple(range(12))
    choices = [p for p in range(min(pitches), max(pitches) + 1) if p % 12 in scale] or [60]
    steps = grid.bar_steps[bar + 1] - grid.bar_steps[bar]
    onsets = sorted(rng.sample(range(0, steps, 6), min(count, len(range(0, steps, 6)))))
    return tuple(NoteEvent(pos, rng.choice(choices), 6, 80) for pos in onsets)
