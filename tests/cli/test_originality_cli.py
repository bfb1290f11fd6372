"""`cadenza originality FILE [--against FOLDER]`: one JSON line per track, a planted copy found and named, bad input."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_runner import run_cadenza as cadenza
from composer.originality.reference import SHIPPED_INDEX
from engine.midi import read_midi, write_midi
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

MIDI = Path(__file__).resolve().parents[1] / "data" / "midi"


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def planted(tmp_path, datasets) -> Path:
    """A MIDI file whose lead quotes 20 notes of a Nottingham tune a fourth up (then goes its own way), over a bass
    line of its own."""
    tune = read_midi(datasets / "nottingham" / "MIDI" / "ashover4.mid")
    source = sorted(max(tune.tracks, key=lambda t: len(t.notes)).notes)[12:32]
    scale = 480 / tune.ticks_per_quarter
    lead = [Note(round((n.start - source[0].start) * scale) + 1920, n.pitch + 5, max(1, round(n.duration * scale)), 90)
            for n in source]
    tick = lead[-1].start + 480
    for step in (4, -3, 6, -5, 2):
        lead.append(Note(tick, lead[-1].pitch + step, 360, 90))
        tick += 360
    bass = [Note(i * 960, (40, 45, 43, 38)[i % 4], 900, 80) for i in range(12)]
    song = Song(tracks=(Track(id=1, name="Lead", role=TrackRole.MELODY, notes=tuple(lead)),
                        Track(id=2, name="Bass", role=TrackRole.BASS, program=33, notes=tuple(bass))))
    path = tmp_path / "cue.mid"
    write_midi(song, path)
    return path


def test_against_a_folder_names_the_quoted_file(capsys, tmp_path, datasets, planted):
    folder = tmp_path / "refs"
    folder.mkdir()
    for name in ("ashover4", "ashover9", "ashover12"):
        shutil.copy(datasets / "nottingham" / "MIDI" / f"{name}.mid", folder / f"{name}.mid")
    code, out, err = cadenza(capsys, "originality", planted, "--against", folder)
    assert code == 0, err
    found = {line["track"]: line for line in lines(out)}
    assert set(found) == {"Lead", "Bass"}
    assert found["Lead"]["source"] == "refs" and found["Lead"]["piece"] == "ashover4.mid"
    assert 20 <= found["Lead"]["longest_match_notes"] <= 22 and found["Lead"]["close"]
    assert found["Bass"]["longest_match_notes"] < 6 and not found["Bass"]["close"]
    assert set(found["Lead"]) >= {"track", "longest_match_notes", "source", "piece", "threshold"}


@pytest.mark.skipif(not SHIPPED_INDEX.is_file(), reason="no shipped index")
def test_the_shipped_index_finds_a_training_tune_and_its_chord_part(capsys, datasets):
    code, out, err = cadenza(capsys, "originality", MIDI / "nottingham_ashover1.mid")
    assert code == 0, err
    found = lines(out)
    melody = max((f for f in found if f["kind"] == "notes"), key=lambda f: f["longest_match_notes"])
    assert melody["source"] == "nottingham" and melody["piece"] == "ashover1" and melody["close"]
    assert melody["longest_match_notes"] >= 60                              # the whole tune (69 notes) is there
    chords = next(f for f in found if f is not melody)                       # the block chords, read as a part
    assert chords["group"] == "parts" and chords["piece"] == "ashover1" and chords["threshold"] != melody["threshold"]


@pytest.mark.parametrize("args, words", [
    (("missing.mid",), "missing.mid"),
    ((MIDI / "nottingham_ashover1.mid", "--against", "no-such-folder"), "no-such-folder: not a folder"),
    ((MIDI / "nottingham_ashover1.mid", "--index", MIDI / "pop909_001.mid"), "not a readable originality index"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, words):
    code, out, err = cadenza(capsys, "originality", *args)
    assert code == 2 and out == "" and err.count("\n") == 1 and words in err and "Traceback" not in err, err


def test_generate_puts_the_figures_in_its_json_lines(capsys, tmp_path, datasets, planted, proposal_checkpoint):
    folder = tmp_path / "refs"
    folder.mkdir()
    shutil.copy(datasets / "nottingham" / "MIDI" / "ashover4.mid", folder / "ashover4.mid")
    code, out, err = cadenza(capsys, "generate", planted, tmp_path / "out.mid", "--task", "melody", "--tracks", "Lead",
                             "--bars", "3-4", "--candidates", "2", "--model", proposal_checkpoint,
                             "--against", folder, "--avoid-close-matches")
    assert code == 0, err
    for line in lines(out):
        (figure,) = line["originality"]          # the tiny model has no training index: the folder's figure only
        assert figure["track"] == "Lead" and figure["threshold"] > 0
        assert figure["source"] in ("refs", None) and not figure["close"]   # its own notes, not the tune's
    code, out, err = cadenza(capsys, "generate", planted, tmp_path / "again.mid", "--task", "melody", "--bars", "3-4",
                             "--model", proposal_checkpoint, "--against", tmp_path / "nowhere")
    assert code == 2 and out == "" and "nowhere: not a folder" in err and err.count("\n") == 1
    assert not (tmp_path / "again.mid").exists()
