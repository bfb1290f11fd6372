"""The editor refuses what the composer cannot do, in one line, and keeps working: a damaged model, a melody
on a drum kit. Real widgets and a real tiny checkpoint (damaged here for the purpose)."""
from __future__ import annotations

import pytest
import torch

from composer.checkpoint import read_checkpoint, save_checkpoint
from editor_helpers import make_song, seeded_proposals, select_bars
from engine.edits import NotesEdit
from engine.notes import Note
from engine.track import Track, TrackRole
from test_proposal_workflow import generate


@pytest.fixture
def song():
    kit = Track(id=3, name="Kit", role=TrackRole.DRUMS, channel=9,
                notes=(Note(start=0, pitch=36, duration=120, velocity=100),))
    base = make_song()
    return base.with_(tracks=base.tracks + (kit,), end_tick=base.meter_map.bar_start(4))


@pytest.fixture
def composer(window, proposal_checkpoint):
    return seeded_proposals(window, proposal_checkpoint, takes=1)


def status_line(composer) -> str:
    text = composer.panel.status.text()
    assert "\n" not in text
    return text


def test_a_damaged_model_is_refused_and_the_editor_keeps_working(qtbot, window, composer, proposal_checkpoint,
                                                                  tmp_path):
    record = read_checkpoint(proposal_checkpoint)
    weights = record["ema"] if record.get("ema") is not None else record["model"]
    next(iter(weights.values())).fill_(float("nan"))
    save_checkpoint(tmp_path / "nan.pt", {k: v for k, v in record.items() if k != "weights_sha256"})
    composer.model_path = str(tmp_path / "nan.pt")
    original = window.session.song
    select_bars(window, 0, 0)
    assert generate(qtbot, composer, task="melody") == "failed"
    assert "not finite numbers" in status_line(composer)
    assert window.session.song == original and composer.takes == []
    assert window.session.push(NotesEdit(1, added=(Note(start=1920, pitch=67, duration=240, velocity=90),)))
    window.session.undo_stack.undo()
    assert window.session.song == original
    assert composer.panel.generate.isEnabled()  # a good model chosen later works again


def test_a_damaged_model_is_said_as_soon_as_it_is_loaded(qtbot, window, composer, proposal_checkpoint, tmp_path):
    damaged = tmp_path / "damaged.pt"
    record = read_checkpoint(proposal_checkpoint)
    weights = record["ema"] if record.get("ema") is not None else record["model"]
    next(iter(weights.values())).zero_()
    torch.save(record, damaged)  # the undamaged weights' checksum over a zeroed tensor
    composer.model_path = str(damaged)
    with qtbot.waitSignal(composer.warm.finished, timeout=120_000) as warmed:
        assert composer.warm.start()
    assert warmed.args == ["failed"]
    text = status_line(composer)
    assert text.startswith("No proposals: ") and "do not match their checksum" in text and str(damaged) in text


def test_a_melody_on_the_drum_kit_is_refused_before_the_model_runs(qtbot, window, composer):
    original = window.session.song
    window.session.set_current_track(3)
    select_bars(window, 0, 0)
    assert composer.region.track_ids == (3,)
    assert generate(qtbot, composer, task="melody") == "failed"
    assert "track 'Kit' is a drum kit: a melody part is written on a pitched track" in status_line(composer)
    assert window.session.song == original and composer.takes == []


def test_the_write_box_follows_the_selected_track(qtbot, window, composer):
    """Selecting a track offers its own part; a task that names no part (Fill, a variation) stays as chosen."""
    panel, session = composer.panel, window.session
    panel.set_task("melody")
    written = []
    for track_id in (3, 2, 1, 3):
        session.set_current_track(track_id)
        written.append(panel.settings()["task"])
    assert written == ["drums", "bass", "melody", "drums"]                    # Kit, Bass, Melody, Kit
    panel.set_task("variation-rhythm")
    session.set_current_track(1)
    assert panel.settings()["task"] == "variation-rhythm"
