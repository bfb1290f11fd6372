"""Our parser against mido, an independent reference, on real files.

For each file: every note as (channel, pitch, start tick, end tick, velocity),
paired first-in-first-out per track in the reference too and closed at the
track's end when left open, and the duration in seconds (mido's
MidiFile.length: the time of the last event, end-of-track included).
"""
from pathlib import Path

import mido
import pytest

from engine.midi import MidiFileError, import_midi
from mido_reference import our_notes, per_channel, reference_notes

DATA = Path(__file__).parents[2] / "data" / "midi"
REAL_FILES = sorted(DATA.glob("*.mid"))
SAMPLE_SIZE = 200  # every n-th file of all the datasets, in path order


def assert_same_as_mido(path: Path, mid: mido.MidiFile) -> None:
    result = import_midi(path)
    assert result.ticks_per_quarter == mid.ticks_per_beat
    assert result.smf_format == mid.type
    ours, reference = our_notes(result.song), reference_notes(mid)
    assert per_channel(ours) == per_channel(reference)
    assert ours == reference
    if mid.type != 2:  # mido refuses the length of asynchronous files
        assert result.song.duration_seconds == pytest.approx(mid.length, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_real_files_match_mido(path):
    assert_same_as_mido(path, mido.MidiFile(path))


def dataset_sample(datasets: Path) -> list[Path]:
    files = sorted(p for p in datasets.rglob("*") if p.suffix.lower() in (".mid", ".midi"))
    step = max(1, len(files) // SAMPLE_SIZE)
    return files[::step]


def test_dataset_sample_matches_mido(datasets):
    sample = dataset_sample(datasets)
    assert sample, f"no MIDI files under {datasets}"
    compared = 0
    for path in sample:
        try:
            mid = mido.MidiFile(path)
        except (OSError, ValueError, EOFError, KeyError):
            # mido gives up on this one; ours must still answer with a song or a one-line error.
            try:
                import_midi(path)
            except MidiFileError:
                pass
            continue
        assert_same_as_mido(path, mid)
        compared += 1
    assert compared >= len(sample) * 0.9
