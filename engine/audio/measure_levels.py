"""Measure each General MIDI program's level in a SoundFont into engine/audio/instrument_levels.json.

    python -m engine.audio.measure_levels [SF2 ...]   (default: Debian's FluidR3_GM and TimGM6mb)

engine.audio.levels reads the table (its docstring says how the mix uses it);
this writes it: one phrase per program (eight 0.45 s notes at velocity 80,
stepping through the middle of the instrument's comfortable range; for the
drum kit a kick-snare-hat bar) rendered with reverb and chorus off, the RMS of each.
"""
from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

import numpy as np

from engine.atomic import atomic_write_bytes
from engine.audio.levels import DRUMS, TABLE, measured_table, soundfont_key
from engine.audio.mix import MixSettings
from engine.audio.render import render_array
from engine.audio.soundfonts import check_soundfont
from engine.instruments import gm_instrument
from engine.notes import Note
from engine.song import Song
from engine.track import DRUM_CHANNEL, Track, TrackRole

PHRASE_NOTES = 8
VELOCITY = 80


def measure(soundfont: Path) -> dict[str, float]:
    """RMS in dBFS of the test phrase of every program and of the drum kit, reverb and chorus off."""
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
    table = dict(measured_table())
    for path in paths:
        font = check_soundfont(path)
        table[soundfont_key(font)] = measure(font)
        print(f"{font}: {len(table[soundfont_key(font)])} levels, median "
              f"{statistics.median(table[soundfont_key(font)].values()):.1f} dBFS")
    atomic_write_bytes(TABLE, (json.dumps(table, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["/usr/share/sounds/sf2/FluidR3_GM.sf2", "/usr/share/sounds/sf2/TimGM6mb.sf2"]))
