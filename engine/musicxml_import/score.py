"""The parsed score -> `Song`: resolution, measure layout, play order, tracks and the song-level maps.

- Resolution: the least common multiple of 480 and every `<divisions>` in the
  file (so every duration, tuplets included, is a whole number of ticks, and
  grace notes and staccato have room); when that exceeds the 32767 MIDI allows,
  the file's own divisions alone, else 960 with rounding (one warning).
- Measure lengths: the longest part's, measure by measure. A measure with no
  length in any part is refused: nothing can be placed in it.
- Repeats: unfolded by default (repeats.py), said in one warning; `unfold=False`
  keeps the written order.
- Tracks: one per part, named by the part name, with the part's GM program,
  its channel from the score (drums on channel 10), and roles as a MIDI import
  gets them (engine.midi.roles.import_roles: from the part names when they say
  a role, else from what each part plays); a part without a name is called
  after its instrument, as a MIDI track is ("Violin 1"). Tied notes merge into
  one; staccato notes last half their written length; velocities follow the
  part's dynamics (mf until the first one).
- Song maps: tempo marks from any part (the first part's wins at a tick), the
  meter of every measure whose length or signature changes (a pickup is a short
  bar of its own meter, e.g. 1/4, before the first full bar), key signatures at
  concert pitch from the first part that does not transpose (a signature
  without a mode, as MuseScore writes them, is the major key or its relative
  minor, whichever the notes up to the next signature sound in), chord symbols
  from every part, rehearsal marks as markers.
"""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from engine.chords import ChordEvent
from engine.keys import Key, KeySignature, estimate_key
from engine.instruments import name_unnamed_tracks
from engine.midi.roles import guess_role, import_roles
from engine.musicxml_import.errors import MusicXmlFileError
from engine.musicxml_import.instruments import PartInfo, read_part_list
from engine.musicxml_import.measures import MODE_DEGREES, Measure, PartReader
from engine.musicxml_import.repeats import has_repeats, play_order
from engine.notes import Note
from engine.song import Marker, Song
from engine.timing import TempoChange, TimeSignature
from engine.track import DRUM_CHANNEL, Track, TrackRole

BASE_RESOLUTION = 480
MAX_RESOLUTION = 32767
DEFAULT_VELOCITY = 80


def build_song(path: str, root: ET.Element, unfold: bool = True, progress: Callable[[float], None] | None = None,
               play_cues: bool = False) -> tuple[Song, list[str], list[int]]:
    """The song `root` (a `score-partwise`) describes, one warning line per kind of thing left out, and the
    start tick of each measure in playing order."""
    infos = read_part_list(root)
    parts = root.findall("part")
    if not parts:
        raise MusicXmlFileError(path, "the score has no parts")
    for part_id, info in infos.items():
        if not any(p.get("id") == part_id for p in parts):
            raise MusicXmlFileError(path, f"part {info.name or part_id!r} is listed but has no music")
    warnings: list[str] = []
    ignored: Counter[str] = Counter()
    tpq = _resolution(root, warnings)
    read: list[tuple[PartInfo, list[Measure]]] = []
    for number, part in enumerate(parts):
        info = infos.get(part.get("id", "")) or PartInfo(part.get("id", ""), "")
        measures = PartReader(path, info, tpq, ignored, play_cues).read(part)
        part.clear()  # free each part's elements as we go: freeing the whole tree at once holds the GIL ~0.1 s
        if not measures:
            raise MusicXmlFileError(path, f"part {info.name or info.id!r} has no measures")
        read.append((info, measures))
        if progress is not None:
            progress((number + 1) / len(parts))
    layout = read[0][1]
    lengths = _measure_lengths(path, read)
    order = play_order(layout) if unfold else list(range(len(layout)))
    if unfold and has_repeats(layout):
        warnings.append(f"repeats unfolded as playback plays them: {len(layout)} written measures "
                        f"became {len(order)} (open with repeats folded to keep the written order)")
    starts, end = _starts(order, lengths)
    tracks = _tracks(read, order, starts, warnings)
    if not any(track.notes for track in tracks):
        raise MusicXmlFileError(path, "the score has no notes (every part is empty)")
    song = Song(
        tracks=tuple(tracks), ticks_per_quarter=tpq,
        tempos=tuple(_tempos(read, order, starts)),
        meters=tuple(_meters(layout, order, starts, lengths, tpq)),
        keys=tuple(_keys(read, order, starts, tracks)),
        chords=tuple(_chords(read, order, starts)),
        markers=tuple(Marker(starts[i] + at, text) for i, m in enumerate(order) for at, text in layout[m].rehearsals),
        title=_title(root), end_tick=end)
    song = name_unnamed_tracks(import_roles(song))
    silent = [track.name for track in song.tracks if not track.notes]
    if silent:
        warnings.append(f"{len(silent)} part(s) without notes kept as empty tracks: {', '.join(silent)}")
    warnings += [f"ignored: {kind} ({count}x)" for kind, count in ignored.items()]
    return song, warnings, starts


def _resolution(root: ET.Element, warnings: list[str]) -> int:
    divisions = set()
    for element in root.iter("divisions"):
        try:
            value = float(element.text or 0)
        except ValueError:
            continue
        if value > 0 and value == int(value):
            divisions.add(int(value))
    for candidate in (math.lcm(BASE_RESOLUTION, *divisions), math.lcm(*divisions) if divisions else 0):
        if 0 < candidate <= MAX_RESOLUTION:
            return candidate
    warnings.append("the score's divisions need a finer grid than MIDI allows: times rounded to 1/960 quarter")
    return 960


def _measure_lengths(path: str, read: list[tuple[PartInfo, list[Measure]]]) -> list[int]:
    count = max(len(measures) for _, measures in read)
    lengths = [0] * count
    for _, measures in read:
        for index, measure in enumerate(measures):
            if measure.length > lengths[index]:
                lengths[index] = measure.length
    for index, length in enumerate(lengths):
        if length == 0:
            number = read[0][1][index].number if index < len(read[0][1]) else str(index + 1)
            raise MusicXmlFileError(path, f"measure {number} has no length (no notes, rests or forward in any part)")
    return lengths


def _starts(order: list[int], lengths: list[int]) -> tuple[list[int], int]:
    starts, tick = [], 0
    for index in order:
        starts.append(tick)
        tick += lengths[index]
    return starts, tick


def _tracks(read, order: list[int], starts: list[int], warnings: list[str]) -> list[Track]:
    tracks: list[Track] = []
    used_channels: Counter[int] = Counter()
    for number, (info, measures) in enumerate(read):
        rows, dynamics = [], []
        for played, index in enumerate(order):
            if index >= len(measures):
                continue
            measure, offset = measures[index], starts[played]
            rows += [(offset + row[0],) + row[1:] for row in measure.notes]
            dynamics += [(offset + at, velocity) for at, velocity in measure.dynamics]
        drum_rows = sum(row[7] for row in rows)
        is_drums = bool(rows) and drum_rows * 2 >= len(rows)  # what it plays decides, not a channel 10 in the file
        notes = _notes(rows, dynamics, warnings, info.name)
        program = 0 if is_drums else info.program or 0  # a drum track's program picks the kit: the standard one
        name = info.name
        channel = DRUM_CHANNEL if is_drums else _channel(info.channel, used_channels)
        used_channels[channel] += 1
        role = TrackRole.DRUMS if is_drums else guess_role(name, channel, program)
        tracks.append(Track(id=number + 1, name=name, role=role, program=program, channel=channel, notes=notes))
    return tracks


def _channel(wanted: int | None, used: Counter[int]) -> int:
    if wanted is not None and wanted != DRUM_CHANNEL and not used[wanted]:
        return wanted
    melodic = [c for c in range(16) if c != DRUM_CHANNEL]
    return min(melodic, key=lambda c: (used[c], c))


def _notes(rows: list[tuple], dynamics: list[tuple[int, int]], warnings: list[str], name: str) -> tuple[Note, ...]:
    """Merge ties (a tie-stop note continues the open tie of its pitch that ends where it starts; two voices
    holding one pitch keep their own ties), shorten staccato notes that stand alone, and give each note the
    velocity in force at its start."""
    rows.sort(key=lambda row: (row[0], row[1]))
    dynamics.sort(key=lambda d: d[0])
    dynamic_ticks = [at for at, _ in dynamics]
    merged: list[list] = []   # start, pitch, duration, velocity, staccato, tied
    open_ties: dict[tuple[int, int], list] = {}  # (pitch, end tick) -> the note a tie there continues
    dropped = 0
    for start, pitch, duration, tie_start, tie_stop, staccato, velocity, _ in rows:
        held = open_ties.pop((pitch, start), None) if tie_stop else None
        if held is not None:
            held[2] += duration
            held[5] = True
            if tie_start:
                open_ties[(pitch, start + duration)] = held
            continue
        if not velocity:
            i = bisect_right(dynamic_ticks, start) - 1
            velocity = dynamics[i][1] if i >= 0 else DEFAULT_VELOCITY
        note = [start, pitch, duration, velocity, staccato, False]
        merged.append(note)
        if tie_start:
            open_ties[(pitch, start + duration)] = note
    notes = []
    for start, pitch, duration, velocity, staccato, tied in merged:
        if staccato and not tied:
            duration = max(1, duration // 2)
        if not 0 <= pitch <= 127:
            dropped += 1
            continue
        notes.append(Note(start=max(0, start), pitch=pitch, duration=duration, velocity=velocity))
    if dropped:
        warnings.append(f"{name}: {dropped} note(s) outside the MIDI range 0..127 left out")
    return tuple(sorted(notes))


def _events(read, order, starts, attribute: str, first_part_only: bool = False):
    """(tick, value...) of one kind of measure event across parts in play order; at a tick the first part wins."""
    seen: dict[int, tuple] = {}
    for _, measures in read[:1] if first_part_only else read:
        for played, index in enumerate(order):
            if index < len(measures):
                for event in getattr(measures[index], attribute):
                    seen.setdefault(starts[played] + event[0], event[1:])
    return sorted(seen.items())


def _tempos(read, order, starts) -> list[TempoChange]:
    tempos = []
    for tick, (bpm,) in _events(read, order, starts, "tempos"):
        tempos.append(TempoChange.from_bpm(tick, min(1000.0, max(3.6, bpm))))
    return tempos


def _chords(read, order, starts) -> list[ChordEvent]:
    return [ChordEvent(tick, chord) for tick, (chord,) in _events(read, order, starts, "chords")]


def _keys(read, order, starts, tracks: list[Track]) -> list[KeySignature]:
    concert = next((i for i, (_, measures) in enumerate(read)
                    if all(k[3] == 0 for m in measures for k in m.keys) and any(m.notes for m in measures)), 0)
    keys = []
    signatures = _events(read[concert:], order, starts, "keys", first_part_only=True)
    for index, (tick, (fifths, mode, transpose)) in enumerate(signatures):
        sounding = (fifths + 7 * transpose + 6) % 12 - 6 if transpose else fifths
        if not -7 <= sounding <= 7:
            continue
        major_tonic = (sounding * 7) % 12
        if mode not in MODE_DEGREES:
            end = signatures[index + 1][0] if index + 1 < len(signatures) else None
            mode = _major_or_minor(major_tonic, tracks, tick, end)
        name = {"ionian": "major", "aeolian": "minor"}.get(mode, mode)
        key = Key((major_tonic + MODE_DEGREES[mode]) % 12, name)
        if not keys or keys[-1].key != key:
            keys.append(KeySignature(tick, key))
    return keys


def _major_or_minor(major_tonic: int, tracks: list[Track], start: int, end: int | None) -> str:
    """"minor" when the pitched notes from `start` to `end` sound in the signature's relative minor."""
    notes = [n for t in tracks if not t.is_drums for n in t.notes if n.start >= start and (end is None or n.start < end)]
    return "minor" if estimate_key(notes) == Key((major_tonic + 9) % 12, "minor") else "major"


def _meters(layout: list[Measure], order: list[int], starts: list[int], lengths: list[int],
            tpq: int) -> list[TimeSignature]:
    """A meter wherever a bar's length or written signature differs from the bar before it."""
    written = (4, 4)
    current_by_index = []
    for measure in layout:
        written = measure.time or written
        current_by_index.append(written)
    meters: list[TimeSignature] = []
    previous = None
    for played, index in enumerate(order):
        numerator, denominator = current_by_index[index]
        length = lengths[index]
        if numerator * tpq * 4 // denominator != length:
            numerator, denominator = _meter_for_length(length, denominator, tpq)
        if (numerator, denominator) != previous:
            meters.append(TimeSignature(starts[played], numerator, denominator))
            previous = (numerator, denominator)
    return meters


def _meter_for_length(length: int, denominator: int, tpq: int) -> tuple[int, int]:
    """The signature of a bar `length` ticks long (a pickup, a bar split by a repeat): `denominator` if it fits,
    else the smallest power of two that does (up to 64, rounding beyond)."""
    for candidate in sorted({denominator, 1, 2, 4, 8, 16, 32, 64}):
        beat = tpq * 4 // candidate
        if candidate >= denominator and length % beat == 0 and 1 <= length // beat <= 255:
            return length // beat, candidate
    return max(1, min(255, round(length * 64 / (tpq * 4)))), 64


def _title(root: ET.Element) -> str:
    work = (root.findtext("work/work-title") or "").strip()
    movement = (root.findtext("movement-title") or "").strip()
    if work and movement and movement != work:
        return f"{work}: {movement}"
    return work or movement
