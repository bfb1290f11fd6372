"""Score a brief's reading against what a person says it means (the test set and `bench_brief.py` share this).

An expectation names only what the brief states, as a person would write it:
"key": "D minor" (or "G" for a tonic without a mode), "tempo": 140,
"meter": "3/4", "sections": [["intro", 4], ...], "instruments": [...],
"mood", "energy", "peaks", "dropped", "only", "style", "bars", and
optionally "not_understood". An attribute the reader finds that the
expectation does not name counts as wrong too: inventing is an error.
"""
from __future__ import annotations

from composer.brief.reader import Brief
from engine.keys import parse_key
from engine.pitch import parse_pitch_class

SCORED = ("style", "key", "tempo", "meter", "bars", "sections", "instruments", "mood", "energy", "peaks", "dropped",
          "only")


def _key(text: str) -> tuple[int, str | None]:
    if " " in text:
        key = parse_key(text)
        return key.tonic, key.mode
    return parse_pitch_class(text)[0], None


def _read(brief: Brief, attribute: str):
    if attribute == "key":
        return None if brief.tonic is None and brief.mode is None else (brief.tonic, brief.mode)
    if attribute == "meter":
        return None if brief.meter is None else f"{brief.meter[0]}/{brief.meter[1]}"
    if attribute == "sections":
        return [[s.name, s.bars] for s in brief.sections] or None
    if attribute in ("instruments", "peaks", "dropped", "only", "not_understood"):
        return list(getattr(brief, attribute)) or None
    if attribute == "tempo":
        return None if brief.tempo is None else round(brief.tempo)
    return getattr(brief, attribute)


def misses(brief: Brief, expected: dict) -> tuple[int, list[tuple[str, object, object]]]:
    """(attributes scored, [(attribute, expected, read) for each one read wrong])."""
    wrong = []
    attributes = list(SCORED) + (["not_understood"] if "not_understood" in expected else [])
    scored = 0
    for attribute in attributes:
        want = expected.get(attribute)
        if attribute == "key" and want is not None:
            want = _key(want)
        got = _read(brief, attribute)
        if want is None and got is None:
            continue
        scored += 1
        if want != got:
            wrong.append((attribute, want, got))
    return scored, wrong
