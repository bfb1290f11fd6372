"""`cadenza render`: MIDI in, WAV/FLAC out, one summary line; bad input is one line on stderr and exit 2."""
from __future__ import annotations

import pytest
import soundfile

from cli_runner import run_cadenza
from engine.midi import write_midi
from engine.notes import Note
from engine.project import PROJECT_SUFFIX, Project, ProjectState, save_project
from engine.song import Song
from engine.track import Track, TrackRole


def small_song() -> Song:
    notes = tuple(Note(start=i * 480, pitch=60 + i, duration=400, velocity=100) for i in range(4))
    hits = tuple(Note(start=i * 240, pitch=36, duration=60, velocity=110) for i in range(8))
    return Song(tracks=(Track(id=1, name="piano", notes=notes),
                        Track(id=2, name="drums", role=TrackRole.DRUMS, channel=9, notes=hits)))


@pytest.fixture
def midi_file(tmp_path):
    path = tmp_path / "song.mid"
    write_midi(small_song(), path)
    return path


def cadenza(capsys, *args) -> tuple[int, str, str]:
    return run_cadenza(capsys, "render", *args)


@pytest.mark.parametrize("name, rate", [("out.wav", 44100), ("out.flac", 32000)])
def test_renders_and_prints_one_summary_line(tmp_path, capsys, midi_file, name, rate):
    code, out, err = cadenza(capsys, midi_file, tmp_path / name, "--sample-rate", rate)
    assert (code, err) == (0, "")
    assert out.count("\n") == 1 and out.startswith("rendered 3.") and "x real time" in out
    info = soundfile.info(tmp_path / name)
    assert info.samplerate == rate and info.channels == 2 and 3.0 < info.duration < 4.0


def test_explicit_soundfont(tmp_path, capsys, midi_file):
    code, out, _ = cadenza(capsys, midi_file, tmp_path / "out.wav", "--soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2")
    assert code == 0 and "TimGM6mb.sf2" in out


@pytest.mark.parametrize("args, message", [
    (["{mid}", "{tmp}/out.mp3"], "unsupported audio format '.mp3'"),
    (["{tmp}/missing.mid", "{tmp}/out.wav"], "missing.mid: no such file"),
    (["{mid}", "{tmp}/out.wav", "--soundfont", "{tmp}/none.sf2"], "none.sf2: SoundFont not found"),
    (["{mid}", "{tmp}/out.wav", "--soundfont", "{mid}"], "song.mid: not a SoundFont"),
    (["{mid}", "{tmp}/out.wav", "--sample-rate", "1000"], "sample rate must be 8000..96000 Hz"),
    (["{mid}", "{tmp}/out.wav", "--sample-rate", "fast"], "invalid int value"),
    (["{mid}", "{tmp}/nowhere/out.wav"], "does not exist"),
    (["{mid}"], "required"),
])
def test_bad_arguments_exit_2_with_one_line(tmp_path, capsys, midi_file, args, message):
    code, out, err = cadenza(capsys, *(a.format(mid=midi_file, tmp=tmp_path) for a in args))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("cadenza render: ") and message in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["song.mid"]


def test_a_broken_midi_file_is_one_line(tmp_path, capsys):
    broken = tmp_path / "broken.mid"
    broken.write_bytes(b"MThd\x00\x00\x00\x06\x00\x01")
    code, _, err = cadenza(capsys, broken, tmp_path / "out.wav")
    assert code == 2 and err.count("\n") == 1 and "broken.mid" in err
    assert not (tmp_path / "out.wav").exists()


def test_a_project_renders_with_its_own_soundfont(tmp_path, capsys):
    project = tmp_path / f"song{PROJECT_SUFFIX}"
    save_project(Project(song=small_song(), state=ProjectState(soundfont=str(tmp_path / "gone.sf2"))), project)
    code, _, err = cadenza(capsys, project, tmp_path / "out.wav")
    assert code == 2 and err == f"cadenza render: {tmp_path / 'gone.sf2'}: SoundFont not found\n"
    code, _, _ = cadenza(capsys, project, tmp_path / "out.wav", "--soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2")
    assert code == 0 and soundfile.info(tmp_path / "out.wav").duration > 3.0
