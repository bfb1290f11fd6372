"""MusicXML export (via music21), so a sketch can continue in MuseScore, Dorico or Sibelius.

One part per pitched track, named after the track, with its General MIDI
instrument; the song's bars, meters and key signatures on every part; tempo
marks and the chord lane (as chord symbols) on the first part. Times are
snapped to a notation grid (engine.notation_grid), unless every time of the
song already sits on a notatable grid (a score imported from MusicXML), which
is then written exactly; notes crossing a bar line are tied; overlapping notes
of one track go to separate voices.

Drum tracks are skipped: notating a GM kit needs a drum map (which pitch is
which instrument on which staff line), and a drum part written as pitched
notes would be wrong rather than merely plain. `export_musicxml` returns the
names of skipped tracks so callers can say so; drums travel via MIDI export.
A song without pitched tracks still exports its chord lane as a lead sheet.

music21 takes a noticeable time to import, so it is imported only here,
inside the function, when the user actually exports.
"""
from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from os import PathLike
from pathlib import Path
from typing import Any

from engine.atomic import atomic_write_via
from engine.chords import QUALITIES, Chord
from engine.errors import CadenzaError
from engine.notation_grid import Bar, bars, exact, is_notatable, snap, snap_span
from engine.pitch import parse_pitch_class, pitch_class_name
from engine.song import Song
from engine.track import Track

MUSICXML_SUFFIXES = (".musicxml", ".xml", ".mxl")
# Our chord qualities whose printed suffix music21 does not read; the rest it reads as we print them.
_M21_SUFFIX = {"minmaj7": "mM7", "maj9": "M9", "5": "power", "hdim7": "ø7"}
_M21_MODES = ("major", "minor", "dorian", "phrygian", "lydian", "mixolydian", "locrian")


class MusicXmlExportError(CadenzaError):
    """The score could not be built or written: `path: reason`."""

    def __init__(self, path: str | PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: cannot export MusicXML: {reason}")


def export_musicxml(song: Song, path: str | PathLike[str]) -> list[str]:
    """Write `song` as MusicXML (`.mxl`: compressed) atomically; returns the names of skipped drum tracks."""
    target = Path(path)
    try:
        score = build_score(song)
        fmt = "mxl" if target.suffix.lower() == ".mxl" else "musicxml"
        atomic_write_via(target, lambda temp: score.write(fmt, fp=temp))
    except CadenzaError:
        raise
    except Exception as error:  # music21 raises many types; the user gets one line, never a traceback
        raise MusicXmlExportError(target, str(error).splitlines()[0] if str(error) else type(error).__name__) from None
    return [track.name or f"track {track.id}" for track in song.tracks if track.is_drums]


def build_score(song: Song) -> Any:
    """The music21 Score for `song` (see the module docstring for what goes where)."""
    from music21 import metadata, stream

    pitched = [track for track in song.tracks if not track.is_drums]
    unrounded = _written_exactly(song, pitched)
    layout = bars(song, song.length_ticks, unrounded)
    score = stream.Score()
    score.metadata = metadata.Metadata(title=song.title or "Untitled")
    for index, track in enumerate(pitched or [None]):
        score.insert(0, _part(song, track, layout, first=index == 0, unrounded=unrounded))
    return score


def _written_exactly(song: Song, pitched: list[Track]) -> bool:
    """Whether `song` is notation already (every time on the notatable grid, no zero-length note)."""
    ticks = [t for track in pitched for n in track.notes for t in (n.start, n.end)]
    if any(n.duration == 0 for track in pitched for n in track.notes):
        return False
    ticks += [e.tick for events in (song.tempos, song.keys, song.chords, song.meters) for e in events]
    return is_notatable(ticks + [song.length_ticks], song.ticks_per_quarter)


def _part(song: Song, track: Track | None, layout: list[Bar], first: bool, unrounded: bool = False) -> Any:
    from music21 import instrument, meter, stream

    part = stream.Part()
    part.atSoundingPitch = True  # our pitches sound: a transposing instrument (Bb clarinet) gets written pitches
    part.partName = "Chords" if track is None else (track.name or f"Track {track.id}")
    try:
        sound = instrument.instrumentFromMidiProgram(0 if track is None else track.program)
    except Exception:  # an unmapped program: a plain instrument still carries the part
        sound = instrument.Instrument()
    sound.partName = part.partName
    if track is not None:
        sound.midiChannel = track.channel
    part.insert(0, sound)
    pieces = _pieces(song, track, layout, unrounded) if track is not None else {}
    marks = _marks(song, layout, with_tempo_and_chords=first, unrounded=unrounded)
    previous_meter = None
    for bar in layout:
        measure = stream.Measure(number=bar.number)
        written = f"{bar.meter.numerator}/{bar.meter.denominator}"
        if written != previous_meter:
            measure.timeSignature = meter.TimeSignature(written)
            previous_meter = written
        for offset, element in marks.get(bar.number, []):
            measure.insert(offset, element)
        for offset, element in pieces.get(bar.number, []):
            measure.insert(offset, element)
        _finish_measure(measure, bar.length)
        part.append(measure)
    return part


def _pieces(song: Song, track: Track, layout: list[Bar], unrounded: bool) -> dict[int, list[tuple[Fraction, Any]]]:
    """Per bar number: (offset in bar, note or chord) with ties across bar lines."""
    from music21 import chord, note, tie

    groups: dict[tuple[int, Fraction, Fraction, str | None], list[int]] = defaultdict(list)
    tpq = song.ticks_per_quarter
    for n in track.notes:
        start, end = (exact(n.start, tpq), exact(n.end, tpq)) if unrounded else snap_span(n.start, n.end, tpq)
        for bar in layout:
            lo, hi = max(start, bar.offset), min(end, bar.offset + bar.length)
            if lo >= hi:
                continue
            tied = None if (lo == start and hi == end) else "start" if lo == start else "stop" if hi == end else "continue"
            groups[(bar.number, lo - bar.offset, hi - lo, tied)].append(n.pitch)
    result: dict[int, list[tuple[Fraction, Any]]] = defaultdict(list)
    for (number, offset, length, tied), pitches in sorted(groups.items(), key=lambda item: item[0][:3]):
        heads = [note.Note(pitch, quarterLength=length) for pitch in sorted(set(pitches))]
        for head in heads:
            if tied:
                head.tie = tie.Tie(tied)
        element = heads[0] if len(heads) == 1 else chord.Chord(heads, quarterLength=length)
        result[number].append((offset, element))
    return result


def _marks(song: Song, layout: list[Bar], with_tempo_and_chords: bool,
           unrounded: bool = False) -> dict[int, list[tuple[Fraction, Any]]]:
    """Key signatures (every part), tempo marks and chord symbols (first part), placed by bar."""
    from music21 import harmony, key, tempo

    events: list[tuple[int, Any]] = [
        (k.tick, key.Key(_m21_name(k.key.tonic, k.key.sharps < 0), k.key.mode) if k.key.mode in _M21_MODES
         else key.KeySignature(k.key.sharps))  # pentatonic, blues, ...: the signature alone
        for k in song.keys]
    if with_tempo_and_chords:
        events += [(t.tick, tempo.MetronomeMark(number=round(t.bpm, 2))) for t in song.tempos]
        events += [(c.tick, harmony.NoChord() if c.chord is None else harmony.ChordSymbol(m21_chord_figure(c.chord)))
                   for c in song.chords]
    placed: dict[int, list[tuple[Fraction, Any]]] = defaultdict(list)
    for tick, element in events:
        offset = (exact if unrounded else snap)(tick, song.ticks_per_quarter)
        bar = next((b for b in reversed(layout) if b.offset <= offset), layout[0])
        # An event snapped onto the song's very end stays inside the last bar (a pickup shorter than a
        # sixteenth, as a 32nd-note upbeat, keeps its marks at its start).
        placed[bar.number].append((min(offset - bar.offset, bar.length - min(bar.length, Fraction(1, 4))), element))
    return placed


def m21_chord_figure(chord: Chord) -> str:
    """The chord in music21's figure syntax (`B-maj7`, `CmM7`, `F/C`)."""
    name = chord.name()
    flats = "b" in name[:parse_pitch_class(name)[1]]  # spelled as the editor shows it
    figure = _m21_name(chord.root, flats) + _M21_SUFFIX.get(chord.quality, QUALITIES[chord.quality][1])
    if chord.bass is not None and chord.bass != chord.root:
        figure += "/" + _m21_name(chord.bass, flats)
    return figure


def _m21_name(pitch_class: int, flats: bool) -> str:
    return pitch_class_name(pitch_class, flats).replace("b", "-")


def _finish_measure(measure: Any, length: Fraction) -> None:
    """Voices for overlapping notes, then rests in the gaps, so every bar adds up."""
    from music21 import note
    from music21.common.numberTools import opFrac  # music21's exact offsets: float or Fraction

    spans = sorted((opFrac(e.offset), opFrac(e.offset + e.quarterLength)) for e in measure.notes if not _is_symbol(e))
    if any(spans[i + 1][0] < spans[i][1] for i in range(len(spans) - 1)):
        measure.makeVoices(inPlace=True, fillGaps=False)
    for holder in list(measure.voices) or [measure]:
        cursor = opFrac(0)
        for element in sorted((e for e in holder.notes if not _is_symbol(e)), key=lambda e: e.offset):
            if element.offset > cursor:
                holder.insert(cursor, note.Rest(quarterLength=opFrac(element.offset - cursor)))
            cursor = max(cursor, opFrac(element.offset + element.quarterLength))
        if cursor < length:
            holder.insert(cursor, note.Rest(quarterLength=opFrac(length - cursor)))


def _is_symbol(element: Any) -> bool:
    from music21 import harmony
    return isinstance(element, harmony.Harmony)
