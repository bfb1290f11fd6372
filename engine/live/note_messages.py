"""The one rule every MIDI-input consumer reads note messages by: a note-on with velocity 0 is a note-off.

Most keyboards release a key with `note_on velocity=0` (it lets them keep running
status), a few with a real `note_off`. Thru, the recorder, step input and MIDI
learn all ask these two functions, so they cannot disagree about a release.
"""
from __future__ import annotations

import mido


def is_note_on(message: mido.Message) -> bool:
    """A key pressed: a note-on with a velocity above 0."""
    return message.type == "note_on" and message.velocity > 0


def is_note_off(message: mido.Message) -> bool:
    """A key released: a note-off, or the note-on with velocity 0 that most keyboards send instead."""
    return message.type == "note_off" or (message.type == "note_on" and message.velocity == 0)
