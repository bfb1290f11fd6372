"""Atomic writes: the target is the old file or the whole new one, never a mix, and no debris."""
import os
import stat

import pytest

from engine.atomic import FileWriteError, atomic_write_bytes, atomic_write_via


def test_a_writer_that_fails_midway_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "song.mid"
    target.write_bytes(b"old")

    def half_then_crash(temp):
        temp.write_bytes(b"new but incomplete")
        raise RuntimeError("serializer blew up")

    with pytest.raises(RuntimeError, match="blew up"):
        atomic_write_via(target, half_then_crash)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["song.mid"]


def test_the_temporary_keeps_the_suffix_and_the_result_keeps_the_old_mode(tmp_path):
    target = tmp_path / "score.mxl"
    target.write_bytes(b"old")
    target.chmod(0o640)
    seen = []
    atomic_write_via(target, lambda temp: (seen.append(temp), temp.write_bytes(b"new")))
    assert seen[0].suffix == ".mxl" and seen[0].parent == tmp_path and not seen[0].exists()
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_os_failures_are_one_line(tmp_path):
    with pytest.raises(FileWriteError, match=r"^.*missing/x\.cadenza: cannot write: No such file or directory$"):
        atomic_write_bytes(tmp_path / "missing" / "x.cadenza", b"data")
