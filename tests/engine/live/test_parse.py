"""What keyboards send, as raw bytes: running status, velocity-0 note-offs, pedal, bend, dense chords."""
from __future__ import annotations

import mido
from keyboard import cc, off, on

from engine.live.parse import StreamParser, is_note_off, is_note_on, messages_from_bytes


def test_running_status_is_expanded():
    # One status byte, then three more note-ons and their velocity-0 note-offs: 12 messages.
    data = bytes([0x90, 60, 100, 64, 90, 67, 80, 72, 70, 60, 0, 64, 0, 67, 0, 72, 0])
    messages = messages_from_bytes(data)
    assert [m.note for m in messages] == [60, 64, 67, 72, 60, 64, 67, 72]
    assert [is_note_on(m) for m in messages] == [True] * 4 + [False] * 4
    assert all(is_note_off(m) for m in messages[4:])
    # mido's own parser drops the running-status bytes: this is why StreamParser exists.
    parser = mido.Parser()
    parser.feed(data)
    assert len(list(parser)) == 1


def test_running_status_survives_chunks_and_real_time_bytes():
    parser = StreamParser()
    assert parser.feed([0xB0, 64, 127, 1]) == [cc(64, 127)]
    # The rest of a running-status CC arrives later, with a MIDI clock byte in the middle of it.
    assert parser.feed([0xF8, 20]) == [mido.Message("clock"), cc(1, 20)]
    assert parser.feed([0xE0, 0x00, 0x40, 0x7F, 0x7F]) == [mido.Message("pitchwheel", pitch=0),
                                                          mido.Message("pitchwheel", pitch=8191)]
    # Program change has one data byte; running status repeats it too.
    assert [m.program for m in parser.feed([0xC1, 5, 6])] == [5, 6]


def test_system_messages_cancel_running_status():
    data = [0x90, 60, 100, 0xF0, 0x7E, 0x01, 0xF7, 62, 90, 0x80, 60, 64]
    messages = messages_from_bytes(data)
    assert [m.type for m in messages] == ["note_on", "sysex", "note_off"]  # 62 90 has no status: dropped
    assert is_note_off(off(60, zero_velocity_on=False)) and not is_note_off(on(60))


def test_plain_streams_round_trip_like_mido():
    import random
    rng = random.Random(7)
    kinds = [lambda: on(rng.randrange(128), rng.randrange(1, 128)), lambda: off(rng.randrange(128), False),
             lambda: cc(rng.randrange(120), rng.randrange(128)),
             lambda: mido.Message("pitchwheel", pitch=rng.randrange(-8192, 8192)),
             lambda: mido.Message("program_change", program=rng.randrange(128)),
             lambda: mido.Message("aftertouch", value=rng.randrange(128)),
             lambda: mido.Message("sysex", data=[rng.randrange(128) for _ in range(5)])]
    sent = [rng.choice(kinds)() for _ in range(500)]
    data = b"".join(bytes(m.bytes()) for m in sent)
    parser = StreamParser()
    received = [m for i in range(0, len(data), 7) for m in parser.feed(data[i:i + 7])]
    assert received == sent
