"""Learning a style end to end with a real tiny checkpoint and real MIDI files: the file, the split, the
measured stats, the refusals, and that cancel or a failure leaves earlier styles whole."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.composer.style.style_files import copy_pieces, short_piece


def test_a_style_file_holds_its_name_base_hash_sources_split_weights_and_stats(piece_folder, tmp_path,
                                                                               proposal_checkpoint, quick):
    from composer.style.learn import learn_style
    from composer.style.store import list_styles, model_hash, read_style

    seen = []
    result = learn_style(piece_folder, "My tunes", proposal_checkpoint, tmp_path / "data", quick, seen.append)
    style = read_style(result.path)
    assert result.path == tmp_path / "data" / "styles" / "My tunes.cadenza-style"
    assert list_styles(tmp_path / "data") == ["My tunes"]
    assert style.name == "My tunes" and style.base_hash == model_hash(proposal_checkpoint)
    skipped = {s["file"]: s["reason"] for s in style.sources if not s["used"]}
    assert skipped["notes.txt"] == "not a MIDI, MusicXML or Cadenza file"
    assert "broken.mid" in skipped and "\n" not in skipped["broken.mid"]
    used = [s["file"] for s in style.sources if s["used"]]
    assert sorted(used) == sorted(["pop909_001.mid", "nottingham_ashover1.mid", "nottingham_jigs107.mid",
                                   "pop909_331.mid"])
    assert len(style.heldout) == 1 and style.heldout[0] in used          # a whole piece, one of the four
    assert style.weights and all(".lora_" in name for name in style.weights)
    stats = style.stats
    assert stats["pieces"] == 4 and stats["learned_pieces"] == 3
    assert stats["improved"] == (stats["heldout_loss_after"] < stats["heldout_loss_before"])
    assert {"base", "styled", "original"} <= set(stats["proposals"])
    for side in ("base", "styled"):
        assert "pitch_class_distance" in stats["proposals"][side] and "repeated_bar_share" in stats["proposals"][side]
    summary = result.summary()
    for key in ("heldout_loss_before", "heldout_loss_after", "pieces", "skipped", "seconds"):
        assert key in summary
    assert summary["skipped"] == 2 and summary["steps"] == 3
    phases = [p.phase for p in seen]
    assert phases[0] == "reading" and "learning" in phases and phases[-1] == "saving"
    learning = [p for p in seen if p.phase == "learning"]
    assert [p.step for p in learning] == [1, 2, 3] and all(p.loss > 0 for p in learning)
    assert learning[-1].seconds_left is not None


def test_the_same_folder_gives_the_same_held_out_pieces(piece_folder):
    from composer.style.pieces import read_folder, split

    first = split(read_folder(piece_folder).pieces)
    again = split(read_folder(piece_folder).pieces)
    assert [p.song_id for p in first[1]] == [p.song_id for p in again[1]]
    assert not {p.song_id for p in first[0]} & {p.song_id for p in first[1]}


def test_pieces_keep_the_roles_the_importer_gives(piece_folder):
    from composer.style.pieces import read_folder
    from engine.files import open_song_file

    for piece in read_folder(piece_folder).pieces:
        opened = open_song_file(piece_folder / piece.song_id)[0].song
        assert [t.role for t in piece.song.tracks] == [t.role for t in opened.tracks]


@pytest.mark.parametrize("make, message", [
    (lambda folder: None, "the folder is empty"),
    (lambda folder: [(folder / n).write_text("x") for n in ("a.txt", "b.wav")], "no MIDI, MusicXML or Cadenza file"),
    (lambda folder: [short_piece(folder / f"s{i}.mid") for i in range(2)], "too short: 2 bar(s)"),
])
def test_bad_folders_are_refused_in_one_line_and_write_nothing(tmp_path, proposal_checkpoint, quick, make, message):
    from composer.style.learn import learn_style
    from composer.style.store import StyleError

    folder = tmp_path / "in"
    folder.mkdir()
    make(folder)
    with pytest.raises(StyleError) as caught:
        learn_style(folder, "x", proposal_checkpoint, tmp_path / "data", quick)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert not (tmp_path / "data").exists()


def test_one_usable_piece_is_refused_because_one_must_be_held_out(tmp_path, proposal_checkpoint, quick):
    from composer.style.learn import learn_style
    from composer.style.store import StyleError

    folder = copy_pieces(tmp_path / "one", ("pop909_001.mid",))
    with pytest.raises(StyleError, match="at least 2 usable pieces"):
        learn_style(folder, "x", proposal_checkpoint, tmp_path / "data", quick)


@pytest.mark.parametrize("name", ["", "../escape", "a/b", "pop", "x" * 80])
def test_bad_names_are_refused_before_any_work(tmp_path, proposal_checkpoint, quick, name):
    from composer.style.learn import learn_style
    from composer.style.store import StyleError

    with pytest.raises(StyleError):
        learn_style(tmp_path / "does-not-matter", name, proposal_checkpoint, tmp_path / "data", quick)


def test_cancel_keeps_the_earlier_style_of_that_name_whole(piece_folder, tmp_path, proposal_checkpoint, quick):
    from composer.style.learn import StyleCancelled, learn_style

    first = learn_style(piece_folder, "Mine", proposal_checkpoint, tmp_path / "data", replace(quick, steps=1))
    before = first.path.read_bytes()
    steps = []

    def cancel_after_two_steps() -> bool:
        return len(steps) >= 2

    with pytest.raises(StyleCancelled):
        learn_style(piece_folder, "Mine", proposal_checkpoint, tmp_path / "data", quick,
                    lambda p: steps.append(p) if p.phase == "learning" else None, cancel_after_two_steps)
    assert first.path.read_bytes() == before
    assert sorted(p.name for p in first.path.parent.iterdir()) == ["Mine.cadenza-style"]   # no temporaries


def test_the_blocks_adapter_learns_too(piece_folder, tmp_path, proposal_checkpoint, quick):
    from composer.style.learn import learn_style

    result = learn_style(piece_folder, "Top", proposal_checkpoint, tmp_path / "data",
                         replace(quick, adapter="blocks", blocks=1))
    assert result.style.adapter["kind"] == "blocks"
    assert result.style.weights and all(n.startswith(("blocks.1.", "ln_f.")) for n in result.style.weights)
