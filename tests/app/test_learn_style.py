"""Compose › Learn a style…: the real dialog offscreen, learning with a real tiny checkpoint on real MIDI files in a
spawned process; the result it shows, Cancel writing nothing, bad folders in one line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

MIDI = Path(__file__).resolve().parents[1] / "data" / "midi"
QUICK = {"steps": 2, "batch_size": 1, "heldout_sequences": 1, "cases": 1, "threads": 1}
LEARN_TIMEOUT_MS = 400_000   # a spawned process imports torch and learns: seconds alone, minutes on a busy machine


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("CADENZA_DATA_DIR", str(folder))   # the spawned process inherits it
    return folder


@pytest.fixture
def pieces(tmp_path) -> Path:
    folder = tmp_path / "my pieces"
    folder.mkdir()
    for name in ("pop909_001.mid", "nottingham_ashover1.mid", "nottingham_jigs107.mid"):
        shutil.copy(MIDI / name, folder / name)
    (folder / "readme.txt").write_text("my notes")
    return folder


def make_dialog(qtbot, checkpoint, settings=QUICK):
    from app.proposals.learn_style import LearnStyleDialog

    dialog = LearnStyleDialog(str(checkpoint), settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_learning_shows_progress_then_the_measured_result(qtbot, proposal_checkpoint, data_dir, pieces, tmp_path):
    dialog = make_dialog(qtbot, proposal_checkpoint)
    dialog.folder.setText(str(pieces))
    dialog.name.setText("My pieces")
    learned = []
    dialog.styleLearned.connect(learned.append)
    assert dialog.start()
    assert dialog.running and not dialog.learn.isEnabled() and dialog.cancel.isVisible()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=LEARN_TIMEOUT_MS)
    assert dialog.outcome == "done", dialog.status.text()
    assert learned == ["My pieces"]
    assert (data_dir / "styles" / "My pieces.cadenza-style").is_file()
    from app.proposals.learn_style import style_names
    from composer.style.store import list_styles
    assert style_names() == list_styles(data_dir) == ["My pieces"]   # the panel's listing is the composer's
    report = dialog.report.toPlainText()
    assert "Held-out loss:" in report and "readme.txt: not a MIDI, MusicXML or Cadenza file" in report
    assert ("better than the composer alone" in report)
    pitch_use = next(line for line in report.splitlines() if "pitch use vs. your held-out pieces" in line)
    assert "→" in pitch_use and any(ch.isdigit() for ch in pitch_use.split("→")[1])   # the style's own figure
    # The bar was driven to the end by the process's reports. (Which status lines the UI thread shows between
    # two of its polls depends on the machine: an idle one learns these 2 steps between two polls.)
    assert dialog.progress.isVisible() and dialog.progress.value() == 100
    assert dialog.learn.isEnabled() and dialog.close_button.isVisible()
    dialog.resize(620, 520)
    dialog.grab().save(str(tmp_path / "learn_style.png"))


def test_cancel_stops_learning_and_writes_nothing(qtbot, proposal_checkpoint, data_dir, pieces):
    dialog = make_dialog(qtbot, proposal_checkpoint, {**QUICK, "steps": 400, "max_seconds": 600})
    dialog.folder.setText(str(pieces))
    dialog.name.setText("Never")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Learning: step") or dialog.outcome is not None,
                    timeout=LEARN_TIMEOUT_MS)
    dialog.stop()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=LEARN_TIMEOUT_MS)
    assert dialog.outcome == "cancelled"
    assert dialog.status.text() == "Cancelled; no style written"
    assert not (data_dir / "styles" / "Never.cadenza-style").exists()


def test_a_folder_without_music_is_refused_in_one_line(qtbot, proposal_checkpoint, data_dir, tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "letter.txt").write_text("dear")
    dialog = make_dialog(qtbot, proposal_checkpoint)
    dialog.folder.setText(str(folder))
    dialog.name.setText("Letters")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=LEARN_TIMEOUT_MS)
    assert dialog.outcome == "failed"
    assert "no MIDI, MusicXML or Cadenza file" in dialog.status.text() and "\n" not in dialog.status.text()
    assert not (data_dir / "styles").exists()


def test_no_folder_or_no_name_is_said_before_anything_starts(qtbot, proposal_checkpoint, data_dir, pieces):
    dialog = make_dialog(qtbot, proposal_checkpoint)
    assert not dialog.start() and "Choose a folder" in dialog.status.text()
    dialog.folder.setText(str(pieces))
    assert not dialog.start() and "name" in dialog.status.text()
    assert not dialog.running


def test_the_panel_offers_learned_styles_and_the_project_remembers_the_choice(window, qtbot, proposal_checkpoint,
                                                                           data_dir, pieces, tmp_path):
    """Learn in the dialog opened from the Compose menu, choose the style in the panel, generate with it, save the
    project and open it again: the style comes back chosen."""
    from app.proposals.learn_style import LearnStyleDialog
    from engine.project import load_project

    compose = window.compose
    compose.controller.model_path = str(proposal_checkpoint)
    panel = compose.panel
    assert [panel.style.itemText(i) for i in range(panel.style.count())] == ["(none)"]
    compose.actions["learn_style"].trigger()
    dialog = window.findChild(LearnStyleDialog)
    dialog.settings = QUICK
    dialog.folder.setText(str(pieces))
    dialog.name.setText("Mine")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=LEARN_TIMEOUT_MS)
    assert dialog.outcome == "done", dialog.status.text()
    assert [panel.style.itemText(i) for i in range(panel.style.count())] == ["(none)", "Mine"]
    dialog.close()
    panel.style.setCurrentIndex(panel.style.findData("Mine"))
    assert panel.settings()["style"] == "Mine"
    path = tmp_path / "song.cadenza"
    assert window.files.save_as(str(path))
    assert load_project(path).state.style == "Mine"
    panel.select_style(None)
    assert window.files.open_file(str(path), confirm=False)
    assert panel.style.currentData() == "Mine"
