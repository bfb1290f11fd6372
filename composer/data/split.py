"""The fixed validation split: which songs are held out, by id, written down.

Held-out numbers only compare from run to run if the held-out songs never
move, so the split is a file committed next to this module
(`validation_ids.txt`, one `source:song_id` a line). It was produced by the
rule below (about 5% of each source, by a hash of the id, so it does not
depend on file order, and a song keeps its side when others are added); Groove
keeps the split its authors published (info.csv `split`, its `validation` and
`test` rows both held out). A song missing from the file (a dataset grown since)
falls back to the same rule, so the file and the rule never disagree. Where a
source's files are parts of larger works (orchestra movements, Mutopia pieces),
the rule hashes the work (`work_of`), so a work never straddles the split.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

SPLIT_FILE = Path(__file__).with_name("validation_ids.txt")
VALIDATION_PERCENT = 5


# Sources whose songs are files of larger works (a symphony's movements, a Mutopia piece's
# files): the rule hashes the work, so a work's files all fall on one side of the split.
_WORK_OF = {
    "orchestra": lambda song_id: "/".join(song_id.split("/")[:2]),  # Composer/Work/[Movement/]file
    "mutopia": lambda song_id: song_id.rsplit("/", 1)[0],           # the piece's folder
}


def work_of(source: str, song_id: str) -> str:
    """The id the hash rule takes: the song's work where the source groups files into works."""
    return _WORK_OF[source](song_id) if source in _WORK_OF else song_id


def hashed_is_validation(source: str, song_id: str) -> bool:
    """The rule: the first 8 hex digits of sha1('source:work') modulo 100 fall under 5
    (the work is the song id itself, except for the sources in `_WORK_OF`)."""
    digest = hashlib.sha1(f"{source}:{work_of(source, song_id)}".encode()).hexdigest()
    return int(digest[:8], 16) % 100 < VALIDATION_PERCENT


@lru_cache(maxsize=1)
def _listed() -> frozenset[str]:
    if not SPLIT_FILE.exists():
        return frozenset()
    lines = SPLIT_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def split_of(source: str, song_id: str, published: str | None = None) -> str:
    """'validation' or 'train' for one song.

    `published` is a dataset's own split label (Groove); anything but 'train'
    is held out. Otherwise the written-down file decides for the sources it
    lists, and the hash rule for the rest.
    """
    if published is not None:
        return "train" if published == "train" else "validation"
    if f"{source}:{song_id}" in _listed():
        return "validation"
    return "validation" if hashed_is_validation(source, song_id) else "train"
