"""Raw MIDI bytes to mido messages, and the two facts about note messages every consumer needs.

Keyboards on a serial/DIN link (and captures of one) use running status: after
`90 3C 64` a keyboard may send just `3E 5A` for the next note-on. mido 1.3's
`Parser` does not expand it (it drops those bytes), so `StreamParser` restores
the status byte first and then lets mido build the messages. Real-time bytes
(clock, active sensing) may sit anywhere, even inside another message, and do
not cancel running status; system common messages and sysex do.

rtmidi ports already deliver whole messages; this is for recordings of raw
bytes and for byte-level tests of what keyboards send.
"""
from __future__ import annotations

from collections.abc import Iterable

import mido

_SYSEX_START, _SYSEX_END = 0xF0, 0xF7
_SYSTEM_COMMON_DATA = {0xF1: 1, 0xF2: 2, 0xF3: 1, 0xF6: 0}


def _data_length(status: int) -> int:
    return 1 if 0xC0 <= status < 0xE0 else 2


class StreamParser:
    """A byte-stream parser that keeps running status across `feed` calls."""

    def __init__(self) -> None:
        self._parser = mido.Parser()
        self._running = 0     # the channel status that data bytes continue, 0 if none
        self._missing = 0     # data bytes the current message still needs
        self._in_sysex = False

    def feed(self, data: Iterable[int]) -> list[mido.Message]:
        """The complete messages `data` finishes, in order (note-on velocity 0 stays a note-on; see is_note_off)."""
        expanded = bytearray()
        for byte in data:
            if byte >= 0xF8:                   # real-time: passes through, changes nothing
                expanded.append(byte)
            elif byte >= 0x80:
                expanded.append(byte)
                self._in_sysex = byte == _SYSEX_START
                if byte < _SYSEX_START:
                    self._running, self._missing = byte, _data_length(byte)
                else:                          # system common and sysex end cancel running status
                    self._running, self._missing = 0, _SYSTEM_COMMON_DATA.get(byte, 0)
            elif self._in_sysex:
                expanded.append(byte)
            else:
                if self._missing == 0 and self._running:
                    expanded.append(self._running)
                    self._missing = _data_length(self._running)
                expanded.append(byte)
                self._missing = max(0, self._missing - 1)
        self._parser.feed(bytes(expanded))
        return list(self._parser)


def messages_from_bytes(data: Iterable[int]) -> list[mido.Message]:
    """All messages in a raw MIDI byte capture, running status expanded."""
    return StreamParser().feed(data)


def is_note_on(message: mido.Message) -> bool:
    return message.type == "note_on" and message.velocity > 0


def is_note_off(message: mido.Message) -> bool:
    """A note-off, including the note-on with velocity 0 that most keyboards send instead."""
    return message.type == "note_off" or (message.type == "note_on" and message.velocity == 0)
