"""The originality post-check inside real proposals (the session's tiny checkpoint) and against a reference folder."""
from __future__ import annotations

import shutil

import pytest

from composer.originality.index import OriginalityError
from composer.originality.reference import folder_index
from composer.proposals import Controls, Region, Task, propose
from engine.track import TrackRole


@pytest.fixture
def reference(tmp_path, datasets):
    """A folder of the user's own material: two real MIDI files."""
    folder = tmp_path / "my songs"
    folder.mkdir()
    for name in ("ashover4", "ashover9"):
        shutil.copy(datasets / "nottingham" / "MIDI" / f"{name}.mid", folder / f"{name}.mid")
    return folder


def copied_region(song):
    """The melody of bars 3-6 with bars 3-5 locked: whatever the model writes, the take quotes 3 bars of the tune."""
    melody = next(t for t in song.tracks if t.role is TrackRole.MELODY)
    meters = song.meter_map
    start, end = meters.bar_start(2), meters.bar_start(5)
    locked = tuple(n for n in melody.notes if start <= n.start and n.end <= end)
    assert len(locked) >= 14
    return Region(2, 5, (melody.id,), {melody.id: locked})


def test_a_take_quoting_the_reference_folder_is_retried_then_says_so(proposal_checkpoint, reference, indexed_tunes):
    song = indexed_tunes["ashover4"]
    controls = Controls(seed=3, candidates=2, max_attempts=2, avoid_close_matches=True, reference_folder=str(reference))
    candidates = propose(song, copied_region(song), Task.MELODY, controls, proposal_checkpoint)
    for candidate in candidates:
        closest = candidate.stats.originality[0]
        assert closest["source"] == "my songs" and closest["piece"] == "ashover4.mid" and closest["close"]
        assert candidate.stats.attempts == 2            # decoded again, as a soft post-check failure is
        assert any("as in my songs #ashover4.mid" in w for w in candidate.warnings)   # none passed: it says so
        assert candidate.stats.to_dict()["originality"][0]["longest_match_notes"] >= 14


def test_without_the_control_the_figures_are_there_and_nothing_is_retried(proposal_checkpoint, reference,
                                                                           indexed_tunes):
    song = indexed_tunes["ashover4"]
    controls = Controls(seed=3, candidates=1, reference_folder=str(reference))
    (candidate,) = propose(song, copied_region(song), Task.MELODY, controls, proposal_checkpoint)
    assert candidate.stats.attempts == 1 and candidate.stats.originality[0]["close"]
    assert not any("as in" in w for w in candidate.warnings)


def test_a_missing_reference_folder_is_a_warning_not_a_failure(proposal_checkpoint, indexed_tunes, tmp_path):
    song = indexed_tunes["ashover4"]
    controls = Controls(seed=1, reference_folder=str(tmp_path / "gone"))
    melody = next(t for t in song.tracks if t.role is TrackRole.MELODY)
    (candidate,) = propose(song, Region(0, 1, (melody.id,)), Task.MELODY, controls, proposal_checkpoint)
    assert any("originality reference" in w and "not a folder" in w for w in candidate.warnings)
    with pytest.raises(OriginalityError, match="no MIDI, MusicXML or Cadenza files"):
        folder_index(tmp_path)
