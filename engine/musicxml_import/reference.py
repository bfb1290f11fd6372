"""music21's reading of a score, as notes per part, for checking our reader against an independent one.

music21 (already a dependency) parses MusicXML its own way. We take its
sounding-pitch reading (`toSoundingPitch`): every note and chord with its
measure, offset, duration, pitch, tie and articulations, and place each
measure where our reader placed it (`measure_starts`, in quarters). Where
music21 lays measures out differently (it stretches a whole-measure rest to
the time signature's length even when the other parts' measure is shorter) the
measure is listed in `Reading.layout`, so note content and measure layout are
judged separately.

On that reading we apply the few choices a piano roll makes where notation has
no single answer (measures.py and score.py say the same):
- ties join notes of one pitch, the stop starting where the start ends (our own
  join: music21's `stripTies` misses ties inside changing chords);
- grace notes, which music21 gives no duration, become 32nds just before their
  note (one after the other when there are several);
- staccato (staccatissimo, spiccato) notes that are not tied last half as long;
- a note written twice at once (a unison of two voices) is one note;
- unpitched percussion is compared by time only (its GM drum note comes from
  the score's instrument list, which music21 does not map).
A part written on several staves (music21's PartStaffs) is one part.
Used by benchmarks/musicxml_roundtrip.py and the tests; music21 loads only here.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from os import PathLike

from engine.song import Song

GRACE = Fraction(1, 8)  # quarters: a 32nd, as score.py makes them
_SHORTENING = ("Staccato", "Staccatissimo", "Spiccato")

Row = tuple[Fraction, int | None, Fraction]  # onset, pitch (None: unpitched), duration, in quarter notes


@dataclass
class Reading:
    """music21's notes per part (name, sorted unique rows) and the measures it lays out unlike us."""

    parts: list[tuple[str, list[Row]]]
    layout: list[str]


def music21_reading(path: str | PathLike[str], measure_starts: list[Fraction]) -> Reading:
    """music21's reading of the score at `path`, its measures placed at `measure_starts` (quarters, written order)."""
    from music21 import converter, stream

    score = converter.parse(str(path), forceSource=True).toSoundingPitch()
    grouped: dict[str, list] = {}
    names: dict[str, str] = {}
    for index, part in enumerate(score.parts):  # a plain Part's id may be its name, which two parts can share
        key = part.id.split("-Staff")[0] if isinstance(part, stream.PartStaff) else f"part {index}"
        grouped.setdefault(key, []).append(part)
        names.setdefault(key, part.partName or "")
    layout: list[str] = []
    parts = []
    for key, staves in grouped.items():
        events: list[tuple] = []
        for staff in staves:
            events += _events(staff, measure_starts, layout)
        parts.append((names[key], sorted(set(_join(events)))))
    return Reading(parts, layout)


def song_parts(song: Song) -> list[tuple[str, list[Row]]]:
    """The same rows for a song's tracks (drum tracks without pitches)."""
    tpq = song.ticks_per_quarter
    return [(track.name, sorted({(Fraction(n.start, tpq), None if track.is_drums else n.pitch,
                                  Fraction(n.duration, tpq)) for n in track.notes}))
            for track in song.tracks]


def _events(staff, measure_starts: list[Fraction], layout: list[str]) -> list[tuple]:
    """(onset, pitch, duration, tie type, staccato, grace key) of every sounding note of one staff."""
    measures = list(staff.getElementsByClass("Measure"))
    if len(measures) != len(measure_starts):
        layout.append(f"{staff.partName}: music21 reads {len(measures)} measures, we {len(measure_starts)}")
        return []
    events = []
    graces: dict[tuple, int] = {}
    for index, measure in enumerate(measures):
        start = measure_starts[index]
        if index + 1 < len(measure_starts) and Fraction(measure.duration.quarterLength) != measure_starts[index + 1] - start:
            layout.append(f"{staff.partName} measure {measure.number}: music21 makes it {float(measure.duration.quarterLength):g}"
                          f" quarters long, we {float(measure_starts[index + 1] - start):g} (the longest part's)")
        holders = [(Fraction(0), measure)] + [(Fraction(v.offset), v) for v in measure.voices]
        for shift, holder in holders:
            # Written order (music21 may reorder grace notes that share an offset).
            for element in sorted(holder.notes, key=lambda e: (e.offset, e.sortTuple().insertIndex)):
                if "Harmony" in element.classes:  # chord symbols are not notes
                    continue
                onset = start + shift + Fraction(element.offset)
                length = Fraction(element.duration.quarterLength)
                grace = None
                if element.duration.isGrace:  # (the run it belongs to, its place in the run)
                    run = (index, id(holder), onset)
                    grace = (run, graces.get(run, 0))
                    graces[run] = grace[1] + 1
                staccato = any(type(a).__name__ in _SHORTENING for a in element.articulations)
                for pitch, tie in _heads(element):
                    events.append((onset, pitch, length, tie, staccato, grace))
    return events


def _heads(element) -> list[tuple[int | None, str | None]]:
    """(pitch or None when unpitched, tie type) of each note head of a note or chord."""
    if hasattr(element, "notes") and not isinstance(element, type(None)) and type(element).__name__ != "Note" \
            and type(element).__name__ != "Unpitched":  # Chord and PercussionChord
        return [(None if _unpitched(n) else n.pitch.midi, n.tie.type if n.tie else None) for n in element.notes]
    return [(None if _unpitched(element) else element.pitch.midi, element.tie.type if element.tie else None)]


def _unpitched(element) -> bool:
    return type(element).__name__ == "Unpitched"


def _join(events: list[tuple]) -> list[Row]:
    """Graces placed, ties joined, staccato applied: the rows a piano roll shows."""
    runs: dict[tuple, int] = {}
    for *_, grace in events:
        if grace is not None:
            runs[grace[0]] = max(runs.get(grace[0], 0), grace[1] + 1)
    notes, open_ties = [], {}
    for onset, pitch, length, tie, staccato, grace in sorted(events, key=lambda e: (e[0], e[5] is None)):
        if grace is not None:
            run, place = grace
            notes.append([onset - (runs[run] - place) * GRACE, pitch, GRACE, True, False])
            continue
        continuing = tie in ("stop", "continue") and (pitch, onset) in open_ties
        note = open_ties.pop((pitch, onset)) if continuing else [onset, pitch, Fraction(0), continuing, staccato]
        note[2] += length
        note[3] = note[3] or continuing
        if not continuing:
            notes.append(note)
        if tie in ("start", "continue"):  # open until a stop at its end, keyed by where it ends
            open_ties[(pitch, note[0] + note[2])] = note
    return [(max(Fraction(0), onset), pitch, length / 2 if staccato and not tied else length)
            for onset, pitch, length, tied, staccato in notes]
