"""Grid window + mask -> token ids, in the infilling layout (MMM / Composer's Assistant style).

    BOS METER KEY TEMPO [STYLE]              context of the window's first bar (style when known)
    TRK_CHORDS  TRK_0 ROLE_x  TRK_1 ROLE_y   the lanes (chord lane first)
    BAR_0 [METER] [KEY]                      meter/key only where they change
      TRK_CHORDS <chord events>              a lane's cell; an empty cell is left out
      TRK_0 MASK                             a masked cell: to be filled
      TRK_1 <note events>
    BAR_1 ...
    SEP
    BAR_0 TRK_0 DENS POLY RANGE <events> FILL_END   one fill per masked cell, in sequence order
    ...

Bar-major order keeps a bar's cells together, so a melody cell is written
right after the chords it sits on. A fill repeats its bar and lane tokens, so
the model never has to count masks to know what it is filling, and starts with
its cell controls, which a user can fix (constrained decoding) or leave to the
model. Note events: POS (once per onset), VEL (only when it changes within the
cell), PITCH, DUR (not for drums). Chord events: POS, then ROOT QUAL [CBASS]
or NOCHORD. One model then does melody, chords, bass, drums, fills,
continuation: only the mask differs.
"""
from __future__ import annotations

from collections.abc import Collection

from composer.tokens.grid import ChordMark, Grid, NoteEvent, cell_controls, song_grid
from composer.tokens.vocab import MAX_BARS, MAX_TRACKS, VOCAB, Vocabulary
from engine.chords import QUALITIES
from engine.song import Song

CHORD_LANE = "chords"  # the chord lane's name in a mask: (bar, CHORD_LANE)
_QUALITY_INDEX = {q: i for i, q in enumerate(QUALITIES)}


def encode(source: Song | Grid, mask: Collection[tuple[int, int | str]] = (), bars: range | None = None,
           vocab: Vocabulary = VOCAB) -> list[int]:
    """Token ids of `bars` (song bar numbers, default all) with the `mask` cells to fill.

    A mask cell is (song bar, track id) or (song bar, CHORD_LANE).
    """
    grid = source if isinstance(source, Grid) else song_grid(source)
    bars = bars if bars is not None else range(grid.bar_count)
    if not 0 < len(bars) <= MAX_BARS or bars.step != 1 or bars.start < 0 or bars.stop > grid.bar_count:
        raise ValueError(f"bars {bars} must be 1..{MAX_BARS} consecutive bars of the {grid.bar_count}")
    lane_index = {(CHORD_LANE if lane.is_chords else lane.track_id): i for i, lane in enumerate(grid.lanes)}
    masked = set()
    for bar, lane in mask:
        if bar not in bars or lane not in lane_index:
            raise ValueError(f"mask cell ({bar}, {lane!r}) is outside the window or names no lane")
        masked.add((bar, lane_index[lane]))
    writer = _Writer(vocab, grid)
    writer.header(bars.start)
    fills = []
    for bar in bars:
        writer.bar_start(bar, bar - bars.start)
        for i in range(len(grid.lanes)):
            if (bar, i) in masked:
                writer.lane(i)
                writer.add("MASK")
                fills.append((bar, i))
            elif grid.cells[bar][i]:
                writer.lane(i)
                writer.events(i, grid.cells[bar][i])
    writer.add("SEP")
    for bar, i in fills:
        writer.add(f"BAR_{bar - bars.start}")
        writer.lane(i)
        if not grid.lanes[i].is_chords:
            density, polyphony, span = cell_controls(grid.cells[bar][i])
            writer.ids += [vocab.member("DENS", density), vocab.member("POLY", polyphony), vocab.member("RANGE", span)]
        writer.events(i, grid.cells[bar][i])
        writer.add("FILL_END")
    return writer.ids


def cell_tokens(grid: Grid, bar: int, lane: int, vocab: Vocabulary = VOCAB) -> list[int]:
    """The ids a context cell costs: its lane token and events (nothing when it is empty)."""
    if not grid.cells[bar][lane]:
        return []
    writer = _Writer(vocab, grid, check_tracks=False)
    writer.lane(lane)
    writer.events(lane, grid.cells[bar][lane])
    return writer.ids


class _Writer:
    """Appends tokens by name; knows how each kind of cell is spelled."""

    def __init__(self, vocab: Vocabulary, grid: Grid, check_tracks: bool = True) -> None:
        """`check_tracks=False` for pricing one cell of a grid with more lanes than a window holds (an
        orchestral score): a lane beyond the 8th is renumbered when a window picks it, so its lane
        token here is a stand-in of the same length (the last TRK)."""
        self.vocab, self.grid, self.ids = vocab, grid, []
        numbered = [i for i, lane in enumerate(grid.lanes) if not lane.is_chords]
        if check_tracks and len(numbered) > MAX_TRACKS:
            raise ValueError(f"{len(numbered)} tracks; a window holds at most {MAX_TRACKS}")
        self.track_numbers: dict[int, int] = {lane: min(n, MAX_TRACKS - 1) for n, lane in enumerate(numbered)}

    def add(self, name: str) -> None:
        self.ids.append(self.vocab.id(name))

    def header(self, first_bar: int) -> None:
        grid = self.grid
        self.add("BOS")
        self.add(_meter(grid.meters[first_bar]))
        self.add(_key(grid.keys[first_bar]))
        self.add(f"TEMPO_{grid.tempo_bpm}")
        if grid.style is not None:
            self.add(f"STYLE_{grid.style}")
        for i, lane in enumerate(grid.lanes):
            self.lane(i)
            if not lane.is_chords:
                self.add(f"ROLE_{'drums' if lane.drums else lane.role}")

    def bar_start(self, bar: int, number: int) -> None:
        self.add(f"BAR_{number}")
        if number and self.grid.meters[bar] != self.grid.meters[bar - 1]:
            self.add(_meter(self.grid.meters[bar]))
        if number and self.grid.keys[bar] != self.grid.keys[bar - 1]:
            self.add(_key(self.grid.keys[bar]))

    def lane(self, i: int) -> None:
        self.add("TRK_CHORDS" if self.grid.lanes[i].is_chords else f"TRK_{self.track_numbers[i]}")

    def events(self, i: int, events: tuple) -> None:
        if self.grid.lanes[i].is_chords:
            for mark in events:
                self._chord(mark)
        else:
            self._notes(events, self.grid.lanes[i].drums)

    def _chord(self, mark: ChordMark) -> None:
        self.add(f"POS_{mark.pos}")
        if mark.chord is None:
            self.add("NOCHORD")
            return
        self.add(f"ROOT_{mark.chord.root}")
        self.ids.append(self.vocab.member("QUAL", _QUALITY_INDEX[mark.chord.quality]))
        if mark.chord.bass is not None and mark.chord.bass != mark.chord.root:
            self.add(f"CBASS_{mark.chord.bass}")

    def _notes(self, events: tuple[NoteEvent, ...], drums: bool) -> None:
        pos = velocity = None
        for event in events:
            if event.pos != pos:
                pos = event.pos
                self.add(f"POS_{pos}")
            if event.velocity != velocity:
                velocity = event.velocity
                self.add(f"VEL_{velocity}")
            self.add(f"PITCH_{event.pitch}")
            if not drums:
                self.add(f"DUR_{event.duration}")


def _meter(meter: tuple[int, int]) -> str:
    return f"METER_{meter[0]}/{meter[1]}"


def _key(key: tuple[int, str] | None) -> str:
    return "KEY_NONE" if key is None else f"KEY_{key[0]}_{key[1]}"
