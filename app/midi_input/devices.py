"""The MIDI input devices as the editor sees them: the list, the open one, and why there is none.

`DeviceWatcher` polls the backend on a daemon thread (rtmidi has no portable
hot-plug notice, and a listing must never stall the UI); each listing that
differs from the last is handed to the UI thread through a queued Qt signal,
where inputs are opened and closed. So plugging a keyboard in opens it (the
remembered one, else the first), unplugging closes it (a running recording
keeps its take through `LiveInput.on_lost`), and a machine without MIDI gets
the one-line reason and no more polling until the user asks to rescan.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.i18n import fill
from app.midi_input import preferences
from engine.live.devices import DeviceWatcher, InputListing, choose_input
from engine.live.errors import MidiInputUnavailable
from engine.live.ports import MidiBackend
from engine.live.router import LiveInput

NO_DEVICE = "(none)"  # the remembered choice when the user turned MIDI input off


class _SignallingWatcher(DeviceWatcher):
    """A DeviceWatcher that reports each changed listing as (names, removed, status) through `report`."""

    def __init__(self, backend: MidiBackend, report: Callable[[tuple, list, str], None], interval: float) -> None:
        super().__init__(backend, interval=interval)
        self._report = report
        self._reported_status: str | None = None

    def poll(self) -> tuple[list[str], list[str]]:
        added, removed = super().poll()
        if added or removed or self.status_message != self._reported_status:
            self._reported_status = self.status_message
            self._report(self.names, removed, self.status_message)
        return added, removed


class MidiDevices(QObject):
    """Owns the `LiveInput`; `changed` fires on the UI thread whenever the list, the open input or the status moves."""

    changed = Signal()
    notice = Signal(str)  # a one-line event for the status bar (connected, disconnected, failed)
    _listed = Signal(object, object, str)  # from the watcher thread: names, removed, status

    def __init__(self, live: LiveInput, backend_factory: Callable[[], MidiBackend], interval: float = 1.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self._backend_factory = backend_factory
        self.interval = interval
        self.names: tuple[str, ...] = ()
        self.unavailable = ""  # 'MIDI input unavailable: ...' when the machine has no MIDI
        self.preferred = preferences.load().device
        self._lost: str | None = None     # the input that was unplugged while open (the status says so)
        self._failed: str | None = None   # the input that would not open
        self._watcher: _SignallingWatcher | None = None
        self._listed.connect(self._on_listed)

    @property
    def connected(self) -> str | None:
        return self.live.connected

    @property
    def status(self) -> str:
        """What the status bar shows: why there is no input, or '' when all is well.

        The engine's reasons are English; the app says what happened in the interface language around them."""
        if self.unavailable or not self.live.status_message:
            return self.unavailable
        if self._failed is not None:
            return fill(self.tr("Cannot open MIDI input %1: %2"), self._failed, self.live.status_message)
        if self._lost is not None:
            return fill(self.tr("MIDI input %1 was disconnected"), self._lost)
        return self.live.status_message

    # --- watching --------------------------------------------------------------------
    def start(self) -> None:
        """Start watching (first listing on the watcher thread); again after `rescan`."""
        if self._watcher is not None:
            return
        if self.live.backend is None:
            self.live.backend = self._backend_factory()
        self._watcher = _SignallingWatcher(self.live.backend, self._listed.emit, self.interval)
        self._watcher.start()

    def rescan(self) -> None:
        self.stop()
        self.start()

    def stop(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()

    def close(self) -> None:
        self.stop()
        self.live.disconnect()

    def _on_listed(self, names: tuple[str, ...], removed: list[str], status: str) -> None:
        self.names = names
        for name in removed:
            was_open = self.connected == name
            self.live.device_removed(name)
            if was_open:
                self._lost, self._failed = name, None
                self.notice.emit(self.status)
        self.unavailable = self._unavailable(status)
        if status:
            self.stop()  # the MIDI system is missing: polling again would only repeat that
            self.notice.emit(self.unavailable)
        elif self.connected is None and self.preferred != NO_DEVICE:
            name = choose_input(InputListing(names), self.preferred)
            if name is not None:
                self.open(name, remember=False)
        self.changed.emit()

    def _unavailable(self, status: str) -> str:
        """The listing's "MIDI input unavailable: <reason>" (engine.live.errors) led in the interface language;
        the reason (the MIDI system's own words) stays as it came."""
        if not status:
            return ""
        reason = status.removeprefix(MidiInputUnavailable("").args[0])
        return fill(self.tr("MIDI input unavailable: %1"), reason)

    # --- choosing ---------------------------------------------------------------------
    def open(self, name: str | None, remember: bool = True) -> bool:
        """Open input `name` (None: no input); remembered for the next run when the user chose it."""
        if remember:
            self.preferred = name or NO_DEVICE
            preferences.update(device=self.preferred)
        if name is None:
            self.live.disconnect()
            ok = True
        else:
            ok = self.live.connect(name)
            self._lost, self._failed = None, None if ok else name
            self.notice.emit(fill(self.tr("MIDI input: %1"), name) if ok else self.status)
        self.changed.emit()
        return ok
