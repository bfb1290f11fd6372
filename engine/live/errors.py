"""Live-input errors a user sees, one line each (all `CadenzaError`s)."""
from __future__ import annotations

from engine.errors import CadenzaError


class MidiInputError(CadenzaError):
    """A MIDI input that cannot be listed or opened; `str()` is the message for the status bar."""


class MidiInputUnavailable(MidiInputError):
    """The machine has no usable MIDI input system (no ALSA sequencer, no CoreMIDI, ...)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"MIDI input unavailable: {reason}")
