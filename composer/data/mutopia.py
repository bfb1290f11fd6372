"""Mutopia (LilyPond editions compiled to MIDI) -> Songs: keyboard textures, hymns, rags, small ensembles.

`licences.tsv` names each piece's .ly file, licence and instrumentation; a
piece's MIDI files sit in the .ly file's folder (`ftp/` dropped), so that
folder is the work: every file of it falls on one side of the split
(composer.data.split.work_of). Where a
folder holds a full score and `*-part-*` extracts of it, the parts are left
out (they double the score). Roles: composer.data.ensemble.solo_with_keyboard
(a keyboard piece: bass by the POP909 rule, top voice the melody where it is a
clear line, the rest accompaniment; solos over a keyboard: the solo is the
melody; hymns and ensembles without a keyboard: the ensemble rule). Repeats are
as LilyPond wrote them (not unfolded). A LilyPond pickup (`\\partial`) is not
in the MIDI's meter events, so such a piece's bars run a pickup late.

Licence per piece: public domain, CC BY or CC BY-SA (credit the typesetter and
Mutopia). Style: keyboard, also for hymns, rags, guitar and small ensembles
(all keyboard-like textures or chamber writing); `orchestral` where the
instrumentation names an orchestra, `string_quartet` for string quartets.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from composer.data.common import CorpusSong
from composer.data.ensemble import solo_with_keyboard
from composer.data.score_midi import convert_file

SOURCE = "mutopia"
FOLDER = "mutopia"
_PART = re.compile(r"-part-|(^|[-_])part\d*([-_]|$)")


def files(root: Path) -> list[Path]:
    """Every MIDI file, less part extracts that sit beside a full score in their folder."""
    found = sorted((root / FOLDER / "midi").rglob("*.mid"))
    scores = {p.parent for p in found if not _PART.search(p.stem)}
    return [p for p in found if not (_PART.search(p.stem) and p.parent in scores)]


def song_id(root: Path, path: Path) -> str:
    return path.relative_to(root / FOLDER / "midi").with_suffix("").as_posix()


def work_id(root: Path, path: Path) -> str:
    return path.parent.relative_to(root / FOLDER / "midi").as_posix()


@lru_cache(maxsize=4)
def _pieces(root: Path) -> dict[str, dict[str, str]]:
    """licences.tsv rows by work folder (the .ly file's folder without `ftp/`)."""
    with open(root / FOLDER / "licences.tsv", newline="", encoding="utf-8") as file:
        rows = csv.DictReader(file, delimiter="\t")
        return {str(Path(r["source_ly"]).parent.relative_to("ftp").as_posix()): r for r in rows}


def licence(text: str) -> str:
    """'Creative Commons Attribution-ShareAlike 3.0' or 'licenses/by-sa/3.0' -> 'CC-BY-SA-3.0'; else public domain."""
    lowered = text.lower()
    version = re.search(r"(\d\.\d)", text)
    suffix = f"-{version.group(1)}" if version else ""
    if "sharealike" in lowered or "by-sa" in lowered:
        return "CC-BY-SA" + suffix
    if "attribution" in lowered or "/by/" in lowered:
        return "CC-BY" + suffix
    return "public domain"


def style(instrument: str) -> str:
    lowered = instrument.lower()
    if "orchestra" in lowered:
        return "orchestral"
    return "string_quartet" if "string quartet" in lowered else "keyboard"


def convert(root: Path, path: Path) -> CorpusSong:
    work = work_id(root, path)
    piece = _pieces(root).get(work)
    if piece is None:
        raise KeyError(f"{work}: not in licences.tsv")
    ident = song_id(root, path)
    return convert_file(path, SOURCE, ident, solo_with_keyboard, licence(piece["licence"]),
                        style(piece["instrument"]), path.stem.replace("_", " ").replace("-", " "))
