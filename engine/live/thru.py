"""MIDI thru: what is played on the keyboard sounds at once with the selected track's instrument.

Live notes go to a synth channel of their own (by default 254, the last
usable one of the Player's 256: a pitch bend on channel 255 corrupts
FluidSynth 2.3.1's memory, 255 being its NO_CHANNEL marker of free voices),
set up like the selected track (program, bank or drum kit, volume, pan,
controllers reset) with the same `track_setup` the scheduler uses. A channel of its own means the keyboard's sustain pedal and pitch wheel
do not bend or hold the song that is playing, and playback's note-offs never
cut a key that is held.

`handle` runs in the MIDI driver's thread for every message, so it does the
least possible: one type test and one call into FluidSynth (whose API is
thread-safe), nothing allocated for a note, no lock of ours. Velocity passes unchanged; the
sustain pedal is CC 64 forwarded, so FluidSynth holds the notes exactly as a
recorded pedal would. Bank select (CC 0/32) is not forwarded: the instrument is
the track's.
"""
from __future__ import annotations

import mido

from engine.audio.schedule import BEND, CONTROL, SynthEvent, track_setup
from engine.audio.synth import Synth
from engine.live.note_messages import is_note_off, is_note_on
from engine.track import Track

SUSTAIN = 64
ALL_NOTES_OFF = 123
_BANK_SELECT = frozenset({0, 32})


FLUID_NO_CHANNEL = 255  # FluidSynth's NO_CHANNEL marker for free voices: bending it corrupts the synth


def default_live_channel(synth: Synth) -> int:
    """The last usable synth channel: the Player gives tracks the lowest free ones, so this is the last taken."""
    return min(synth.channels - 1, FLUID_NO_CHANNEL - 1)


class MidiThru:
    """Plays incoming messages on `synth` with a track's sound; `handle` is a port listener."""

    def __init__(self, synth: Synth, channel: int | None = None) -> None:
        self.synth = synth
        self.channel = default_live_channel(synth) if channel is None else channel
        self.track: Track | None = None
        self._held: set[int] = set()
        self._note_on = synth.note_on
        self._note_off = synth.note_off
        self._apply = synth.apply

    @property
    def enabled(self) -> bool:
        return self.track is not None

    def set_track(self, track: Track | None) -> None:
        """Sound like `track` from now on (None: thru off). Held keys are released first."""
        self.release_all()
        if track is not None:
            for event in track_setup(track, self.channel):
                self._apply(event)
        self.track = track

    def handle(self, message: mido.Message, timestamp: float = 0.0) -> None:
        """Send one message to the synth (a `Listener`: the timestamp is not needed to play now)."""
        if self.track is None:
            return
        kind = message.type
        if is_note_on(message):
            self._note_on(self.channel, message.note, message.velocity)
            self._held.add(message.note)
        elif is_note_off(message):
            self._note_off(self.channel, message.note)
            self._held.discard(message.note)
        elif kind == "control_change":
            if message.control not in _BANK_SELECT:
                self._apply(SynthEvent(0.0, CONTROL, CONTROL, self.channel, message.control, message.value))
        elif kind == "pitchwheel":
            self._apply(SynthEvent(0.0, BEND, BEND, self.channel, message.pitch, 0))

    def release_all(self) -> None:
        """Pedal up, every held key off and bend centred: for a vanished device or a track switch (no stuck notes)."""
        for pitch in tuple(self._held):
            self._note_off(self.channel, pitch)
        self._held.clear()
        for controller in (SUSTAIN, ALL_NOTES_OFF):
            self._apply(SynthEvent(0.0, CONTROL, CONTROL, self.channel, controller, 0))
        self._apply(SynthEvent(0.0, BEND, BEND, self.channel, 0, 0))
