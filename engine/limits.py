"""How big a song may be: limits no real song meets, checked in one place by every path that takes one in.

An absurd file must not cost minutes and gigabytes before it fails: a 121-byte
MIDI file whose one note lasts millions of bars made `generate` build a grid
of 28 million bars (3.3 GB in 60 s), a project whose end was 10^30 ticks made
`convert` write filler events forever, a 300-track file took 39 s to open and
then failed in the synth. So every way a song comes in (MIDI import, project
load, MusicXML import, hence `generate`, `convert`, `render`, `info` and the
editor's Open) passes `check_song`, which refuses such a song with one line
naming the file before any work scales with its size; `continue` asks
`check_appended_bars` before it adds bars.

The limits sit well above the largest of 10,760 songs in the shared corpus
(benchmarks/corpus_extremes.py; docs/LIMITS.md has the numbers): at most 3,042
bars and 71 minutes (Grieg's first string quartet, repeats played out), 44
tracks (an orchestral score), 76,072 notes, 37 million ticks. A real song is
never refused; a broken or hostile one is refused in milliseconds, because
every check reads only counts and last ticks.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from engine.errors import FileFormatError


class SongTooLargeError(FileFormatError):
    """A song past one of the limits: `source: reason and the limit` (a file that cannot be used, like any
    other FileFormatError, so `cadenza info` reports it per file)."""


@dataclass(frozen=True, slots=True)
class Limits:
    bars: int = 20_000            # 6.6 x the longest song measured; 11 hours of 4/4 at 120 bpm
    seconds: float = 6 * 3600     # 5 x the longest song measured (a render of it takes minutes, not hours)
    tracks: int = 250             # the player and renderer give each track a synth channel: at most 253 (schedule)
    notes: int = 1_000_000        # 13 x the most notes measured
    events: int = 2_000_000       # MIDI channel events in a file (read before notes exist): ~4 s and ~400 MB
    ticks: int = 2**29 - 1        # the roll, zoomed all the way in (2 px a tick), stays in Qt's 32-bit pixels
    appended_bars: int = 128      # what one Continue adds (a sketch has at most 128 bars too)
    project_bytes: int = 256 * 2**20  # a .cadenza file (1M notes take ~60 MB of JSON), read whole before parsing

    def as_dict(self) -> dict:
        return asdict(self)


LIMITS = Limits()


def check_song(song, source: str, limits: Limits = LIMITS) -> None:
    """Raise SongTooLargeError (one line naming `source`) for a song past a limit; cheap for any song."""
    if len(song.tracks) > limits.tracks:
        raise SongTooLargeError(source, f"{len(song.tracks)} tracks; Cadenza plays at most {limits.tracks}")
    notes = song.note_count
    if notes > limits.notes:
        raise SongTooLargeError(source, f"{notes:,} notes; Cadenza opens at most {limits.notes:,}")
    check_ticks(song, source, limits)
    length = song.length_ticks
    # Bars from the tempo-free meter map: the last meter change plus whole bars after it (no bar list is built).
    bars = song.meter_map.bar_count(length)
    if bars > limits.bars:
        raise SongTooLargeError(source, f"{bars:,} bars long; Cadenza opens songs of at most {limits.bars:,} bars")
    seconds = song.duration_seconds
    if seconds > limits.seconds:
        raise SongTooLargeError(source, f"{seconds / 3600:.1f} hours long; Cadenza opens songs of at most "
                                        f"{limits.seconds / 3600:.0f} hours")


def check_ticks(song, source: str, limits: Limits = LIMITS) -> None:
    """Raise SongTooLargeError when the song ends past the last tick (what a writer checks: a 300-track song
    made in the editor may still be exported, one that ends at tick 10^30 may not)."""
    length = song.length_ticks
    if length > limits.ticks:
        raise SongTooLargeError(source, f"it ends at tick {_short(length)}, past the last tick Cadenza can "
                                        f"place ({limits.ticks:,})")


def check_appended_bars(song, count: int, limits: Limits = LIMITS) -> None:
    """Raise SongTooLargeError when `count` bars are more than one Continue adds, or would take `song` past
    the bar limit."""
    if count > limits.appended_bars:
        raise SongTooLargeError(f"+{count} bars", f"continue adds at most {limits.appended_bars} bars at a time")
    total = song.bar_count() + count
    if total > limits.bars:
        raise SongTooLargeError(f"+{count} bars", f"the song would be {total:,} bars long; at most "
                                                  f"{limits.bars:,}")


def _short(value: int) -> str:
    """A huge tick count readable in one line (10^30 is 31 digits)."""
    text = f"{value:,}"
    return text if len(text) <= 20 else f"{value:.3g}"
