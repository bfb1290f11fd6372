"""The picture a cue is scored to: frames of a video file by time, exactly, without Qt.

A film composer needs the frame the director sees at a given moment, not the
nearest keyframe: a hit lands on one frame. `VideoReader.frame_at(seconds)`
returns frame number floor(seconds x fps), the frame whose display interval
holds that moment, as an RGB array. Decoding is PyAV's (FFmpeg's libraries
inside the wheel, docs/VIDEO.md says why not Qt Multimedia):

- A far jump (scrubbing, a loop going round) seeks to the keyframe at or
  before the frame, then decodes forward to it; frames are numbered from their
  timestamps, so B-frame reordering and a stream that does not start at 0 are
  handled.
- Playing on (the next frames) decodes forward from where it stopped, without
  a seek: sequential decoding is what codecs are fast at.
- The last frames are kept (`CACHE_FRAMES`, as RGB), and the few decoded
  just before a seek target are kept as decoded (`KEEP_BEHIND`), converted
  only if stepped back to, so stepping back a frame or scrubbing to and fro
  does not decode again, and a seek pays for one conversion, not seven.

Frames are scaled once, in FFmpeg, to the size the view asks for
(`set_output_width`), so a 4K picture in a small dock costs what the dock
shows. A reader is not thread-safe: the app keeps one per decode thread.
PyAV is imported on first use, keeping it off the app's start-up path.
"""
from __future__ import annotations

import math
import os
import stat
from collections import OrderedDict
from dataclasses import dataclass
from fractions import Fraction
from os import PathLike

import numpy as np

from engine.errors import FileFormatError

CACHE_FRAMES = 48  # two seconds at 24 fps: scrubbing back and forth over a hit stays in memory
KEEP_BEHIND = 6  # decoded frames kept just before the one asked for, converted only if stepped back to
FORWARD_LIMIT = 48  # decode forward up to this many frames instead of seeking
THREAD_TYPE = "AUTO"  # frame threads: the only way H.264 without slices decodes on several cores
SNAP_SECONDS = Fraction(1, 1_000_000)  # a moment within 1 us of a frame's start is that frame (float rounding)


class VideoFileError(FileFormatError):
    """A video that cannot be opened or decoded: `path: reason`."""


@dataclass(frozen=True, slots=True)
class VideoInfo:
    """What a video file holds. `fps` is exact (30000/1001 for NTSC); `frame_count` frames from number 0."""

    path: str
    width: int
    height: int
    fps: Fraction
    frame_count: int
    codec: str
    start_timecode: str | None  # the file's own SMPTE start ("01:00:00:00") where it carries one

    @property
    def duration_seconds(self) -> float:
        return float(self.frame_count / self.fps)


def frame_index(seconds: float, fps: Fraction) -> int:
    """The number of the frame shown at `seconds` of video time: floor(seconds x fps), exactly.

    Seconds computed from ticks carry float rounding (frame 24 at 24 fps may
    arrive as 0.99999999999 s), so a moment within a microsecond below a frame's
    start counts as that frame."""
    return math.floor(Fraction(seconds) * fps + SNAP_SECONDS * fps)


def frame_seconds(index: int, fps: Fraction) -> float:
    """When frame `index` starts, in video seconds."""
    return float(index / fps)


def _check_path(path: str) -> None:
    """A regular file: FFmpeg would block forever on a FIFO and report a folder obscurely."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise VideoFileError(path, "no such file") from None
    except OSError as problem:
        raise VideoFileError(path, f"cannot read: {problem.strerror or problem}") from None
    if stat.S_ISDIR(info.st_mode):
        raise VideoFileError(path, "is a directory, not a video file")
    if not stat.S_ISREG(info.st_mode):
        raise VideoFileError(path, "is not a regular file")


def _reason(error: Exception) -> str:
    """FFmpeg's message without PyAV's errno prefix and the repeated file name."""
    text = getattr(error, "strerror", None) or str(error)
    return " ".join(str(text).split()) or type(error).__name__


class VideoReader:
    """One open video file; `frame_at(seconds)` and `frame(index)` return H x W x 3 uint8 RGB arrays."""

    def __init__(self, path: str | PathLike[str]) -> None:
        import av

        self.path = os.fspath(path)
        self._decode_errors = (av.FFmpegError, ValueError)
        _check_path(self.path)
        try:
            self._container = av.open(self.path, mode="r")
        except (av.FFmpegError, UnicodeDecodeError, ValueError) as error:
            raise VideoFileError(self.path, f"not a video file FFmpeg can read ({_reason(error)})") from None
        try:
            self._stream = self._open_stream()
            self._cache: OrderedDict[int, np.ndarray] = OrderedDict()
            self._behind: OrderedDict[int, object] = OrderedDict()  # decoded, not yet converted
            self.seeks = 0  # how many times the decoder had to seek (the benchmark and the loop tests read it)
            self._frames = None  # the decoding generator, positioned after `_last`
            self._pending: tuple[int, object] | None = None  # a frame decoded past the one asked for
            self._last: tuple[int, object] | None = None  # the last frame decoded up to the one asked for
            self._width = self._stream.codec_context.width
            self._height = self._stream.codec_context.height
            first = self._decode_first()
            self.info = self._describe(first)
        except VideoFileError:
            self._container.close()
            raise
        except (av.FFmpegError, ValueError) as error:
            self._container.close()
            raise VideoFileError(self.path, f"cannot decode its picture ({_reason(error)})") from None

    # --- opening ---------------------------------------------------------------------------
    def _open_stream(self):
        streams = self._container.streams.video
        if not streams:
            raise VideoFileError(self.path, "has no video stream")
        stream = streams[0]
        rate = stream.average_rate or stream.guessed_rate or stream.base_rate
        if not rate or rate <= 0:
            raise VideoFileError(self.path, "has no frame rate")
        self._fps = Fraction(rate)
        stream.thread_type = THREAD_TYPE
        self._time_base = Fraction(stream.time_base)
        self._start_pts = stream.start_time or 0
        return stream

    def _decode_first(self):
        """Frame 0, decoded to prove the picture is readable; its timestamp fixes the numbering."""
        self._frames = self._container.decode(self._stream)
        self._pending = None
        for frame in self._frames:
            if frame.pts is not None:
                self._start_pts = frame.pts
            self._last = (0, frame)
            return frame
        raise VideoFileError(self.path, "has no picture that can be decoded")

    def _describe(self, first) -> VideoInfo:
        stream = self._stream
        if stream.frames:
            count = stream.frames
        elif stream.duration:
            count = math.ceil(stream.duration * self._time_base * self._fps)
        elif self._container.duration:
            count = math.ceil(Fraction(self._container.duration, 1_000_000) * self._fps)
        else:
            count = 1
        tagged = [stream, *self._container.streams.data, self._container]  # QuickTime keeps it in a tmcd track
        timecode = next((item.metadata["timecode"] for item in tagged if item.metadata.get("timecode")), None)
        return VideoInfo(self.path, first.width, first.height, self._fps, max(1, count),
                         stream.codec_context.name, timecode)

    # --- frames ----------------------------------------------------------------------------
    def set_output_width(self, width: int | None) -> None:
        """Scale frames to `width` pixels (height to keep the aspect ratio, both even); None: full size."""
        full_w, full_h = self.info.width, self.info.height
        if width is None or width >= full_w:
            size = (full_w, full_h)
        else:
            width = max(2, width - width % 2)
            size = (width, max(2, round(full_h * width / full_w / 2) * 2))
        if size != (self._width, self._height):
            self._width, self._height = size
            self._cache.clear()

    def drop_cached_frames(self) -> None:
        """Forget every kept frame (the benchmark's way to make each seek a real one)."""
        self._cache.clear()
        self._behind.clear()

    @property
    def output_size(self) -> tuple[int, int]:
        return self._width, self._height

    def frame_index(self, seconds: float) -> int:
        """The frame shown at `seconds` of video time, clamped to the first and last frames."""
        return min(max(frame_index(seconds, self._fps), 0), self.info.frame_count - 1)

    def frame_at(self, seconds: float) -> tuple[int, np.ndarray]:
        """(frame number, RGB array) of the frame shown at `seconds` of video time."""
        index = self.frame_index(seconds)
        return index, self.frame(index)

    def reaches_without_seeking(self, index: int) -> bool:
        """Whether frame `index` is kept or a short decode forward from where the decoder is."""
        last = self._last
        return (index in self._cache or index in self._behind
                or (last is not None and last[0] <= index <= last[0] + FORWARD_LIMIT))

    def frame(self, index: int) -> np.ndarray:
        """Frame `index` as RGB (a number past the last frame: the last one)."""
        cached = self._cache.get(index)
        if cached is not None:
            self._cache.move_to_end(index)
            return cached
        decoded = self._behind.pop(index, None)
        if decoded is None and self._last is not None and self._last[0] == index:
            decoded = self._last[1]  # converted before at another size (the view was resized)
        if decoded is not None:
            return self._store(index, decoded)
        try:
            last = self._last
            if last is None or not last[0] < index <= last[0] + FORWARD_LIMIT:
                self._seek(index)
            shown = self._decode_to(index)
            if shown is None:  # the seek landed past the frame (a badly indexed file): decode from the start
                self._seek(0)
                shown = self._decode_to(index)
        except self._decode_errors as error:  # a file damaged past its first frame
            self._forget_position()
            raise VideoFileError(self.path, f"frame {index} cannot be decoded ({_reason(error)})") from None
        if shown is None:
            raise VideoFileError(self.path, f"frame {index} cannot be decoded")
        return shown

    def _forget_position(self) -> None:
        """After a decoding error the decoder's position is unknown: the next frame seeks."""
        self._frames = None
        self._pending = None
        self._last = None

    def _seek(self, index: int) -> None:
        """Put the decoder at the keyframe at or before frame `index`."""
        pts = self._start_pts + math.floor(Fraction(index) / self._fps / self._time_base)
        self._container.seek(pts, stream=self._stream, backward=True, any_frame=False)
        self.seeks += 1
        self._frames = self._container.decode(self._stream)
        self._pending = None
        self._last = None

    def _upcoming(self):
        """(number, frame) in display order, starting with a frame read ahead by the last call."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            yield pending
        for frame in self._frames:
            yield self._number(frame), frame

    def _decode_to(self, index: int) -> np.ndarray | None:
        """Decode forward to frame `index`, keep it and a few before it; None if the decoder is already past it."""
        behind: list[tuple[int, object]] = []
        for number, frame in self._upcoming():
            if number > index:
                # Frame `index` does not exist (a variable-rate stream): the one before it stays on screen.
                self._pending = (number, frame)
                break
            behind.append((number, frame))
            del behind[:-KEEP_BEHIND - 1]
            self._last = (number, frame)
            if number == index:
                break
        for number, frame in behind[:-1]:
            self._behind[number] = frame
            while len(self._behind) > KEEP_BEHIND:
                self._behind.popitem(last=False)
        if self._last is None:
            return None
        shown = self._store(*self._last)
        if self._last[0] != index:
            self._cache[index] = shown
        return shown

    def _number(self, frame) -> int:
        """A decoded frame's number, from its timestamp (decode order says nothing with B-frames)."""
        if frame.pts is None:
            return self._last[0] + 1 if self._last else 0
        return round((frame.pts - self._start_pts) * self._time_base * self._fps)

    def _store(self, number: int, frame) -> np.ndarray:
        cached = self._cache.get(number)
        if cached is None:
            cached = frame.to_ndarray(width=self._width, height=self._height, format="rgb24")
            self._cache[number] = cached
            while len(self._cache) > CACHE_FRAMES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(number)
        return cached

    def close(self) -> None:
        self._frames = None
        self._container.close()

    def __enter__(self) -> "VideoReader":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
