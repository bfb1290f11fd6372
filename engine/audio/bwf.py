"""Broadcast WAV: the cue's SMPTE start written into each stem, so a DAW can spot the files to their time.

A film mix session places stems by timecode: Pro Tools, Nuendo and Reaper read
the `bext` chunk's TimeReference (samples since midnight, EBU Tech 3285) and
put a file at that time with "spot to original time" / "move to source
start". The stems export writes it from the song's SMPTE start offset
(engine.timecode), so a cue that starts at 01:00:10:00 lands at 01:00:10:00.

libsndfile writes the WAV; soundfile has no call for the chunk, so it is added
by copying the finished file with the chunk placed after the RIFF header (any
position is allowed, and every WAV reader skips chunks it does not know).
FLAC has no bext chunk; files too large for plain RIFF are left without one.
"""
from __future__ import annotations

import shutil
import struct
from datetime import datetime
from pathlib import Path

BEXT_VERSION = 1
RIFF_LIMIT = 0xFFFFFFFF


def bext_chunk(time_reference: int, description: str, originator: str = "Cadenza",
               now: datetime | None = None) -> bytes:
    """A complete `bext` chunk (id, size, 602-byte version-1 payload, no coding history)."""
    now = now or datetime.now()

    def text(value: str, size: int) -> bytes:
        return value.encode("ascii", "replace")[:size].ljust(size, b"\0")

    payload = b"".join((
        text(description, 256), text(originator, 32), text("", 32),
        text(now.strftime("%Y-%m-%d"), 10), text(now.strftime("%H:%M:%S"), 8),
        struct.pack("<QH", time_reference, BEXT_VERSION),
        bytes(64),  # UMID: none
        bytes(10 + 180),  # loudness values (version 2 fields, zero = not given) and the reserved bytes
    ))
    return b"bext" + struct.pack("<I", len(payload)) + payload


def copy_with_bext(source: Path, target: Path, chunk: bytes) -> bool:
    """Copy the WAV file `source` to `target` with `chunk` after its header; False (plain copy) if it cannot."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        header = src.read(12)
        riff_size = struct.unpack("<I", header[4:8])[0] if len(header) == 12 else 0
        fits = header[:4] == b"RIFF" and header[8:12] == b"WAVE" and riff_size + len(chunk) <= RIFF_LIMIT
        if fits:
            dst.write(b"RIFF" + struct.pack("<I", riff_size + len(chunk)) + b"WAVE" + chunk)
        else:
            dst.write(header)
        shutil.copyfileobj(src, dst, 1 << 20)
    return fits


def read_time_reference(path: Path) -> int | None:
    """The TimeReference of a WAV file's bext chunk, or None without one (for tests and checks)."""
    with open(path, "rb") as file:
        if file.read(12)[8:12] != b"WAVE":
            return None
        while header := file.read(8):
            if len(header) < 8:
                return None
            name, size = header[:4], struct.unpack("<I", header[4:])[0]
            if name == b"bext":
                payload = file.read(size)
                return struct.unpack("<Q", payload[338:346])[0]
            file.seek(size + (size & 1), 1)
    return None
