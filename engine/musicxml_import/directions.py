"""The marks of a measure that are not notes: directions, `<sound>` and barlines.

Why apart from measures.py: the part reader's hard job is the time cursor (notes, chords, voices, graces,
backup and forward). What this module reads is simpler and only needs to know where the cursor is: dynamics
(`<sound dynamics>` or the mark itself), tempo (`<sound tempo>`, else `<metronome>`), rehearsal marks, repeat
signs, volta brackets and jumps (segno, coda, da capo, dal segno, fine), written into the `Measure` at the
tick it is given. What a piano roll cannot show (hairpins, pedal marks, lines, accent dynamics) is counted in
`ignored`, as measures.py does for notes.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from engine.musicxml_import.measure_data import Measure

# Dynamics marks -> MIDI velocity (MusicXML's own scale: f = 90, i.e. <sound dynamics="100">).
DYNAMICS = {"pppppp": 8, "ppppp": 12, "pppp": 18, "ppp": 28, "pp": 40, "p": 54, "mp": 67, "mf": 80, "f": 90,
            "ff": 104, "fff": 116, "ffff": 124, "fffff": 126, "ffffff": 127, "n": 8}
BEAT_UNITS = {"maxima": 32.0, "long": 16.0, "breve": 8.0, "whole": 4.0, "half": 2.0, "quarter": 1.0, "eighth": 0.5,
              "16th": 0.25, "32nd": 0.125, "64th": 0.0625, "128th": 0.03125}
JUMPS = ("segno", "coda", "dacapo", "dalsegno", "tocoda", "fine")
IGNORED_DIRECTIONS = {"wedge": "crescendo and diminuendo hairpins", "pedal": "pedal marks",
                      "bracket": "lines and brackets", "dashes": "lines and brackets"}


def read_direction(element: ET.Element, measure: Measure, at: int, ignored: Counter[str]) -> None:
    """Dynamics, tempo (`<sound tempo>` beats `<metronome>`), rehearsal marks, segno and coda of one `<direction>`
    at tick `at`; hairpins, pedal marks and lines are counted in `ignored`."""
    metronome = None
    for direction_type in element.iter("direction-type"):
        for child in direction_type:
            tag = child.tag
            if tag == "dynamics":
                for mark in child:
                    if mark.tag in DYNAMICS:
                        measure.dynamics.append((at, DYNAMICS[mark.tag]))
                    else:
                        ignored["accent dynamics (sf, sfz, fp, ...)"] += 1
            elif tag == "metronome":
                metronome = metronome_bpm(child)
            elif tag == "rehearsal" and child.text and child.text.strip():
                measure.rehearsals.append((at, child.text.strip()))
            elif tag in IGNORED_DIRECTIONS:
                ignored[IGNORED_DIRECTIONS[tag]] += 1
            elif tag in ("segno", "coda"):
                measure.jumps.setdefault(tag, "1")
    sound = element.find("sound")
    if sound is not None:
        read_sound(sound, measure, at)
        if sound.get("tempo"):
            metronome = None
    if metronome:
        measure.tempos.append((at, metronome))


def read_sound(sound: ET.Element, measure: Measure, at: int) -> None:
    """A `<sound>` (alone in the measure or inside a direction): its tempo, its exact dynamics, its jumps."""
    tempo = sound.get("tempo")
    if tempo:
        try:
            bpm = float(tempo)
        except ValueError:
            bpm = 0
        if bpm > 0:
            measure.tempos.append((at, bpm))
    dynamics = sound.get("dynamics")
    if dynamics:
        velocity = dynamics_velocity(dynamics)
        if velocity:
            if measure.dynamics and measure.dynamics[-1][0] == at:
                measure.dynamics[-1] = (at, velocity)  # the exact value beats the mark's
            else:
                measure.dynamics.append((at, velocity))
    for jump in JUMPS:
        value = sound.get(jump)
        if value:
            measure.jumps[jump] = value


def read_barline(element: ET.Element, measure: Measure, in_ending: tuple[int, ...]) -> tuple[int, ...]:
    """Repeat signs, volta brackets, segno and coda of a `<barline>`; returns the volta numbers the next
    measures belong to (`in_ending`, changed where a bracket starts or stops)."""
    repeat = element.find("repeat")
    if repeat is not None:
        if repeat.get("direction") == "forward":
            measure.forward_repeat = True
        elif repeat.get("direction") == "backward":
            try:
                times = int(repeat.get("times") or 2)
            except ValueError:
                times = 2
            measure.backward_repeat = max(2, min(times, 16))
    ending = element.find("ending")
    if ending is not None:
        kind = ending.get("type")
        numbers = tuple(int(n) for n in re.findall(r"\d+", ending.get("number") or "")) or (1,)
        if kind == "start":
            in_ending = numbers
            measure.endings = numbers
            measure.ending_start = True
        elif kind in ("stop", "discontinue"):
            measure.endings = measure.endings or numbers
            in_ending = ()
    for child in element:
        if child.tag in ("segno", "coda"):
            measure.jumps.setdefault(child.tag, "1")
    return in_ending


def dynamics_velocity(text: str) -> int:
    """MIDI velocity of a `dynamics` attribute (percent of f: 100 is 90); 0 when it is not a number."""
    try:
        return max(1, min(127, round(float(text) * 90 / 100)))
    except ValueError:
        return 0


def metronome_bpm(element: ET.Element) -> float | None:
    """Quarter notes per minute from `<metronome>` (a beat unit, dots, per-minute)."""
    unit = BEAT_UNITS.get((element.findtext("beat-unit") or "").strip())
    match = re.search(r"\d+(\.\d+)?", element.findtext("per-minute") or "")
    if unit is None or match is None:
        return None
    dots = len(element.findall("beat-unit-dot"))
    return float(match.group()) * unit * (2 - 0.5 ** dots)
