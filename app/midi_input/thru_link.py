"""MIDI thru in the editor: the keyboard sounds on the Player's synth like the selected track.

`MidiThru` is created on the Player's own synth (one audio driver, no second
FluidSynth) once the Player exists, and set to the current track on every
selection change. An edit re-applies the track's sound only when what the
synth is told about it (program, bank, drum kit, volume, pan) changed, since
`set_track` releases held keys: adding notes must not cut a chord being held.
"""
from __future__ import annotations

from PySide6.QtCore import QObject

from app.session import Session
from app.transport import Transport
from engine.audio.schedule import track_setup
from engine.live.router import LiveInput
from engine.live.thru import MidiThru
from engine.track import Track


def _sound(track: Track | None) -> tuple | None:
    return None if track is None else (track.id, tuple(track_setup(track, 0)))


class ThruLink(QObject):
    def __init__(self, live: LiveInput, session: Session, transport: Transport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self.session = session
        self.transport = transport
        self._sound: tuple | None = None
        transport.statusChanged.connect(lambda _: self.attach())  # the Player was just created
        session.currentTrackChanged.connect(lambda _: self.follow())
        session.songChanged.connect(lambda *_: self.follow())

    @property
    def thru(self) -> MidiThru | None:
        return self.live.thru

    def attach(self) -> None:
        """Create thru on the Player's synth (creating the Player if need be); nothing without audio."""
        if self.live.thru is not None:
            return
        player = self.transport.player
        synth = getattr(player, "synth", None)
        if synth is None:
            return
        self.live.thru = MidiThru(synth)
        self._sound = None
        self.follow()

    def follow(self) -> None:
        """Sound like the current track, if that changed what the synth plays."""
        thru = self.live.thru
        if thru is None:
            return
        track = self.session.current_track
        sound = _sound(track)
        if sound != self._sound:
            self._sound = sound
            thru.set_track(track)
