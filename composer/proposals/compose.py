"""A new sketch from nothing: an empty song in a key, tempo and meter, then each part proposed over the ones before.

Order matters: chords first (everything else follows the harmony), then the
melody over the chords, then bass and accompaniment under both, drums last.
Each part is one or more `propose` calls on the song so far, applied through
their edits, so a sketch is built exactly the way a user would build it in
the editor.

Sections and energy (composer.brief.settings) shape the calls:
- a section heard before comes back: its bars copied from the first time
  ("exact"), or copied and then its last bars varied ("varied", as a second
  verse ends differently): the pitched parts through the variation task that
  keeps the line's contour with a new rhythm, the drums with a new pattern,
  the chords as they were. Proposed afresh instead, the model would mostly
  write the same bars again: the earlier instance sits in its context (and
  the echo rule favours repeating it). A section not heard before is proposed
  with the melody echo kept inside it (Controls.section_start), so it brings
  new material rather than leaning on the section before;
- within a section, bars whose energy falls in one band (low / mid / high)
  are proposed as one region with that note density, and a high-energy melody
  is asked for a higher register; after all parts, velocities follow the
  energy bar by bar.
Without sections and energy the whole sketch is one region per part, as it
always was.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from composer.brief.settings import PlacedSection, SketchSettings
from composer.proposals.candidate import chord_lane_with
from composer.proposals.generate import propose
from composer.proposals.spec import PARTS, Controls, Region, Task
from engine.chords import ChordEvent
from engine.edits import CompoundEdit, InsertTrack, NotesEdit, SongPropertiesEdit
from engine.instruments import gm_instrument
from engine.keys import Key, KeySignature
from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import Track, TrackRole

# General MIDI programs a new part starts with: piano melody, electric bass (finger), electric piano, drum kit.
PROGRAMS = {"melody": 0, "bass": 33, "accompaniment": 4, "drums": 0}
# Energy bands: below LOW_ENERGY the bars are asked for few notes, above HIGH_ENERGY for many.
LOW_ENERGY, HIGH_ENERGY = 0.4, 0.7
# A high-energy melody sits higher (C4..C6), a calm one lower (G3..E5): register follows energy.
HIGH_REGISTER, LOW_REGISTER = (60, 84), (55, 76)
VARIED_BARS = 2   # the bars at the end of a repeated section that "varied" writes anew


def empty_song(bars: int, key: Key, tempo: float, meter: tuple[int, int]) -> Song:
    song = Song(tempos=(TempoChange.from_bpm(0, tempo),), meters=(TimeSignature(0, *meter),),
                keys=(KeySignature(0, key),))
    return song.with_(end_tick=song.meter_map.bar_start(bars))


def add_part_track(song: Song, role: str, program: int | None = None) -> tuple[Song, int]:
    """The song with a new, empty track for `role` at the end, and its id."""
    track_role = TrackRole(role)
    track = Track(song.next_track_id, role.capitalize(), track_role,
                  program=PROGRAMS.get(role, 0) if program is None else program, channel=song.free_channel(track_role))
    return InsertTrack(len(song.tracks), track, f"Add {role} track").apply(song), track.id


def compose_song(bars: int, key: Key, tempo: float, meter: tuple[int, int], parts: tuple[str, ...] = PARTS,
                 seed: int = 0, model=None, temperature: float = 1.0, cancel=None,
                 on_part: Callable[[str, dict], None] | None = None, style: str | None = None) -> Song:
    """A `bars`-bar sketch with `parts` (a subset of PARTS, written in PARTS order). `on_part(part, stats)` after each."""
    settings = SketchSettings(bars=bars, key=key, tempo=tempo, meter=meter, parts=parts, style=style)
    return compose_sketch(settings, seed, model, temperature, cancel, on_part)


@dataclass(frozen=True)
class _Passage:
    """Bars proposed as one region: their density and register, or a copy of bars written before."""
    first_bar: int
    last_bar: int
    density: str | None = None
    melody_range: tuple[int, int] | None = None
    section_start: int | None = None   # where the passage's section begins (the echo stays inside it)
    copy_from: int | None = None   # first bar of the earlier instance to copy
    vary: bool = False             # a variation of the bars already there (copied from an earlier instance)


def compose_sketch(settings: SketchSettings, seed: int = 0, model=None, temperature: float = 1.0, cancel=None,
                   on_part: Callable[[str, dict], None] | None = None) -> Song:
    """The sketch `settings` describe (sections, energy and instrumentation included; see the module docstring)."""
    song = empty_song(settings.bars, settings.key, settings.tempo, settings.meter)
    passages = _passages(settings)
    for number, part in enumerate(p for p in PARTS if p in settings.parts):
        track_ids: tuple[int, ...] = ()
        if part != "chords":
            song, track_id = add_part_track(song, part, settings.programs.get(part))
            track_ids = (track_id,)
        stats: dict = {}
        for index, passage in enumerate(passages):
            if passage.copy_from is not None:
                song = _copy_bars(song, track_ids, passage)
                continue
            if passage.vary and part == "chords":
                continue
            task = Task(part) if not passage.vary or part == "drums" else Task.VARIATION_CONTOUR
            register = passage.melody_range if part == "melody" else None
            controls = Controls(seed=seed + 101 * number + 7 * index, key=settings.key, key_strict=True,
                                temperature=temperature, style=settings.style, density=passage.density,
                                pitch_range=register and _playable(register, settings.programs.get(part, 0)),
                                section_start=passage.section_start)
            region = Region(passage.first_bar, passage.last_bar, track_ids)
            candidate = propose(song, region, task, controls, model, cancel)[0]
            song = candidate.to_edit(song).apply(song)
            stats = _merge_stats(stats, candidate)
        if on_part is not None:
            on_part(part, stats)
    return _shape_velocities(song, settings.energy) if settings.energy else song


def _passages(settings: SketchSettings) -> list[_Passage]:
    """The regions to propose (or copy), in order: sections split where the energy band changes."""
    sections = settings.sections or (PlacedSection("", 0, settings.bars),)
    first_seen: dict[str, PlacedSection] = {}
    passages: list[_Passage] = []
    for section in sections:
        earlier = first_seen.get(section.name) if section.name else None
        if earlier is None or earlier.bars != section.bars:
            first_seen.setdefault(section.name, section)
            start = section.first_bar if settings.sections else None
            passages += [replace(p, section_start=start) for p in _by_energy(settings.energy, section.bar_range)]
            continue
        last = section.first_bar + section.bars - 1
        passages.append(_Passage(section.first_bar, last, copy_from=earlier.first_bar))
        if settings.variation == "varied":
            varied = range(max(section.first_bar, last + 1 - VARIED_BARS), last + 1)
            passages += [replace(p, vary=True) for p in _by_energy(settings.energy, varied)]
    return passages


def _by_energy(energy: tuple[float, ...], bars: range) -> list[_Passage]:
    """Runs of `bars` in one energy band, each a passage with that band's density and register."""
    if not bars:
        return []
    if not energy:
        return [_Passage(bars.start, bars.stop - 1)]
    runs: list[_Passage] = []
    start = bars.start
    for bar in range(bars.start + 1, bars.stop + 1):
        if bar == bars.stop or _band(energy[bar]) != _band(energy[start]):
            band = _band(energy[start])
            register = {"high": HIGH_REGISTER, "low": LOW_REGISTER}.get(band)
            runs.append(_Passage(start, bar - 1, band, register))
            start = bar
    return runs


def _playable(register: tuple[int, int], program: int) -> tuple[int, int]:
    """An energy register kept inside what the part's instrument can play (a flute has no G3)."""
    floor, ceiling = gm_instrument(program).playable
    low, high = max(register[0], floor), min(register[1], ceiling)
    return (low, high) if high - low >= 12 else gm_instrument(program).comfortable


def _band(level: float) -> str:
    return "low" if level < LOW_ENERGY else "high" if level > HIGH_ENERGY else "mid"


def _copy_bars(song: Song, track_ids: tuple[int, ...], passage: _Passage) -> Song:
    """Bars `passage` become a copy of the same number of bars from `passage.copy_from` (notes, or chords)."""
    meters = song.meter_map
    source, target = meters.bar_start(passage.copy_from), meters.bar_start(passage.first_bar)
    length = meters.bar_start(passage.copy_from + passage.last_bar - passage.first_bar + 1) - source
    shift = target - source
    edits = []
    for track_id in track_ids:
        copied = tuple(n.with_(start=n.start + shift) for n in song.track(track_id).notes_between(source, source + length)
                       if n.start + shift < target + length)
        edits.append(NotesEdit(track_id, (), copied, "Repeat section"))
    if not track_ids:
        copied_chords = tuple(ChordEvent(c.tick + shift, c.chord) for c in song.chords
                              if source <= c.tick < source + length)
        opening = song.chord_at(source)
        if opening is not None and (not copied_chords or copied_chords[0].tick > target):
            copied_chords = (ChordEvent(target, opening.chord),) + copied_chords
        chords = chord_lane_with(song, target, target + length, copied_chords)
        edits.append(SongPropertiesEdit.changing(song, "Repeat section", chords=chords))
    return CompoundEdit(tuple(edits), "Repeat section").apply(song)


def _merge_stats(stats: dict, candidate) -> dict:
    """One part's stats over all its passages: counts summed, the last seed, every warning."""
    new = {"seed": candidate.seed, **candidate.stats.to_dict(), "warnings": list(candidate.warnings)}
    if not stats:
        return new
    merged = dict(new)
    for key in ("tokens", "seconds"):
        if key in stats and key in new:
            merged[key] = stats[key] + new[key]
    merged["warnings"] = stats.get("warnings", []) + new["warnings"]
    return merged


def _shape_velocities(song: Song, energy: tuple[float, ...]) -> Song:
    """Every pitched and drum note's velocity scaled by its bar's energy (0.7x calm .. 1.3x intense)."""
    meters = song.meter_map
    edits = []
    for track in song.tracks:
        if not track.notes:
            continue
        louder = []
        for note in track.notes:
            bar = min(len(energy) - 1, meters.position(note.start).bar)
            velocity = max(1, min(127, round(note.velocity * (0.7 + 0.6 * energy[bar]))))
            louder.append(note.with_(velocity=velocity))
        edits.append(NotesEdit(track.id, track.notes, tuple(louder), "Shape dynamics"))
    return CompoundEdit(tuple(edits), "Shape dynamics").apply(song)
