"""How loud each General MIDI instrument is in a SoundFont, measured, so the mix can even them out.

General MIDI soundfonts are not levelled: the same phrase at the same
velocity is 15 dB apart between FluidR3's flute and its nylon guitar (the
table in instrument_levels.json). A balance by role alone cannot fix that
(docs/SCORING.md, "Stems and mix": a folk sketch's guitar ended 18 dB under
its flute), so the mix first brings each instrument to the median level of
its SoundFont, within LEVEL_LIMIT_DB, then applies the role's gain.

The table is measured, not guessed: `python -m engine.audio.levels` plays one
phrase per program (eight 0.45 s notes at velocity 80, stepping through the
middle of the instrument's comfortable range from engine.instruments; for the
drum kit a kick-snare-hat bar) through FluidSynth with reverb and chorus off,
and writes the RMS of each to instrument_levels.json, keyed by SoundFont file
name and size. A SoundFont not in the table gets no correction.
"""
from __future__ import annotations

import json
import statistics
import sys
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("instrument_levels.json")
DRUMS = "drums"  # measured and kept in the table, but not corrected: a kit's level depends on the pattern
LEVEL_LIMIT_DB = 6.0
PHRASE_NOTES = 8
VELOCITY = 80


def soundfont_key(soundfont: Path) -> str:
    """How the table names a SoundFont: its file name and size (another file of the same name is another font)."""
    return f"{soundfont.name}:{soundfont.stat().st_size}"


@cache
def _table() -> dict[str, dict[str, float]]:
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
        levels = _table().get(soundfont_key(Path(soundfont)), {})
    except OSError:
        return {}
    if not levels:
        return {}
    programs = {name: level for name, level in levels.items() if name != DRUMS}
    median = statistics.median(programs.values())
    return {name: max(-LEVEL_LIMIT_DB, min(LEVEL_LIMIT_DB, median - level)) for name, level in programs.items()}


def measure(soundfont: Path) -> dict[str, float]:
    """RMS in dBFS of the test phrase of every program and of the drum kit, reverb and chorus off."""
    import numpy as np

    from engine.audio.mix import MixSettings
    from engine.audio.render import render_array
    from engine.instruments import gm_instrument
    from engine.notes import Note
    from engine.song import Song
    from engine.track import DRUM_CHANNEL, Track, TrackRole

    def level(track: Track) -> float:
        dry = MixSettings(balance=False, reverb=False, chorus=False)
        audio = render_array(Song(tracks=(track,)), soundfont, mix=dry)
        return round(float(20 * np.log10(np.sqrt(np.mean(audio.astype(np.float64) ** 2)) + 1e-12)), 2)

    levels = {}
    for program in range(128):
        low, high = gm_instrument(program).comfortable
        middle = (low + high) // 2
        pitches = [middle + step for step in (0, 2, 4, 5, 7, 5, 4, 2)]
        notes = tuple(Note(i * 480, min(127, p), 432, VELOCITY) for i, p in enumerate(pitches[:PHRASE_NOTES]))
        measured = level(Track(1, "x", TrackRole.OTHER, program=program, notes=notes))
        if measured > -100:  # a program the SoundFont leaves silent gets no correction
            levels[str(program)] = measured
    beat = tuple(Note(i * 240, (36, 42, 38, 42)[i % 4], 120, VELOCITY) for i in range(2 * PHRASE_NOTES))
    levels[DRUMS] = level(Track(1, "x", TrackRole.DRUMS, channel=DRUM_CHANNEL, notes=beat))
    return levels


def main(paths: list[str]) -> int:
    from engine.atomic import atomic_write_bytes
    from engine.audio.soundfonts import check_soundfont

    table = dict(_table())
    for path in paths:
        font = check_soundfont(path)
        table[soundfont_key(font)] = measure(font)
        print(f"{font}: {len(table[soundfont_key(font)])} levels, median "
              f"{statistics.median(table[soundfont_key(font)].values()):.1f} dBFS")
    atomic_write_bytes(TABLE, (json.dumps(table, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["/usr/share/sounds/sf2/FluidR3_GM.sf2", "/usr/share/sounds/sf2/TimGM6mb.sf2"]))
