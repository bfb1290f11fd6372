"""`LiveInput`: the one open MIDI input and who hears it, in the order that keeps thru fast.

Every message goes first to MIDI learn (a bound knob or pad is consumed and
goes nowhere else), then straight to thru (nothing slow before the synth call),
then to the other listeners (a recorder, the queue feeding step input). A
device that vanishes is closed, its sounding notes released, and the
`on_lost` callbacks (a running recorder's `input_lost`) told when it went;
nothing raises. The listener list is replaced, never mutated, so the MIDI
thread can walk it while the UI thread changes it.
"""
from __future__ import annotations

from collections.abc import Callable

import mido

from engine.live.errors import MidiInputError
from engine.live.learn import MidiLearn
from engine.live.ports import Listener, MidiBackend, MidiInputPort
from engine.live.thru import MidiThru


class LiveInput:
    def __init__(self, backend: MidiBackend, thru: MidiThru | None = None, learn: MidiLearn | None = None) -> None:
        self.backend = backend
        self.thru = thru
        self.learn = learn
        self.port: MidiInputPort | None = None
        self.status_message = ""
        self._listeners: tuple[Listener, ...] = ()
        self.on_lost: tuple[Callable[[float], None], ...] = ()

    # --- listeners ---------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners = self._listeners + (listener,)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners = tuple(x for x in self._listeners if x != listener)

    def dispatch(self, message: mido.Message, timestamp: float) -> None:
        """The port's listener: learn, then thru, then everyone else."""
        learn = self.learn
        if learn is not None and learn.handle(message, timestamp):
            return
        thru = self.thru
        if thru is not None:
            thru.handle(message, timestamp)
        for listener in self._listeners:
            listener(message, timestamp)

    # --- the device ----------------------------------------------------------------------
    @property
    def connected(self) -> str | None:
        return self.port.name if self.port is not None else None

    def connect(self, name: str) -> bool:
        """Open input `name` (closing the current one); False with `status_message` set if it cannot open."""
        self.disconnect()
        try:
            port = self.backend.open_input(name)
            port.open(self.dispatch)
        except MidiInputError as error:
            self.status_message = str(error)
            return False
        self.port, self.status_message = port, ""
        return True

    def disconnect(self) -> None:
        port, self.port = self.port, None
        if port is not None:
            port.close()
            if self.thru is not None:
                self.thru.release_all()

    def device_removed(self, name: str) -> None:
        """A `DeviceWatcher.on_removed` callback: if it was ours, keep what was played and close it."""
        if self.port is None or self.port.name != name:
            return
        lost_at = self.port.clock()
        self.disconnect()
        self.status_message = f"MIDI input {name!r} was disconnected"
        for callback in self.on_lost:
            callback(lost_at)
