"""A proposal's pitch range for a track: its instrument's range, narrowed to where the part lies.

The policy (docs/INSTRUMENTS.md says the same for users):

- Start from the instrument's playable range (engine.instruments), never the
  piano's 88 keys: a horn line stays where a horn plays.
- Narrow it towards the register of the track's own notes around the region
  (the `AROUND_BARS` bars before and after it; not the notes being replaced,
  so a new line is not held to the old one's register): their 10th to 90th
  percentile pitches, widened by `MARGIN` on both sides and to at least
  `MIN_SPAN`, kept inside the playable range. A composer writes a part in one
  register for a passage; the piano's keys let the model wander three octaves
  from it (issue 19: 14 semitones from the composer's mean pitch on average).
- Where the track is silent around the region, the instrument's comfortable
  range (where a part lies when nothing else says where).
- A new single line whose mean pitch lies more than a minor sixth (`PLACE_BEYOND`)
  from the middle of that default range is moved by whole octaves towards it,
  when every note still fits the range (`place_in_register`). The model's
  tokens carry the role, not the instrument: asked for a tune in a violin
  part that lies around C6, it writes where the melodies it learnt lie, an
  octave or more lower, at the bottom of the range it may use. An octave
  keeps every interval and pitch class, so the harmony and the line's shape
  are the model's; only the register is the part's (bench_ensemble_proposals,
  docs/MODEL.md: mean-pitch error 5.22 -> 4.46 semitones over three seeds).
- That target is the register centre (`register_centre`): the range's middle
  drawn half way (`EDGE_WEIGHT`) towards the part's own notes in the bar on
  each side of the region, where the new line leaves and rejoins the part.
  Over the held-out ensemble passages it predicts the composer's mean pitch
  within 2.8 semitones (the middle alone 3.35, those bars alone 3.2).
- A melody over harmony the other parts play (no chord symbols: an ensemble's
  score imported from MIDI) is also pulled towards the centre while it is
  written (`register_pull`: `PULL` logits an octave away): the octave
  placement alone can only move a whole line, and the model spreads its lines
  around the middle by more than the centre misses by. Songs with chord
  symbols keep the model's register: POP909 melodies got flatter under the
  pull (docs/MODEL.md); so does a part that is not an orchestral instrument
  among mostly orchestral parts (`plan.in_orchestral_ensemble`: a pop
  song's piano tune, a Lieder voice over its piano came out flatter too).
- A range the user gives wins, whatever the instrument. One that reaches
  outside the instrument's playable range is said in one line on the plan
  (`range_beyond_playable`, Plan.warnings), and notes a candidate writes
  there in one line on the candidate (`outside_playable`).
"""
from __future__ import annotations

import numpy as np

from engine.instruments import Instrument, track_instrument
from engine.notes import Note
from engine.pitch import midi_note_name
from engine.song import Song
from engine.track import Track

AROUND_BARS = 8
MARGIN = 4      # semitones added beyond the register the part uses (a major third: room to move)
MIN_SPAN = 14   # at least a ninth: a line needs room for a tune
PLACE_BEYOND = 8  # semitones between a new line's mean and the range's middle before it moves by octaves
EDGE_BARS = 1     # bars on each side of the region whose own notes say where the line joins the part
EDGE_WEIGHT = 0.5  # their mean's share in the register centre (the rest: the middle of the default range)
PULL = 2.0        # logits a melody's pitch loses per octave from the register centre (docs/MODEL.md: 2 and 4 tried)


def default_range(song: Song, track: Track, bars: range) -> tuple[int, int]:
    """The pitch range a proposal in `bars` of `track` uses when the user gives none (module docstring)."""
    instrument, register = part_register(song, track, bars)
    return instrument.comfortable if register is None else register_range(instrument, *register)


def part_register(song: Song, track: Track, bars: range) -> tuple[Instrument, tuple[int, int] | None]:
    """(the track's instrument at the region, the 10th..90th percentile pitches of its notes in the
    AROUND_BARS bars on each side of `bars`, None when it is silent there)."""
    start, end = song.meter_map.bar_range(bars.start, bars.stop - 1)
    instrument = track_instrument(track, start)
    around_start = song.meter_map.bar_start(max(0, bars.start - AROUND_BARS))
    around_end = song.meter_map.bar_start(bars.stop + AROUND_BARS)
    pitches = [n.pitch for n in track.notes_between(around_start, around_end) if not start <= n.start < end]
    if not pitches:
        return instrument, None
    low, high = np.percentile(pitches, [10, 90])
    return instrument, (int(np.floor(low)), int(np.ceil(high)))


def register_centre(song: Song, track: Track, bars: range, pitch_range: tuple[int, int]) -> float:
    """Where a new line in `bars` of `track` should lie: the middle of its default `pitch_range`, drawn
    EDGE_WEIGHT of the way towards the mean pitch of the part's own notes in the EDGE_BARS bars on each side
    of the region (where the line leaves and rejoins the part); the middle alone when the part is silent there."""
    middle = (pitch_range[0] + pitch_range[1]) / 2
    start, end = song.meter_map.bar_range(bars.start, bars.stop - 1)
    edge_start = song.meter_map.bar_start(max(0, bars.start - EDGE_BARS))
    edge_end = song.meter_map.bar_start(bars.stop + EDGE_BARS)
    pitches = [n.pitch for n in track.notes_between(edge_start, edge_end) if not start <= n.start < end]
    if not pitches:
        return middle
    return (1 - EDGE_WEIGHT) * middle + EDGE_WEIGHT * sum(pitches) / len(pitches)


def register_pull(centre: float) -> np.ndarray | None:
    """(128,) logits: a pitch loses PULL per octave it lies from `centre` (None when PULL is 0)."""
    if not PULL:
        return None
    return (-PULL * np.abs(np.arange(128) - centre) / 12).astype(np.float32)


def register_range(instrument: Instrument, low: int, high: int) -> tuple[int, int]:
    """The part's register `low..high` with MARGIN around it, at least MIN_SPAN wide, inside the playable range."""
    floor, ceiling = instrument.playable
    low, high = low - MARGIN, high + MARGIN
    missing = MIN_SPAN - (high - low)
    if missing > 0:
        low, high = low - missing // 2, high + (missing - missing // 2)
    if high - low >= ceiling - floor:
        return instrument.playable
    shift = max(0, floor - low) - max(0, high - ceiling)   # slide back inside, keeping the width
    return low + shift, high + shift


def place_in_register(notes: list[Note], pitch_range: tuple[int, int], centre: float | None = None) -> list[Note]:
    """`notes` (a new single line) moved by whole octaves towards `centre` (default: the middle of `pitch_range`)
    when their mean lies more than PLACE_BEYOND semitones from it and every moved note stays inside the range;
    else as given."""
    if not notes:
        return notes
    low, high = pitch_range
    centre = (low + high) / 2 if centre is None else centre
    off = centre - sum(n.pitch for n in notes) / len(notes)
    octaves = round(off / 12)
    if abs(off) <= PLACE_BEYOND or octaves == 0:
        return notes
    moved = [n.with_(pitch=n.pitch + 12 * octaves) for n in notes]
    return moved if all(low <= n.pitch <= high for n in moved) else notes


def outside_playable(track: Track, name: str, notes, tick: int) -> str | None:
    """One line when some of `notes` lie outside the track's instrument's playable range, else None."""
    instrument = track_instrument(track, tick)
    low, high = instrument.playable
    below = sum(n.pitch < low for n in notes)
    above = sum(n.pitch > high for n in notes)
    if not below and not above:
        return None
    return (f"{name}: {_sides(f'{below} below' if below else '', f'{above} above' if above else '')} "
            f"{_playable(instrument)}, as the pitch range asked for allows")


def range_beyond_playable(track: Track, name: str, pitch_range: tuple[int, int], tick: int) -> str | None:
    """One line when a range the user gives reaches outside the track's instrument's playable range."""
    instrument = track_instrument(track, tick)
    (low, high), (floor, ceiling) = pitch_range, instrument.playable
    if floor <= low and high <= ceiling:
        return None
    return (f"{name}: the range {midi_note_name(low)}-{midi_note_name(high)} reaches "
            f"{_sides('below' if low < floor else '', 'above' if high > ceiling else '')} {_playable(instrument)}")


def _sides(below: str, above: str) -> str:
    return " and ".join(part for part in (below, above) if part)


def _playable(instrument: Instrument) -> str:
    low, high = instrument.playable
    return f"the {instrument.name}'s playable range ({midi_note_name(low)}-{midi_note_name(high)})"
