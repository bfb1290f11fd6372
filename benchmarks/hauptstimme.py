"""The truth for the ensemble benchmarks: which part carries the main theme in each bar of an orchestral movement.

OpenScore Orchestra's movements come with main-theme (Hauptstimme) annotations
(`musicxml/**/<name>_annotations.csv`: from `qstamp` quarters on, the theme is
in part `part_num`, 0-based in score order, until the next row), and with a
MuseScore MIDI export (`midi/`) whose tracks are the score's staves in order
(a two-stave part, a harp or an organ, has two) and whose repeats are played
out. So:

- the measure map (`<name>.mm.json`, compressed: measures between two listed
  ones share the quarters between them equally; `next` says where a repeat or
  a volta goes on each pass) is unfolded into the played order, and a
  movement whose unfolded length is not the MIDI's (within a bar) is left out;
- a played measure gets the annotation in force at its middle in the score;
- part `part_num` is the song tracks of its staves (a MIDI track that plays on
  several channels is several song tracks, as the importer splits it).
"""
from __future__ import annotations

import csv
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from engine.midi import import_midi
from engine.midi.smf_reader import parse_smf
from engine.song import Song

FOLDER = "openscore-orchestra"


@dataclass(frozen=True)
class Movement:
    """A movement as imported, and per played measure (start tick, end tick, song track ids of the annotated part)."""

    ident: str
    song: Song
    measures: tuple[tuple[int, int, frozenset[int]], ...]


def movements(datasets: Path) -> list[Path]:
    """Every movement with annotations and a measure map: its MIDI file, in a stable order."""
    root = datasets / FOLDER
    return sorted(p for p in (root / "midi").rglob("*.mid")
                  if _score_file(root, p, "_annotations.csv").exists() and _score_file(root, p, ".mm.json").exists())


def load(datasets: Path, midi: Path) -> Movement | None:
    """The movement with its per-measure truth; None when its measure map does not match the MIDI."""
    root = datasets / FOLDER
    data = midi.read_bytes()
    song = import_midi(midi).song
    tpq = song.ticks_per_quarter
    played = _unfold(json.loads(_score_file(root, midi, ".mm.json").read_text()))
    if abs(sum(length for _, length in played) * tpq - song.content_end_tick) > 4 * tpq:
        return None
    tracks_of_part = _part_tracks(_staves(_score_file(root, midi, ".mxl")), parse_smf(data, midi.name))
    rows = _annotations(_score_file(root, midi, "_annotations.csv"))
    measures = []
    position = 0.0
    for folded_start, length in played:
        middle = folded_start + length / 2
        in_force = [part for q, part in rows if q <= middle]
        if in_force and in_force[-1] in tracks_of_part:
            measures.append((round(position * tpq), round((position + length) * tpq), tracks_of_part[in_force[-1]]))
        position += length
    return Movement(midi.relative_to(root / "midi").with_suffix("").as_posix(), song, tuple(measures))


def _score_file(root: Path, midi: Path, suffix: str) -> Path:
    relative = midi.relative_to(root / "midi").with_suffix("")
    return root / "musicxml" / relative.parent / f"{relative.name}{suffix}"


def _annotations(path: Path) -> list[tuple[float, int]]:
    with open(path, newline="") as file:
        return sorted((float(row["qstamp"]), int(row["part_num"])) for row in csv.DictReader(file))


def _unfold(entries: list[dict]) -> list[tuple[float, float]]:
    """(score position in quarters, length) of every measure in played order."""
    listed = {e["count"]: e for e in entries}
    anchors = sorted(listed)

    def place(count: int) -> tuple[float, float]:
        """A measure's score position and length: a listed one's own; one between two listed ones gets an
        equal share of the quarters between them (a listed pickup or odd bar keeps its own length)."""
        index = max(i for i, a in enumerate(anchors) if a <= count)
        anchor = listed[anchors[index]]
        if count == anchor["count"]:
            return anchor["qstamp"], anchor["actual_length"]
        following = listed[anchors[index + 1]] if index + 1 < len(anchors) else None
        if following is None:
            length = anchor["actual_length"]
        else:
            length = (following["qstamp"] - anchor["qstamp"] - anchor["actual_length"]) / (
                following["count"] - anchor["count"] - 1)
        return anchor["qstamp"] + anchor["actual_length"] + (count - anchor["count"] - 1) * length, length

    last = max(anchors)
    visits: dict[int, int] = {}
    played = []
    count = 1
    while len(played) < 20_000:
        played.append(place(count))
        visits[count] = visits.get(count, 0) + 1
        entry = listed.get(count)
        targets = entry["next"] if entry else [count + 1]
        following = targets[visits[count] - 1] if visits[count] <= len(targets) else count + 1
        if following == -1 or following > last:
            break
        count = following
    return played


def _staves(mxl: Path) -> list[int]:
    """Staves per part, in score order (MuseScore writes one MIDI track per staff)."""
    with zipfile.ZipFile(mxl) as archive:
        name = next(n for n in archive.namelist() if n.endswith((".xml", ".musicxml")) and not n.startswith("META"))
        text = archive.read(name).decode("utf-8", "replace")
    ids = re.findall(r'<score-part id="([^"]+)"', text)
    staves = []
    for ident in ids:
        start = text.find(f'<part id="{ident}"')
        found = re.search(r"<staves>(\d+)</staves>", text[start:start + 50_000]) if start >= 0 else None
        staves.append(int(found.group(1)) if found else 1)
    return staves


def _part_tracks(staves: list[int], smf) -> dict[int, frozenset[int]]:
    """part_num (0-based) -> the song track ids its staves became (the importer's channel split followed)."""
    per_raw: list[list[int]] = []
    next_id = 1
    for raw in smf.tracks:
        channels: list[int] = []
        kinds: dict[int, set[int]] = {}
        for _, status, _, _ in raw.channel_events:
            channel = status & 0x0F
            if channel not in kinds:
                channels.append(channel)
                kinds[channel] = set()
            kinds[channel].add(status & 0xF0)
        kept = [c for c in channels if kinds[c] & {0x80, 0x90, 0xB0, 0xC0, 0xE0}]
        per_raw.append(list(range(next_id, next_id + len(kept))))
        next_id += len(kept)
    with_events = [ids for raw, ids in zip(smf.tracks, per_raw) if raw.channel_events]
    out: dict[int, frozenset[int]] = {}
    index = 0
    for part, count in enumerate(staves):
        ids = [i for staff in with_events[index:index + count] for i in staff]
        index += count
        if ids:
            out[part] = frozenset(ids)
    return out
