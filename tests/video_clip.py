"""Test videos whose every frame shows its own number, made with PyAV (FFmpeg in the wheel).

Each frame carries its number as a row of BITS black/white blocks, wide enough to
survive lossy compression and any scaling, so a test can read back which frame a
decoder returned or a widget displayed, and compare it with floor(t x fps).
"""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np

BITS = 12  # up to 4095 frames
BLOCK = 16
WIDTH, HEIGHT = BITS * BLOCK, 64


def frame_picture(number: int) -> np.ndarray:
    """The RGB picture of frame `number`: grey, with its bits (most significant first) across the middle."""
    picture = np.full((HEIGHT, WIDTH, 3), 96, np.uint8)
    for bit in range(BITS):
        on = (number >> (BITS - 1 - bit)) & 1
        picture[16:48, bit * BLOCK:(bit + 1) * BLOCK] = 240 if on else 16
    return picture


def read_number(rgb: np.ndarray, box: tuple[int, int, int, int] | None = None) -> int:
    """The frame number shown in `rgb` (H x W x 3), or in the `box` (x, y, w, h) of it the picture fills."""
    x, y, w, h = box or (0, 0, rgb.shape[1], rgb.shape[0])
    number = 0
    for bit in range(BITS):
        cx = x + int((bit + 0.5) * w / BITS)
        cy = y + h // 2
        number = number * 2 + int(rgb[cy, cx, :3].mean() > 128)
    return number


def tone_bursts(bursts: list[tuple[float, float, float]], seconds: float, rate: int = 48000) -> np.ndarray:
    """A stereo (n, 2) float32 soundtrack, silent but for sine `bursts` of (start s, end s, Hz) at half scale."""
    t = np.arange(round(seconds * rate)) / rate
    mono = np.zeros(len(t), np.float32)
    for start, end, hz in bursts:
        inside = (t >= start) & (t < end)
        mono[inside] = 0.5 * np.sin(2 * np.pi * hz * (t[inside] - start))
    return np.stack([mono, mono], axis=1)


def make_clip(path: Path, frames: int, fps: Fraction = Fraction(24), codec: str = "mpeg4",
              gop: int = 12, timecode: str | None = None, sound: np.ndarray | None = None,
              sound_codec: str = "pcm_s16le", sound_rate: int = 48000) -> Path:
    """Encode `frames` numbered frames at `fps` into `path`; keyframes every `gop` frames.

    libx264 is asked for B-frames, so decoders must put frames back in display order.
    `sound` ((n, 2) float32 at `sound_rate`, e.g. `tone_bursts`) adds an audio stream starting with frame 0:
    pcm_s16le (exact; use a .mov or .mkv) or aac (an .mp4 as cameras write it)."""
    import av

    with av.open(str(path), mode="w") as container:
        options = {"bf": "2", "preset": "veryfast"} if codec == "libx264" else {}
        stream = container.add_stream(codec, rate=fps, options=options)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.codec_context.gop_size = gop
        if timecode:
            stream.metadata["timecode"] = timecode
        audio = _add_sound(container, sound, sound_codec, sound_rate) if sound is not None else None
        for number in range(frames):
            frame = av.VideoFrame.from_ndarray(frame_picture(number), format="rgb24")
            frame.pts = number
            frame.time_base = 1 / fps
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
        if audio is not None:
            for frame in audio:
                for packet in container.streams.audio[0].encode(frame):
                    container.mux(packet)
            for packet in container.streams.audio[0].encode():
                container.mux(packet)
    return path


def _add_sound(container, sound: np.ndarray, codec: str, rate: int) -> list:
    """Add an audio stream to `container`; the frames to encode into it."""
    import av

    stream = container.add_stream(codec, rate=rate)
    stream.layout = "stereo"
    fmt = stream.codec_context.format.name
    size = stream.codec_context.frame_size or 1024
    frames = []
    for start in range(0, len(sound), size):
        chunk = sound[start:start + size]
        if fmt == "s16":
            array = (np.clip(chunk, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
        else:  # fltp: one plane per channel
            array = np.ascontiguousarray(chunk.T)
        frame = av.AudioFrame.from_ndarray(array, format=fmt, layout="stereo")
        frame.sample_rate, frame.pts, frame.time_base = rate, start, Fraction(1, rate)
        frames.append(frame)
    return frames
