"""Standard MIDI File bytes -> raw tracks: our own parser, fast and forgiving.

Why not mido: mido builds and validates a Python object per message, which
costs more than everything else an import does, and it gives up on quirks that
real files are full of. This reader walks the bytes once and keeps each track's
channel events as plain tuples `(tick, status, data1, data2)` in file order and
its meta events as `(tick, type, payload)`; turning them into a `Song` is
engine.midi.song_builder's job.

What it forgives (each noted in `SmfFile.warnings`, none fatal):
- running status, also across meta and sysex events (the spec says those cancel
  it; files in the wild rely on it surviving, and no valid file breaks if we
  let it survive);
- a data byte with no running status yet (skipped), stray system-common bytes
  (skipped with their data), sysex F0 and escape F7 events (skipped by their
  variable length);
- a missing end-of-track (the track ends at its last event), an event cut off
  by the chunk's end (dropped), bytes after end-of-track (ignored), a
  variable-length number over 4 bytes (the rest of that track is ignored);
- a header track count that differs from the MTrk chunks present (we read
  what is there), unknown chunk types (skipped), trailing bytes that are not a
  chunk (ignored).

What it refuses with `MidiFileError` (one line, naming the file): no MThd
header, a header too short, an SMF format other than 0/1/2, a division of zero,
a track chunk that claims more bytes than the file holds, and more channel and
meta events than engine.limits allows (counted as they are read, so memory stays bounded). Every loop
consumes at least one byte per step, so any input ends in time linear in its
size; no other exception type escapes `parse_smf`.

SMPTE division (frames per second x ticks per frame instead of ticks per
quarter) has no quarter notes; `SmfFile.smpte` holds (fps, ticks per frame) and
the builder maps it onto a fixed tempo (see engine.midi.song_builder).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from engine.errors import FileFormatError
from engine.limits import LIMITS


class MidiFileError(FileFormatError):
    """A file that is not a readable Standard MIDI File: `path: reason`."""


@dataclass(slots=True)
class RawTrack:
    """One MTrk chunk as read: events in file order, ticks absolute."""

    channel_events: list[tuple[int, int, int, int]] = field(default_factory=list)
    meta_events: list[tuple[int, int, bytes]] = field(default_factory=list)
    end_tick: int = 0
    has_end_of_track: bool = False


@dataclass(slots=True)
class SmfFile:
    format: int
    division: int  # ticks per quarter (0 with SMPTE timing)
    smpte: tuple[int, int] | None  # (frames per second code, ticks per frame)
    declared_tracks: int
    tracks: list[RawTrack]
    warnings: list[str]


# Data bytes that follow each status high nibble (0x80..0xE0).
_DATA_LENGTH = {0x80: 2, 0x90: 2, 0xA0: 2, 0xB0: 2, 0xC0: 1, 0xD0: 1, 0xE0: 2}
# System-common/real-time bytes are not legal in a file; skip them with the data
# they would carry on the wire.
_SYSTEM_DATA_LENGTH = {0xF1: 1, 0xF2: 2, 0xF3: 1}
_META = 0xFF
_END_OF_TRACK = 0x2F


def parse_smf(data: bytes, path: str, max_events: int = LIMITS.events) -> SmfFile:
    """Parse a whole file's bytes; raise MidiFileError naming `path` if it is unusable or holds more than
    `max_events` channel and meta events (21 million fit in the 64 MB a file may have: gigabytes of tuples)."""
    if not data:
        raise MidiFileError(path, "empty file")
    if data[:4] != b"MThd":
        raise MidiFileError(path, "not a MIDI file (no MThd header)")
    if len(data) < 14:
        raise MidiFileError(path, f"header is truncated: {len(data)} bytes")
    header_length = int.from_bytes(data[4:8], "big")
    if header_length < 6:
        raise MidiFileError(path, f"header chunk is too short ({header_length} bytes, need 6)")
    smf_format = int.from_bytes(data[8:10], "big")
    declared = int.from_bytes(data[10:12], "big")
    division = int.from_bytes(data[12:14], "big")
    if smf_format not in (0, 1, 2):
        raise MidiFileError(path, f"unknown MIDI file format {smf_format} (expected 0, 1 or 2)")
    smpte = None
    if division & 0x8000:
        fps, ticks_per_frame = 256 - (division >> 8), division & 0xFF
        if ticks_per_frame == 0:
            raise MidiFileError(path, "SMPTE division has 0 ticks per frame")
        smpte, division = (fps, ticks_per_frame), 0
    elif division == 0:
        raise MidiFileError(path, "ticks per quarter note is 0")

    warnings: list[str] = []
    tracks: list[RawTrack] = []
    pos = 8 + header_length
    size = len(data)
    events = 0  # channel and meta events read so far
    while pos + 8 <= size:
        chunk_id = data[pos:pos + 4]
        length = int.from_bytes(data[pos + 4:pos + 8], "big")
        body = pos + 8
        remaining = size - body
        if chunk_id == b"MTrk":
            if length > remaining:
                raise MidiFileError(path, f"track {len(tracks) + 1} is truncated: chunk says {length} bytes, "
                                          f"{remaining} remain")
            try:
                tracks.append(_read_track(data[body:body + length], len(tracks) + 1, warnings, max_events - events))
                events += len(tracks[-1].channel_events) + len(tracks[-1].meta_events)
            except _TooManyEvents:
                raise MidiFileError(path, f"more than {max_events:,} MIDI events; Cadenza reads files of at most "
                                          f"{max_events:,}") from None
        elif all(32 <= c < 127 for c in chunk_id):
            if length > remaining:
                warnings.append(f"unknown chunk {chunk_id.decode('ascii')!r} is truncated; ignored")
                break
            warnings.append(f"skipped unknown chunk {chunk_id.decode('ascii')!r} ({length} bytes)")
        else:
            warnings.append(f"ignored {remaining + 8} bytes after the last chunk")
            break
        pos = body + length
    if 0 < size - pos < 8:
        warnings.append(f"ignored {size - pos} bytes after the last chunk")
    if len(tracks) != declared:
        warnings.append(f"header declares {declared} tracks, file holds {len(tracks)}; read what is there")
    return SmfFile(smf_format, division, smpte, declared, tracks, warnings)


def _read_track(chunk: bytes, number: int, warnings: list[str], budget: int) -> RawTrack:
    """Walk one MTrk body. The hot loop: locals only, one tuple per event. More than `budget` channel and meta
    events raise _TooManyEvents; every event takes 2 bytes or more, so only a chunk over twice the budget counts."""
    track = RawTrack()
    events = track.channel_events
    append = events.append
    metas = track.meta_events
    data_length = _DATA_LENGTH
    end = len(chunk)
    pos = 0
    tick = 0
    status = 0  # running status; 0 = none yet
    stray = 0
    counting = end > 2 * budget
    try:
        while pos < end:
            byte = chunk[pos]
            pos += 1
            if byte & 0x80:  # delta time: a variable-length number, usually one byte
                delta, pos = _read_varlen(chunk, pos - 1)
                tick += delta
            else:
                tick += byte
            byte = chunk[pos]
            if byte < 0x80:  # running status: the status byte was left out
                if not status:
                    stray += 1
                    pos += 1
                    continue
            elif byte < 0xF0:
                status = byte
                pos += 1
            else:
                pos += 1
                if byte == _META:
                    kind = chunk[pos]
                    length, pos = _read_varlen(chunk, pos + 1)
                    if pos + length > end:
                        raise IndexError
                    if kind == _END_OF_TRACK:
                        track.has_end_of_track = True
                        break
                    if counting and len(events) + len(metas) >= budget:
                        raise _TooManyEvents
                    metas.append((tick, kind, chunk[pos:pos + length]))
                    pos += length
                elif byte == 0xF0 or byte == 0xF7:
                    length, pos = _read_varlen(chunk, pos)
                    if pos + length > end:
                        raise IndexError
                    pos += length
                else:
                    stray += 1
                    pos += _SYSTEM_DATA_LENGTH.get(byte, 0)
                continue
            if counting and len(events) + len(metas) >= budget:
                raise _TooManyEvents
            if data_length[status & 0xF0] == 2:  # (the chunk is a copy: reading past it raises)
                append((tick, status, chunk[pos], chunk[pos + 1]))
                pos += 2
            else:
                append((tick, status, chunk[pos], 0))
                pos += 1
    except IndexError:
        warnings.append(f"track {number}: last event is cut off by the end of its chunk; dropped")
    except _BadVarlen:
        warnings.append(f"track {number}: a length or delta time longer than 4 bytes at byte {pos}; "
                        f"the rest of the track is ignored")
    if stray:
        warnings.append(f"track {number}: skipped {stray} stray byte(s) that were not valid events")
    if not track.has_end_of_track:
        warnings.append(f"track {number} has no end-of-track event; it ends at its last event")
    track.end_tick = tick
    return track


class _TooManyEvents(Exception):
    """More channel events than engine.limits allows: the file is refused before it fills memory."""


class _BadVarlen(Exception):
    """A variable-length number longer than the 4 bytes the format allows: the track is garbage from here."""


def _read_varlen(data: bytes, pos: int) -> tuple[int, int]:
    """A variable-length quantity at `pos`: (value, position after it).

    Capped at 4 bytes (28 bits) as the spec says, so garbage cannot make a
    tick too large to turn into seconds.
    """
    value = 0
    for pos in range(pos, pos + 4):
        byte = data[pos]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, pos + 1
    raise _BadVarlen
