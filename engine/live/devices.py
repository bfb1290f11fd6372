"""Which MIDI inputs exist, and a watcher that notices keyboards being plugged in and out.

Polling the names (about once a second) is the one method that works the same
with ALSA, CoreMIDI, Windows and the in-process backend; rtmidi has no portable
hot-plug notification. A listing that fails (no MIDI system, or the system
going away) never raises out of here: it becomes `available = False` and a
one-line `status_message`, and the inputs seen before are reported removed.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from engine.live.errors import MidiInputError
from engine.live.ports import MidiBackend

log = logging.getLogger("engine.live")

NameCallback = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class InputListing:
    """The inputs present now, or why there are none (`message` is '' when MIDI works)."""

    names: tuple[str, ...]
    message: str = ""

    @property
    def available(self) -> bool:
        return not self.message


def list_inputs(backend: MidiBackend) -> InputListing:
    """The input names, never an exception: a broken MIDI system is a message."""
    try:
        return InputListing(tuple(backend.input_names()))
    except MidiInputError as error:
        return InputListing((), str(error))


def choose_input(listing: InputListing, preferred: str | None) -> str | None:
    """The input to open: the remembered one if present, else the first, else None.

    Names can gain a client/port number suffix between sessions (ALSA's
    'Keystation 49:Keystation 49 MIDI 1 20:0'), so a remembered name also
    matches an input that starts with it.
    """
    if preferred:
        for name in listing.names:
            if name == preferred or name.startswith(preferred):
                return name
    return listing.names[0] if listing.names else None


class DeviceWatcher:
    """Polls `backend` and reports inputs added and removed through callbacks.

    Call `poll()` from a timer you already have, or `start()` a daemon thread
    that polls every `interval` seconds (its callbacks then run on that thread).
    A callback that raises is logged and the watcher carries on.
    """

    def __init__(self, backend: MidiBackend, on_added: NameCallback | None = None,
                 on_removed: NameCallback | None = None, interval: float = 1.0) -> None:
        self.backend = backend
        self.on_added = on_added
        self.on_removed = on_removed
        self.interval = interval
        self.names: tuple[str, ...] = ()
        self.status_message = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def available(self) -> bool:
        return not self.status_message

    def poll(self) -> tuple[list[str], list[str]]:
        """Compare with the last listing; returns (added, removed) after calling the callbacks."""
        listing = list_inputs(self.backend)
        self.status_message = listing.message
        added = [n for n in listing.names if n not in self.names]
        removed = [n for n in self.names if n not in listing.names]
        self.names = listing.names
        for callback, names in ((self.on_removed, removed), (self.on_added, added)):
            for name in names:
                if callback is not None:
                    try:
                        callback(name)
                    except Exception:
                        log.exception("MIDI device callback failed for %r", name)
        return added, removed

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="cadenza-midi-devices", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        self.poll()
        while not self._stop.wait(self.interval):
            self.poll()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
