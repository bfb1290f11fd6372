"""Autosave recovery: a real process autosaves and is SIGKILLed; the next session finds and restores it."""
import json
import signal
import subprocess
import sys
import textwrap

import pytest

from engine.notes import Note
from engine.operations import transpose
from engine.project import Project, ProjectFileError, RecoveryStore, default_recovery_dir, save_project
from engine.song import Song
from engine.track import Track

CHILD = textwrap.dedent("""
    import sys, time
    from engine.operations import transpose
    from engine.project import RecoveryStore, load_project
    project = load_project(sys.argv[1])
    store = RecoveryStore(sys.argv[2])
    store.autosave(project, sys.argv[3])
    track = project.song.tracks[0]
    edited = project.song.with_track(track.with_(notes=transpose(track.notes, 5)))
    store.autosave(project.with_(song=edited), sys.argv[3])
    print("saved", flush=True)
    time.sleep(120)
""")


def small_project() -> Project:
    notes = tuple(Note(start=i * 120, pitch=60 + i, duration=100, velocity=70 + i) for i in range(12))
    return Project(Song(tracks=(Track(id=1, name="Piano", notes=notes),), title="Crashy"))


def run_child(tmp_path, recovery_dir, source="/music/crashy.cadenza"):
    source_file = tmp_path / "start.cadenza"
    save_project(small_project(), source_file)
    return subprocess.Popen([sys.executable, "-c", CHILD, str(source_file), str(recovery_dir), source],
                            stdout=subprocess.PIPE, text=True)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_session_is_recovered_with_its_last_autosave(tmp_path):
    recovery_dir = tmp_path / "recovery"
    child = run_child(tmp_path, recovery_dir)
    try:
        assert child.stdout.readline() == "saved\n"
        assert RecoveryStore(recovery_dir).pending() == []  # alive: not ours to recover
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    store = RecoveryStore(recovery_dir)
    [entry] = store.pending()
    assert entry.source_path == "/music/crashy.cadenza" and entry.pid == child.pid
    track = small_project().song.tracks[0]
    expected = small_project().song.with_track(track.with_(notes=transpose(track.notes, 5)))
    assert store.load(entry) == Project(expected)
    store.discard(entry)
    assert store.pending() == [] and list(recovery_dir.iterdir()) == []


def test_a_clean_session_leaves_nothing_pending(tmp_path):
    store = RecoveryStore(tmp_path)
    entry = store.autosave(small_project())
    again = store.autosave(small_project().with_(song=Song(title="second")))
    assert again.project_path == entry.project_path
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{store.session_id}.cadenza", f"{store.session_id}.json"]
    assert RecoveryStore(tmp_path).pending() == []  # this process is alive
    store.discard(again)
    assert list(tmp_path.iterdir()) == []


def _write_meta(entry, **changes):
    meta = json.loads(entry.meta_path.read_text())
    meta.update(changes)
    entry.meta_path.write_text(json.dumps(meta))


def test_a_recycled_pid_does_not_hide_a_dead_session(tmp_path):
    entry = RecoveryStore(tmp_path).autosave(small_project())
    if entry.pid_started is None:
        pytest.skip("no /proc: start times unknown")
    _write_meta(entry, pid_started=entry.pid_started - 1)  # same pid, another process's life
    [found] = RecoveryStore(tmp_path).pending()
    assert found.id == entry.id and RecoveryStore(tmp_path).load(found) == small_project()


def test_damaged_leftovers_are_skipped_or_refused_in_one_line(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    store = RecoveryStore(tmp_path)
    entry = store.autosave(small_project(), tmp_path / "song.cadenza")
    _write_meta(entry, pid=dead_pid, pid_started=None)
    (tmp_path / "junk.json").write_text("{not json")
    (tmp_path / "orphan.json").write_text(json.dumps({"source_path": None, "saved_at": 1.0, "pid": dead_pid,
                                                      "pid_started": None}))
    (tmp_path / "typed.json").write_text(json.dumps({"source_path": 3, "saved_at": 1.0, "pid": dead_pid,
                                                     "pid_started": None}))
    [found] = RecoveryStore(tmp_path).pending()
    assert found.id == entry.id and found.source_path == str(tmp_path / "song.cadenza")
    entry.project_path.write_text("{")
    with pytest.raises(ProjectFileError, match="not valid JSON"):
        RecoveryStore(tmp_path).load(found)


def test_recovery_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CADENZA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert default_recovery_dir() == tmp_path / "home" / "recovery"
    monkeypatch.delenv("CADENZA_HOME")
    assert default_recovery_dir() == tmp_path / "state" / "cadenza" / "recovery"
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    assert default_recovery_dir() == tmp_path / "user" / ".local" / "state" / "cadenza" / "recovery"
    assert RecoveryStore().directory == default_recovery_dir()
    assert RecoveryStore().pending() == []  # folder not created until the first autosave
