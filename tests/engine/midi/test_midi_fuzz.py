"""Random and mutated bytes: the reader answers with a Song or a one-line MidiFileError, nothing else."""
import struct
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from engine.midi import MidiFileError, MidiImport, import_midi_bytes, midi_bytes

REAL_BYTES = [p.read_bytes() for p in sorted((Path(__file__).parents[2] / "data" / "midi").glob("*.mid"))]
fuzz = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_or_refuse(data: bytes) -> None:
    try:
        result = import_midi_bytes(data, "fuzz.mid")
    except MidiFileError as error:
        assert "\n" not in str(error) and str(error).startswith("fuzz.mid: ")
        return
    assert isinstance(result, MidiImport)
    assert result.song.duration_seconds >= 0
    # Whatever we accepted, we can write and read back.
    import_midi_bytes(midi_bytes(result.song))


@fuzz
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    read_or_refuse(data)


@fuzz
@given(st.integers(0, 3), st.integers(0, 70000), st.integers(0, 0xFFFF), st.binary(max_size=3000))
def test_valid_header_then_random_track_bytes(smf_format, declared, division, body):
    data = b"MThd" + struct.pack(">IHHH", 6, smf_format, declared % 65536, division)
    read_or_refuse(data + b"MTrk" + struct.pack(">I", len(body)) + body)


@st.composite
def mutated_real_files(draw):
    data = bytearray(draw(st.sampled_from(REAL_BYTES)))
    for _ in range(draw(st.integers(1, 12))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if action == "flip" and position < len(data):
            data[position] = draw(st.integers(0, 255))
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[position:position + draw(st.integers(1, 8))]
        elif action == "truncate":
            del data[position:]
    return bytes(data)


@fuzz
@given(mutated_real_files())
def test_mutated_real_files(data):
    read_or_refuse(data)
