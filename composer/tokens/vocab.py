"""The token vocabulary: a few hundred named tokens in fixed groups.

Hand-made rather than MidiTok's, to keep proposals short: one POS token is
shared by all notes of an onset, velocity is written only when it changes
within a cell, drum hits carry no duration, and bar/track tokens are the only
structure. Every group is a contiguous id range, so the constrained sampler can
allow or forbid a whole group with one slice. Changing anything here changes
the ids: bump `VOCAB_VERSION` (checkpoints record it).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from engine.chords import QUALITIES
from engine.track import TrackRole

VOCAB_VERSION = 2  # 2: the STYLE group (appended, so every v1 id keeps its meaning)
STEPS_PER_QUARTER = 12       # 1/48 notes: 16ths and 8th/16th triplets on one grid
MAX_BAR_STEPS = 8 * STEPS_PER_QUARTER  # the longest bar: 8/4
MAX_BARS = 128               # bars in one encoded window (BAR_0 .. BAR_127)
MAX_TRACKS = 8               # note tracks in one window (TRK_0 .. TRK_7), plus the chord lane
# Note lengths in grid steps: every step up to a half note, then coarser.
DURATION_STEPS = tuple(range(1, 25)) + (27, 30, 33, 36, 42, 48, 54, 60, 66, 72, 84, 96, 108, 120, 144, 168, 192)
VELOCITIES = (16, 32, 48, 64, 80, 96, 112, 127)  # bin values; a velocity goes to the nearest
TEMPOS_BPM = tuple(round(40 * (6 ** (i / 23))) for i in range(24))  # 40 .. 240, log-spaced
METERS = ((1, 4), (2, 4), (3, 4), (4, 4), (5, 4), (6, 4), (7, 4), (8, 4), (2, 2), (3, 2), (4, 2),
          (3, 8), (5, 8), (6, 8), (7, 8), (9, 8), (12, 8), (1, 8), (2, 8), (4, 8), (10, 8), (11, 8))
KEY_MODES = ("major", "minor")
DRUM_STEPS = 3  # every decoded drum hit lasts a 16th (drum tokens carry no duration)
# Cell controls (bins): how many notes, most notes at one onset, highest minus lowest pitch.
DENSITY_EDGES = (0, 1, 2, 3, 4, 5, 7, 9, 12, 16, 21, 29, 41)   # bin i: count >= edge i
POLYPHONY_EDGES = (0, 1, 2, 3, 4, 5, 6)
RANGE_EDGES = (0, 1, 3, 5, 8, 13, 20, 25, 37)                 # semitones; an empty cell is bin 0
ROLES = tuple(role.value for role in TrackRole)
# What a piece is, as the model may be told it (header token `STYLE_x`, optional: training drops it
# for some windows so "no style" stays a request the model knows). Where each source's pieces go:
# docs/DATA.md. Appended last in the vocabulary, so a v1 checkpoint's ids are a prefix of v2's.
STYLES = ("pop", "folk", "art_song", "orchestral", "string_quartet", "keyboard", "game_rock", "drum_grooves")
SPECIALS = ("PAD", "BOS", "SEP", "MASK", "FILL_END", "NOCHORD", "KEY_NONE", "TRK_CHORDS")


@dataclass(frozen=True)
class Vocabulary:
    """Names <-> ids, and the id range of each group (`PITCH`, `POS`, ...)."""

    names: tuple[str, ...] = field(init=False)
    groups: dict[str, range] = field(init=False)

    def __post_init__(self) -> None:
        groups: dict[str, list[str]] = {
            "SPECIAL": list(SPECIALS),
            "BAR": [f"BAR_{i}" for i in range(MAX_BARS)],
            "METER": [f"METER_{n}/{d}" for n, d in METERS],
            "KEY": [f"KEY_{t}_{m}" for m in KEY_MODES for t in range(12)],
            "TEMPO": [f"TEMPO_{b}" for b in TEMPOS_BPM],
            "TRK": [f"TRK_{i}" for i in range(MAX_TRACKS)],
            "ROLE": [f"ROLE_{r}" for r in ROLES],
            "POS": [f"POS_{i}" for i in range(MAX_BAR_STEPS)],
            "PITCH": [f"PITCH_{i}" for i in range(128)],
            "DUR": [f"DUR_{s}" for s in DURATION_STEPS],
            "VEL": [f"VEL_{v}" for v in VELOCITIES],
            "ROOT": [f"ROOT_{i}" for i in range(12)],
            "QUAL": [f"QUAL_{q}" for q in QUALITIES],
            "CBASS": [f"CBASS_{i}" for i in range(12)],
            "DENS": [f"DENS_{e}" for e in DENSITY_EDGES],
            "POLY": [f"POLY_{e}" for e in POLYPHONY_EDGES],
            "RANGE": [f"RANGE_{e}" for e in RANGE_EDGES],
            "STYLE": [f"STYLE_{s}" for s in STYLES],
        }
        names: list[str] = []
        ranges: dict[str, range] = {}
        for group, members in groups.items():
            ranges[group] = range(len(names), len(names) + len(members))
            names += members
        object.__setattr__(self, "names", tuple(names))
        object.__setattr__(self, "groups", ranges)
        object.__setattr__(self, "_ids", {name: i for i, name in enumerate(names)})

    def __len__(self) -> int:
        return len(self.names)

    def id(self, name: str) -> int:
        return self._ids[name]

    def name(self, token: int) -> str:
        return self.names[token]

    def group_of(self, token: int) -> str:
        for group, ids in self.groups.items():
            if token in ids:
                return group
        raise ValueError(f"token id {token} is outside the vocabulary of {len(self)}")

    def member(self, group: str, index: int) -> int:
        """The id of the `index`-th token of a group (e.g. member('PITCH', 60))."""
        ids = self.groups[group]
        if not 0 <= index < len(ids):
            raise ValueError(f"{group} has {len(ids)} tokens, no index {index}")
        return ids[index]

    def index_in(self, group: str, token: int) -> int:
        """Inverse of `member`: which `group` token `token` is; ValueError for another group."""
        ids = self.groups[group]
        if token not in ids:
            raise ValueError(f"expected a {group} token, got {self.name(token) if 0 <= token < len(self) else token}")
        return token - ids.start


VOCAB = Vocabulary()
