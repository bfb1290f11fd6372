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


def make_clip(path: Path, frames: int, fps: Fraction = Fraction(24), codec: str = "mpeg4",
              gop: int = 12, timecode: str | None = None) -> Path:
    """Encode `frames` numbered frames at `fps` into `path`; keyframes every `gop` frames.

    libx264 is asked for B-frames, so decoders must put frames back in display order."""
    import av

    with av.open(str(path), mode="w") as container:
        options = {"bf": "2", "preset": "veryfast"} if codec == "libx264" else {}
        stream = container.add_stream(codec, rate=fps, options=options)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.codec_context.gop_size = gop
        if timecode:
            stream.metadata["timecode"] = timecode
        for number in range(frames):
            frame = av.VideoFrame.from_ndarray(frame_picture(number), format="rgb24")
            frame.pts = number
            frame.time_base = 1 / fps
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path
