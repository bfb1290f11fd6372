"""`cadenza fit-tempo PROJECT`: per-hit errors printed, the project rewritten, refusals in one line with the file untouched."""
import pytest

from cli_runner import run_cadenza
from engine.notes import Note
from engine.project import Project, load_project, save_project
from engine.song import Marker, Song
from engine.timecode import song_timecode
from engine.track import Track

TC = song_timecode("24", "01:00:00:00")


@pytest.fixture
def cue(tmp_path):
    """A project at 24 fps from 01:00:00:00 with three hits a film composer marked by timecode."""
    hits = tuple(Marker(0, name, TC.parse(label)) for name, label in
                 (("door", "01:00:04:19"), ("slam", "01:00:12:00"), ("cut", "01:00:19:05")))
    song = Song(tracks=(Track(id=1, name="Piano", notes=(Note(start=0, pitch=60, duration=480),)),),
                markers=hits + (Marker(1920, "verse"),), timecode=TC)
    path = tmp_path / "cue.cadenza"
    save_project(Project(song), path)
    return path


def test_all_hits_go_to_their_nearest_downbeats_and_the_project_is_saved(capsys, cue):
    code, out, err = run_cadenza(capsys, "fit-tempo", cue)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("door at 01:00:04:19 -> bar 3 beat 1: ") and lines[0].endswith(" frames)")
    assert lines[3].startswith("tempo: ") and lines[-1] == f"wrote {cue}"
    song = load_project(cue).song
    # The tempo nearest the project's 120 BPM at which all three hits land within half a frame of a bar line.
    assert all(abs(float(line.split("(")[1].split(" frames")[0])) <= 0.5 for line in lines[:3])
    assert len(song.tempos) == 1 and 20 <= song.tempos[0].bpm <= 400
    assert [m.seconds for m in song.markers if m.is_hit] == pytest.approx(
        [TC.parse("01:00:04:19"), 12.0, TC.parse("01:00:19:05")], abs=1e-6)
    assert Marker(1920, "verse") in song.markers


def test_chosen_targets_and_a_ramp(capsys, cue):
    code, out, _ = run_cadenza(capsys, "fit-tempo", cue, "--ramp", "--hit", "door=3", "--hit", "01:00:12:00=6.1",
                               "--hit", "cut=9")
    assert code == 0
    assert "tempo: ramp " in out
    errors = [float(line.split(": ")[1].split(" ms")[0]) for line in out.splitlines()[:3]]
    assert max(abs(e) for e in errors) < 45   # within about a frame at 24 fps


@pytest.mark.parametrize("args, problem", [
    (["--hit", "bang=3"], "no hit point named or at 'bang' (hit points: 'door' at 01:00:04:19"),
    (["--hit", "door=three"], "target 'three' is not BAR, BAR.BEAT or 'down'"),
    (["--hit", "door=200"], "no tempo between 20 and 400 BPM fits these hits"),
    (["--hit", "door=3.9"], "bar 3 is in 4/4 and has no beat 9"),
])
def test_bad_hits_and_impossible_fits_are_one_line_and_leave_the_file(capsys, cue, args, problem):
    before = cue.read_bytes()
    code, out, err = run_cadenza(capsys, "fit-tempo", cue, *args)
    assert code == 2 and out == ""
    assert err.startswith("cadenza fit-tempo: ") and problem in err and err.count("\n") == 1
    assert cue.read_bytes() == before


def test_dry_run_prints_and_writes_nothing(capsys, cue):
    before = cue.read_bytes()
    code, out, _ = run_cadenza(capsys, "fit-tempo", cue, "--dry-run")
    assert code == 0 and "wrote" not in out and cue.read_bytes() == before


def test_a_missing_project_is_one_line(capsys, tmp_path):
    code, _, err = run_cadenza(capsys, "fit-tempo", tmp_path / "none.cadenza")
    assert code == 2 and "no such file" in err and err.count("\n") == 1
