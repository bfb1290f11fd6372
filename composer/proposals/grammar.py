"""The fill grammar with the user's constraints: which tokens may come next, per candidate.

`composer.tokens.decode` is the grammar's parser; this is its generator side.
After SEP the model writes, for each masked cell in order, `BAR_k TRK_x
[DENS POLY RANGE] events FILL_END`. A `FillWriter` walks that layout for one
candidate and, before every token, says either "this token, forced" (the bar
and lane tokens, locked notes, a kept rhythm) or "sample among these, with
these biases". Because every sampled token is drawn from that allowed set,
the output always parses, has exactly the masked cells, and respects the hard
rules (pitch set, monophony, drum sounds, note count of the chosen density
bin, token budget); soft rules (key preference, chord tones) are biases.

Rules that could leave nothing to sample are layered: the hard pitch set is
checked non-empty before decoding (`CellRule` is built that way), and the
softer layers (range control, contour, strict chord tones) are dropped, one by
one, at a step where they would leave no pitch at all.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from composer.proposals.rules import chord_fit_scores
from composer.tokens.grid import ChordMark, NoteEvent, cell_controls
from composer.tokens.vocab import (
    DENSITY_EDGES,
    DURATION_STEPS,
    POLYPHONY_EDGES,
    RANGE_EDGES,
    VELOCITIES,
    VOCAB,
)
from engine.chords import QUALITIES, Chord

V = len(VOCAB)
G = VOCAB.groups
FILL_END = VOCAB.id("FILL_END")
NOCHORD = VOCAB.id("NOCHORD")
_QUALITIES = tuple(QUALITIES)
_DURATIONS = np.array(DURATION_STEPS)
MAX_NOTES = 60          # notes in one cell when the density bin is open-ended
MAX_CHORDS_PER_BAR = 4
CHORD_FIT_BONUS = {"off": 0.0, "soft": 7.0, "strict": 12.0}  # logits for a chord that holds all the notes under it


@dataclass
class CellRule:
    """What may be written into one masked cell (the same for every candidate)."""

    bar: int                         # window bar (the BAR_k token)
    lane_token: int                  # TRK_n or TRK_CHORDS
    bar_len: int                     # steps in the bar
    bar_start: int                   # absolute step of the bar in the song grid
    chords: bool = False
    drums: bool = False
    mono: bool = False
    pitch_ok: np.ndarray | None = None      # (128,) bool: the hard pitch set
    pitch_bias: np.ndarray | None = None    # (128,) float: soft key preference
    dens_ok: np.ndarray | None = None       # (13,) bool
    dens_bias: np.ndarray | None = None     # (13,) float: auto density, towards the lane's neighbouring bars
    locked: tuple[NoteEvent, ...] = ()
    template: tuple[tuple[int, tuple[int, ...]], ...] | None = None   # (pos, durations at pos): kept rhythm
    contour: np.ndarray | None = None       # (bar_len,) pitch the old line had at each step
    contour_width: int = 3
    chord_marks: tuple[ChordMark, ...] | None = None   # the harmony under the cell (None: unknown)
    chord_source: tuple[int, int] | None = None        # (bar, lane) of a chord fill in this pass, if any
    chord_mode: str = "off"
    bass_line: bool = False
    chord_tone_bonus: float = 1.0    # logits for chord tones under soft chord following (rules.CHORD_TONE_BONUS)
    beat_steps: int = 12
    busy_until: int = 0              # mono: absolute step before which the lane still sounds
    next_onset: int | None = None    # mono: absolute step of the lane's next fixed note after the region
    roots_ok: np.ndarray | None = None      # chords: (12,) bool
    quality_ok: np.ndarray | None = None    # chords: (12, qualities) bool
    require_chord: bool = False      # chords: a chord at step 0, no NOCHORD
    harmony: np.ndarray | None = None  # chords: (bar_len, 12) weight of each pitch class sounding at each step
    echo: tuple[NoteEvent, ...] | None = None     # an earlier bar of the lane to lean towards (rules.Echo)
    echo_source: tuple[int, int] | None = None    # (bar, lane token) of that bar when this pass writes it
    echo_onsets: float = 0.0         # logits towards that bar's onsets still ahead
    echo_pitches: float = 0.0        # logits towards its pitches at the current onset

    def control_bins(self) -> tuple[int, int]:
        """(fewest, most) notes the locked notes and kept rhythm demand."""
        if self.template is not None:
            count = sum(len(d) for _, d in self.template)
            return count, count
        return len(self.locked), MAX_NOTES


def _bin_bounds(edges: tuple[int, ...], index: int, top: int) -> tuple[int, int]:
    return edges[index], (edges[index + 1] - 1 if index + 1 < len(edges) else top)


@dataclass
class Choice:
    forced: int | None = None
    mask: np.ndarray | None = None   # (V,) bool
    bias: np.ndarray | None = None   # (V,) float or None


@dataclass
class FillWriter:
    """One candidate's walk through the fills; `next_choice()` then `feed(token)`, until `done`."""

    rules: list[CellRule]
    budget: int                                  # tokens it may write in all
    used: int = 0
    cell: int = -1
    done: bool = False
    truncated: list[int] = field(default_factory=list)   # cells closed early by the budget
    fills: list[tuple] = field(default_factory=list)     # events written, per cell
    ids: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._busy: dict[int, int] = {}
        self.chord_fills: dict[tuple[int, int], tuple[ChordMark, ...]] = {}
        self.note_fills: dict[tuple[int, int], tuple[NoteEvent, ...]] = {}
        self._next_cell()

    # --- cell bookkeeping -------------------------------------------------
    def _next_cell(self) -> None:
        self.cell += 1
        if self.cell == len(self.rules):
            self.done = True
            return
        rule = self.rules[self.cell]
        self.rule = rule
        self.forced = [G["BAR"][rule.bar], rule.lane_token]
        self.state = "event" if rule.chords else "dens"
        self.events: list = []
        self.pos: int | None = None
        self.vel: int | None = None
        self.at_pos: list[int] = []
        self.locked = list(rule.locked)
        self.template = list(rule.template) if rule.template is not None else None
        self.min_count, self.max_count = rule.control_bins()
        self.poly = 12
        self.span = 127
        self.root: int | None = None
        if rule.mono:
            # A lane's masked bars may have gaps: a context note between them can still sound into this cell.
            self._busy[rule.lane_token] = max(self._busy.get(rule.lane_token, 0), rule.busy_until)
        if rule.chords and rule.require_chord:
            self.forced.append(G["POS"][0])

    def _reserve(self) -> int:
        """Tokens the cells after this one need at the least (headers, locked notes, FILL_END)."""
        need = 0
        for rule in self.rules[self.cell + 1:]:
            low = rule.control_bins()[0]
            need += (3 if rule.chords else 6) + 4 * low + (3 if rule.require_chord else 0)
        return need

    def _room(self) -> int:
        return self.budget - self.used - self._reserve()

    # --- what may come next -----------------------------------------------
    def next_choice(self) -> Choice:
        if self.forced:
            return Choice(forced=self.forced[0])
        rule = self.rule
        mask = np.zeros(V, dtype=bool)
        bias = None
        if rule.chords:
            bias = self._chord_options(mask)
        elif self.state in ("dens", "poly", "range"):
            self._control_options(mask)
            bias = self._control_bias()
        elif self.state == "dur":
            mask[G["DUR"].start + self._duration_options()] = True
            bias = self._echo_duration_bias()
        else:
            bias = self._note_options(mask)
        if not mask.any():  # cannot happen by construction; a plain error beats a silent wrong note
            raise RuntimeError(f"fill grammar: nothing allowed in state {self.state} of cell {self.cell}")
        return Choice(mask=mask, bias=bias)

    def _control_options(self, mask: np.ndarray) -> None:
        rule = self.rule
        locked_span = (max(e.pitch for e in self.locked) - min(e.pitch for e in self.locked)) if self.locked else 0
        locked_poly = max((sum(e.pos == p.pos for e in self.locked) for p in self.locked), default=0)
        fewest, most = rule.control_bins()
        room_notes = max(0, (self._room() - 4) // 4)
        room_notes = min(room_notes, self._time_for_notes(0))
        if self.state == "dens":
            for i in range(len(DENSITY_EDGES)):
                low, high = _bin_bounds(DENSITY_EDGES, i, MAX_NOTES)
                if high >= fewest and low <= most and max(low, fewest) <= room_notes and (
                        rule.dens_ok is None or rule.dens_ok[i]):
                    mask[G["DENS"][i]] = True
            if not mask.any():  # the density asked for does not fit the locked notes or the budget
                low_ok = [i for i in range(len(DENSITY_EDGES)) if _bin_bounds(DENSITY_EDGES, i, MAX_NOTES)[1] >= fewest]
                mask[G["DENS"][low_ok[0]]] = True
        elif self.state == "poly":
            for j in range(len(POLYPHONY_EDGES)):
                empty = self.max_count == 0
                if (j == 0) == empty and j >= locked_poly and (not rule.mono or j <= 1) and (
                        self.template is None or j >= max((len(d) for _, d in self.template), default=0)):
                    mask[G["POLY"][j]] = True
            if not mask.any():
                mask[G["POLY"][min(len(POLYPHONY_EDGES) - 1, max(locked_poly, 1))]] = True
        else:
            for r in range(len(RANGE_EDGES)):
                high = _bin_bounds(RANGE_EDGES, r, 127)[1]
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
            if self.template:
                allowed[self.template[0][0]] = True
            return allowed
        if len(self.events) >= self.max_count or first >= rule.bar_len:
            return allowed
        allowed[first:] = True
        needed_after = max(0, self._still_needed() - 1)
        allowed &= np.array([self._time_for_notes(q) for q in range(rule.bar_len)]) >= needed_after + 1
        if self._room() < 5 + 4 * needed_after:
            allowed[:] = False
        if rule.mono:
            busy = self._busy.get(rule.lane_token, 0) - rule.bar_start
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
        first = max(first, self._busy.get(rule.lane_token, 0) - rule.bar_start)
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
            marks = self.chord_fills.get(self.rule.chord_source, marks)
        if not marks or self.pos is None:
            return None
        chord = None
        for mark in marks:
            if mark.pos <= self.pos:
                chord = mark.chord
        return None if chord is None else chord.pitch_classes

    def _note_options(self, mask: np.ndarray) -> np.ndarray | None:
        rule, state = self.rule, self.state
        room = self._room()
        pitches = self._pitches() if self.pos is not None and self._can_add_pitch() else np.zeros(128, dtype=bool)
        if state == "after_vel" or (self.vel is not None and (state == "after_pos" or room >= 3)):
            mask[G["PITCH"].start:G["PITCH"].stop] = pitches
        if pitches.any() and (state == "after_pos" or (state == "event" and room >= 4)):
            mask[G["VEL"].start:G["VEL"].stop] = True
            if self.vel is not None:  # a VEL token marks a change (as encode writes it), never a repeat
                mask[G["VEL"][self.vel]] = False
        if state == "event":
            mask[G["POS"].start:G["POS"].start + rule.bar_len] = self._positions()
            finished = len(self.events) >= self.min_count and not self.locked and not self.template
            if finished or not mask.any():  # nothing else fits: close (the post-check reports a short cell)
                mask[FILL_END] = True
        bias = np.zeros(V, dtype=np.float32)
        echo = self._echo()
        if echo and state == "event":  # the echoed bar's next onset, or its end
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
            bias[G["PITCH"].start:G["PITCH"].stop] += rule.chord_tone_bonus * np.isin(np.arange(128) % 12, list(tones))
        return bias

    def _control_bias(self) -> np.ndarray | None:
        """The rule's density preference, plus the echoed bar's own density, polyphony and range bins."""
        rule, echo, group = self.rule, self._echo(), self.state.upper()
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
            return self.note_fills.get(rule.echo_source)
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

    def _chord_fit(self) -> np.ndarray | None:
        """(12, qualities) how well each chord fits the notes sounding from this chord's onset to the bar's end
        (rules.chord_fit_scores); None without notes (nothing to fit) or with chord following off."""
        rule = self.rule
        if rule.harmony is None or CHORD_FIT_BONUS[rule.chord_mode] == 0:
            return None
        return chord_fit_scores(rule.harmony[self.pos:].sum(axis=0))

    def _chord_bias(self, group: str, values: np.ndarray) -> np.ndarray:
        bias = np.zeros(V, dtype=np.float32)
        bias[G[group].start:G[group].stop] = CHORD_FIT_BONUS[self.rule.chord_mode] * values
        return bias

    def _chord_options(self, mask: np.ndarray) -> np.ndarray | None:
        """Allowed chord-lane tokens; under chord following, a bias towards chords that hold the notes."""
        rule = self.rule
        if self.state == "after_pos":
            mask[G["ROOT"].start:G["ROOT"].stop] = rule.roots_ok
            if not rule.require_chord:
                mask[NOCHORD] = True
            fit = self._chord_fit()
            if fit is None:
                return None
            best = np.where(rule.quality_ok, fit, -np.inf).max(axis=1)
            return self._chord_bias("ROOT", np.where(np.isfinite(best), best, 0.0))
        if self.state == "after_root":
            mask[G["QUAL"].start:G["QUAL"].stop] = rule.quality_ok[self.root]
            fit = self._chord_fit()
            return None if fit is None else self._chord_bias("QUAL", fit[self.root])
        if self.state == "event":
            first = 0 if self.pos is None else self.pos + 1
            if len(self.events) < MAX_CHORDS_PER_BAR and first < rule.bar_len and self._room() >= 5:
                mask[G["POS"].start + first:G["POS"].start + rule.bar_len] = True
            if self.events or not rule.require_chord:
                mask[FILL_END] = True
        else:  # after a quality: a slash bass, the next chord, or the end
            if self._room() >= 3:
                bass_ok = rule.roots_ok.copy()
                bass_ok[self.root] = False
                mask[G["CBASS"].start:G["CBASS"].stop] = bass_ok
            first = self.pos + 1
            if len(self.events) < MAX_CHORDS_PER_BAR and first < rule.bar_len and self._room() >= 5:
                mask[G["POS"].start + first:G["POS"].start + rule.bar_len] = True
            mask[FILL_END] = True
        return None

    # --- taking a token ---------------------------------------------------
    def feed(self, token: int) -> None:
        if self.forced and token == self.forced[0]:
            self.forced.pop(0)
        self.ids.append(token)
        self.used += 1
        group = VOCAB.group_of(token)
        if token == FILL_END:
            if self._room() < 0 or (self.rule.chords is False and len(self.events) < self.min_count):
                self.truncated.append(self.cell)
            self.fills.append(tuple(sorted(self.events)) if not self.rule.chords else tuple(self.events))
            if self.rule.chords:
                self.chord_fills[(self.rule.bar, self.rule.lane_token)] = tuple(self.events)
            else:
                self.note_fills[(self.rule.bar, self.rule.lane_token)] = tuple(sorted(self.events))
            self._next_cell()
            return
        if group in ("BAR", "TRK") or token == VOCAB.id("TRK_CHORDS"):
            return
        if self.rule.chords:
            self._feed_chord(group, token)
        else:
            self._feed_note(group, token)

    def _feed_note(self, group: str, token: int) -> None:
        index = VOCAB.index_in(group, token) if group != "SPECIAL" else None
        if group == "DENS":
            low, high = _bin_bounds(DENSITY_EDGES, index, MAX_NOTES)
            self.min_count, self.max_count = max(self.min_count, low), min(self.max_count, high)
            self.max_count = max(self.max_count, self.min_count)
            self.state = "poly"
        elif group == "POLY":
            self.poly = max(1, _bin_bounds(POLYPHONY_EDGES, index, 12)[1]) if index else 1
            self.state = "range"
        elif group == "RANGE":
            self.span = _bin_bounds(RANGE_EDGES, index, 127)[1]
            self.state = "event"
        elif group == "POS":
            self.pos, self.at_pos, self.state = index, [], "after_pos"
            if self.locked and self.locked[0].pos == index:
                self._force_locked()
        elif group == "VEL":
            self.vel, self.state = VOCAB.index_in("VEL", token), "after_vel"
        elif group == "PITCH":
            self.at_pos.append(index)
            if self.locked and self.locked[0].pos == self.pos and self.locked[0].pitch == index:
                self.locked.pop(0)
            if self.rule.drums:
                self._add_note(index, 0)
            else:
                self.state = "dur"
        elif group == "DUR":
            self._add_note(self.at_pos[-1], DURATION_STEPS[index])

    def _add_note(self, pitch: int, duration: int) -> None:
        self.events.append(NoteEvent(self.pos, pitch, duration, VELOCITIES[self.vel]))
        if self.rule.mono:
            self._busy[self.rule.lane_token] = self.rule.bar_start + self.pos + max(duration, 1)
        if self.template is not None and len(self.at_pos) == len(self.template[0][1]):
            self.template.pop(0)
        self.state = "event"

    def _force_locked(self) -> None:
        """At a locked note's onset: its VEL (if the velocity changes), PITCH and DUR, for each locked note there."""
        vel = self.vel
        for event in [e for e in self.locked if e.pos == self.pos]:
            wanted = VELOCITIES.index(event.velocity)
            if wanted != vel:
                self.forced.append(G["VEL"][wanted])
                vel = wanted
            self.forced.append(G["PITCH"][event.pitch])
            if not self.rule.drums:
                self.forced.append(G["DUR"][DURATION_STEPS.index(event.duration)])

    def _feed_chord(self, group: str, token: int) -> None:
        if group == "POS":
            self.pos, self.state = VOCAB.index_in("POS", token), "after_pos"
        elif token == NOCHORD:
            self.events.append(ChordMark(self.pos, None))
            self.state = "event"
        elif group == "ROOT":
            self.root, self.state = VOCAB.index_in("ROOT", token), "after_root"
        elif group == "QUAL":
            self.events.append(ChordMark(self.pos, Chord(self.root, _QUALITIES[VOCAB.index_in("QUAL", token)])))
            self.state = "after_qual"
        elif group == "CBASS":
            last = self.events[-1]
            self.events[-1] = ChordMark(last.pos, Chord(last.chord.root, last.chord.quality, VOCAB.index_in("CBASS", token)))
            self.state = "event"
