"""Writes leave nothing behind: a killed writer's temporary is cleaned on the next write, links stay links.

The killed writers are real processes killed with SIGKILL mid-write, so the
temporary files are the ones a crash really leaves.
"""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from engine.atomic import STALE_TEMP_SECONDS, atomic_write_bytes, remove_stale_temporaries

REPO = Path(__file__).resolve().parents[2]

WRITER = """
import sys, time
from engine.atomic import atomic_write_via
def write(temp):
    with open(temp, "wb") as file:
        file.write(b"x" * 100_000)
        file.flush()
        print("writing", flush=True)
        time.sleep(60)
atomic_write_via(sys.argv[1], write)
"""


def start_writer(target: Path) -> subprocess.Popen:
    """A writer process stopped halfway through writing `target` (it says "writing" once its temp exists)."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], cwd=REPO, stdout=subprocess.PIPE,
                              text=True, env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert writer.stdout.readline().strip() == "writing"
    return writer


def temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if ".tmp" in name)


def test_a_killed_writers_temporary_is_removed_by_the_next_write(tmp_path):
    writer = start_writer(tmp_path / "render.wav")
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert len(temporaries(tmp_path)) == 1  # what a crash leaves (the reported 11 MB of renders)
    atomic_write_bytes(tmp_path / "other.mid", b"MThd")
    assert temporaries(tmp_path) == [] and sorted(os.listdir(tmp_path)) == ["other.mid"]


def test_a_live_writers_temporary_and_other_files_are_left_alone(tmp_path):
    (tmp_path / ".hidden.tmp.txt").write_text("not ours: no pid and random part")
    (tmp_path / "notes.tmp").write_text("the user's")
    writer = start_writer(tmp_path / "render.wav")
    try:
        before = temporaries(tmp_path)
        atomic_write_bytes(tmp_path / "song.mid", b"MThd")
        assert temporaries(tmp_path) == before and len(before) == 3
    finally:
        writer.kill()
        writer.wait()


def test_an_old_temporary_goes_even_if_its_pid_now_runs_something_else(tmp_path):
    recycled = tmp_path / f".song.mid.{os.getppid()}-0123abcd.tmp.mid"  # a pid that certainly runs
    legacy = tmp_path / ".song.mid.89abcdef.tmp.mid"  # the pattern before pids were in the name
    fresh_legacy = tmp_path / ".take.mid.fedcba98.tmp.mid"
    for path in (recycled, legacy, fresh_legacy):
        path.write_bytes(b"half")
    day_ago = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(recycled, (day_ago, day_ago))
    os.utime(legacy, (day_ago, day_ago))
    assert sorted(remove_stale_temporaries(tmp_path)) == sorted([recycled, legacy])
    assert fresh_legacy.exists()


def test_writing_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "projects" / "song.cadenza"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "current.cadenza"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new" and link.read_bytes() == b"new"
    assert temporaries(tmp_path) == [] and temporaries(real.parent) == []


def test_a_chain_of_links_and_a_dangling_link(tmp_path):
    real = tmp_path / "a.mid"
    (tmp_path / "b.mid").symlink_to(real)  # dangling: the write creates the file it names
    (tmp_path / "c.mid").symlink_to(tmp_path / "b.mid")
    atomic_write_bytes(tmp_path / "c.mid", b"MThd")
    assert real.read_bytes() == b"MThd"
    assert (tmp_path / "b.mid").is_symlink() and (tmp_path / "c.mid").is_symlink()


def test_a_missing_folder_is_nothing_to_clean(tmp_path):
    assert remove_stale_temporaries(tmp_path / "missing") == []


def test_killed_renders_leave_nothing_after_the_next_render(tmp_path):
    """The audit's case: renders killed mid-write left their temporaries (10 left 11 MB). Now each render
    removes the one its killed predecessor left, and a finished one leaves only its file."""
    song = REPO / "tests" / "data" / "midi" / "pop909_001.mid"  # 196 s of audio: a second or two of rendering
    command = [sys.executable, "-m", "composer.cli.main", "render", str(song)]
    seen = []
    for _ in range(3):
        render = subprocess.Popen(command + [str(tmp_path / "take.wav")], cwd=REPO, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not set(temporaries(tmp_path)) - set(seen) and time.monotonic() < deadline:
            time.sleep(0.005)
        render.send_signal(signal.SIGKILL)
        render.wait()
        left = temporaries(tmp_path)
        assert len(left) == 1 and left[0].startswith(".take.wav.") and left[0] not in seen  # only its own
        seen += left
    done = subprocess.run(command + [str(tmp_path / "mix.wav")], cwd=REPO, capture_output=True, timeout=120)
    assert done.returncode == 0 and sorted(os.listdir(tmp_path)) == ["mix.wav"]
