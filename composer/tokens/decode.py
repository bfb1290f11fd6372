"""Token ids -> cells (with the fills put into the masked ones) -> engine notes and chords.

`decode` is strict: a sequence that breaks the layout of composer.tokens.encode
raises ValueError naming the token and what was expected, so a grammar bug
never turns silently into wrong notes. (The sampler will only allow grammatical
tokens, so at generation time this never fires.)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from composer.tokens.grid import ChordMark, Grid, Lane, NoteEvent
from composer.tokens.vocab import (
    DRUM_STEPS, DURATION_STEPS, KEY_MODES, METERS, ROLES, STEPS_PER_QUARTER, STYLES, TEMPOS_BPM, VELOCITIES, VOCAB, Vocabulary,
)
from engine.chords import QUALITIES, Chord, ChordEvent
from engine.keys import Key, KeySignature
from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import DRUM_CHANNEL, Track, TrackRole

_QUALITY_NAMES = tuple(QUALITIES)


@dataclass
class Decoded:
    """What a token sequence says. Cells and fills are keyed (window bar, lane index)."""

    tempo_bpm: int
    lanes: list[Lane] = field(default_factory=list)
    meters: list[tuple[int, int]] = field(default_factory=list)
    keys: list[tuple[int, str] | None] = field(default_factory=list)
    cells: dict[tuple[int, int], tuple] = field(default_factory=dict)
    masked: list[tuple[int, int]] = field(default_factory=list)
    fills: dict[tuple[int, int], tuple] = field(default_factory=dict)
    controls: dict[tuple[int, int], tuple[int, int, int]] = field(default_factory=dict)
    style: str | None = None

    def grid(self) -> Grid:
        """The window as a grid, every masked cell holding its fill (empty if none came)."""
        steps = [0]
        for numerator, denominator in self.meters:
            steps.append(steps[-1] + numerator * STEPS_PER_QUARTER * 4 // denominator)
        cells = tuple(tuple(self.fills.get((b, i), self.cells.get((b, i), ())) for i in range(len(self.lanes)))
                      for b in range(len(self.meters)))
        return Grid(tuple(self.lanes), tuple(steps), tuple(self.meters), tuple(self.keys), self.tempo_bpm, cells,
                    self.style)


def decode(ids: list[int], vocab: Vocabulary = VOCAB) -> Decoded:
    return _Reader(ids, vocab).read()


class _Reader:
    def __init__(self, ids: list[int], vocab: Vocabulary) -> None:
        self.ids, self.vocab, self.at = list(ids), vocab, 0

    # --- token access ---------------------------------------------------
    def peek_group(self) -> str | None:
        return self.vocab.group_of(self.ids[self.at]) if self.at < len(self.ids) else None

    def peek_name(self) -> str | None:
        return self.vocab.name(self.ids[self.at]) if self.at < len(self.ids) else None

    def take(self, group: str) -> int:
        if self.at >= len(self.ids):
            raise ValueError(f"sequence ends where a {group} token was expected")
        index = self.vocab.index_in(group, self.ids[self.at])
        self.at += 1
        return index

    def take_name(self, name: str) -> None:
        if self.peek_name() != name:
            raise ValueError(f"token {self.at}: expected {name}, got {self.peek_name()}")
        self.at += 1

    def take_key(self) -> tuple[int, str] | None:
        if self.peek_name() == "KEY_NONE":
            self.at += 1
            return None
        index = self.take("KEY")
        return index % 12, KEY_MODES[index // 12]

    def take_lane(self, lanes: list[Lane]) -> int:
        name = self.peek_name()
        if name == "TRK_CHORDS":
            self.at += 1
            number = None
        else:
            number = self.take("TRK")
        for i, lane in enumerate(lanes):
            if lane.track_id == number:
                return i
        raise ValueError(f"token {self.at - 1}: lane {name} was not declared in the header")

    # --- layout ---------------------------------------------------------
    def read(self) -> Decoded:
        self.take_name("BOS")
        meter = METERS[self.take("METER")]
        key = self.take_key()
        out = Decoded(TEMPOS_BPM[self.take("TEMPO")])
        if self.peek_group() == "STYLE":
            out.style = STYLES[self.take("STYLE")]
        while self.peek_name() == "TRK_CHORDS" or self.peek_group() == "TRK":
            if self.peek_name() == "TRK_CHORDS":
                self.at += 1
                out.lanes.append(Lane(None, "chords"))
            else:
                number = self.take("TRK")
                role = ROLES[self.take("ROLE")]
                out.lanes.append(Lane(number, role, role == "drums"))
        while self.peek_group() == "BAR":
            bar = self.take("BAR")
            if bar != len(out.meters):
                raise ValueError(f"token {self.at - 1}: bar {bar} out of order (expected {len(out.meters)})")
            if self.peek_group() == "METER":
                meter = METERS[self.take("METER")]
            if self.peek_group() == "KEY" or self.peek_name() == "KEY_NONE":
                key = self.take_key()
            out.meters.append(meter)
            out.keys.append(key)
            while self.peek_name() == "TRK_CHORDS" or self.peek_group() == "TRK":
                lane = self.take_lane(out.lanes)
                if self.peek_name() == "MASK":
                    self.at += 1
                    out.masked.append((bar, lane))
                else:
                    out.cells[bar, lane] = self.events(out.lanes[lane])
        self.take_name("SEP")
        for bar, lane in out.masked:
            if self.at == len(self.ids):
                break  # fills not generated (yet): the masked cells stay empty
            self.take_name(f"BAR_{bar}")
            if self.take_lane(out.lanes) != lane:
                raise ValueError(f"token {self.at - 1}: fill for the wrong lane (expected lane {lane} of bar {bar})")
            if not out.lanes[lane].is_chords:
                out.controls[bar, lane] = (self.take("DENS"), self.take("POLY"), self.take("RANGE"))
            out.fills[bar, lane] = self.events(out.lanes[lane])
            self.take_name("FILL_END")
        if self.at != len(self.ids):
            raise ValueError(f"token {self.at}: unexpected {self.peek_name()} after the last fill")
        return out

    def events(self, lane: Lane) -> tuple:
        return self.chord_marks() if lane.is_chords else self.note_events(lane.drums)

    def note_events(self, drums: bool) -> tuple[NoteEvent, ...]:
        events, pos, velocity = [], None, None
        while self.peek_group() in ("POS", "VEL", "PITCH"):
            group = self.peek_group()
            if group == "POS":
                pos = self.take("POS")
            elif group == "VEL":
                velocity = VELOCITIES[self.take("VEL")]
            else:
                if pos is None or velocity is None:
                    raise ValueError(f"token {self.at}: a pitch needs a POS and a VEL before it")
                pitch = self.take("PITCH")
                duration = 0 if drums else DURATION_STEPS[self.take("DUR")]
                events.append(NoteEvent(pos, pitch, duration, velocity))
        return tuple(events)

    def chord_marks(self) -> tuple[ChordMark, ...]:
        marks = []
        while self.peek_group() == "POS":
            pos = self.take("POS")
            if self.peek_name() == "NOCHORD":
                self.at += 1
                marks.append(ChordMark(pos, None))
                continue
            root = self.take("ROOT")
            quality = _QUALITY_NAMES[self.take("QUAL")]
            bass = self.take("CBASS") if self.peek_group() == "CBASS" else None
            marks.append(ChordMark(pos, Chord(root, quality, bass)))
        return tuple(marks)


def cell_notes(events: tuple[NoteEvent, ...], bar_start_step: int, ticks_per_quarter: int, drums: bool) -> list[Note]:
    """A note cell's events as engine notes (ticks from the song start)."""
    def ticks(steps: int) -> int:
        return round(steps * ticks_per_quarter / STEPS_PER_QUARTER)

    return [Note(start=ticks(bar_start_step + e.pos), pitch=e.pitch,
                 duration=ticks(DRUM_STEPS if drums else e.duration), velocity=e.velocity) for e in events]


def grid_to_song(grid: Grid, ticks_per_quarter: int = 480) -> Song:
    """A Song holding exactly what the grid says: one track per note lane, the chord lane, meters, keys, tempo."""
    def ticks(steps: int) -> int:
        return round(steps * ticks_per_quarter / STEPS_PER_QUARTER)

    tracks, chords = [], []
    for i, lane in enumerate(grid.lanes):
        column = [(b, grid.cells[b][i]) for b in range(grid.bar_count)]
        if lane.is_chords:
            for b, marks in column:
                if not marks or marks[0].pos != 0:
                    chords.append(ChordEvent(ticks(grid.bar_steps[b]), None))
                chords += [ChordEvent(ticks(grid.bar_steps[b] + m.pos), m.chord) for m in marks]
            continue
        notes = [n for b, cell in column for n in cell_notes(cell, grid.bar_steps[b], ticks_per_quarter, lane.drums)]
        channel = DRUM_CHANNEL if lane.drums else len(tracks) + (len(tracks) >= DRUM_CHANNEL)
        tracks.append(Track(len(tracks) + 1, lane.role, TrackRole(lane.role), channel=channel, notes=tuple(notes)))
    meters, keys = [], []
    for b in range(grid.bar_count):
        if not b or grid.meters[b] != grid.meters[b - 1]:
            meters.append(TimeSignature(ticks(grid.bar_steps[b]), *grid.meters[b]))
        if grid.keys[b] is not None and (not b or grid.keys[b] != grid.keys[b - 1]):
            keys.append(KeySignature(ticks(grid.bar_steps[b]), Key(*grid.keys[b])))
    merged = [c for j, c in enumerate(chords) if not j or c.chord != chords[j - 1].chord]
    return Song(tracks=tuple(tracks), ticks_per_quarter=ticks_per_quarter,
                tempos=(TempoChange.from_bpm(0, grid.tempo_bpm),), meters=tuple(meters), keys=tuple(keys),
                chords=tuple(merged), end_tick=ticks(grid.bar_steps[-1]))
