"""MusicXML scores on the command line: info, convert, render and generate read them like MIDI files;
a bad score is one line on stderr, exit 2, and no output file."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import soundfile

from cli_runner import run_cadenza as cadenza
from engine.files import load_song_file
from engine.musicxml_import import read_musicxml

SCORES = Path(__file__).resolve().parents[1] / "data" / "musicxml"
FEATURES = SCORES / "features.musicxml"
REPEATS = SCORES / "repeats.musicxml"


def test_info_describes_a_score(capsys, tmp_path):
    shutil.copy(FEATURES, tmp_path / "a.musicxml")
    shutil.copy(REPEATS, tmp_path / "b.musicxml")
    (tmp_path / "ignored.xml").write_text("<not-a-score/>")  # folders are searched for .musicxml/.mxl, not .xml
    code, out, err = cadenza(capsys, "info", tmp_path)
    assert (code, err) == (0, "")
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["format"], first["ticks_per_quarter"], first["measures"], first["notes"]) == ("musicxml", 480, 4, 18)
    assert [(t["name"], t["program"], t["channel"], t["notes"]) for t in first["tracks"]] == [
        ("Flute", 73, 0, 12), ("Clarinet in B♭", 71, 1, 2), ("Percussion", 0, 9, 4)]
    assert first["time_signatures"] == ["1/4", "4/4", "3/4"]
    assert second["measures"] == 9 and second["warnings"][0].startswith("repeats unfolded")


def test_convert_score_to_midi_and_back(capsys, tmp_path):
    code, out, err = cadenza(capsys, "convert", REPEATS, tmp_path / "r.mid")
    assert code == 0 and out == f"wrote {tmp_path / 'r.mid'} (1 tracks, 9 notes, 9 bars)\n"
    assert err.startswith("cadenza convert: note: repeats unfolded as playback plays them")
    assert [n.pitch for n in load_song_file(tmp_path / "r.mid").song.tracks[0].notes] == [60, 62, 60, 64, 65, 67, 60, 64, 65]
    code, out, err = cadenza(capsys, "convert", REPEATS, tmp_path / "folded.mxl", "--keep-repeats")
    assert (code, err) == (0, "")
    assert [n.pitch for n in read_musicxml(tmp_path / "folded.mxl").tracks[0].notes] == [60, 62, 64, 65, 67]


@pytest.mark.parametrize("name, content, reason", [
    ("broken.musicxml", "<score-partwise><part-list></score-partwise>", "not well-formed XML"),
    ("odd.xml", "<score-partwise><part-list/><part id='P1'><measure number='1'><weird/></measure></part>"
                "</score-partwise>", "unknown element <weird>"),
    ("nothing.mxl", None, "no such file"),
])
def test_bad_scores_exit_2_with_one_line_and_write_nothing(capsys, tmp_path, name, content, reason):
    source = tmp_path / name
    if content is not None:
        source.write_text(content)
    for command in (["convert", source, tmp_path / "out.mid"], ["render", source, tmp_path / "out.wav"],
                    ["info", source]):
        code, out, err = cadenza(capsys, *command)
        assert code == 2, command
        lines = (out if command[0] == "info" else err).strip().splitlines()
        assert len(lines) == 1 and reason in lines[0] and str(source) in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if content is not None else [])


def test_render_plays_a_score(capsys, tmp_path):
    code, out, err = cadenza(capsys, "render", FEATURES, tmp_path / "features.wav")
    assert (code, err) == (0, "") and out.startswith("rendered ")
    # 1 quarter at 100 BPM, 4 at 100, 6 at 80 (tempo marks of the score), plus the synth's release tail
    assert 7.0 < soundfile.info(tmp_path / "features.wav").duration < 9.5


def test_generate_fills_bars_of_a_score(capsys, tmp_path, proposal_checkpoint):
    code, out, err = cadenza(capsys, "generate", FEATURES, tmp_path / "take.mid", "--task", "melody",
                             "--tracks", "Flute", "--bars", "2-3", "--seed", "1", "--model", proposal_checkpoint)
    assert code == 0, err
    before, after = read_musicxml(FEATURES), load_song_file(tmp_path / "take.mid").song
    assert [t.name for t in after.tracks] == ["Flute", "Clarinet in B♭", "Percussion"]
    assert after.tracks[1].notes == before.tracks[1].notes and after.tracks[2].notes == before.tracks[2].notes
