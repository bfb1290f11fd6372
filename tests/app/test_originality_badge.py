"""The take list's originality badge, offscreen, from figures measured on real tunes; the panel's control."""
from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from app.proposals import originality_badge
from app.proposals.controls import composer_controls
from app.proposals.panel import ProposalPanel
from composer.proposals.spec import Region
from composer.proposals.takes import Take
from take_helpers import make_take
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole


@pytest.fixture(scope="module")
def tunes(datasets):
    from composer.data import nottingham
    return {n: nottingham.convert(datasets / "nottingham" / "MIDI" / f"{n}.mid").song
            for n in ("ashover4", "ashover5", "ashover6")}


@pytest.fixture(scope="module")
def index(tunes):
    from composer.originality.index import IndexBuilder
    builder = IndexBuilder(note_sample=1)    # every n-gram: the figures below are exact
    builder.add_all((f"nottingham:{name}", song) for name, song in tunes.items())
    return builder.build({"thresholds": {"tune": 12, "parts": 12, "chords": 12}})


def take_with(index, notes, take_id) -> Take:
    """A take whose figures are measured as a proposal measures them (composer.originality.proposal)."""
    from composer.originality.proposal import OriginalityCheck
    song = Song(tracks=(Track(id=1, name="Melody", role=TrackRole.MELODY),))
    found = OriginalityCheck([index]).measure(song, {1: tuple(notes)}, None)
    return make_take(take_id, 1, "melody", (0, 3), (0, 7680), {1: tuple(notes)}, seed=take_id,
                     originality=tuple(c.to_dict() for c in found))


def test_the_take_list_badges_a_quoting_take_and_an_original_one(qtbot, index, tunes, tmp_path):
    melody = next(t for t in tunes["ashover5"].tracks if t.role is TrackRole.MELODY)
    quoted = [n.with_(start=n.start - melody.notes[20].start, pitch=n.pitch - 2) for n in sorted(melody.notes)[20:38]]
    rng = random.Random(5)
    own = [Note(i * 240, 60 + rng.randint(-5, 7), 240, 90) for i in range(24)]
    takes = [take_with(index, quoted, 1), take_with(index, own, 2), make_take(3, 1, "melody", (0, 3), (0, 7680), {1: ()})]
    panel = ProposalPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 360)
    panel.show_takes(tuple(takes), 1)
    items = [panel.takes_list.item(i) for i in range(1, 4)]
    assert items[0].text().startswith("⚠ close to nottingham #ashover5: 18 notes")
    assert items[0].foreground().color() == originality_badge.CLOSE_COLOUR
    assert "Melody: 18 notes in a row as in nottingham #ashover5 (close from 12)" in items[0].toolTip()
    assert items[1].text().endswith("original") and "⚠" not in items[1].toolTip()
    assert "original" not in items[2].text() and "close" not in items[2].text()    # made without an index
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.grab().save(str(tmp_path / "badge.png"))


def test_avoid_close_matches_persists_and_reaches_the_controls(qtbot, tmp_path):
    panel = ProposalPanel()
    qtbot.addWidget(panel)
    assert not panel.avoid_close.isChecked()
    panel.avoid_close.setChecked(True)
    again = ProposalPanel()
    qtbot.addWidget(again)
    assert again.settings()["avoid_close"] is True
    from app.settings import settings
    settings().setValue(originality_badge.REFERENCE_SETTING, str(tmp_path))
    song = Song(tracks=(Track(id=1, role=TrackRole.MELODY),))
    region = Region(0, 1, (1,))
    controls = composer_controls(song, region, again.settings())
    assert controls.avoid_close_matches and controls.reference_folder == str(tmp_path)
    originality_badge.clear_reference_folder()
    assert composer_controls(song, region, again.settings()).reference_folder is None


def test_generated_takes_in_the_editor_carry_their_badge(qtbot, window, proposal_checkpoint, index, tmp_path,
                                                          monkeypatch):
    """End to end: an index for the tiny checkpoint's data (real tunes) where the editor looks for one, a real
    Generate on the worker thread, and every take in the list says how original it is, with details on hover."""
    from composer.checkpoint import read_checkpoint_for_growth
    from composer.originality.index import OriginalityIndex
    from editor_helpers import click, seeded_proposals, select_bars

    data_hash = read_checkpoint_for_growth(proposal_checkpoint)["data_hash"]
    folder = tmp_path / "originality"
    OriginalityIndex(index.notes, index.chords, index.pieces, {**index.meta, "data_hash": data_hash}).save(
        folder / f"{data_hash}.npz")
    monkeypatch.setenv("CADENZA_ORIGINALITY_DIR", str(folder))
    composer = seeded_proposals(window, proposal_checkpoint, takes=2)
    select_bars(window, 0, 1)
    with qtbot.waitSignal(composer.jobFinished, timeout=120_000):
        composer.panel.set_task("melody")
        click(composer.panel.generate, composer.panel.generate.rect().center())
    assert len(composer.takes) == 2
    rows = [composer.panel.takes_list.item(i) for i in range(composer.panel.takes_list.count())]
    shown = [row for row in rows if row.data(Qt.UserRole) is not None]
    for take, row in zip(composer.takes, shown):
        assert take.stats["originality"] and take.stats["originality"][0]["track"]
        assert row.text().endswith("original") or row.text().startswith("⚠ close to nottingham")
        assert "in a row as in nottingham" in row.toolTip() or "no run of the index's length" in row.toolTip()


def test_a_reference_folder_without_songs_is_refused_with_a_message(qtbot, tmp_path, datasets):
    from editor_helpers import DialogAnswerer

    panel = ProposalPanel()
    qtbot.addWidget(panel)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a song")
    with DialogAnswerer() as answers:
        assert not originality_badge.set_reference_folder(panel, str(empty))
    assert answers.seen == [("Originality reference folder", f"{empty}: no MIDI, MusicXML or Cadenza files in it")]
    assert originality_badge.reference_folder() is None
    songs = tmp_path / "songs"
    songs.mkdir()
    (songs / "tune.mid").write_bytes((datasets / "nottingham" / "MIDI" / "ashover4.mid").read_bytes())
    assert originality_badge.set_reference_folder(panel, str(songs))
    assert originality_badge.reference_folder() == str(songs)


def test_the_compose_menu_offers_and_clears_the_reference_folder(window, tmp_path, datasets):
    compose = window.compose
    assert compose.actions["reference"].text() == "Originality &reference folder…"
    assert not compose.actions["clear_reference"].isEnabled()
    (tmp_path / "tune.mid").write_bytes((datasets / "nottingham" / "MIDI" / "ashover4.mid").read_bytes())
    assert originality_badge.set_reference_folder(window, str(tmp_path))
    compose.menu.aboutToShow.emit()                              # opening the menu shows what is set now
    assert compose.actions["clear_reference"].isEnabled()
    compose.actions["clear_reference"].trigger()
    assert originality_badge.reference_folder() is None and not compose.actions["clear_reference"].isEnabled()
    assert window.proposals.panel.status.text() == "Takes are checked against the training data only"
