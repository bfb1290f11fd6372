"""Switch the proposal rules off one at a time, so each is kept only where a measurement shows it helps.

The decoding rules (composer/proposals/rules.py, plan.py, grammar_chords.py, ranges.py) are
module constants read at proposal time; an ablation sets one of them to "no
effect" for the duration of a `with` block and puts it back after. Used by
bench_proposal_quality.py --ablate: each ablation becomes one more column
beside the model with every rule on, on the same cases and seeds.
"""
from __future__ import annotations

from contextlib import contextmanager

from composer.proposals import grammar_chords, plan, ranges, rules


class _Nothing(dict):
    """A per-role table that gives 0 for every role (a plain {} would fall back to each lookup's default)."""

    def get(self, key, default=None):
        return 0.0


# name -> [(module, constant, value with no effect)]
ABLATIONS = {
    "echo": [(plan, "ECHO", {})],
    "chord_tone_bonus": [(plan, "CHORD_TONE_BONUS", _Nothing()), (plan, "ENSEMBLE_CHORD_TONE_BONUS", {})],
    "chord_fit": [(grammar_chords, "CHORD_FIT_BONUS", {"off": 0.0, "soft": 0.0, "strict": 0.0})],
    "auto_density": [(rules, "DENSITY_PRIOR", 0.0)],
    "empty_bar_penalty": [(plan, "EMPTY_BAR_PENALTY", 0.0)],
    "register_placement": [(ranges, "PLACE_BEYOND", float("inf"))],
    "register_narrowing": [(ranges, "MARGIN", 128)],
    "ensemble_pace": [(rules, "PACE_PENALTY", 0.0)],
    "ensemble_neighbours": [(plan, "ANY_ROLE_NEIGHBOURS", False)],
    "register_centre": [(ranges, "EDGE_WEIGHT", 0.0)],
    "register_pull": [(ranges, "PULL", 0.0)],
    "ensemble_chord_tones": [(plan, "ENSEMBLE_CHORD_TONE_BONUS", {})],
    "beat_weighted_tones": [(plan, "MELODY_BEAT_TONE_BONUS", None)],
    "density_temperature": [(plan, "DENSITY_TEMPERATURE_FACTOR", 1.0)],
    "chord_temperature": [(plan, "CHORD_TEMPERATURE_FACTOR", 1.0)],
    "repeat_tone_share": [(plan, "MELODY_REPEAT_TONE_SHARE", 1.0), (plan, "ENSEMBLE_REPEAT_TONE_SHARE", 1.0)],
}
ABLATIONS["all"] = [patch for name in list(ABLATIONS) for patch in ABLATIONS[name]]


@contextmanager
def rules_off(names: tuple[str, ...]):
    """Inside the block, the named rules have no effect (unknown names: KeyError before anything changes)."""
    patches = [patch for name in names for patch in ABLATIONS[name]]
    saved = [(module, constant, getattr(module, constant)) for module, constant, _ in patches]
    try:
        for module, constant, value in patches:
            setattr(module, constant, value)
        yield
    finally:
        for module, constant, value in reversed(saved):
            setattr(module, constant, value)
