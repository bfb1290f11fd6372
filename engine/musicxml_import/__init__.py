"""MusicXML import: `.musicxml`, `.xml` and compressed `.mxl` scores from notation programs -> `Song`.

Reading goes file -> XML bytes (container.py: unzips .mxl) -> element tree
(tree.py: ElementTree's C parser, chunked for progress) -> measures per part
(measures.py) -> play order (repeats.py) -> Song (score.py, where the policies
live; docs/MIDI_IMPORT.md says them for users). We read the XML ourselves
rather than through music21: on a 20-part, 28,000-note symphony movement this
reader takes about a quarter of music21's time (benchmarks/bench_musicxml_import.py),
and music21 stays the independent reader the round-trip check compares against
(benchmarks/musicxml_roundtrip.py).

Every failure is a `MusicXmlFileError` (a `FileFormatError`: one line naming
the file); nothing else escapes, whatever the file holds.
"""
from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from os import PathLike

from engine.musicxml_import.container import score_bytes
from engine.musicxml_import.errors import MusicXmlFileError
from engine.musicxml_import.score import build_song
from engine.musicxml_import.tree import parse_score
from engine.song import Song

__all__ = ["MusicXmlFileError", "MusicXmlImport", "import_musicxml", "read_musicxml"]
PARSE_SHARE = 0.6  # of the progress bar: reading the XML; the rest is the parts


@dataclass(frozen=True, slots=True)
class MusicXmlImport:
    """A read score: the song, and one line per kind of thing left out or changed on the way."""

    song: Song
    warnings: tuple[str, ...]
    measure_starts: tuple[int, ...]  # the tick of each measure, in playing order

    @property
    def measures(self) -> int:
        """Measures as played (written measures, when repeats are kept folded)."""
        return len(self.measure_starts)


def import_musicxml(path: str | PathLike[str], unfold: bool = True,
                    progress: Callable[[float], None] | None = None, play_cues: bool = False) -> MusicXmlImport:
    """Read a MusicXML score; `unfold` plays repeats out (the default), `progress` hears 0..1, `play_cues`
    plays cue notes (silent by MusicXML's definition; music21 plays them, so the check against it does too)."""
    # The element tree is a million small objects without cycles; the cyclic garbage collector would walk
    # them again and again (0.75 s of a 2.4 s Bruckner movement, in pauses of up to 160 ms that also stall
    # the UI thread). It is off while we read and back on after, whatever happens.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import(str(path), unfold, progress or (lambda fraction: None), play_cues)
    finally:
        if collecting:
            gc.enable()


def _import(name: str, unfold: bool, report: Callable[[float], None], play_cues: bool) -> MusicXmlImport:
    data = score_bytes(name)
    root = parse_score(name, data, lambda f: report(f * PARSE_SHARE))
    del data
    try:
        song, warnings, starts = build_song(name, root, unfold, lambda f: report(PARSE_SHARE + f * (1 - PARSE_SHARE)),
                                            play_cues)
    except (ValueError, TypeError, ArithmeticError) as error:  # a value no check foresaw: still one line
        raise MusicXmlFileError(name, f"unusable content: {str(error).splitlines()[0] if str(error) else error!r}") from None
    report(1.0)
    return MusicXmlImport(song, tuple(warnings), tuple(starts))


def read_musicxml(path: str | PathLike[str], unfold: bool = True) -> Song:
    """The song in a MusicXML score (see `import_musicxml`)."""
    return import_musicxml(path, unfold).song
