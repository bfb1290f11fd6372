"""MIDI learn: a knob, fader or pad on the controller drives a named action of the app.

An action is just a name the editor understands ('adventurousness', 'generate',
'play'); a `Binding` ties it to a controller number (CC) or a note, on one
channel or any, and scales 0..127 to the action's range (a knob for 0..1, a
tempo fader for 60..180). `learn(action)` arms capture: the next CC or note-on
binds to it. A bound message is consumed: it does not sound through thru or
get recorded, so a pad that means 'generate' never plays a note.

Bindings serialize to a plain dict for the settings file; each action has at
most one control and each control drives at most one action (learning moves it).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import mido

from engine.live.errors import MidiInputError
from engine.live.note_messages import is_note_on

ActionCallback = Callable[[str, float], None]
CC, NOTE = "cc", "note"
SETTINGS_VERSION = 1


@dataclass(frozen=True, slots=True)
class Binding:
    """`action` follows controller (kind 'cc') or note (kind 'note') `number` on `channel` (None: any)."""

    action: str
    kind: str
    number: int
    channel: int | None = None
    low: float = 0.0
    high: float = 1.0

    def __post_init__(self) -> None:
        if not self.action or self.kind not in (CC, NOTE) or not 0 <= self.number <= 127 \
                or (self.channel is not None and not 0 <= self.channel <= 15):
            raise MidiInputError(f"invalid MIDI binding: action {self.action!r}, {self.kind} {self.number}, "
                                 f"channel {self.channel}")

    @property
    def key(self) -> tuple[str, int | None, int]:
        return self.kind, self.channel, self.number

    def scale(self, raw: int) -> float:
        """0..127 onto low..high."""
        return self.low + (self.high - self.low) * raw / 127


def _control_of(message: mido.Message) -> tuple[str, int] | None:
    if message.type == "control_change":
        return CC, message.control
    if message.type in ("note_on", "note_off"):
        return NOTE, message.note
    return None


class MidiLearn:
    """The bindings, the learn mode, and the dispatch of bound messages to `on_action(action, value)`.

    `handle` is a port listener that returns True when it consumed the message;
    it runs on the MIDI thread, so `on_action` should hand off to the UI thread.
    """

    def __init__(self, on_action: ActionCallback | None = None) -> None:
        self.on_action = on_action
        self._bindings: dict[tuple[str, int | None, int], Binding] = {}
        self._learning: tuple[str, float, float] | None = None
        self._lock = threading.Lock()

    @property
    def bindings(self) -> list[Binding]:
        return sorted(self._bindings.values(), key=lambda b: b.action)

    @property
    def learning(self) -> str | None:
        """The action waiting for a control, if learn mode is on."""
        return self._learning[0] if self._learning else None

    def learn(self, action: str, low: float = 0.0, high: float = 1.0) -> None:
        """Bind `action` to the next CC or note-on that arrives."""
        self._learning = (action, low, high)

    def cancel_learning(self) -> None:
        self._learning = None

    def bind(self, binding: Binding) -> None:
        with self._lock:
            self._bindings = {k: b for k, b in self._bindings.items() if b.action != binding.action}
            self._bindings[binding.key] = binding

    def unbind(self, action: str) -> None:
        with self._lock:
            self._bindings = {k: b for k, b in self._bindings.items() if b.action != action}

    def handle(self, message: mido.Message, timestamp: float = 0.0) -> bool:
        control = _control_of(message)
        if control is None:
            return False
        kind, number = control
        if self._learning is not None and (kind == CC or is_note_on(message)):
            action, low, high = self._learning
            self._learning = None
            self.bind(Binding(action, kind, number, message.channel, low, high))
            return True
        binding = self._bindings.get((kind, message.channel, number)) or self._bindings.get((kind, None, number))
        if binding is None:
            return False
        raw = message.value if kind == CC else message.velocity if is_note_on(message) else 0
        if (kind == CC or raw) and self.on_action is not None:  # a pad's release is consumed, not an action
            self.on_action(binding.action, binding.scale(raw))
        return True

    # --- settings ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"version": SETTINGS_VERSION, "bindings": [asdict(b) for b in self.bindings]}

    def load_dict(self, data: dict[str, Any]) -> None:
        """Replace the bindings with those of `to_dict` output; a bad entry raises MidiInputError naming it."""
        if not isinstance(data, dict) or data.get("version") != SETTINGS_VERSION:
            raise MidiInputError(f"MIDI learn settings: expected version {SETTINGS_VERSION}, got {data!r:.60}")
        bindings = []
        for entry in data.get("bindings", []):
            try:
                bindings.append(Binding(**entry))
            except (TypeError, ValueError, MidiInputError) as error:
                raise MidiInputError(f"MIDI learn settings: bad binding {entry!r:.80} ({error})") from None
        with self._lock:
            self._bindings = {}
        for binding in bindings:
            self.bind(binding)

    @classmethod
    def from_dict(cls, data: dict[str, Any], on_action: ActionCallback | None = None) -> MidiLearn:
        learn = cls(on_action)
        learn.load_dict(data)
        return learn
