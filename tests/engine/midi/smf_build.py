"""Assemble Standard MIDI File bytes by hand, quirks included, for the reader tests.

Deliberately independent of engine.midi's writer: the tests must be able to
build files our writer would never produce (running status, sysex, missing
end-of-track, lying headers, SMPTE division, unknown chunks).
"""
from __future__ import annotations

import struct


def varlen(value: int) -> bytes:
    groups = [value & 0x7F]
    while value > 0x7F:
        value >>= 7
        groups.append(0x80 | (value & 0x7F))
    return bytes(reversed(groups))


def chunk(kind: bytes, body: bytes, declared_length: int | None = None) -> bytes:
    length = len(body) if declared_length is None else declared_length
    return kind + struct.pack(">I", length) + body


def header(smf_format: int = 1, tracks: int = 1, division: int = 480) -> bytes:
    return chunk(b"MThd", struct.pack(">HHH", smf_format, tracks, division))


def smpte_division(fps: int, ticks_per_frame: int) -> int:
    """The header's division word for SMPTE timing (negative fps in the high byte)."""
    return ((256 - fps) << 8) | ticks_per_frame


def track(*events: tuple[int, bytes], end_of_track: bool = True) -> bytes:
    """An MTrk chunk from (delta, event bytes) pairs; event bytes may omit the status (running status)."""
    body = b"".join(varlen(delta) + data for delta, data in events)
    if end_of_track:
        body += b"\x00\xff\x2f\x00"
    return chunk(b"MTrk", body)


def smf(*tracks: bytes, smf_format: int = 1, division: int = 480, declared: int | None = None) -> bytes:
    return header(smf_format, len(tracks) if declared is None else declared, division) + b"".join(tracks)


def on(pitch: int, velocity: int = 100, channel: int = 0) -> bytes:
    return bytes((0x90 | channel, pitch, velocity))


def off(pitch: int, channel: int = 0) -> bytes:
    return bytes((0x80 | channel, pitch, 64))


def cc(controller: int, value: int, channel: int = 0) -> bytes:
    return bytes((0xB0 | channel, controller, value))


def program(number: int, channel: int = 0) -> bytes:
    return bytes((0xC0 | channel, number))


def bend(value: int, channel: int = 0) -> bytes:
    raw = value + 8192
    return bytes((0xE0 | channel, raw & 0x7F, raw >> 7))


def meta(kind: int, payload: bytes) -> bytes:
    return bytes((0xFF, kind)) + varlen(len(payload)) + payload


def text_meta(kind: int, text: str) -> bytes:
    return meta(kind, text.encode("latin-1"))


def name(text: str) -> bytes:
    return text_meta(0x03, text)


def tempo(us_per_quarter: int) -> bytes:
    return meta(0x51, us_per_quarter.to_bytes(3, "big"))


def time_signature(numerator: int, denominator_power: int) -> bytes:
    return meta(0x58, bytes((numerator, denominator_power, 24, 8)))


def key_signature(sharps: int, minor: bool) -> bytes:
    return meta(0x59, bytes((sharps & 0xFF, int(minor))))


def sysex(payload: bytes, kind: int = 0xF0) -> bytes:
    return bytes((kind,)) + varlen(len(payload)) + payload
