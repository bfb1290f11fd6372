"""Score-like MIDI files -> parts at 480 ticks, and the Song built around chosen tracks.

The Lieder, orchestra, quartet, Mutopia and Freedoom files are plain MIDI whose
own meter, key and tempo events are right (exported by MuseScore or LilyPond,
or written by hand in a sequencer), so unlike POP909 they need no beat grid:
read with the engine's importer (`engine.midi.read_midi`; music21 on the
MusicXML would be far slower), rescale to 480 ticks per quarter, and merge the
tracks MuseScore writes for one part (a piano's two staves: consecutive tracks
with the same channel and program). Bars the token vocabulary has no meter
for become bars it has (`Timeline`, `bar_pieces`), so every song tokenizes.
What each part becomes (its role) is the caller's rule (composer.data.ensemble).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path

from composer.data.common import DRUM_NOTE_TICKS, TICKS_PER_QUARTER, CorpusSong, rescale_tick
from composer.data.split import split_of
from composer.tokens.vocab import METERS
from engine.keys import KeySignature, estimate_key
from engine.midi import read_midi
from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import DRUM_CHANNEL, Track, TrackRole

EIGHTH_TICKS = TICKS_PER_QUARTER // 2


@dataclass(frozen=True)
class Part:
    """One instrument's notes (its staves merged), at 480 ticks per quarter."""

    name: str
    channel: int
    program: int
    notes: tuple[Note, ...]

    @property
    def drums(self) -> bool:
        return self.channel == DRUM_CHANNEL

    @property
    def mean_pitch(self) -> float:
        return sum(n.pitch for n in self.notes) / len(self.notes)


@dataclass(frozen=True)
class Score:
    """A file's parts (those with notes, in file order) and its song-level maps at 480 ticks."""

    parts: tuple[Part, ...]
    tempos: tuple[TempoChange, ...]
    meters: tuple[TimeSignature, ...]
    keys: tuple[KeySignature, ...]

    def song(self, tracks: list[Track], title: str) -> Song:
        """The Song of `tracks` with this file's tempo, meter and key maps."""
        end = max((t.end_tick for t in tracks), default=0)
        return Song(tracks=tuple(tracks), ticks_per_quarter=TICKS_PER_QUARTER, tempos=self.tempos,
                    meters=self.meters, keys=self.keys, title=title, end_tick=end)


def midi_files(root: Path, folder: str) -> list[Path]:
    """Every MIDI file of a staged score collection (`<folder>/midi/**.mid`), in a stable order."""
    return sorted((root / folder / "midi").rglob("*.mid"))


def file_id(root: Path, folder: str, path: Path) -> str:
    """A file's place in its collection (`Composer/Work/file`, no suffix): its song id."""
    return path.relative_to(root / folder / "midi").with_suffix("").as_posix()


def read_score(path: Path) -> Score:
    source = read_midi(path)
    timeline = Timeline(source)
    parts: list[Part] = []
    for track in source.tracks:
        if not track.notes:
            continue
        notes = [n.with_(start=timeline.tick(n.start), duration=timeline.tick(n.end) - timeline.tick(n.start))
                 for n in track.notes]
        if track.channel == DRUM_CHANNEL:  # hits get the length the tokenizer gives them back
            notes = [n.with_(duration=DRUM_NOTE_TICKS) for n in notes]
        last = parts[-1] if parts else None
        if last and (last.channel, last.program) == (track.channel, track.program):
            parts[-1] = Part(last.name, last.channel, last.program, tuple(sorted(last.notes + tuple(notes))))
        else:
            parts.append(Part(track.name, track.channel, track.program, tuple(sorted(notes))))
    if not parts:
        raise ValueError(f"{path.name}: no notes")
    return Score(tuple(parts), _tempos(source, timeline), timeline.meters(), _keys(source, timeline, parts))


def part_track(track_id: int, part: Part, role: TrackRole, notes: tuple[Note, ...] | None = None,
               name: str | None = None) -> Track:
    """A Track of (some of) a part's notes, keeping its GM program and channel."""
    return Track(track_id, name if name is not None else part.name or role.value, role, program=part.program,
                 channel=part.channel, notes=part.notes if notes is None else notes)


def vocab_meter(numerator: int, denominator: int) -> tuple[int, int]:
    """The meter itself when the tokens have it, else one of the same bar length they have
    (8/8 -> 4/4, 6/16 -> 3/8, 1/2 -> 2/4); unchanged when none."""
    if (numerator, denominator) in METERS:
        return numerator, denominator
    for den in (4, 8, 2):
        num = numerator * den / denominator
        if num == int(num) and (int(num), den) in METERS:
            return int(num), den
    return numerator, denominator


def bar_pieces(numerator: int, denominator: int) -> list[tuple[int, int]]:
    """Token meters whose bars together last one bar of this meter: the meter itself (as
    vocab_meter has it) or, for a bar too long or odd for the tokens (9/4, 10/4, 15/8, 27/8, 3/1),
    near-equal pieces of whole eighths or quarters (9/4 -> 5/4 4/4). A meter that is no whole number
    of eighths (5/16, 1/32) stays as it is (Timeline pads such bars to whole eighths first)."""
    meter = vocab_meter(numerator, denominator)
    if meter in METERS:
        return [meter]
    for unit in (4, 8):
        length = numerator * unit / denominator
        if length != int(length):
            continue
        length = int(length)
        count = -(-length // (8 if unit == 4 else 12))
        sizes = [length // count + (i < length % count) for i in range(count)]
        pieces = [vocab_meter(size, unit) for size in sizes]
        if all(p in METERS for p in pieces):
            return pieces
    return [(numerator, denominator)]


class Timeline:
    """Source ticks -> 480 ticks per quarter, and the meter map there.

    A bar that lasts no whole number of eighths (a 1/16 or 5/16 pickup, a 23/32
    cadenza bar) has no token meter, so it gets silence before its notes up to
    the next whole eighth (1/16 -> 1/8, 5/16 -> 3/8), and everything after it
    moves on by that much; then bar_pieces finds token meters for every bar.
    """

    def __init__(self, source: Song) -> None:
        self._tpq = source.ticks_per_quarter
        by_tick = {rescale_tick(m.tick, self._tpq): (m.numerator, m.denominator) for m in source.meters}
        by_tick.setdefault(0, (4, 4))
        ticks = sorted(by_tick)
        self._end = max(rescale_tick(source.content_end_tick, self._tpq), ticks[-1] + 1)
        self._segments: list[tuple[int, tuple[int, int]]] = []  # (unpadded tick, meter)
        self._pads: list[tuple[int, int]] = []  # (unpadded bar start, total padding up to and with it)
        for tick, following in zip(ticks, ticks[1:] + [self._end]):
            numerator, denominator = by_tick[tick]
            bar = TimeSignature(0, numerator, denominator).bar_ticks(TICKS_PER_QUARTER)
            pad = -bar % EIGHTH_TICKS
            self._segments.append((tick, (numerator, denominator) if not pad else ((bar + pad) // EIGHTH_TICKS, 8)))
            for start in range(tick, following, bar) if pad else ():
                self._pads.append((start, pad + (self._pads[-1][1] if self._pads else 0)))
        self._starts = [start for start, _ in self._pads]

    def tick(self, source_tick: int) -> int:
        """Where a note at `source_tick` goes (after its bar's padding)."""
        tick = rescale_tick(source_tick, self._tpq)
        index = bisect_right(self._starts, tick)
        return tick + (self._pads[index - 1][1] if index else 0)

    def bar_tick(self, source_tick: int, rescaled: bool = False) -> int:
        """Where a bar-line event (meter, tempo, key) at `source_tick` goes (before its bar's padding)."""
        tick = source_tick if rescaled else rescale_tick(source_tick, self._tpq)
        index = bisect_left(self._starts, tick)
        return tick + (self._pads[index - 1][1] if index else 0)

    def meters(self) -> tuple[TimeSignature, ...]:
        """The meter map in token meters: a bar the tokens lack is cut into bars they have (bar_pieces)."""
        meters: list[TimeSignature] = []

        def add(tick: int, meter: tuple[int, int]) -> None:
            if not meters or (meters[-1].numerator, meters[-1].denominator) != meter:
                meters.append(TimeSignature(tick, *meter))

        ends = [tick for tick, _ in self._segments[1:]] + [self._end]
        for (tick, meter), following in zip(self._segments, ends):
            tick, following = self.bar_tick(tick, True), self.bar_tick(following, True)
            pieces = bar_pieces(*meter)
            if len(pieces) == 1:
                add(tick, pieces[0])
                continue
            while tick < following:
                for piece in pieces:
                    if tick >= following:
                        break
                    add(tick, piece)
                    tick += TimeSignature(0, *piece).bar_ticks(TICKS_PER_QUARTER)
        return tuple(meters)


def _tempos(source: Song, timeline: Timeline) -> tuple[TempoChange, ...]:
    tempos: list[TempoChange] = []
    for tempo in source.tempos:
        tick = timeline.bar_tick(tempo.tick)
        if tempos and tempos[-1].tick == tick:
            tempos.pop()
        if not tempos or tempos[-1].us_per_quarter != tempo.us_per_quarter:
            tempos.append(TempoChange(tick, tempo.us_per_quarter))
    return tuple(tempos) or Song().tempos


def _keys(source: Song, timeline: Timeline, parts: list[Part]) -> tuple[KeySignature, ...]:
    """The file's key signatures (one per tick), else the key the pitched notes estimate, else none."""
    by_tick = {timeline.bar_tick(k.tick): k.key for k in source.keys}
    keys: list[KeySignature] = []
    for tick in sorted(by_tick):
        if not keys or keys[-1].key != by_tick[tick]:
            keys.append(KeySignature(tick, by_tick[tick]))
    if keys:
        return tuple(keys)
    key = estimate_key(n for p in parts if not p.drums for n in p.notes)
    return (KeySignature(0, key),) if key is not None else ()


def convert_file(path: Path, source: str, song_id: str, arrange, licence: str, style: str,
                 title: str) -> CorpusSong:
    """The CorpusSong of one score-like MIDI file: `arrange(parts) -> tracks` gives the roles."""
    score = read_score(path)
    song = score.song(arrange(score.parts), title)
    return CorpusSong(source, song_id, song, split_of(source, song_id), licence, style)
