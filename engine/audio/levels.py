"""How loud each General MIDI instrument is in a SoundFont, measured, so the mix can even them out.

General MIDI soundfonts are not levelled: the same phrase at the same
velocity is 15 dB apart between FluidR3's flute and its nylon guitar (the
table in instrument_levels.json). A balance by role alone cannot fix that
(docs/SCORING.md, "Stems and mix": a folk sketch's guitar ended 18 dB under
its flute), so the mix first brings each instrument to the median level of
its SoundFont, within LEVEL_LIMIT_DB, then applies the role's gain.

The table is measured, not guessed: `python -m engine.audio.measure_levels` plays one
phrase per program (eight 0.45 s notes at velocity 80, stepping through the
middle of the instrument's comfortable range from engine.instruments; for the
drum kit a kick-snare-hat bar) through FluidSynth with reverb and chorus off,
and writes the RMS of each to instrument_levels.json, keyed by SoundFont file
name and size. A SoundFont not in the table gets no correction. The measuring
lives in its own module because it renders through the mix and the renderer,
which read this table: here only the reading.
"""
from __future__ import annotations

import json
import statistics
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("instrument_levels.json")
DRUMS = "drums"  # measured and kept in the table, but not corrected: a kit's level depends on the pattern
LEVEL_LIMIT_DB = 6.0


def soundfont_key(soundfont: Path) -> str:
    """How the table names a SoundFont: its file name and size (another file of the same name is another font)."""
    return f"{soundfont.name}:{soundfont.stat().st_size}"


@cache
def measured_table() -> dict[str, dict[str, float]]:
    """SoundFont key -> program (as text) or 'drums' -> dBFS, as measured; {} when the table is missing or bad."""
    try:
        return json.loads(TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@cache
def corrections(soundfont: Path | None) -> dict[str, float]:
    """Program number (as text) or 'drums' -> dB that brings it to the SoundFont's median; {} if unmeasured."""
    if soundfont is None:
        return {}
    try:
        levels = measured_table().get(soundfont_key(Path(soundfont)), {})
    except OSError:
        return {}
    if not levels:
        return {}
    programs = {name: level for name, level in levels.items() if name != DRUMS}
    median = statistics.median(programs.values())
    return {name: max(-LEVEL_LIMIT_DB, min(LEVEL_LIMIT_DB, median - level)) for name, level in programs.items()}
