"""MusicXML export, so a sketch can continue in MuseScore, Dorico or Sibelius.

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

The XML is written by our own writer (engine/musicxml_export/), not music21:
a 49,558-note symphony movement takes seconds instead of ten minutes and a
gigabyte (docs/MUSICXML_EXPORT.md). music21 remains the independent reader
the tests and benchmarks/musicxml_roundtrip.py check the output with.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from os import PathLike
from pathlib import Path

from engine.atomic import atomic_write_via
from engine.errors import CadenzaError
from engine.musicxml_export.writer import write_score
from engine.song import Song

MUSICXML_SUFFIXES = (".musicxml", ".xml", ".mxl")
_MXL_CONTAINER = ('<?xml version="1.0" encoding="UTF-8"?>\n<container><rootfiles>'
                  '<rootfile full-path="score.musicxml" media-type="application/vnd.recordare.musicxml+xml"/>'
                  '</rootfiles></container>\n')


class MusicXmlExportError(CadenzaError):
    """The score could not be built or written: `path: reason`."""

    def __init__(self, path: str | PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: cannot export MusicXML: {reason}")


class ExportCancelled(Exception):
    """Raised by a progress callback to stop an export; the target is left as it was."""


def export_musicxml(song: Song, path: str | PathLike[str],
                    progress: Callable[[float], None] | None = None) -> list[str]:
    """Write `song` as MusicXML (`.mxl`: compressed) atomically; returns the names of skipped drum tracks.

    `progress` hears 0..1 as parts are written; raising ExportCancelled from it stops the export and
    leaves the target untouched."""
    target = Path(path)
    compressed = target.suffix.lower() == ".mxl"
    try:
        atomic_write_via(target, lambda temp: (_write_mxl if compressed else _write_xml)(song, temp, progress))
    except (CadenzaError, ExportCancelled):
        raise
    except (ValueError, ArithmeticError) as error:  # a song the writer cannot notate: one line, no traceback
        raise MusicXmlExportError(target, str(error).splitlines()[0] if str(error) else type(error).__name__) from None
    return [track.name or f"track {track.id}" for track in song.tracks if track.is_drums]


def _write_xml(song: Song, temp: Path, progress) -> None:
    with open(temp, "w", encoding="utf-8", newline="\n") as out:
        write_score(song, out, progress)


def _write_mxl(song: Song, temp: Path, progress) -> None:
    """A compressed MusicXML file: the mimetype first and stored, the container, then the score."""
    with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.recordare.musicxml",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", _MXL_CONTAINER)
        with archive.open("score.musicxml", "w") as raw, io.TextIOWrapper(raw, "utf-8", newline="\n") as out:
            write_score(song, out, progress)
