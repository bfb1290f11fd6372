"""The shipped index: built for the shipped model's data, small, with measured thresholds; it finds a training tune."""
from __future__ import annotations

import pytest

from composer.originality.index import OriginalityIndex
from composer.originality.lines import track_line
from composer.originality.match import song_closeness, track_closeness
from composer.originality.reference import SHIPPED_INDEX, training_index

pytestmark = pytest.mark.skipif(not SHIPPED_INDEX.is_file(), reason="no shipped index")


@pytest.fixture(scope="module")
def shipped():
    return OriginalityIndex.load(SHIPPED_INDEX)


def test_it_is_the_shipped_models_and_a_few_mb(shipped):
    from composer.checkpoint import read_checkpoint_for_growth
    from composer.proposals.loader import DEFAULT_CHECKPOINT

    data_hash = read_checkpoint_for_growth(DEFAULT_CHECKPOINT)["data_hash"]
    assert shipped.data_hash == data_hash and training_index(data_hash) is not None
    assert SHIPPED_INDEX.stat().st_size < 5_000_000 and len(shipped.pieces) > 5000
    rate = shipped.meta["base_rate"]
    for group in ("tune", "parts", "chords"):
        assert shipped.threshold(group) == rate["thresholds"][group] > rate["groups"][group]["p95"]
        assert rate["groups"][group]["false_alarms_per_window"] <= 0.01
    assert not any(name.split(":")[0] == "groove" for name in shipped.pieces[:0])   # drums have no lines
    assert training_index("0000000000000000") is None


def test_a_training_tune_is_found_whole_and_a_held_out_one_is_not_close(shipped, nottingham_ashover1, datasets):
    from composer.data import nottingham

    song = nottingham_ashover1.song
    melody = next(c for c in song_closeness(shipped, song) if c.track == "melody")
    assert (melody.source, melody.piece) == ("nottingham", "ashover1") and melody.close
    line = track_line(next(t for t in song.tracks if t.name == "melody"), song.ticks_per_quarter)
    assert len(line) - 3 <= melody.longest_match_notes <= len(line)        # the whole tune, give or take its ends
    held_out = nottingham.convert(datasets / "nottingham" / "MIDI" / "ashover15.mid")
    assert held_out.split == "validation"
    tune = next(t for t in held_out.song.tracks if t.name == "melody")
    found = track_closeness(shipped, tune, held_out.song.ticks_per_quarter)
    assert not found.close and found.group == "tune"
