"""The chord writer: which tokens may come next inside one masked chord-lane cell.

A chord cell is written as events `POS_p (NOCHORD | ROOT_r QUAL_q [CBASS_b])`
and FILL_END, at most MAX_CHORDS_PER_BAR chords a bar. `ChordWriter` follows
that layout with a `ChordState`; under chord following it biases roots and
qualities towards chords that hold the notes sounding under them.
"""
from __future__ import annotations

from enum import Enum
import numpy as np

from composer.proposals.grammar_rules import MAX_CHORDS_PER_BAR, NEW_CHORD_AND_END, SLASH_BASS_ROOM, ChordRule, Walk
from composer.proposals.rules import chord_fit_scores
from composer.tokens.grid import ChordMark
from composer.tokens.vocab import VOCAB
from engine.chords import QUALITIES, Chord

V = len(VOCAB)
G = VOCAB.groups
FILL_END = VOCAB.id("FILL_END")
NOCHORD = VOCAB.id("NOCHORD")
_QUALITIES = tuple(QUALITIES)
# Logits for a chord that holds all the notes under it, per chord-following mode: 0 leaves the model's own
# choice; strict leans harder than soft (benchmarks/rule_ablation.py "chord_fit" switches this off).
CHORD_FIT_BONUS = {"off": 0.0, "soft": 7.0, "strict": 12.0}


class ChordState(Enum):
    """Where a chord cell's walk stands."""

    EVENT = "event"            # a new chord's POS, or FILL_END
    AFTER_POS = "after_pos"    # ROOT, or NOCHORD
    AFTER_ROOT = "after_root"  # QUAL
    AFTER_QUAL = "after_qual"  # a slash bass (CBASS), the next chord's POS, or FILL_END


class ChordWriter:
    """One chord cell of one candidate: `options(mask)` before each sampled token, `feed` after each token."""

    def __init__(self, walk: Walk, rule: ChordRule) -> None:
        self.walk = walk
        self.rule = rule
        self.state = ChordState.EVENT
        self.events: list[ChordMark] = []
        self.pos: int | None = None
        self.root: int | None = None

    def fill(self) -> tuple[ChordMark, ...]:
        return tuple(self.events)

    def temperature_factor(self) -> float:
        """The share of the sampling temperature for the token chosen next: the cell's, for every token."""
        return self.rule.temperature_factor

    def short(self) -> bool:
        return False  # a chord cell has no density to fall short of (a required chord is forced)

    # --- what may come next -----------------------------------------------
    def options(self, mask: np.ndarray) -> np.ndarray | None:
        """Allowed chord-lane tokens; under chord following, a bias towards chords that hold the notes."""
        rule = self.rule
        if self.state is ChordState.AFTER_POS:
            mask[G["ROOT"].start:G["ROOT"].stop] = rule.roots_ok
            if not rule.require_chord:
                mask[NOCHORD] = True
            fit = self._chord_fit()
            if fit is None:
                return None
            best = np.where(rule.quality_ok, fit, -np.inf).max(axis=1)
            return self._chord_bias("ROOT", np.where(np.isfinite(best), best, 0.0))
        if self.state is ChordState.AFTER_ROOT:
            mask[G["QUAL"].start:G["QUAL"].stop] = rule.quality_ok[self.root]
            fit = self._chord_fit()
            return None if fit is None else self._chord_bias("QUAL", fit[self.root])
        room = self.walk.room()
        if self.state is ChordState.EVENT:
            first = 0 if self.pos is None else self.pos + 1
            if len(self.events) < MAX_CHORDS_PER_BAR and first < rule.bar_len and room >= NEW_CHORD_AND_END:
                mask[G["POS"].start + first:G["POS"].start + rule.bar_len] = True
            if self.events or not rule.require_chord:
                mask[FILL_END] = True
        else:  # after a quality: a slash bass, the next chord, or the end
            if room >= SLASH_BASS_ROOM:
                bass_ok = rule.roots_ok.copy()
                bass_ok[self.root] = False
                mask[G["CBASS"].start:G["CBASS"].stop] = bass_ok
            first = self.pos + 1
            if len(self.events) < MAX_CHORDS_PER_BAR and first < rule.bar_len and room >= NEW_CHORD_AND_END:
                mask[G["POS"].start + first:G["POS"].start + rule.bar_len] = True
            mask[FILL_END] = True
        return None

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

    # --- taking a token ---------------------------------------------------
    def feed(self, group: str, token: int) -> None:
        if group == "POS":
            self.pos, self.state = VOCAB.index_in("POS", token), ChordState.AFTER_POS
        elif token == NOCHORD:
            self.events.append(ChordMark(self.pos, None))
            self.state = ChordState.EVENT
        elif group == "ROOT":
            self.root, self.state = VOCAB.index_in("ROOT", token), ChordState.AFTER_ROOT
        elif group == "QUAL":
            self.events.append(ChordMark(self.pos, Chord(self.root, _QUALITIES[VOCAB.index_in("QUAL", token)])))
            self.state = ChordState.AFTER_QUAL
        elif group == "CBASS":
            last = self.events[-1]
            self.events[-1] = ChordMark(last.pos, Chord(last.chord.root, last.chord.quality, VOCAB.index_in("CBASS", token)))
            self.state = ChordState.EVENT
