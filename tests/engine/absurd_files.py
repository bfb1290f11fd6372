"""The audit's absurd files, made on the spot: shared by the engine, CLI and editor tests of engine.limits."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from engine.files import save_song_file
from engine.project import Project
from engine.song import Song
from engine.track import Track

sys.path.insert(0, str(Path(__file__).resolve().parent / "midi"))
from smf_build import meta, name, off, on, smf, track  # noqa: E402

MAX_DELTA = 0x0FFFFFFF


def endless_note(division: int = 1) -> bytes:
    """One note held for a 28-bit delta: at 1 tick a quarter, 67 million bars, in about a hundred bytes."""
    return smf(track((0, name("x" * 80)), (0, on(60)), (MAX_DELTA, off(60))), division=division)


def huge_delta() -> bytes:
    """A song of one short note, then end-of-track a 28-bit delta later (140,000 bars at 480 per quarter)."""
    return smf(track((0, on(60)), (480, off(60)), (MAX_DELTA, meta(0x01, b"end"))))


def many_tracks(count: int) -> bytes:
    return smf(*[track((0, on(60, channel=n % 16)), (480, off(60, channel=n % 16))) for n in range(count)])


def write(tmp_path: Path, name_: str, data: bytes) -> Path:
    path = tmp_path / name_
    path.write_bytes(data)
    return path


def far_end_project(tmp_path: Path, end_tick: int = 10**30) -> Path:
    path = tmp_path / "far.cadenza"
    save_song_file(Project(song=Song(tracks=(Track(id=1),))), path)
    document = json.loads(path.read_text())
    document["song"]["end_tick"] = end_tick
    path.write_text(json.dumps(document))
    return path


def absurd_files(folder: Path) -> list[tuple[Path, str]]:
    """Each absurd file written into `folder`, with a phrase its one-line refusal holds."""
    return [(write(folder, "endless.mid", endless_note()), "bars long"),
            (write(folder, "delta.mid", huge_delta()), "bars long"),
            (far_end_project(folder), "past the last tick"),
            (write(folder, "wide.mid", many_tracks(300)), "300 tracks")]
