"""Audio errors a user sees (one line each), all `CadenzaError`s.

They live with the audio package so the shared engine.errors module stays small;
the CLI and the editor catch `CadenzaError` and show `str(error)`.
"""
from __future__ import annotations

from engine.errors import CadenzaError


class AudioError(CadenzaError):
    """Base of the audio layer's user-facing errors."""


class SoundfontError(AudioError):
    """No usable SoundFont: a bad user path, an unloadable file, or none installed."""


class RenderError(AudioError):
    """A render that cannot start: bad output path or format, song too long."""


class RenderCancelled(AudioError):
    """The user cancelled a render; no output file is left behind."""

    def __init__(self) -> None:
        super().__init__("render cancelled")
