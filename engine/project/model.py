"""`Project`: a song plus the editor state that belongs with it in a `.cadenza` file.

The song is the music; `ProjectState` is how the user left the editor (loop,
soundfont, selection, view, snap) and the AI takes kept for later auditioning.
Both are plain immutable values, so a project snapshot can be handed to the
autosave timer while the user keeps editing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from engine.audio.film_sound import MAX_GAIN_DB as FILM_MAX_DB, MIN_GAIN_DB as FILM_MIN_DB
from engine.audio.mix import DEFAULT_MIX, MixSettings
from engine.song import Song


@dataclass(frozen=True, slots=True)
class LoopRegion:
    """The playback loop, [start, end) in ticks; `enabled` lets the user keep it while it is off."""

    start: int
    end: int
    enabled: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"loop must satisfy 0 <= start < end, got {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class ViewState:
    """Where the piano roll was: zoom factors (1.0 is the editor's default) and scroll position."""

    zoom_x: float = 1.0
    zoom_y: float = 1.0
    scroll_tick: int = 0
    scroll_pitch: int = 60

    def __post_init__(self) -> None:
        for name in ("zoom_x", "zoom_y"):
            value = getattr(self, name)
            if not (math.isfinite(value) and value > 0):
                raise ValueError(f"{name} must be a positive number, got {value}")
        if self.scroll_tick < 0:
            raise ValueError(f"scroll_tick must be >= 0, got {self.scroll_tick}")
        if not 0 <= self.scroll_pitch <= 127:
            raise ValueError(f"scroll_pitch must be 0..127, got {self.scroll_pitch}")


@dataclass(frozen=True, slots=True)
class VideoLink:
    """The picture a cue is scored to: a video file and where it sits against the song.

    `offset_seconds` is the video's own time at the song's start (tick 0): a
    video that starts at 01:00:00:00 under a cue that starts at 01:00:10:00 has
    offset 10.0; a negative offset means the picture starts after the song does.
    The file itself is not part of the project, only its path. The video's
    own sound plays with the music (engine.audio.film_sound): `sound_muted`
    and `sound_level_db` are how the user left it.
    """

    path: str
    offset_seconds: float = 0.0
    sound_muted: bool = False
    sound_level_db: float = 0.0

    MAX_OFFSET_SECONDS = 86_400.0  # a day: timecode wraps at 24 hours

    def __post_init__(self) -> None:
        if not self.path:
            raise ValueError("video path must not be empty")
        if not (math.isfinite(self.offset_seconds) and abs(self.offset_seconds) < self.MAX_OFFSET_SECONDS):
            raise ValueError(f"video offset must be a number of seconds within ±86400, got {self.offset_seconds}")
        if not (math.isfinite(self.sound_level_db) and FILM_MIN_DB <= self.sound_level_db <= FILM_MAX_DB):
            raise ValueError(f"video sound level must be {FILM_MIN_DB:g}..{FILM_MAX_DB:g} dB, got {self.sound_level_db}")

    def with_(self, **changes: Any) -> "VideoLink":
        return replace(self, **changes)


@dataclass(frozen=True)
class ProjectState:
    """Editor state saved with the song.

    `snap_ticks` is the snap grid in the song's ticks (0: snap off).
    `takes` holds the AI proposals kept with the project; its shape belongs to
    the composer feature that fills it, so here it is any JSON-able list
    (dicts, lists, strings, numbers, booleans, None), saved and loaded as is.
    (The locks against proposals are the song's: `Track.locked`, `Note.locked`.) `video` is the picture the song is scored to
    (format 3; None when there is none or the file is older). `mix` is how
    playback and audio exports mix it (gains by role, reverb, chorus; format 5,
    the defaults for older files). `style` is the learned style proposals are
    written in (its name, docs/STYLES.md; format 6; None: the composer's own).
    """

    loop: LoopRegion | None = None
    soundfont: str | None = None
    selected_track_id: int | None = None
    view: ViewState = field(default_factory=ViewState)
    snap_ticks: int = 0
    takes: list[Any] = field(default_factory=list)
    video: VideoLink | None = None
    mix: MixSettings = DEFAULT_MIX
    style: str | None = None

    def __post_init__(self) -> None:
        if self.snap_ticks < 0:
            raise ValueError(f"snap_ticks must be >= 0 (0 is off), got {self.snap_ticks}")

    def with_(self, **changes: Any) -> "ProjectState":
        return replace(self, **changes)


@dataclass(frozen=True)
class Project:
    song: Song = field(default_factory=Song)
    state: ProjectState = field(default_factory=ProjectState)

    def with_(self, **changes: Any) -> "Project":
        return replace(self, **changes)
