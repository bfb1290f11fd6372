"""POP909 -> Songs: melody, second melody, piano split into bass and accompaniment.

The MIDI's time signatures are wrong (1/4, 2/4) and its tempo map has an event
per beat, so bars, meter and tempo come from `beat_midi.txt` (see
composer.data.beatgrid), chords from `chord_midi.txt` (seconds; `G:maj`,
`A:min7`, `C:maj/5`) and the key from `key_audio.txt`. Seconds become source
ticks through the MIDI's own tempo map, then grid ticks through the beats.

Tracks: MELODY -> melody, BRIDGE -> other (a second melody: counter-lines and
instrumental hooks), PIANO -> bass + accompaniment by register: at every onset
(notes starting on the same 1/12-beat step) the lowest note goes to bass when it
is below `BASS_SPLIT_PITCH` and no earlier bass note still sounds under it,
everything else to accompaniment (so a left-hand arpeggio keeps only its root;
the rule is composer.data.texture.split_bass, shared with the score sources). The `versions/`
arrangements of each song are skipped: they would put near-copies of a
validation song into training.
"""
from __future__ import annotations

import statistics
from pathlib import Path

from composer.data.beatgrid import BeatGrid, bar_lengths
from composer.data.common import TICKS_PER_QUARTER, CorpusSong
from composer.data.split import split_of
from composer.data.texture import BASS_SPLIT_PITCH, ONSET_STEP, split_bass  # noqa: F401 (BASS_SPLIT_PITCH: the rule's pitch, read by tests)
from engine.chords import ChordEvent, ChordParseError, parse_chord
from engine.keys import KeySignature, parse_key
from engine.midi import read_midi
from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import Track, TrackRole

SOURCE = "pop909"
LICENCE = "MIT"
STYLE = "pop"


def song_dirs(root: Path) -> list[Path]:
    """The song folders (NNN/ with NNN.mid), in id order."""
    base = root / "pop909"
    return sorted(d for d in base.iterdir() if d.is_dir() and (d / f"{d.name}.mid").exists())


def convert(song_dir: Path) -> CorpusSong:
    song_id = song_dir.name
    source = read_midi(song_dir / f"{song_id}.mid")
    beats = _read_rows(song_dir / "beat_midi.txt")
    tempo_map = source.tempo_map
    grid = BeatGrid(tuple(tempo_map.tick(float(row[0])) for row in beats), TICKS_PER_QUARTER)
    bars = bar_lengths([float(r[2]) == 1 for r in beats], [float(r[1]) == 1 for r in beats], len(beats))

    moved = {t.name: [_move(n, grid) for n in t.notes] for t in source.tracks}
    shift = _pickup_shift(moved, bars)
    meters = _meters(bars, shift)
    tracks = _tracks(moved, shift)
    chords = _chords(song_dir / "chord_midi.txt", tempo_map, grid, shift)
    keys = _keys(song_dir / "key_audio.txt", tempo_map, grid, shift)
    tempos = _tempos(beats, shift)
    end = max((n.end for t in tracks for n in t.notes), default=0)
    song = Song(tracks=tuple(tracks), ticks_per_quarter=TICKS_PER_QUARTER, tempos=tempos, meters=meters,
                keys=keys, chords=chords, title=f"POP909 {song_id}", end_tick=end)
    return CorpusSong(SOURCE, song_id, song, split_of(SOURCE, song_id), LICENCE, STYLE)


def _read_rows(path: Path) -> list[list[str]]:
    return [line.split() for line in path.read_text().splitlines() if line.strip()]


def _move(note: Note, grid: BeatGrid) -> tuple[int, int, int, int]:
    start = grid.to_grid(note.start)
    end = max(start, grid.to_grid(note.end))
    return start, note.pitch, end - start, note.velocity


def _pickup_shift(moved: dict[str, list[tuple]], bars: list[int]) -> int:
    """Ticks to add so nothing starts before 0: whole bars of the first bar's length."""
    earliest = min((n[0] for notes in moved.values() for n in notes), default=0)
    if earliest >= 0:
        return 0
    bar = bars[0] * TICKS_PER_QUARTER
    return -(earliest // bar) * bar


def _meters(bars: list[int], shift: int) -> tuple[TimeSignature, ...]:
    meters = [TimeSignature(0, bars[0], 4)] if shift else []
    tick = shift
    for beats in bars:
        if not meters or meters[-1].numerator != beats:
            meters.append(TimeSignature(tick, beats, 4))
        tick += beats * TICKS_PER_QUARTER
    return tuple(meters)


def _tracks(moved: dict[str, list[tuple]], shift: int) -> list[Track]:
    def notes(rows):
        return tuple(Note(start=s + shift, pitch=p, duration=d, velocity=v) for s, p, d, v in rows)

    bass, accompaniment = split_bass(notes(moved.get("PIANO", [])))
    return [
        Track(1, "melody", TrackRole.MELODY, channel=0, notes=notes(moved.get("MELODY", []))),
        Track(2, "bridge", TrackRole.OTHER, channel=1, notes=notes(moved.get("BRIDGE", []))),
        Track(3, "bass", TrackRole.BASS, channel=2, notes=bass),
        Track(4, "piano", TrackRole.ACCOMPANIMENT, channel=3, notes=accompaniment),
    ]


def _chords(path: Path, tempo_map, grid: BeatGrid, shift: int) -> tuple[ChordEvent, ...]:
    events: list[ChordEvent] = []
    for start, _end, label in _read_rows(path):
        tick = grid.to_grid(tempo_map.tick(float(start))) + shift
        tick = max(0, round(tick / ONSET_STEP) * ONSET_STEP)
        chord = _parse_label(label)
        if events and events[-1].tick == tick:
            events.pop()
        if not events or events[-1].chord != chord:
            events.append(ChordEvent(tick, chord))
    return tuple(events)


def _parse_label(label: str):
    """A POP909 chord label; an extension we do not know keeps its root and triad."""
    try:
        return parse_chord(label)
    except ChordParseError:
        root, _, rest = label.partition(":")
        triad = "min" if rest.startswith("min") else "dim" if rest.startswith("dim") else "maj"
        return parse_chord(f"{root}:{triad}")


def _keys(path: Path, tempo_map, grid: BeatGrid, shift: int) -> tuple[KeySignature, ...]:
    keys = []
    for i, (start, _end, label) in enumerate(_read_rows(path)):
        tick = 0 if i == 0 else max(0, grid.to_grid(tempo_map.tick(float(start))) + shift)
        keys.append(KeySignature(tick, parse_key(label.replace(":", " "))))
    return tuple(keys)


def _tempos(beats: list[list[str]], shift: int) -> tuple[TempoChange, ...]:
    """One tempo per 8 beats (median beat length), kept when it moves by 2% or more."""
    seconds = [float(r[0]) for r in beats]
    tempos: list[TempoChange] = []
    for first in range(0, len(seconds) - 1, 8):
        lengths = [b - a for a, b in zip(seconds[first:first + 9], seconds[first + 1:first + 9])]
        us = round(statistics.median(lengths) * 1e6)
        if not tempos or abs(us - tempos[-1].us_per_quarter) > 0.02 * tempos[-1].us_per_quarter:
            tempos.append(TempoChange(0 if not tempos else first * TICKS_PER_QUARTER + shift, us))
    return tuple(tempos)
