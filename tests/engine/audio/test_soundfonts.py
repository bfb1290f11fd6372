"""SoundFont lookup: explicit path first and strict, then bundled/default, then system folders."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.audio.errors import SoundfontError
from engine.audio.soundfonts import (
    BUNDLED_DIR,
    DEBIAN_SF2_DIR,
    DEFAULT_SOUNDFONT,
    candidate_soundfonts,
    check_soundfont,
    find_soundfont,
    soundfonts_in,
)

FLUID_R3 = DEBIAN_SF2_DIR / "FluidR3_GM.sf2"


def one_line(error: Exception) -> str:
    message = str(error)
    assert "\n" not in message
    return message


def test_automatic_lookup_finds_a_real_soundfont():
    found = find_soundfont()
    assert check_soundfont(found) == found
    bundled = soundfonts_in(BUNDLED_DIR)
    assert found == (bundled[0] if bundled else FLUID_R3 if FLUID_R3.exists() else DEFAULT_SOUNDFONT)


def test_fluid_r3_comes_before_timgm6mb_and_other_system_soundfonts():
    candidates = candidate_soundfonts()
    assert candidates.index(FLUID_R3) < candidates.index(DEFAULT_SOUNDFONT)
    assert candidates.index(DEFAULT_SOUNDFONT) < candidates.index(DEBIAN_SF2_DIR / "default-GM.sf2")


def _debian_folder(tmp_path: Path, names: list[str]) -> Path:
    """A stand-in for /usr/share/sounds/sf2 holding links to the real SoundFonts named."""
    folder = tmp_path / "sf2"
    folder.mkdir()
    for name in names:
        (folder / name).symlink_to(DEBIAN_SF2_DIR / name)
    return folder


@pytest.mark.skipif(not (FLUID_R3.exists() and DEFAULT_SOUNDFONT.exists()), reason="needs both Debian SoundFonts")
def test_fluid_r3_is_chosen_over_timgm6mb_when_present(tmp_path):
    if soundfonts_in(BUNDLED_DIR):
        pytest.skip("a bundled SoundFont comes first")
    folder = _debian_folder(tmp_path, ["TimGM6mb.sf2", "FluidR3_GM.sf2"])
    assert find_soundfont(debian_dir=folder) == folder / "FluidR3_GM.sf2"


@pytest.mark.skipif(not DEFAULT_SOUNDFONT.exists(), reason="needs TimGM6mb")
def test_timgm6mb_is_chosen_without_fluid_r3(tmp_path):
    if soundfonts_in(BUNDLED_DIR):
        pytest.skip("a bundled SoundFont comes first")
    folder = _debian_folder(tmp_path, ["TimGM6mb.sf2"])
    assert find_soundfont(debian_dir=folder) == folder / "TimGM6mb.sf2"


def test_a_broken_preferred_soundfont_is_passed_over(tmp_path):
    """A FluidR3_GM.sf2 that is not a SoundFont (a cut-short download) does not stop the lookup."""
    if soundfonts_in(BUNDLED_DIR):
        pytest.skip("a bundled SoundFont comes first")
    folder = tmp_path / "sf2"
    folder.mkdir()
    (folder / "FluidR3_GM.sf2").write_bytes(b"RIFF")
    found = find_soundfont(debian_dir=folder)
    assert found != folder / "FluidR3_GM.sf2" and check_soundfont(found) == found


@pytest.mark.skipif(not FLUID_R3.exists(), reason="fluid-soundfont-gm not installed")
def test_explicit_path_wins():
    assert find_soundfont(FLUID_R3) == FLUID_R3
    assert find_soundfont(str(FLUID_R3)) == FLUID_R3


def test_missing_path_names_it(tmp_path):
    missing = tmp_path / "nothing.sf2"
    with pytest.raises(SoundfontError) as caught:
        find_soundfont(missing)
    assert one_line(caught.value) == f"{missing}: SoundFont not found"


def test_directory_is_refused(tmp_path):
    with pytest.raises(SoundfontError, match="not a file"):
        find_soundfont(tmp_path)


@pytest.mark.parametrize("content", [b"hello, I am text", b"RIFF\x24\x00\x00\x00WAVEfmt ", b""])
def test_non_soundfont_is_refused_whatever_its_extension(tmp_path, content):
    fake = tmp_path / "fake.sf2"
    fake.write_bytes(content)
    with pytest.raises(SoundfontError) as caught:
        find_soundfont(fake)
    assert one_line(caught.value) == f"{fake}: not a SoundFont (expected a .sf2 or .sf3 file)"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file_is_refused(tmp_path):
    locked = tmp_path / "locked.sf2"
    locked.write_bytes(DEFAULT_SOUNDFONT.read_bytes()[:64])
    locked.chmod(0)
    with pytest.raises(SoundfontError, match="cannot read"):
        find_soundfont(locked)


def test_soundfonts_in_lists_only_soundfont_files(tmp_path):
    for name in ("b.sf2", "a.SF3", "notes.txt", "c.sf2.bak"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "dir.sf2").mkdir()
    assert [p.name for p in soundfonts_in(tmp_path)] == ["a.SF3", "b.sf2"]
    assert soundfonts_in(tmp_path / "missing") == []
