"""Real MIDI inputs through mido's python-rtmidi backend (ALSA on Linux, CoreMIDI, Windows MM).

rtmidi hands over whole messages (the OS driver has already expanded running
status), so mido's `Message.from_bytes` is all the parsing needed here; each
message is stamped on arrival with the port's clock, in the rtmidi callback
thread, before anything else runs.

On a machine without MIDI support (no ALSA sequencer, as in containers and CI)
rtmidi raises while creating its client. Every call here turns that into a
`MidiInputUnavailable` ("MIDI input unavailable: <reason>"), which the device
list and the editor show as a state; nothing else in the app depends on MIDI.
"""
from __future__ import annotations

import mido

from engine.audio.synth import quiet_stderr
from engine.live.errors import MidiInputError, MidiInputUnavailable
from engine.live.ports import Clock, Listener, PortBase, default_clock

# What python-rtmidi and mido raise when the MIDI system is missing or a port is gone:
# rtmidi.SystemError is an OSError; an unknown name is OSError from mido; no rtmidi at all is ImportError.
_RTMIDI_FAILURES = (OSError, RuntimeError, ValueError, ImportError)


def _reason(error: BaseException) -> str:
    return str(error).strip() or type(error).__name__


class RtMidiBackend:
    """The system's MIDI inputs. `api` picks an rtmidi API by mido's name (e.g. 'LINUX_ALSA'), None for the default."""

    def __init__(self, api: str | None = None, clock: Clock = default_clock) -> None:
        self.api = api
        self.clock = clock
        self._mido = mido.Backend("mido.backends.rtmidi", api=api, load=False)

    def input_names(self) -> list[str]:
        try:
            with quiet_stderr():  # ALSA prints its own complaint to fd 2 before rtmidi raises
                return list(self._mido.get_input_names())
        except _RTMIDI_FAILURES as error:
            raise MidiInputUnavailable(_reason(error)) from None

    def open_input(self, name: str) -> RtMidiInputPort:
        return RtMidiInputPort(name, self._mido, self.clock)


class RtMidiInputPort(PortBase):
    """One hardware (or other application's) input, opened through mido + python-rtmidi."""

    def __init__(self, name: str, backend: mido.Backend, clock: Clock = default_clock) -> None:
        super().__init__(name, clock)
        self._backend = backend
        self._port = None

    def open(self, listener: Listener | None = None) -> None:
        self._start(listener)
        try:
            with quiet_stderr():
                self._port = self._backend.open_input(self.name, callback=self._arrived)
        except _RTMIDI_FAILURES as error:
            self._closed = True
            if "unknown port" in str(error) or "no ports" in str(error):
                raise MidiInputError(f"MIDI input {self.name!r} is not connected") from None
            raise MidiInputUnavailable(_reason(error)) from None

    def _arrived(self, message: mido.Message) -> None:
        self.deliver(message, self.clock())

    def close(self) -> None:
        super().close()
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except _RTMIDI_FAILURES:  # the device vanished: closing it can fail, and that is fine
                pass


def system_backend() -> RtMidiBackend:
    """The backend the app uses for real devices."""
    return RtMidiBackend()


def check_midi_input(backend: RtMidiBackend | None = None) -> str:
    """'' when MIDI input works on this machine, else the one-line reason to show."""
    try:
        (backend or system_backend()).input_names()
    except MidiInputError as error:
        return str(error)
    return ""
