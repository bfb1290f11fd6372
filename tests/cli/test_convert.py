"""`cadenza convert`: MIDI <-> project and to MusicXML; bad arguments or input are one line on stderr, exit 2."""
from pathlib import Path

import pytest

from cli_runner import run_cadenza
from engine.files import load_song_file
from engine.midi import read_midi
from engine.project import load_project

JIG = Path(__file__).resolve().parents[1] / "data" / "midi" / "nottingham_jigs107.mid"


def cadenza(capsys, *args) -> tuple[int, str, str]:
    return run_cadenza(capsys, "convert", *args)


def test_midi_to_project_to_midi_keeps_the_song(tmp_path, capsys):
    project_path, midi_path = tmp_path / "jig.cadenza", tmp_path / "jig.mid"
    code, out, err = cadenza(capsys, JIG, project_path)
    assert (code, err) == (0, "") and out.startswith(f"wrote {project_path} (") and out.count("\n") == 1
    assert load_project(project_path).song == read_midi(JIG)
    assert cadenza(capsys, project_path, midi_path)[0] == 0
    assert read_midi(midi_path) == read_midi(JIG)


def test_to_musicxml(tmp_path, capsys):
    code, out, _ = cadenza(capsys, JIG, tmp_path / "jig.musicxml")
    assert code == 0 and b"<score-partwise" in (tmp_path / "jig.musicxml").read_bytes()


def test_left_out_drums_are_a_note_on_stderr(tmp_path, capsys):
    drums = sorted(JIG.parent.glob("groove_*.mid"))[0]
    code, out, err = cadenza(capsys, drums, tmp_path / "groove.xml")
    assert code == 0 and err.startswith("cadenza convert: note: drum track") and err.count("\n") == 1


@pytest.mark.parametrize("args, message", [
    (["{jig}", "{tmp}/out.wav"], "cannot save a file type '.wav'"),
    (["{tmp}/notes.txt", "{tmp}/out.mid"], "cannot open a file type '.txt'"),
    (["{tmp}/missing.mid", "{tmp}/out.cadenza"], "missing.mid: no such file"),
    (["{tmp}/broken.cadenza", "{tmp}/out.mid"], "broken.cadenza: not valid JSON"),
    (["{jig}"], "the following arguments are required: OUT"),
    (["{jig}", "{tmp}/nowhere/out.cadenza"], "cannot write"),
])
def test_bad_arguments_and_inputs_are_one_line_and_exit_2(tmp_path, capsys, args, message):
    (tmp_path / "notes.txt").write_text("C D E")
    (tmp_path / "broken.cadenza").write_text('{"format": "cadenza-project", "version": 1, "song": ')
    before = sorted(tmp_path.iterdir())
    code, out, err = cadenza(capsys, *(a.format(jig=JIG, tmp=tmp_path) for a in args))
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err
    assert err.startswith("cadenza")
    assert sorted(tmp_path.iterdir()) == before


def test_converting_a_project_keeps_its_editor_state(tmp_path, capsys):
    first, second = tmp_path / "a.cadenza", tmp_path / "b.cadenza"
    cadenza(capsys, JIG, first)
    assert cadenza(capsys, first, second)[0] == 0
    assert load_song_file(second) == load_song_file(first)
