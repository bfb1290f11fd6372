"""The score as MusicXML text, written part by part and bar by bar straight into a file.

We write the XML ourselves instead of building a music21 score: music21 made
an object per note, rest and tie and then laid them out again to write them,
which took 641 s and 1.24 GB for a 47k-note orchestral file; text written as
it is laid out takes seconds and only one part's bars in memory
(docs/MUSICXML_EXPORT.md has the numbers). The file is partwise MusicXML 4.0:
a part list (name, General MIDI instrument and channel), then per part its
measures: attributes (divisions, key, meter, clef, a transposing instrument's
`<transpose>`: its notes are written at written pitch), the bar's marks placed
with `<forward>` and `<backup>`, then each voice's notes (`<backup>` between
voices). One `divisions` serves the whole score (units.py).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import TextIO
from xml.sax.saxutils import escape

from engine.instruments import gm_instrument
from engine.musicxml_export.durations import written
from engine.musicxml_export.layout import Sound, track_bars
from engine.musicxml_export.marks import bar_marks, step_and_alter
from engine.musicxml_export.transposition import TRANSPOSING, Transposition
from engine.musicxml_export.units import Measure, Units, measures, units_for
from engine.song import Song
from engine.track import Track

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 '
          'Partwise//EN" "http://www.musicxml.org/dtds/partwise.dtd">\n<score-partwise version="4.0">\n')
# A pitch class spelled without a key signature, as music21 and most editors do: C#, Eb, F#, G#, Bb.
_PLAIN_FLATS = {1: False, 3: True, 6: False, 8: False, 10: True}


def write_score(song: Song, out: TextIO, progress: Callable[[float], None] | None = None) -> None:
    """Write `song` as MusicXML to `out`; `progress` hears 0..1 after each part (it may raise to stop)."""
    pitched = [track for track in song.tracks if not track.is_drums]
    units = units_for(song, pitched)
    layout = measures(song, units)
    parts = pitched or [None]
    out.write(HEADER)
    if song.title:
        out.write(f"<work><work-title>{escape(song.title)}</work-title></work>\n")
    out.write("<identification><encoding><software>Cadenza</software></encoding></identification>\n<part-list>\n")
    for index, track in enumerate(parts, 1):
        out.write(_score_part(index, track))
    out.write("</part-list>\n")
    for index, track in enumerate(parts, 1):
        transposition = TRANSPOSING.get(track.program) if track is not None else None
        marks = bar_marks(song, layout, index == 1, units, transposition)
        voices = track_bars(track, layout, units) if track is not None else {}
        spelling = _spelling(song, layout, units, transposition)
        setup = _clef(track, transposition) + (transposition.xml() if transposition else "")
        out.write(f'<part id="P{index}">\n')
        previous_meter = None
        for position, bar in enumerate(layout):
            meter = f"<time><beats>{bar.meter.numerator}</beats><beat-type>{bar.meter.denominator}</beat-type></time>"
            out.write(_measure(bar, voices.get(bar.number, []), marks.get(bar.number, []), units.divisions,
                               first=position == 0, meter=meter if meter != previous_meter else "",
                               clef=setup if position == 0 else "", flats=spelling[position],
                               shift=transposition.semitones if transposition else 0))
            previous_meter = meter
        out.write("</part>\n")
        if progress is not None:
            progress(index / len(parts))
    out.write("</score-partwise>\n")


def _score_part(index: int, track: Track | None) -> str:
    name = "Chords" if track is None else (track.name or f"Track {track.id}")
    program = 0 if track is None else track.program
    channel = 1 if track is None else track.channel + 1
    instrument = escape(gm_instrument(program).name)
    return (f'<score-part id="P{index}"><part-name>{escape(name)}</part-name>'
            f'<score-instrument id="P{index}-I1"><instrument-name>{instrument}</instrument-name></score-instrument>'
            f'<midi-instrument id="P{index}-I1"><midi-channel>{channel}</midi-channel>'
            f'<midi-program>{program + 1}</midi-program></midi-instrument></score-part>\n')


def _clef(track: Track | None, transposition: Transposition | None) -> str:
    """Bass clef for a part written mostly below middle C, treble otherwise."""
    notes = track.notes if track is not None else ()
    shift = transposition.semitones if transposition else 0
    if notes and sum(n.pitch for n in notes) / len(notes) - shift < 60:
        return "<clef><sign>F</sign><line>4</line></clef>"
    return "<clef><sign>G</sign><line>2</line></clef>"


def _spelling(song: Song, layout: list[Measure], units: Units,
              transposition: Transposition | None) -> list[bool | None]:
    """Per bar: spell black keys with flats (True), sharps (False) or plainly (None), from the key there
    (as the part writes it)."""
    written = transposition.written_fifths if transposition else (lambda fifths: fifths)
    keys = sorted((units.at(k.tick), written(k.key.sharps)) for k in song.keys)
    offsets = [offset for offset, _ in keys]
    result = []
    for bar in layout:
        index = bisect_right(offsets, bar.offset) - 1
        sharps = keys[index][1] if index >= 0 else 0
        result.append(None if sharps == 0 else sharps < 0)
    return result


def _measure(bar: Measure, voices: list[list[Sound]], marks: list[tuple[int, str, bool]], divisions: int,
             first: bool, meter: str, clef: str, flats: bool | None, shift: int = 0) -> str:
    parts = [f'<measure number="{bar.number}">']
    opening = [f"<divisions>{divisions}</divisions>"] if first else []
    opening += [text for offset, text, is_attributes in marks if is_attributes and offset == 0]
    opening += [meter, clef]
    if any(opening):
        parts.append("<attributes>" + "".join(opening) + "</attributes>")
    cursor = 0
    for offset, text, is_attributes in marks:
        if is_attributes and offset == 0:
            continue
        if offset > cursor:
            parts.append(f"<forward><duration>{offset - cursor}</duration></forward>")
            cursor = offset
        parts.append(f"<attributes>{text}</attributes>" if is_attributes else text)
    if cursor > 0:
        parts.append(f"<backup><duration>{cursor}</duration></backup>")
    if not voices:
        parts.append(f'<note><rest measure="yes"/><duration>{bar.length}</duration>'
                     f'<voice>1</voice></note>')
    for number, voice in enumerate(voices, 1):
        if number > 1:
            parts.append(f"<backup><duration>{bar.length}</duration></backup>")
        for sound in voice:
            _sound(parts, sound, number, divisions, flats, shift)
    parts.append("</measure>\n")
    return "".join(parts)


def _sound(parts: list[str], sound: Sound, voice: int, divisions: int, flats: bool | None, shift: int) -> None:
    """A chord, note or rest as one or more tied written notes (`shift`: sounding minus written pitch)."""
    pieces = written(sound.length, divisions)
    last = len(pieces) - 1
    for index, piece in enumerate(pieces):
        looks = _looks(piece, voice)
        duration = f"<duration>{piece.duration}</duration>"
        if not sound.pitches:
            parts.append(f"<note><rest/>{duration}{looks}</note>")
            continue
        stop = index > 0 or sound.tie in ("stop", "continue")
        start = index < last or sound.tie in ("start", "continue")
        ties = ('<tie type="stop"/>' if stop else "") + ('<tie type="start"/>' if start else "")
        tied = ('<tied type="stop"/>' if stop else "") + ('<tied type="start"/>' if start else "")
        notations = f"<notations>{tied}</notations>" if tied else ""
        for head, pitch in enumerate(sound.pitches):
            chord = "<chord/>" if head else ""
            parts.append(f"<note>{chord}{_pitch(pitch - shift, flats)}{duration}{ties}{looks}{notations}</note>")


def _looks(piece, voice: int) -> str:
    """voice, type, dots and tuplet ratio: how a written note is drawn (in MusicXML's element order)."""
    text = f"<voice>{voice}</voice><type>{piece.type}</type>" + "<dot/>" * piece.dots
    if piece.actual != 1:
        text += (f"<time-modification><actual-notes>{piece.actual}</actual-notes>"
                 f"<normal-notes>{piece.normal}</normal-notes></time-modification>")
    return text


@lru_cache(maxsize=None)
def _pitch(pitch: int, flats: bool | None) -> str:
    pitch_class = pitch % 12
    step, alter = step_and_alter(pitch_class, _PLAIN_FLATS.get(pitch_class, False) if flats is None else flats)
    altered = f"<alter>{alter}</alter>" if alter else ""
    return f"<pitch><step>{step}</step>{altered}<octave>{pitch // 12 - 1}</octave></pitch>"
