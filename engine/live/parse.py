"""Raw MIDI bytes to mido messages, and the two facts about note messages every consumer needs.

Keyboards on a serial/DIN link (and captures of one) use running status: after
`90 3C 64` a keyboard may send just `3E 5A` for the next note-on. mido 1.3's
`Parser` drops those bytes, and it also throws away a message that a
real-time byte (clock, active sensing) interrupts, which the MIDI spec allows.
So `StreamParser` frames the messages itself and lets mido's
`Message.from_bytes` build each one. System common messages and sysex cancel
running status; real-time bytes do not, and come out where they arrived.

rtmidi ports already deliver whole messages; this is for recordings of raw
bytes and for byte-level tests of what keyboards send.
"""
from __future__ import annotations

from collections.abc import Iterable

import mido

_SYSEX_START, _SYSEX_END = 0xF0, 0xF7
_SYSTEM_COMMON_DATA = {0xF1: 1, 0xF2: 2, 0xF3: 1, 0xF6: 0}
_REAL_TIME = frozenset({0xF8, 0xFA, 0xFB, 0xFC, 0xFE, 0xFF})  # the defined ones; 0xF9/0xFD are ignored


def _data_length(status: int) -> int:
    return 1 if 0xC0 <= status < 0xE0 else 2


class StreamParser:
    """A byte-stream parser that keeps running status (and a half-received message) across `feed` calls."""

    def __init__(self) -> None:
        self._running = 0                 # the channel status that bare data bytes continue, 0 if none
        self._message = bytearray()       # the message being received
        self._missing = 0                 # data bytes it still needs (sysex: until 0xF7)

    def feed(self, data: Iterable[int]) -> list[mido.Message]:
        """The complete messages `data` finishes, in order (note-on velocity 0 stays a note-on; see is_note_off)."""
        messages = []
        for byte in data:
            if byte >= 0xF8:
                if byte in _REAL_TIME:
                    messages.append(mido.Message.from_bytes([byte]))
            elif byte == _SYSEX_END:
                if self._message[:1] == bytes([_SYSEX_START]):
                    self._message.append(byte)
                    messages.append(mido.Message.from_bytes(self._message))
                self._message.clear()
                self._running = 0
            elif byte >= 0x80:
                self._message[:] = bytes([byte])
                self._running = byte if byte < _SYSEX_START else 0
                self._missing = _data_length(byte) if byte < _SYSEX_START else _SYSTEM_COMMON_DATA.get(byte, -1)
                if byte >= _SYSEX_START and byte not in _SYSTEM_COMMON_DATA and byte != _SYSEX_START:
                    self._message.clear()  # undefined status (0xF4, 0xF5): ignored
                elif self._missing == 0:
                    messages.append(mido.Message.from_bytes(self._message))
                    self._message.clear()
            elif self._message[:1] == bytes([_SYSEX_START]):
                self._message.append(byte)
            else:
                if not self._message and self._running:
                    self._message[:] = bytes([self._running])
                    self._missing = _data_length(self._running)
                if not self._message:
                    continue  # a stray data byte with no status to belong to
                self._message.append(byte)
                self._missing -= 1
                if self._missing == 0:
                    messages.append(mido.Message.from_bytes(self._message))
                    self._message.clear()
        return messages


def messages_from_bytes(data: Iterable[int]) -> list[mido.Message]:
    """All messages in a raw MIDI byte capture, running status expanded."""
    return StreamParser().feed(data)


def is_note_on(message: mido.Message) -> bool:
    return message.type == "note_on" and message.velocity > 0


def is_note_off(message: mido.Message) -> bool:
    """A note-off, including the note-on with velocity 0 that most keyboards send instead."""
    return message.type == "note_off" or (message.type == "note_on" and message.velocity == 0)
