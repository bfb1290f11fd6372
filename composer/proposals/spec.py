"""What a proposal is asked for: the region, the task, the controls, and the errors it can end in.

Torch-free on purpose: the editor builds a `Region` and `Controls` while the
user drags a selection, long before the model (and torch) is loaded.
Validation happens here, once, with one-line `ProposalError`s, so the
decoding code below can trust its inputs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from composer.tokens.vocab import STYLES
from engine.errors import CadenzaError
from engine.keys import Key
from engine.notes import Note


class ProposalError(CadenzaError):
    """A proposal that cannot be made (bad region, impossible constraints, no model): one line."""


class ProposalCancelled(ProposalError):
    """The caller cancelled; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("proposal cancelled")


class Task(str, Enum):
    """What to write into the region. Every task is the same infilling with a different mask and rules."""

    MELODY = "melody"
    CHORDS = "chords"              # the chord lane
    BASS = "bass"
    ACCOMPANIMENT = "accompaniment"
    DRUMS = "drums"
    FILL = "fill"                  # whatever the region's tracks are, by their roles
    CONTINUE = "continue"          # append `Region.last_bar - Region.first_bar + 1` bars after the song
    VARIATION_RHYTHM = "variation-rhythm"    # new pitches on the region's own rhythm
    VARIATION_CONTOUR = "variation-contour"  # new rhythm, pitches near the old line's shape

    @classmethod
    def parse(cls, text: str | Task) -> Task:
        try:
            return cls(text)
        except ValueError:
            raise ProposalError(f"unknown task {text!r} (choose from {', '.join(t.value for t in cls)})") from None


DENSITIES = ("low", "mid", "high")
PARTS = ("chords", "melody", "bass", "accompaniment", "drums")   # a new sketch's parts, in the order they are written
CHORD_FOLLOWING = ("off", "soft", "strict")


@dataclass(frozen=True)
class Region:
    """Bars `first_bar..last_bar` (0-based, inclusive) of the tracks `track_ids`.

    `locked` maps a track id to notes inside the region that must come back
    exactly as they are (the model writes around them). For `Task.CHORDS`
    the chord lane is the region and `track_ids` may be empty. For
    `Task.CONTINUE` the bars lie after the song's end (first_bar == bar count).
    """

    first_bar: int
    last_bar: int
    track_ids: tuple[int, ...] = ()
    locked: dict[int, tuple[Note, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "track_ids", tuple(self.track_ids))
        object.__setattr__(self, "locked", {t: tuple(sorted(n)) for t, n in self.locked.items()})
        if self.first_bar < 0 or self.last_bar < self.first_bar:
            raise ProposalError(f"bars {self.first_bar + 1}-{self.last_bar + 1}: need 1 <= first <= last")
        if len(set(self.track_ids)) != len(self.track_ids):
            raise ProposalError("a track is named twice in the region")
        stray = set(self.locked) - set(self.track_ids)
        if stray:
            raise ProposalError(f"locked notes on track(s) {sorted(stray)} outside the region's tracks")

    @property
    def bars(self) -> range:
        return range(self.first_bar, self.last_bar + 1)

    def with_song_locks(self, song) -> Region:
        """This region with the song's locks applied (the editor and `cadenza generate` ask the same way).

        Locks are part of the song (`Track.locked`, `Note.locked`): a locked track conditions the others and
        is left out of the tracks written; a locked note inside the bars comes back exactly as it is."""
        tracks = tuple(t for t in self.track_ids if not song.track(t).locked)
        if self.track_ids and not tracks:
            raise ProposalError("every track of the region is locked: unlock one to write into it")
        start, end = song.meter_map.bar_range(self.first_bar, self.last_bar)
        locked = dict(self.locked)
        for track_id in tracks:
            notes = tuple(n for n in song.track(track_id).notes_between(start, end) if n.locked)
            if notes:
                locked[track_id] = tuple(sorted(set(locked.get(track_id, ())) | set(notes)))
        return Region(self.first_bar, self.last_bar, tracks, {t: n for t, n in locked.items() if t in tracks})


@dataclass(frozen=True)
class Controls:
    """How to write it. Every field has a default that lets the model choose.

    `key` with `key_strict` True allows only the scale's pitches (and chords
    made of them); False only nudges the model towards them. `pitch_range` is
    inclusive MIDI pitches (never applied to drums, which use General MIDI
    sounds 35..81); None gives each track its instrument's range narrowed to
    the part's register around the region (composer.proposals.ranges), and a
    range given here wins even outside the instrument (the candidate then
    warns, in one line, of notes it cannot play). `density` picks the tokens' note-count control per bar.
    `chord_following`: off, soft (chord tones favoured) or strict (chord
    tones only on beats, and everywhere in a bass line). It works both ways:
    a chord lane being written favours chords that hold the notes sounding
    under them (strongly under strict). With `density` None the model
    chooses, nudged towards how busy the track is in the bars around the
    region (and, when the task names a part, away from empty bars).
    `style` names what the piece is (pop, folk, art_song, ...), said in the
    prompt's header as in training; a model trained before styles refuses it.
    """

    temperature: float = 1.0
    top_p: float = 0.95
    seed: int = 0
    candidates: int = 1
    key: Key | None = None
    key_strict: bool = True
    pitch_range: tuple[int, int] | None = None
    density: str | None = None
    chord_following: str = "soft"
    max_attempts: int = 3          # decodes per candidate before its post-check failures are reported
    style: str | None = None       # a STYLE token the model conditions on (vocab.STYLES); None: unsaid
    # The bar (0-based) where the region's section begins: the melody echo does not reach back past it, so a
    # new section brings new material (a sketch's sections). None: the echo may lean on any earlier bar.
    section_start: int | None = None
    # Originality (composer.originality): a candidate whose new lines or chords come as close to one training
    # piece (or one file of `reference_folder`) as the index's threshold is decoded again, like a soft failure.
    avoid_close_matches: bool = False
    reference_folder: str | None = None   # a folder of the user's own songs to check proposals against too

    def __post_init__(self) -> None:
        if not 0.05 <= self.temperature <= 5:
            raise ProposalError(f"temperature {self.temperature} must be 0.05..5")
        if not 0 < self.top_p <= 1:
            raise ProposalError(f"top_p {self.top_p} must be in (0, 1]")
        if not 0 <= self.seed <= 2**32 - 1:
            raise ProposalError(f"seed {self.seed} must be 0..{2**32 - 1}")
        if not 1 <= self.candidates <= 16:
            raise ProposalError(f"{self.candidates} candidates: choose 1..16")
        if self.density is not None and self.density not in DENSITIES:
            raise ProposalError(f"density {self.density!r}: choose {', '.join(DENSITIES)}")
        if self.chord_following not in CHORD_FOLLOWING:
            raise ProposalError(f"chord following {self.chord_following!r}: choose {', '.join(CHORD_FOLLOWING)}")
        if self.pitch_range is not None:
            low, high = self.pitch_range
            if not 0 <= low <= high <= 127:
                raise ProposalError(f"pitch range {low}-{high} must be within 0..127, low first")
            if self.key is not None and self.key_strict and not any(self.key.contains(p) for p in range(low, high + 1)):
                raise ProposalError(f"pitch range {low}-{high} holds no note of {self.key}")
        if not 1 <= self.max_attempts <= 10:
            raise ProposalError("max_attempts must be 1..10")
        if self.section_start is not None and self.section_start < 0:
            raise ProposalError(f"section start {self.section_start} must be a bar >= 0")
        if self.style is not None and self.style not in STYLES:
            raise ProposalError(f"style {self.style!r}: choose {', '.join(STYLES)}")
