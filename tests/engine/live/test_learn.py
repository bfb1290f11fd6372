"""MIDI learn: capture the next control, drive named actions, keep bound messages out of the music."""
from __future__ import annotations

import json

import pytest
from keyboard import cc, off, on

from engine.live.errors import MidiInputError
from engine.live.learn import Binding, MidiLearn
from engine.live.ports import VirtualBackend
from engine.live.router import LiveInput


def test_learn_binds_the_next_control_and_bound_messages_are_consumed():
    actions = []
    learn = MidiLearn(lambda action, value: actions.append((action, round(value, 3))))
    backend = VirtualBackend()
    keys = backend.plug("keys")
    live = LiveInput(backend, learn=learn)
    heard = []
    live.add_listener(lambda message, timestamp: heard.append(message))
    live.connect("keys")
    learn.learn("adventurousness")
    keys.send(cc(21, 5, channel=2))       # captured: binds CC 21 on channel 3
    learn.learn("generate")
    keys.send(off(36))                    # a release is not a control to learn
    keys.send(on(36, 100, channel=9))     # captured: the pad
    keys.send(cc(21, 127, channel=2))
    keys.send(cc(21, 0, channel=2))
    keys.send(on(36, 127, channel=9))
    keys.send(off(36))                    # on channel 0: not the pad, so it passes on
    keys.send(cc(21, 64, channel=0))      # another channel: not bound, passes on
    keys.send(on(60))
    assert actions == [("adventurousness", 1.0), ("adventurousness", 0.0), ("generate", 1.0)]
    assert heard == [off(36), off(36), cc(21, 64), on(60)]
    assert learn.learning is None


def test_bindings_round_trip_through_plain_settings():
    learn = MidiLearn()
    learn.bind(Binding("tempo", "cc", 7, None, 60.0, 180.0))
    learn.bind(Binding("generate", "note", 36, 9))
    learn.bind(Binding("tempo", "cc", 74))   # re-binding an action moves it
    settings = json.loads(json.dumps(learn.to_dict()))
    again = MidiLearn.from_dict(settings)
    assert again.bindings == learn.bindings == [Binding("generate", "note", 36, 9),
                                                 Binding("tempo", "cc", 74)]
    values = []
    again.on_action = lambda action, value: values.append(value)
    assert again.handle(cc(74, 127, channel=5)) and values == [1.0]
    assert not again.handle(cc(7, 127))
    with pytest.raises(MidiInputError, match="^MIDI learn settings: bad binding"):
        MidiLearn.from_dict({"version": 1, "bindings": [{"action": "x", "kind": "cc", "number": 300}]})
    with pytest.raises(MidiInputError, match="expected version 1"):
        MidiLearn.from_dict({"bindings": []})
