"""Which SoundFont to play with: the user's choice, then the bundled default, then the system's.

The order is fixed so a render is reproducible: an explicit path (the user's
setting or `--soundfont`) always wins and is checked strictly, because a typo
there should say so instead of silently sounding different. Without one, any
.sf2/.sf3 in the repository's soundfonts/ folder is used, then Debian's
FluidR3_GM (package fluid-soundfont-gm, MIT, 141 MB: real recorded
instruments, a clearer mix than TimGM6mb; docs/SCORING.md, "Stems and mix"),
then TimGM6mb (timgm6mb-soundfont, GPL-2, 6 MB), then whatever the system has.
setup.sh installs both; without FluidR3 the lookup falls through to TimGM6mb.
"""
from __future__ import annotations

import os
from pathlib import Path

from engine.audio.errors import SoundfontError

SOUNDFONT_SUFFIXES = (".sf2", ".sf3")
BUNDLED_DIR = Path(__file__).resolve().parents[2] / "soundfonts"
DEBIAN_SF2_DIR = Path("/usr/share/sounds/sf2")
PREFERRED_NAMES = ("FluidR3_GM.sf2", "TimGM6mb.sf2")  # in Debian's sf2 folder, best first
DEFAULT_SOUNDFONT = DEBIAN_SF2_DIR / "TimGM6mb.sf2"  # the small fallback setup.sh always installs


def system_soundfont_dirs() -> list[Path]:
    """Folders where Linux distributions and users keep SoundFonts, most specific first."""
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    data_dirs = [Path(d) for d in os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":") if d]
    dirs = [data_home / "soundfonts", data_home / "sounds" / "sf2"]
    for base in data_dirs + [Path("/usr/share"), Path("/usr/local/share")]:
        dirs += [base / "sounds" / "sf2", base / "sounds" / "sf3", base / "soundfonts"]
    unique: list[Path] = []
    for directory in dirs:
        if directory not in unique:
            unique.append(directory)
    return unique


def soundfonts_in(directory: Path) -> list[Path]:
    """The .sf2/.sf3 files directly in `directory`, sorted by name (empty if it does not exist)."""
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return []
    return [p for p in entries if p.suffix.lower() in SOUNDFONT_SUFFIXES and p.is_file()]


def check_soundfont(path: str | os.PathLike[str]) -> Path:
    """`path` if it is a readable SoundFont file, else a one-line `SoundfontError` naming it.

    SF2 and SF3 share a RIFF container of form type 'sfbk', so twelve bytes tell
    a SoundFont from anything else without trusting the extension.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise SoundfontError(f"{path}: SoundFont not found")
    if not path.is_file():
        raise SoundfontError(f"{path}: not a file (expected a .sf2 or .sf3 SoundFont)")
    try:
        with path.open("rb") as file:
            header = file.read(12)
    except OSError as error:
        raise SoundfontError(f"{path}: cannot read SoundFont ({error.strerror or error})") from None
    if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"sfbk":
        raise SoundfontError(f"{path}: not a SoundFont (expected a .sf2 or .sf3 file)")
    return path


def candidate_soundfonts(debian_dir: Path = DEBIAN_SF2_DIR) -> list[Path]:
    """Every SoundFont the automatic lookup would consider, in the order it tries them.

    `debian_dir` is where the preferred Debian SoundFonts are looked for (tests
    pass a folder of their own to see the choice with and without FluidR3)."""
    candidates = soundfonts_in(BUNDLED_DIR) + [debian_dir / name for name in PREFERRED_NAMES]
    for directory in system_soundfont_dirs():
        candidates += soundfonts_in(directory)
    unique: list[Path] = []
    for path in candidates:
        if path not in unique:
            unique.append(path)
    return unique


def find_soundfont(user_path: str | os.PathLike[str] | None = None, debian_dir: Path = DEBIAN_SF2_DIR) -> Path:
    """The SoundFont to use: `user_path` (checked strictly) or the first usable automatic candidate."""
    if user_path is not None and str(user_path) != "":
        return check_soundfont(user_path)
    for path in candidate_soundfonts(debian_dir):
        try:
            return check_soundfont(path)
        except SoundfontError:
            continue
    raise SoundfontError(
        "no SoundFont found: install one (Debian: apt install fluid-soundfont-gm), "
        f"put a .sf2/.sf3 file in {BUNDLED_DIR}, or pass --soundfont PATH"
    )
