"""SMPTE timecode: frame rates, hh:mm:ss:ff labels, and the song's frame rate and start offset.

A timecode label counts frames, not seconds. At 24, 25 and 30 fps the two agree;
at 23.976 and 29.97 the picture runs 1.001 times slower than the label says, so
label 01:00:00:00 is 3603.6 real seconds in. 29.97 drop-frame keeps the labels
close to the wall clock by skipping the labels ;00 and ;01 at the start of every
minute except minutes 0, 10, 20, ... (frames are never dropped, only labels), so
01:00:00;00 is frame 107,892 and 3599.996 s.

A frame number n starts at n / fps seconds (fps exact, e.g. 30000/1001), and a
moment t lies in frame floor(t * fps): what a video player shows at t.
`SongTimecode` is the song's choice of rate plus the label at tick 0 (the cue
starts at 01:00:10:00, say); the ruler, the transport and hit points read it.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from fractions import Fraction

from engine.errors import CadenzaError

DAY_HOURS = 24


class TimecodeError(CadenzaError, ValueError):
    """A frame rate, label or offset that does not exist: one line for the user."""


@dataclass(frozen=True, slots=True)
class FrameRate:
    """`name` is how files and the user spell it; `fps` is exact frames per real second;
    `nominal` is the frames per labelled second (30 for 29.97); `drop` is drop-frame labelling."""

    name: str
    fps: Fraction
    nominal: int
    drop: bool = False

    @property
    def separator(self) -> str:
        return ";" if self.drop else ":"  # the usual sign of drop-frame before the frames field

    def __str__(self) -> str:
        return f"{self.name} fps" + (" drop-frame" if self.drop else "")


FRAME_RATES: tuple[FrameRate, ...] = (
    FrameRate("23.976", Fraction(24000, 1001), 24),
    FrameRate("24", Fraction(24), 24),
    FrameRate("25", Fraction(25), 25),
    FrameRate("29.97df", Fraction(30000, 1001), 30, drop=True),
    FrameRate("29.97", Fraction(30000, 1001), 30),
    FrameRate("30", Fraction(30), 30),
)
_BY_NAME = {rate.name: rate for rate in FRAME_RATES}
_DROP_LABELS = 2          # ;00 and ;01 skipped each minute (29.97 drop-frame)
_FRAMES_PER_DROP_MINUTE = 60 * 30 - _DROP_LABELS          # 1798
_FRAMES_PER_TEN_DROP_MINUTES = 10 * 60 * 30 - 9 * _DROP_LABELS   # 17982


def frame_rate(name: str) -> FrameRate:
    """The rate called `name` ("23.976", "24", "25", "29.97df", "29.97", "30"); TimecodeError otherwise."""
    try:
        return _BY_NAME[name.strip().lower().replace(" ", "").removesuffix("fps")]
    except KeyError:
        raise TimecodeError(f"unknown frame rate {name!r} (known: {', '.join(_BY_NAME)})") from None


def frames_per_day(rate: FrameRate) -> int:
    if rate.drop:
        return DAY_HOURS * 6 * _FRAMES_PER_TEN_DROP_MINUTES
    return DAY_HOURS * 3600 * rate.nominal


@dataclass(frozen=True, slots=True, order=True)
class Timecode:
    """A label hh:mm:ss:ff (any rate's: check it against one with `frame_number`)."""

    hours: int
    minutes: int
    seconds: int
    frames: int

    def text(self, rate: FrameRate) -> str:
        return f"{self.hours:02d}:{self.minutes:02d}:{self.seconds:02d}{rate.separator}{self.frames:02d}"


def frame_number(label: Timecode, rate: FrameRate) -> int:
    """How many frames come before `label` (00:00:00:00 is frame 0); TimecodeError for a label that does not exist."""
    h, m, s, f = label.hours, label.minutes, label.seconds, label.frames
    if not (0 <= h < DAY_HOURS and 0 <= m < 60 and 0 <= s < 60 and 0 <= f < rate.nominal):
        raise TimecodeError(f"{label.text(rate)} is not a timecode at {rate} "
                            f"(hours 0-23, minutes and seconds 0-59, frames 0-{rate.nominal - 1})")
    if rate.drop and s == 0 and f < _DROP_LABELS and m % 10:
        raise TimecodeError(f"{label.text(rate)} does not exist in drop-frame timecode "
                            f"(frames ;00 and ;01 are skipped at every minute not divisible by 10)")
    count = ((h * 60 + m) * 60 + s) * rate.nominal + f
    if rate.drop:
        total_minutes = h * 60 + m
        count -= _DROP_LABELS * (total_minutes - total_minutes // 10)
    return count


def timecode_at_frame(frame: int, rate: FrameRate) -> Timecode:
    """The label of frame number `frame` (wrapping at 24 hours, as timecode does)."""
    frame %= frames_per_day(rate)
    if rate.drop:
        tens, rest = divmod(frame, _FRAMES_PER_TEN_DROP_MINUTES)
        skipped = 9 * _DROP_LABELS * tens
        if rest >= _DROP_LABELS:
            skipped += _DROP_LABELS * ((rest - _DROP_LABELS) // _FRAMES_PER_DROP_MINUTE)
        frame += skipped
    seconds, frames = divmod(frame, rate.nominal)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return Timecode(hours, minutes, seconds, frames)


_LABEL = re.compile(r"\s*(\d{1,2})[:;.](\d{1,2})[:;.](\d{1,2})[:;.,](\d{1,2})\s*")


def parse_timecode(text: str, rate: FrameRate) -> Timecode:
    """`hh:mm:ss:ff` (any of : ; . as separators) checked against `rate`; TimecodeError otherwise."""
    match = _LABEL.fullmatch(text)
    if not match:
        raise TimecodeError(f"{text!r} is not a timecode (expected hh:mm:ss:ff, e.g. 01:00:10:00)")
    label = Timecode(*(int(part) for part in match.groups()))
    frame_number(label, rate)  # raises for a label this rate does not have
    return label


def frame_at_seconds(seconds: float, rate: FrameRate) -> int:
    """The frame showing at `seconds` (frame n covers [n/fps, (n+1)/fps)); a ten-thousandth of a frame of
    tolerance, so a time computed as n/fps in floating point, or kept to the microsecond as hit points
    are, still lands in frame n."""
    return math.floor(seconds * rate.fps + 1e-4)


def frame_seconds(frame: int, rate: FrameRate) -> float:
    """When frame number `frame` starts, in seconds."""
    return float(frame / rate.fps)


@dataclass(frozen=True, slots=True)
class SongTimecode:
    """The song's frame rate and the label at its tick 0 (the SMPTE start offset)."""

    rate: FrameRate = field(default=_BY_NAME["24"])
    start: Timecode = Timecode(0, 0, 0, 0)

    def __post_init__(self) -> None:
        frame_number(self.start, self.rate)  # a start label the rate does not have is refused

    @property
    def start_frame(self) -> int:
        return frame_number(self.start, self.rate)

    @property
    def start_seconds(self) -> float:
        return frame_seconds(self.start_frame, self.rate)

    def frame_at(self, song_seconds: float) -> int:
        """The absolute frame number (from 00:00:00:00) showing `song_seconds` after the song's start."""
        return self.start_frame + frame_at_seconds(song_seconds, self.rate)

    def label_at(self, song_seconds: float) -> Timecode:
        return timecode_at_frame(self.frame_at(song_seconds), self.rate)

    def text_at(self, song_seconds: float) -> str:
        return self.label_at(song_seconds).text(self.rate)

    def song_seconds(self, label: Timecode) -> float:
        """Seconds after the song's start at which `label` begins (negative before the start)."""
        return frame_seconds(frame_number(label, self.rate) - self.start_frame, self.rate)

    def parse(self, text: str) -> float:
        """The song time of a typed label; TimecodeError for a bad label or one before the start."""
        seconds = self.song_seconds(parse_timecode(text, self.rate))
        if seconds < 0:
            raise TimecodeError(f"{text.strip()} is before the song's start {self.start.text(self.rate)}")
        return seconds

    def with_rate(self, rate: FrameRate) -> "SongTimecode":
        """The same start label at another rate (what a composer means by 'the cue starts at 01:00:10:00')."""
        return SongTimecode(rate, self.start)


def song_timecode(rate_name: str, start_text: str) -> SongTimecode:
    """A SongTimecode from what a user or a file spells; TimecodeError (one line) for either part."""
    rate = frame_rate(rate_name)
    return SongTimecode(rate, parse_timecode(start_text, rate))


# --- MIDI ---------------------------------------------------------------------
# The SMPTE offset meta event (FF 54 05 hr mn se fr ff) names the label at the
# file's start; the top bits of `hr` give the rate as 24, 25, 29.97 drop-frame
# or 30. 23.976 and 29.97 non-drop count their labels as 24 and 30 do, so the
# event says 24 or 30 and a Cadenza tag (FF 7F, ignored by other programs) keeps
# the real rate. Sub-frames (hundredths) are read and rounded away: a song's
# start is a whole frame.
SMPTE_OFFSET = 0x54
_MIDI_RATE_CODES = {"23.976": 0, "24": 0, "25": 1, "29.97df": 2, "29.97": 3, "30": 3}
_RATE_FOR_CODE = {0: "24", 1: "25", 2: "29.97df", 3: "30"}
_RATE_TAG = b"\x7dcadenza-timecode:frame_rate="


def smpte_offset_payload(timecode: SongTimecode) -> bytes:
    start = timecode.start
    code = _MIDI_RATE_CODES[timecode.rate.name]
    return bytes((code << 5 | start.hours, start.minutes, start.seconds, start.frames, 0))


def frame_rate_tag(timecode: SongTimecode) -> bytes:
    """The FF 7F payload that names the exact rate."""
    return _RATE_TAG + timecode.rate.name.encode("ascii")


def frame_rate_from_tag(payload: bytes) -> FrameRate | None:
    if not payload.startswith(_RATE_TAG):
        return None
    return _BY_NAME.get(payload[len(_RATE_TAG):].decode("ascii", "replace"))


def timecode_from_smpte_offset(payload: bytes, tagged_rate: FrameRate | None = None) -> SongTimecode:
    """The song timecode an SMPTE offset event describes; TimecodeError for one that is not a timecode."""
    if len(payload) < 4:
        raise TimecodeError(f"SMPTE offset has {len(payload)} bytes, not 5")
    rate = _BY_NAME[_RATE_FOR_CODE[payload[0] >> 5 & 3]]
    if tagged_rate is not None and _MIDI_RATE_CODES[tagged_rate.name] == _MIDI_RATE_CODES[rate.name]:
        rate = tagged_rate
    label = Timecode(payload[0] & 0x1F, payload[1], payload[2], payload[3])
    return SongTimecode(rate, label)
