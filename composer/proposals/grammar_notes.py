"""The note writer: which tokens may come next inside one masked track cell.

A note cell is written as `DENS POLY RANGE` (the cell's controls), then events
`POS_p [VEL_v] PITCH_x DUR_d ...` (drums: no DUR) and FILL_END. `NoteWriter`
follows that layout with a `NoteState` and, at each step, fills the mask of
allowed tokens and returns the soft biases (`composer.proposals.grammar`
explains the hard/soft split). It reads the budget, the lanes' sounding ends
and the fills written so far from the walk over the cells (`grammar_rules.Walk`,
which `FillWriter` is).
"""
from __future__ import annotations

from enum import Enum
import numpy as np

from composer.proposals.grammar_rules import (
    CONTROLS_AND_END,
    MAX_NOTES,
    NEW_NOTE_AND_END,
    NEW_VELOCITY_NOTE_AND_END,
    NOTE_TOKENS,
    SAME_ONSET_NOTE_AND_END,
    STRONG_BEAT_STEPS,
    NoteRule,
    Walk,
    bin_bounds,
)
from composer.tokens.grid import NoteEvent, cell_controls
from composer.tokens.vocab import DENSITY_EDGES, DURATION_STEPS, POLYPHONY_EDGES, RANGE_EDGES, VELOCITIES, VOCAB

V = len(VOCAB)
G = VOCAB.groups
FILL_END = VOCAB.id("FILL_END")
_DURATIONS = np.array(DURATION_STEPS)


class NoteState(Enum):
    """Where a note cell's walk stands: the token group (or groups) it expects next."""

    DENS = "DENS"            # the density bin
    POLY = "POLY"            # the polyphony bin
    RANGE = "RANGE"          # the pitch range bin
    EVENT = "event"          # a new onset (POS), another note at this onset (VEL, PITCH), or FILL_END
    AFTER_POS = "after_pos"  # at a new onset: VEL or PITCH
    AFTER_VEL = "after_vel"  # PITCH
    DUR = "dur"              # the duration of the pitch just written


_CONTROLS = (NoteState.DENS, NoteState.POLY, NoteState.RANGE)


class NoteWriter:
    """One note cell of one candidate: `options(mask)` before each sampled token, `feed` after each token."""

    def __init__(self, walk: Walk, rule: NoteRule) -> None:
        self.walk = walk
        self.rule = rule
        self.state = NoteState.DENS
        self.events: list[NoteEvent] = []
        self.pos: int | None = None
        self.vel: int | None = None
        self.at_pos: list[int] = []
        self.locked = list(rule.locked)
        self.template = list(rule.template) if rule.template is not None else None
        self.min_count, self.max_count = rule.control_bins()
        self.poly = 12
        self.span = 127
        if rule.mono:
            # A lane's masked bars may have gaps: a context note between them can still sound into this cell.
            busy = walk.busy
            busy[rule.lane_token] = max(busy.get(rule.lane_token, 0), rule.busy_until)

    def fill(self) -> tuple[NoteEvent, ...]:
        return tuple(sorted(self.events))

    def temperature_factor(self) -> float:
        """The share of the sampling temperature for the token chosen next: the density bin has its own."""
        rule = self.rule
        return rule.temperature_factor * (rule.density_temperature_factor if self.state is NoteState.DENS else 1.0)

    def short(self) -> bool:
        """Whether the cell closed with fewer notes than its density bin asks for."""
        return len(self.events) < self.min_count

    # --- what may come next -----------------------------------------------
    def options(self, mask: np.ndarray) -> np.ndarray | None:
        """Set the allowed tokens in `mask`; the biases over them (None: none)."""
        if self.state in _CONTROLS:
            self._control_options(mask)
            return self._control_bias()
        if self.state is NoteState.DUR:
            mask[G["DUR"].start + self._duration_options()] = True
            return self._echo_duration_bias()
        return self._note_options(mask)

    def _control_options(self, mask: np.ndarray) -> None:
        rule = self.rule
        locked_span = (max(e.pitch for e in self.locked) - min(e.pitch for e in self.locked)) if self.locked else 0
        locked_poly = max((sum(e.pos == p.pos for e in self.locked) for p in self.locked), default=0)
        fewest, most = rule.control_bins()
        room_notes = max(0, (self.walk.room() - CONTROLS_AND_END) // NOTE_TOKENS)
        room_notes = min(room_notes, self._time_for_notes(0))
        if self.state is NoteState.DENS:
            for i in range(len(DENSITY_EDGES)):
                low, high = bin_bounds(DENSITY_EDGES, i, MAX_NOTES)
                if high >= fewest and low <= most and max(low, fewest) <= room_notes and (
                        rule.dens_ok is None or rule.dens_ok[i]):
                    mask[G["DENS"][i]] = True
            if not mask.any():  # the density asked for does not fit the locked notes or the budget
                low_ok = [i for i in range(len(DENSITY_EDGES)) if bin_bounds(DENSITY_EDGES, i, MAX_NOTES)[1] >= fewest]
                mask[G["DENS"][low_ok[0]]] = True
        elif self.state is NoteState.POLY:
            for j in range(len(POLYPHONY_EDGES)):
                empty = self.max_count == 0
                if (j == 0) == empty and j >= locked_poly and (not rule.mono or j <= 1) and (
                        self.template is None or j >= max((len(d) for _, d in self.template), default=0)):
                    mask[G["POLY"][j]] = True
            if not mask.any():
                mask[G["POLY"][min(len(POLYPHONY_EDGES) - 1, max(locked_poly, 1))]] = True
        else:
            for r in range(len(RANGE_EDGES)):
                high = bin_bounds(RANGE_EDGES, r, 127)[1]
                if (r == 0) == (self.max_count == 0) and high >= locked_span or (r == 0 and self.max_count == 1):
                    mask[G["RANGE"][r]] = True
            if not mask.any():
                mask[G["RANGE"].start:G["RANGE"].stop] = True

    def _positions(self) -> np.ndarray:
        """Onsets allowed for a new POS. The next locked note's onset is always among them (and nothing after
        it), so the walk reaches it and forces the note whatever the model sampled before (a hard guarantee)."""
        allowed = self._free_positions()
        if self.locked:
            allowed[self.locked[0].pos + 1:] = False
            allowed[self.locked[0].pos] = True
        return allowed

    def _still_needed(self) -> int:
        """Notes this cell must still write: the density's minimum, and at least the locked notes left."""
        return max(self.min_count - len(self.events), len(self.locked))

    def _free_positions(self) -> np.ndarray:
        """Onsets a new note may take: after the last one, with time and tokens left for the notes still needed,
        and in a single line after what still sounds and before the next fixed note."""
        rule = self.rule
        first = 0 if self.pos is None else self.pos + 1
        allowed = np.zeros(rule.bar_len, dtype=bool)
        if self.template is not None:
            # The kept rhythm's next onset, once: while its notes are not all written it is the current onset,
            # and the rest follow it (PITCH or VEL); a second POS there would start the onset over, and a
            # model that kept choosing it looped until the budget ran out.
            if self.template and (self.pos is None or self.template[0][0] > self.pos):
                allowed[self.template[0][0]] = True
            return allowed
        if len(self.events) >= self.max_count or first >= rule.bar_len:
            return allowed
        allowed[first:] = True
        needed_after = max(0, self._still_needed() - 1)
        allowed &= np.array([self._time_for_notes(q) for q in range(rule.bar_len)]) >= needed_after + 1
        if self.walk.room() < NEW_NOTE_AND_END + NOTE_TOKENS * needed_after:
            allowed[:] = False
        if rule.mono:
            busy = self.walk.busy.get(rule.lane_token, 0) - rule.bar_start
            allowed &= np.arange(rule.bar_len) >= busy
            limit = self._hard_onset()
            if limit is not None:
                allowed &= np.arange(rule.bar_len) < limit - rule.bar_start
        return allowed

    def _time_for_notes(self, first: int) -> int:
        """How many notes fit from step `first` to the bar's end: one a step in a single line (after
        what still sounds, before the next fixed note) and on drums; two a step otherwise (pitch order
        can stop a third: counting on two keeps the density reachable). Drums count one: their
        rising pitch order and range bin often stop a second hit, and a kit counted at two picked
        densities its bar could not hold (a cut-short cell and a retry)."""
        rule = self.rule
        end = rule.bar_len
        if rule.drums:
            return max(0, end - first)
        if not rule.mono:
            return 2 * max(0, end - first) if self.poly > 1 else max(0, end - first)
        first = max(first, self.walk.busy.get(rule.lane_token, 0) - rule.bar_start)
        return max(0, end - first)

    def _hard_onset(self) -> int | None:
        """Mono: the absolute step of the next note this cell must not overlap (locked or after the region)."""
        onsets = [self.rule.bar_start + e.pos for e in self.locked]
        if self.rule.next_onset is not None:
            onsets.append(self.rule.next_onset)
        return min(onsets, default=None)

    def _pitches(self) -> np.ndarray:
        """Pitches allowed for the next note at the current onset (hard set, then softer layers)."""
        rule = self.rule
        hard = rule.pitch_ok.copy()
        if self.at_pos:
            hard[:max(self.at_pos) + 1] = False
        if self.template is not None and self.template:
            remaining = len(self.template[0][1]) - len(self.at_pos) - 1
            if remaining > 0:  # leave room above for the onset's other notes
                above = np.cumsum(hard[::-1])[::-1] - hard
                hard &= above >= remaining
        layers = []
        pitches = [e.pitch for e in self.events]
        if pitches and self.span < 127:
            layer = np.zeros(128, dtype=bool)
            layer[max(0, max(pitches) - self.span):min(128, min(pitches) + self.span + 1)] = True
            layers.append(layer)
        if rule.contour is not None:
            centre = int(rule.contour[self.pos])
            layer = np.zeros(128, dtype=bool)
            layer[max(0, centre - rule.contour_width):centre + rule.contour_width + 1] = True
            layers.append(layer)
        tones = self._chord_tones()
        if rule.chord_mode == "strict" and tones and (rule.bass_line or self.pos % rule.beat_steps == 0):
            layers.append(np.isin(np.arange(128) % 12, list(tones)))
        allowed = hard
        for layer in layers:
            if (allowed & layer).any():
                allowed = allowed & layer
        return allowed

    def _chord_tones(self) -> frozenset[int] | None:
        marks = self.rule.chord_marks
        if self.rule.chord_source is not None:
            marks = self.walk.chord_fills.get(self.rule.chord_source, marks)
        if not marks or self.pos is None:
            return None
        chord = None
        for mark in marks:
            if mark.pos <= self.pos:
                chord = mark.chord
        return None if chord is None else chord.pitch_classes

    def _note_options(self, mask: np.ndarray) -> np.ndarray | None:
        rule, state = self.rule, self.state
        room = self.walk.room()
        pitches = self._pitches() if self.pos is not None and self._can_add_pitch() else np.zeros(128, dtype=bool)
        if state is NoteState.AFTER_VEL or (self.vel is not None and (
                state is NoteState.AFTER_POS or room >= SAME_ONSET_NOTE_AND_END)):
            mask[G["PITCH"].start:G["PITCH"].stop] = pitches
        if pitches.any() and (state is NoteState.AFTER_POS or (
                state is NoteState.EVENT and room >= NEW_VELOCITY_NOTE_AND_END)):
            mask[G["VEL"].start:G["VEL"].stop] = True
            if self.vel is not None:  # a VEL token marks a change (as encode writes it), never a repeat
                mask[G["VEL"][self.vel]] = False
        if state is NoteState.EVENT:
            mask[G["POS"].start:G["POS"].start + rule.bar_len] = self._positions()
            finished = len(self.events) >= self.min_count and not self.locked and not self.template
            if finished or not mask.any():  # nothing else fits: close (the post-check reports a short cell)
                mask[FILL_END] = True
        bias = np.zeros(V, dtype=np.float32)
        echo = self._echo()
        if echo and state is NoteState.EVENT:  # the echoed bar's next onset, or its end
            ahead = [e.pos for e in echo if self.pos is None or e.pos > self.pos]  # a bar of this one's length
            bias[G["POS"].start + min(ahead) if ahead else FILL_END] += rule.echo_onsets
        if not mask[G["PITCH"].start:G["PITCH"].stop].any():
            return bias if bias.any() else None
        if echo and self.pos is not None:  # the echoed bar's sounds at this onset
            bias[[G["PITCH"].start + e.pitch for e in echo if e.pos == self.pos]] += rule.echo_pitches
        if rule.pitch_bias is not None:
            bias[G["PITCH"].start:G["PITCH"].stop] += rule.pitch_bias
        tones = self._chord_tones()
        if tones and rule.chord_mode != "off":
            weak = rule.weak_beat_tone_bonus is not None and self.pos % STRONG_BEAT_STEPS
            bonus = rule.weak_beat_tone_bonus if weak else rule.chord_tone_bonus
            tone_bias = bonus * np.isin(np.arange(128) % 12, list(tones))
            last = self._last_pitch() if rule.repeat_tone_share != 1.0 else None
            if last is not None:
                tone_bias[last] *= rule.repeat_tone_share
            bias[G["PITCH"].start:G["PITCH"].stop] += tone_bias
        return bias

    def _last_pitch(self) -> int | None:
        """The pitch this lane played last: in this cell so far, else in the bar before when this pass wrote it."""
        if self.events:
            return max(self.events, key=lambda e: e.pos).pitch
        before = self.walk.note_fills.get((self.rule.bar - 1, self.rule.lane_token))
        return max(before, key=lambda e: e.pos).pitch if before else None

    def _control_bias(self) -> np.ndarray | None:
        """The rule's density preference, plus the echoed bar's own density, polyphony and range bins."""
        rule, echo, group = self.rule, self._echo(), self.state.value
        if not echo and (group != "DENS" or rule.dens_bias is None):
            return None
        bias = np.zeros(V, dtype=np.float32)
        if group == "DENS" and rule.dens_bias is not None:
            bias[G["DENS"].start:G["DENS"].stop] = rule.dens_bias
        if echo:
            bins = dict(zip(("DENS", "POLY", "RANGE"), cell_controls(echo)))
            bias[G[group][bins[group]]] += rule.echo_onsets
        return bias

    def _echo_duration_bias(self) -> np.ndarray | None:
        """Towards the length the echoed bar's note at this onset and pitch had."""
        echo = self._echo()
        lengths = [e.duration for e in echo or () if e.pos == self.pos and e.pitch == self.at_pos[-1]]
        if not lengths:
            return None
        bias = np.zeros(V, dtype=np.float32)
        bias[G["DUR"].start + int(np.abs(_DURATIONS - lengths[0]).argmin())] = self.rule.echo_pitches
        return bias

    def _echo(self) -> tuple[NoteEvent, ...] | None:
        """The earlier bar of this lane the rule asks the fill to echo, if any."""
        rule = self.rule
        if not (rule.echo_onsets or rule.echo_pitches):
            return None
        if rule.echo_source is not None:
            return self.walk.note_fills.get(rule.echo_source)
        return rule.echo

    def _can_add_pitch(self) -> bool:
        """Whether another note may start at the current onset."""
        if self.template is not None:
            return bool(self.template) and self.template[0][0] == self.pos and len(self.at_pos) < len(self.template[0][1])
        if self.rule.mono and self.at_pos:  # a single line: one note an onset (locked chords are forced, not sampled)
            return False
        return len(self.at_pos) < self.poly and len(self.events) < self.max_count

    def _duration_options(self) -> np.ndarray:
        rule = self.rule
        if self.template is not None:
            want = self.template[0][1][len(self.at_pos) - 1]
            return np.flatnonzero(_DURATIONS == want)
        if not rule.mono:
            return np.arange(len(_DURATIONS))
        # A single line: end before the next fixed note, and leave a step for each note the density still needs.
        needed = max(0, self._still_needed() - 1)
        limit = rule.bar_start + rule.bar_len - needed if needed else None
        hard = self._hard_onset()
        if hard is not None:
            limit = hard if limit is None else min(limit, hard)
        if limit is None:
            return np.arange(len(_DURATIONS))
        fits = np.flatnonzero(rule.bar_start + self.pos + _DURATIONS <= limit)
        return fits if len(fits) else np.array([0])

    # --- taking a token ---------------------------------------------------
    def feed(self, group: str, token: int) -> None:
        index = VOCAB.index_in(group, token) if group != "SPECIAL" else None
        if group == "DENS":
            low, high = bin_bounds(DENSITY_EDGES, index, MAX_NOTES)
            self.min_count, self.max_count = max(self.min_count, low), min(self.max_count, high)
            self.max_count = max(self.max_count, self.min_count)
            self.state = NoteState.POLY
        elif group == "POLY":
            self.poly = max(1, bin_bounds(POLYPHONY_EDGES, index, 12)[1]) if index else 1
            self.state = NoteState.RANGE
        elif group == "RANGE":
            self.span = bin_bounds(RANGE_EDGES, index, 127)[1]
            self.state = NoteState.EVENT
        elif group == "POS":
            self.pos, self.at_pos, self.state = index, [], NoteState.AFTER_POS
            if self.locked and self.locked[0].pos == index:
                self._force_locked()
        elif group == "VEL":
            self.vel, self.state = VOCAB.index_in("VEL", token), NoteState.AFTER_VEL
        elif group == "PITCH":
            self.at_pos.append(index)
            if self.locked and self.locked[0].pos == self.pos and self.locked[0].pitch == index:
                self.locked.pop(0)
            if self.rule.drums:
                self._add_note(index, 0)
            else:
                self.state = NoteState.DUR
        elif group == "DUR":
            self._add_note(self.at_pos[-1], DURATION_STEPS[index])

    def _add_note(self, pitch: int, duration: int) -> None:
        self.events.append(NoteEvent(self.pos, pitch, duration, VELOCITIES[self.vel]))
        if self.rule.mono:
            self.walk.busy[self.rule.lane_token] = self.rule.bar_start + self.pos + max(duration, 1)
        if self.template is not None and len(self.at_pos) == len(self.template[0][1]):
            self.template.pop(0)
        self.state = NoteState.EVENT

    def _force_locked(self) -> None:
        """At a locked note's onset: its VEL (if the velocity changes), PITCH and DUR, for each locked note there."""
        vel = self.vel
        for event in [e for e in self.locked if e.pos == self.pos]:
            wanted = VELOCITIES.index(event.velocity)
            if wanted != vel:
                self.walk.forced.append(G["VEL"][wanted])
                vel = wanted
            self.walk.forced.append(G["PITCH"][event.pitch])
            if not self.rule.drums:
                self.walk.forced.append(G["DUR"][DURATION_STEPS.index(event.duration)])
