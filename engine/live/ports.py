"""The small MIDI input port interface, and the in-process port that tests and a virtual keyboard feed.

Everything downstream (thru, recorder, step input, learn) sees only
`(mido.Message, timestamp_seconds)` pairs, stamped on the port's clock the
moment the message arrives. So a test that sends real mido messages with real
timestamps through `VirtualInputPort` runs exactly the code a keyboard on
python-rtmidi runs (`engine.live.rtmidi_port`); only the byte transport differs.

A port delivers either to a listener callback, called on the port's own thread
(the rtmidi thread for a real device: keep it short, hand slow work to the UI
thread), or, opened without one, into a queue that `poll()` drains.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Protocol, runtime_checkable

import mido

from engine.live.errors import MidiInputError

log = logging.getLogger("engine.live")

Listener = Callable[[mido.Message, float], None]
Clock = Callable[[], float]

# The clock every port stamps messages with unless told otherwise: monotonic and
# sub-microsecond everywhere (time.monotonic ticks in 15 ms steps on Windows).
default_clock: Clock = time.perf_counter


@runtime_checkable
class MidiInputPort(Protocol):
    """An input device as the rest of the engine sees it."""

    name: str
    clock: Clock

    @property
    def closed(self) -> bool: ...

    def open(self, listener: Listener | None = None) -> None:
        """Start delivering messages to `listener` (or into the `poll()` queue when None)."""

    def poll(self) -> list[tuple[mido.Message, float]]:
        """The queued messages, oldest first (always empty while a listener is set)."""

    def close(self) -> None:
        """Stop delivering; safe to call twice and after the device has vanished."""


@runtime_checkable
class MidiBackend(Protocol):
    """Where input ports come from: the system's MIDI (rtmidi) or an in-process registry."""

    def input_names(self) -> list[str]:
        """The names of the inputs present now; raises `MidiInputError` when MIDI is unavailable."""

    def open_input(self, name: str) -> MidiInputPort:
        """An unopened port for `name`; raises `MidiInputError` for an unknown name."""


class PortBase:
    """Delivery shared by the real and the in-process port: listener or queue, never an exception upstream."""

    def __init__(self, name: str, clock: Clock = default_clock) -> None:
        self.name = name
        self.clock = clock
        self._listener: Listener | None = None
        self._queue: deque[tuple[mido.Message, float]] = deque()
        self._closed = True

    @property
    def closed(self) -> bool:
        return self._closed

    def _start(self, listener: Listener | None) -> None:
        self._listener = listener
        self._closed = False

    def deliver(self, message: mido.Message, timestamp: float) -> None:
        """Hand one message on. A listener that raises is logged, not propagated: an
        exception must not kill the driver's thread and with it the keyboard."""
        if self._closed:
            return
        listener = self._listener
        if listener is None:
            self._queue.append((message, timestamp))
            return
        try:
            listener(message, timestamp)
        except Exception:
            log.exception("MIDI listener failed on %s from %s", message, self.name)

    def poll(self) -> list[tuple[mido.Message, float]]:
        items = []
        while self._queue:
            items.append(self._queue.popleft())
        return items

    def close(self) -> None:
        self._closed = True
        self._listener = None


class VirtualInputPort(PortBase):
    """An input fed in-process with real mido messages: tests, an on-screen keyboard, a file replay.

    `send` stamps the message with the port's clock unless a timestamp is given,
    exactly as the rtmidi port stamps a keyboard's messages on arrival.
    """

    def __init__(self, name: str = "Virtual keyboard", clock: Clock = default_clock) -> None:
        super().__init__(name, clock)
        self.vanished = False

    def open(self, listener: Listener | None = None) -> None:
        if self.vanished:
            raise MidiInputError(f"MIDI input {self.name!r} is no longer connected")
        self._start(listener)

    def send(self, message: mido.Message, timestamp: float | None = None) -> None:
        """Deliver `message` as if it had just arrived (ignored when closed or unplugged, like a dead cable)."""
        if not self.vanished:
            self.deliver(message, self.clock() if timestamp is None else timestamp)

    def send_all(self, timed: Iterable[tuple[mido.Message, float]]) -> None:
        for message, timestamp in timed:
            self.send(message, timestamp)

    def vanish(self) -> None:
        """The device is unplugged: nothing more arrives, the port stays 'open' until its owner closes it."""
        self.vanished = True


class VirtualBackend:
    """An in-process set of inputs that can be plugged and unplugged (tests, virtual keyboards)."""

    def __init__(self, clock: Clock = default_clock) -> None:
        self.clock = clock
        self._ports: dict[str, VirtualInputPort] = {}
        self._lock = threading.Lock()

    def plug(self, name: str) -> VirtualInputPort:
        with self._lock:
            port = self._ports[name] = VirtualInputPort(name, self.clock)
        return port

    def unplug(self, name: str) -> None:
        with self._lock:
            port = self._ports.pop(name)
        port.vanish()

    def input_names(self) -> list[str]:
        with self._lock:
            return list(self._ports)

    def open_input(self, name: str) -> VirtualInputPort:
        with self._lock:
            try:
                return self._ports[name]
            except KeyError:
                raise MidiInputError(f"no MIDI input named {name!r}") from None
