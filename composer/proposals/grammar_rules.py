"""What may be written into one masked cell, and what each piece of a fill costs in tokens.

A cell is either a note cell (`NoteRule`: a track's bar) or a chord cell
(`ChordRule`: the chord lane's bar); `composer.proposals.plan` builds one rule
per masked cell and `composer.proposals.grammar.FillWriter` walks them. The
token costs below are what the writers keep back from the budget so that a
cell, once started, can always be finished (FILL_END written) and every later
cell can still be written at its least.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol

import numpy as np

from composer.tokens.grid import ChordMark, NoteEvent
from composer.tokens.vocab import STEPS_PER_QUARTER

MAX_NOTES = 60          # notes in one cell when the density bin is open-ended
MAX_CHORDS_PER_BAR = 4

# --- token costs (tokens after SEP; every cell ends with FILL_END) --------------------------------
CELL_HEADER = 2         # BAR_k and the lane token, forced at the start of every cell
CELL_END = 1            # FILL_END
NOTE_CONTROLS = 3       # DENS POLY RANGE: the three control tokens a note cell writes after its header
NOTE_CELL_LEAST = CELL_HEADER + NOTE_CONTROLS + CELL_END   # 6: an empty note cell
CHORD_CELL_LEAST = CELL_HEADER + CELL_END                  # 3: an empty chord cell
NOTE_TOKENS = 4         # POS VEL PITCH DUR: a note at most (a drum hit has no DUR; counting 4 keeps to the budget)
CHORD_TOKENS = 3        # POS ROOT QUAL: a chord without a slash bass (a required chord at step 0 costs this)
# Before the cell's controls: the DENS, POLY and RANGE tokens still to write and FILL_END (4); what is left,
# divided by NOTE_TOKENS, is how many notes the budget lets the density bin promise.
CONTROLS_AND_END = NOTE_CONTROLS + CELL_END
NEW_NOTE_AND_END = NOTE_TOKENS + CELL_END   # 5: a new onset is offered only with room for its note and FILL_END
SAME_ONSET_NOTE_AND_END = 3   # PITCH DUR FILL_END: another note at the current onset and velocity
NEW_VELOCITY_NOTE_AND_END = 4  # VEL PITCH DUR FILL_END: another note at the current onset at a new velocity
# POS ROOT QUAL CBASS FILL_END: a new chord is offered only with room for it at its longest and the cell's end.
NEW_CHORD_AND_END = 5
# A slash bass is offered with 3 tokens of room: CBASS and FILL_END need 2; the third is a spare the grammar
# has always kept (dropping it changes which tokens seeded proposals sample, so it stays as it is).
SLASH_BASS_ROOM = 3


class Walk(Protocol):
    """What a cell's writer reads from the walk over all the cells (`composer.proposals.grammar.FillWriter`)."""

    busy: dict[int, int]       # lane token -> absolute step before which its single line still sounds
    forced: list[int]          # the tokens that must come next, in order (a writer appends locked notes)
    chord_fills: dict[tuple[int, int], tuple[ChordMark, ...]]   # (bar, lane token) -> chords written this pass
    note_fills: dict[tuple[int, int], tuple[NoteEvent, ...]]    # (bar, lane token) -> notes written this pass

    def room(self) -> int:
        """Tokens the current cell may still write, keeping back what the later cells need."""


def bin_bounds(edges: tuple[int, ...], index: int, top: int) -> tuple[int, int]:
    """The (lowest, highest) value of control bin `index` of `edges`; the last bin runs to `top`."""
    return edges[index], (edges[index + 1] - 1 if index + 1 < len(edges) else top)


# A strong beat for the chord-tone weight (NoteRule.weak_beat_tone_bonus): a half-note boundary of the bar,
# beats 1 and 3 in 4/4, where the harmony is heard; composer.metrics scores melodies on the same onsets.
STRONG_BEAT_STEPS = 2 * STEPS_PER_QUARTER


@dataclass
class CellRule:
    """What every cell has: where it is, which lane it writes, and how its bar is laid out."""

    chords: ClassVar[bool]
    bar: int                         # window bar (the BAR_k token)
    lane_token: int                  # TRK_n or TRK_CHORDS
    bar_len: int                     # steps in the bar
    bar_start: int                   # absolute step of the bar in the song grid
    beat_steps: int = 12
    chord_mode: str = "off"          # chord following: "off", "soft" or "strict"
    temperature_factor: float = 1.0  # this cell's tokens are sampled at the proposal's temperature times this

    def least_tokens(self) -> int:
        """The fewest tokens a complete fill of this cell takes (what the cells before it keep back)."""
        raise NotImplementedError


@dataclass
class NoteRule(CellRule):
    """What may be written into one masked track cell (the same for every candidate)."""

    chords: ClassVar[bool] = False
    drums: bool = False
    mono: bool = False
    pitch_ok: np.ndarray | None = None      # (128,) bool: the hard pitch set
    pitch_bias: np.ndarray | None = None    # (128,) float: soft key preference
    dens_ok: np.ndarray | None = None       # (13,) bool
    dens_bias: np.ndarray | None = None     # (13,) float: auto density, towards the lane's neighbouring bars
    density_temperature_factor: float = 1.0  # the DENS token's share of the temperature (auto density)
    locked: tuple[NoteEvent, ...] = ()
    template: tuple[tuple[int, tuple[int, ...]], ...] | None = None   # (pos, durations at pos): kept rhythm
    contour: np.ndarray | None = None       # (bar_len,) pitch the old line had at each step
    contour_width: int = 3
    chord_marks: tuple[ChordMark, ...] | None = None   # the harmony under the cell (None: unknown)
    chord_source: tuple[int, int] | None = None        # (bar, lane) of a chord fill in this pass, if any
    bass_line: bool = False
    chord_tone_bonus: float = 1.0    # logits for chord tones under soft chord following (rules.CHORD_TONE_BONUS)
    weak_beat_tone_bonus: float | None = None   # the same off the strong beats (None: chord_tone_bonus there)
    repeat_tone_share: float = 1.0   # the share of it the pitch just played keeps (rules.MELODY_REPEAT_TONE_SHARE)
    busy_until: int = 0              # mono: absolute step before which the lane still sounds
    next_onset: int | None = None    # mono: absolute step of the lane's next fixed note after the region
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

    def least_tokens(self) -> int:
        return NOTE_CELL_LEAST + NOTE_TOKENS * self.control_bins()[0]


@dataclass
class ChordRule(CellRule):
    """What may be written into one masked chord-lane cell."""

    chords: ClassVar[bool] = True
    roots_ok: np.ndarray | None = None      # (12,) bool
    quality_ok: np.ndarray | None = None    # (12, qualities) bool
    require_chord: bool = False      # a chord at step 0, no NOCHORD
    harmony: np.ndarray | None = None  # (bar_len, 12) weight of each pitch class sounding at each step

    def least_tokens(self) -> int:
        return CHORD_CELL_LEAST + (CHORD_TOKENS if self.require_chord else 0)
