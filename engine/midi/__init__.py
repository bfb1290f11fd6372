"""MIDI file import and export: `read_midi`, `import_midi`, `write_midi`, `midi_bytes`.

Reading goes bytes -> raw tracks (smf_reader, our own parser) -> Song
(song_builder, where the pairing and mapping policies live). A file that cannot
be read raises `MidiFileError` (a `FileFormatError`: one line, naming the file)
and nothing else. Writing produces format 1 (smf_writer), atomically.
See docs/MIDI_IMPORT.md for the policies in user terms.
"""
from __future__ import annotations

from dataclasses import dataclass
from os import PathLike

from engine.input_file import read_input_file
from engine.limits import SongTooLargeError
from engine.midi.smf_reader import MidiFileError, parse_smf
from engine.midi.smf_writer import midi_bytes, write_midi
from engine.midi.song_builder import build_song
from engine.song import Song

__all__ = ["MidiFileError", "MidiImport", "import_midi", "import_midi_bytes", "midi_bytes", "read_midi", "write_midi"]

# Far above any real song (the largest we have seen is a few MB); refusing
# bigger inputs keeps a mistaken path (a disk image, a video) from eating memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class MidiImport:
    """A read song plus what the file itself said and what was repaired on the way."""

    song: Song
    smf_format: int
    ticks_per_quarter: int  # the file's own resolution (for SMPTE files: fps x ticks per frame)
    track_chunks: int
    warnings: tuple[str, ...]


def import_midi(path: str | PathLike[str]) -> MidiImport:
    """Read a Standard MIDI File with everything we learned about it."""
    return import_midi_bytes(_read_file(path), str(path))


def read_midi(path: str | PathLike[str]) -> Song:
    """Read a Standard MIDI File into a Song (see `import_midi` for the details)."""
    return import_midi(path).song


def import_midi_bytes(data: bytes, name: str = "<bytes>") -> MidiImport:
    """Like `import_midi` for bytes in memory (clipboard, drag and drop, tests); errors name `name`."""
    smf = parse_smf(data, name)
    try:
        song, warnings = build_song(smf, name)
    except SongTooLargeError as error:  # still the reader's one error type (engine.limits says why)
        raise MidiFileError(name, error.reason) from None
    except ValueError as error:  # a model check we did not foresee: still one line, never a traceback
        raise MidiFileError(name, f"unusable content: {error}") from None
    return MidiImport(song, smf.format, song.ticks_per_quarter, len(smf.tracks), tuple(warnings))


def _read_file(path: str | PathLike[str]) -> bytes:
    return read_input_file(path, MidiFileError, "MIDI file", MAX_FILE_BYTES)
