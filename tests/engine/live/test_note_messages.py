"""A note-on with velocity 0 is a note-off, for every input consumer alike (engine.live.note_messages)."""
from __future__ import annotations

import mido
import pytest
from keyboard import TPQ, cc, off, on

from engine.live.learn import Binding, MidiLearn
from engine.live.note_messages import is_note_off, is_note_on
from engine.live.step_input import StepInput


def test_the_rule():
    assert is_note_on(on(60, 1)) and not is_note_off(on(60, 1))
    assert is_note_off(off(60)) and not is_note_on(off(60))                      # note-on, velocity 0
    assert is_note_off(off(60, zero_velocity_on=False)) and not is_note_on(off(60, zero_velocity_on=False))
    for other in (cc(64, 127), mido.Message("pitchwheel", pitch=100), mido.Message("aftertouch", value=90)):
        assert not is_note_on(other) and not is_note_off(other)


@pytest.mark.parametrize("zero_velocity_on", [True, False])
def test_step_input_ends_a_step_on_either_release(zero_velocity_on):
    step = StepInput(1, cursor=0, length=TPQ)
    assert step.feed(on(60, 90), 0.0) is None
    edit = step.feed(off(60, zero_velocity_on), 0.1)
    assert edit is not None and step.cursor == TPQ


def test_a_learned_pad_acts_on_its_press_and_not_on_its_velocity_0_release():
    actions = []
    learn = MidiLearn(lambda action, value: actions.append((action, value)))
    learn.learn("play")
    assert learn.handle(off(36)) is False and learn.learning == "play"   # a release does not bind
    assert learn.handle(on(36, 127)) and learn.learning is None
    assert learn.bindings == [Binding("play", "note", 36, 0, 0.0, 1.0)]
    assert learn.handle(off(36)) and actions == []                      # consumed, no action
    assert learn.handle(on(36, 127)) and actions == [("play", 1.0)]
