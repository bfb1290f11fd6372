"""Opening and saving by extension: MIDI, projects, MusicXML, and one-line refusals for the rest."""
import shutil
from pathlib import Path

import pytest

from engine.errors import CadenzaError
from engine.files import UnsupportedFileType, load_song_file, save_song_file
from engine.midi import read_midi
from engine.notes import Note
from engine.project import Project, ProjectState, ViewState, load_project
from engine.song import Song
from engine.track import Track

MIDI_DIR = Path(__file__).resolve().parents[1] / "data" / "midi"
JIG = MIDI_DIR / "nottingham_jigs107.mid"


def test_midi_opens_as_a_project_with_default_state(tmp_path):
    upper = tmp_path / "JIG.MIDI"
    shutil.copy(JIG, upper)
    project = load_song_file(upper)
    assert project == Project(song=read_midi(JIG)) and project.state == ProjectState()


def test_project_saves_and_opens_through_every_format(tmp_path):
    song = Song(tracks=(Track(1, name="Piano", notes=(Note(start=0, pitch=60, duration=480, velocity=90),
                                                      Note(start=480, pitch=67, duration=240, velocity=70))),),
                title="Round")
    project = Project(song, ProjectState(snap_ticks=120, view=ViewState(zoom_x=3.0)))
    assert save_song_file(project, tmp_path / "a.cadenza") == []
    assert load_song_file(tmp_path / "a.cadenza") == project == load_project(tmp_path / "a.cadenza")
    assert save_song_file(project, tmp_path / "a.mid") == []
    assert load_song_file(tmp_path / "a.mid").song.tracks[0].notes == song.tracks[0].notes
    save_song_file(project, tmp_path / "a.musicxml")
    assert b"<score-partwise" in (tmp_path / "a.musicxml").read_bytes()


def test_drums_left_out_of_musicxml_are_reported(tmp_path):
    song = Song(tracks=(Track(1, name="Kit", channel=9, notes=(Note(start=0, pitch=36, duration=10, velocity=100),)),))
    [note] = save_song_file(Project(song), tmp_path / "d.xml")
    assert "drum track 'Kit' left out" in note


@pytest.mark.parametrize("name, verb", [("song.txt", "open"), ("song", "open"), ("song.wav", "open")])
def test_unknown_types_are_refused_in_one_line(tmp_path, name, verb):
    (tmp_path / name).write_bytes(b"data")
    with pytest.raises(UnsupportedFileType, match=rf"cannot {verb} a .*\(supported: \.mid, .*\.cadenza\)$"):
        load_song_file(tmp_path / name)


def test_unknown_save_types_write_nothing(tmp_path):
    with pytest.raises(UnsupportedFileType, match=r"cannot save a file type '\.wav' \(supported: .*\.mxl\)"):
        save_song_file(Project(), tmp_path / "out.wav")
    assert list(tmp_path.iterdir()) == []


def test_broken_inputs_are_one_line_errors(tmp_path):
    (tmp_path / "bad.mid").write_bytes(b"not midi at all")
    for path in (tmp_path / "bad.mid", tmp_path / "missing.cadenza"):
        with pytest.raises(CadenzaError) as caught:
            load_song_file(path)
        assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)
