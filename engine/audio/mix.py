"""The project's mix: a balance so the melody leads, and FluidSynth's reverb and chorus.

`MixSettings` is saved with the project (ProjectState.mix) and used by both the
player and the renderer, so playback, an audio export and stems sound alike.

Why a balance: a sketch's tracks all start at volume 100, and at that volume
a melody sits up to 10-15 dB under its accompaniment (a single line against a
part that plays chords all the time), or 6 dB over it when the melody is a
flute and the accompaniment a nylon guitar, because General MIDI soundfonts
are not levelled (measured in docs/SCORING.md, "Stems and mix"). So the
balance does three things, each measured rather than guessed:

- it brings each instrument to its SoundFont's median level (engine.audio.levels,
  a table measured per SoundFont, at most 6 dB either way; drum kits and
  unmeasured SoundFonts are left as they are);
- it levels how many notes a part sounds at once while it plays: a part of
  three-note chords is about 10 * log10(3) = 4.8 dB louder than a single line
  on the same instrument, so it is cut by that (at most DENSITY_LIMIT_DB).
  This comes from the notes alone, so it is the same in playback and export;
  it moves only when the texture does (a note more in 200 changes it by 0.02
  dB, less than one CC 7 step);
- then it gives each role its gain (ROLE_GAIN_DB), chosen with
  benchmarks/bench_mix.py so the melody ends a few dB over the loudest other
  part in composed sketches and POP909 songs with both Debian soundfonts.

It is a mix stage on top of the tracks' own volumes, like a fader per track
that the mix sets: it applies whatever the track's volume, so a volume slider
keeps moving the sound smoothly (a rule that only touched tracks left at the
default would jump when the slider leaves 100), and one switch turns it off
for a file whose author already mixed it. FluidSynth does it exactly with:

- a cut on the track's CC 7 (volume) and its CC 7 moves. FluidSynth maps CC 7
  to attenuation through the SoundFont concave curve, 40 * log10(127 / value)
  dB, so scaling the value by 10^(dB / 40) cuts by that many dB (to within
  the rounding of one CC step);
- one make-up gain on the synth's master gain, MAKEUP_DB: the melody's gain
  plus room to level a quiet instrument up. A track's total gain is capped at
  it, so no track is boosted more than a quiet-instrument melody.

The dry option is reverb and chorus off: what a composer sends when the mix
engineer adds their own room.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from engine.audio.levels import corrections
from engine.song import Song
from engine.track import ControlChange, Track, TrackRole

if TYPE_CHECKING:  # the project file holds a MixSettings: reading one must not load FluidSynth
    from engine.audio.synth import SynthSettings

VOLUME_CONTROLLER = 7
MAKEUP_DB = 9.0  # the melody's gain plus room to level a quiet instrument up (FluidR3's piano: +2.7 dB)
DENSITY_LIMIT_DB = 9.0
# What each role gets, in dB against its level with the instrument levelled (the CC 7 cut is this minus MAKEUP_DB).
ROLE_GAIN_DB = {
    TrackRole.MELODY: 4.0,
    TrackRole.BASS: -1.0,
    TrackRole.DRUMS: -3.0,
    TrackRole.CHORDS: -2.0,
    TrackRole.ACCOMPANIMENT: -2.0,
    TrackRole.OTHER: -3.0,
}
CHORUS_LEVEL_MAX = 4.0  # chorus amount 1.0 (FluidSynth goes to 10, which is a wobble, not a chorus)


@dataclass(frozen=True, slots=True)
class MixSettings:
    """How a project is mixed. Amounts are 0..1: reverb level, reverb room size, chorus level / 4.

    The defaults are FluidSynth's own effect settings (reverb level 0.9, room
    0.2, chorus level 2.0), which is what Cadenza always played with, and the
    balance by role on."""

    balance: bool = True
    reverb: bool = True
    reverb_amount: float = 0.9
    reverb_room: float = 0.2
    chorus: bool = True
    chorus_amount: float = 0.5

    def __post_init__(self) -> None:
        for name in ("reverb_amount", "reverb_room", "chorus_amount"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and 0.0 <= value <= 1.0):
                raise ValueError(f"{name} must be 0..1, got {value}")

    @property
    def dry(self) -> bool:
        return not self.reverb and not self.chorus

    def with_(self, **changes) -> "MixSettings":
        return replace(self, **changes)


def describe(mix: MixSettings) -> str:
    """The mix in a few words, for the command line: 'balanced, reverb 90% room 20%, chorus 50%'."""
    parts = ["balanced" if mix.balance else "unbalanced"]
    if mix.reverb:
        parts.append(f"reverb {mix.reverb_amount:.0%} room {mix.reverb_room:.0%}")
    if mix.chorus:
        parts.append(f"chorus {mix.chorus_amount:.0%}")
    return ", ".join(parts + (["dry"] if mix.dry else []))


def tail_seconds(mix: MixSettings, release: float) -> float:
    """How long a render runs on after the song's end: `release`, longer for a large reverb room.

    Measured on a string phrase with reverb amount 100%: 1.5 s after the end,
    room 60% has decayed to -83 dBFS, room 90% is still at -54 and room 100% at
    -43 dBFS. So from room 60% the tail grows by 1.5 s per 10% of room."""
    if not mix.reverb or mix.reverb_room <= 0.6:
        return release
    return release + 15 * (mix.reverb_room - 0.6)


DEFAULT_MIX = MixSettings()
DRY_MIX = MixSettings(reverb=False, chorus=False)


def synth_settings(mix: MixSettings = DEFAULT_MIX, sample_rate: int = 44100) -> SynthSettings:
    """The synth settings a mix plays with (the make-up gain only while balancing)."""
    from engine.audio.synth import SynthSettings

    base = SynthSettings().gain
    gain = base * 10 ** (MAKEUP_DB / 20) if mix.balance else base
    return SynthSettings(sample_rate=sample_rate, gain=gain, reverb=mix.reverb, chorus=mix.chorus,
                         reverb_room=mix.reverb_room, reverb_level=mix.reverb_amount,
                         chorus_level=mix.chorus_amount * CHORUS_LEVEL_MAX)


def notes_at_once(track: Track) -> float:
    """How many notes sound at once on average while any does: total note time over the time covered."""
    covered = total = 0
    end = -1
    for note in track.notes:  # sorted by start
        total += note.duration
        if note.end > end:
            covered += note.end - max(note.start, end)
            end = note.end
    return total / covered if covered > 0 else 1.0


def track_gain_db(track: Track, levels: dict[str, float]) -> float:
    """What the balance gives `track`: its instrument's and texture's levelling plus its role's gain."""
    if track.is_drums:
        return ROLE_GAIN_DB[TrackRole.DRUMS]
    density = min(DENSITY_LIMIT_DB, 10 * math.log10(max(1.0, notes_at_once(track))))
    return levels.get(str(track.program), 0.0) - density + ROLE_GAIN_DB[track.role]


def cut_db(gain_db: float) -> float:
    """The CC 7 cut (<= 0) that, with the make-up gain, gives `gain_db` (capped at the make-up)."""
    return min(0.0, gain_db - MAKEUP_DB)


def scaled_volume(value: int, cut_db: float) -> int:
    """A CC 7 value cut by `cut_db` under FluidSynth's concave volume curve."""
    return max(0, min(127, round(value * 10 ** (cut_db / 40))))


def track_gains(song: Song, soundfont: Path | None) -> list[tuple[Track, float]]:
    """Each track and the dB the balance gives it with `soundfont` (what the Mix dialog lists)."""
    levels = corrections(soundfont)
    return [(track, min(MAKEUP_DB, track_gain_db(track, levels))) for track in song.tracks]


def balanced_track(track: Track, levels: dict[str, float]) -> Track:
    """`track` with its start volume and CC 7 moves cut for its instrument and role."""
    cut = cut_db(track_gain_db(track, levels))
    if cut == 0.0:
        return track
    controls = tuple(ControlChange(c.tick, c.controller, scaled_volume(c.value, cut))
                     if c.controller == VOLUME_CONTROLLER else c for c in track.controls)
    return track.with_(volume=scaled_volume(track.volume, cut), controls=controls)


def balanced(song: Song, mix: MixSettings = DEFAULT_MIX, soundfont: Path | None = None) -> Song:
    """The song as the synth should play it under `mix` with `soundfont` (itself when the balance is off)."""
    if not mix.balance:
        return song
    levels = corrections(soundfont)
    return song.with_(tracks=tuple(balanced_track(track, levels) for track in song.tracks))
