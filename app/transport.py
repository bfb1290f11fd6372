"""Transport: play/stop, return to start, loop, metronome, and the playhead following playback.

The engine `Player` does the timing and the sound; this controller keeps it in
step with the editor: the song after every edit (mute/solo included, the
schedule honours them), the loop region from the ruler, the playhead polled
from `Player.position_tick` while playing. Where no audio output opens, the
Player still keeps time silently and `status` says why, so everything else works.

While recording, `follow` makes the playhead follow the recording's clock
(through the count-in and past the song's end, where `set_run_on` lets the
metronome go on), and Space stops the recording.

The Player (a SoundFont load, ~0.25 s) is created only when first needed or
just after the window is shown, never on the way to the first paint.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.roll.options import EditorOptions
from app.session import Session

POLL_MS = 30


def default_player():
    """The Player on the sound card, its buffer the size set in the preferences (read at creation).

    Imported late: keeps FluidSynth off the start-up path."""
    from app.audio_preferences import load
    from engine.audio.output import DriverOutput
    from engine.audio.player import Player

    return Player(output=DriverOutput(period_size=load().period_size))


def name_in_words(bar) -> None:
    """Give the transport bar's actions words for the Transport menu; the toolbar keeps the glyphs
    (each action's icon text), so a menu never shows a bare "▶" or "⇤"."""
    translate = QCoreApplication.translate
    for action, words in ((bar.play, translate("Transport", "Play / Stop")),
                          (bar.home, translate("Transport", "Return to Start")),
                          (bar.loop, translate("Transport", "Loop Region")),
                          (bar.metronome, translate("Transport", "Metronome"))):
        action.setIconText(action.iconText())  # the glyph, now fixed for the toolbar
        action.setText(words)


class Transport(QObject):
    stateChanged = Signal()
    statusChanged = Signal(str)
    stopped = Signal()  # stop() ran: the user (or a recording ending) stopped the transport

    def __init__(self, session: Session, options: EditorOptions,
                 player_factory: Callable[[], object] | None = default_player, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.options = options
        self._factory = player_factory
        self._player = None
        self.metronome = False
        self.status = ""
        self.output_latency = 0.0  # seconds between sending to the synth and hearing it
        self.run_on_to: int | None = None
        self.preview = None  # a song the Player plays instead of the document's (auditioning an AI take)
        self._position_source: Callable[[], int] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        session.songChanged.connect(self._song_changed)
        options.changed.connect(self._options_changed)
        options.seekRequested.connect(self._seek_player)

    @property
    def player(self):
        """The engine Player, created on first use; None when the app runs without audio at all."""
        if self._player is None and self._factory is not None:
            factory, self._factory = self._factory, None
            self._player = factory()
            self.output_latency = self._player.output_latency
            self._player.set_song(self._song_for_player())
            self._apply_loop()
            self._player.set_metronome(self.metronome)
            self.status = "" if self._player.available else self._player.status_message
            self.statusChanged.emit(self.status)
        return self._player

    @property
    def created_player(self):
        """The Player if one exists already (None otherwise), for callers that must not open the audio device."""
        return self._player

    @property
    def is_playing(self) -> bool:
        return self._player is not None and self._player.is_playing

    # --- commands -----------------------------------------------------------------
    def toggle_play(self) -> None:
        if self.is_playing or self._position_source is not None:
            self.stop()
        else:
            self.play()

    def play(self) -> None:
        player = self.player
        if player is None:
            return
        player.play(self.options.playhead)
        self._timer.start()
        self.stateChanged.emit()

    def stop(self) -> None:
        if self._player is not None and self._player.is_playing:
            self._player.stop()
            self.options.set_playhead(self._player.position_tick())
        self._position_source = None
        self._timer.stop()
        self.stateChanged.emit()
        self.stopped.emit()

    def follow(self, source: Callable[[], int]) -> None:
        """Until `stop`, the playhead follows `source` (a recording's clock, which runs on through a
        count-in and past the song's end) instead of the Player, and Space means stop."""
        self._position_source = source
        self._timer.start()
        self.stateChanged.emit()

    def set_run_on(self, tick: int | None) -> None:
        """Let playback run on, silent but for the metronome, to `tick` (recording past the song's end)."""
        self.run_on_to = tick
        if self._player is not None:
            self._player.set_song(self._song_for_player())

    def set_preview(self, song) -> None:
        """Play `song` (a snapshot with a take applied) instead of the document; None goes back to it."""
        self.preview = song
        if self._player is not None:
            self._player.set_song(self._song_for_player())

    def _song_for_player(self):
        song = self.preview or self.session.song
        if self.run_on_to is not None and self.run_on_to > song.length_ticks:
            song = song.with_(end_tick=self.run_on_to)
        return song

    def return_to_start(self) -> None:
        start = self.options.loop[0] if self.options.loop and self.options.loop_enabled and \
            self.options.playhead > self.options.loop[0] else 0
        self.seek(start)

    def seek(self, tick: int) -> None:
        self.options.seek(tick)

    def _seek_player(self, tick: int) -> None:
        if self._player is not None:
            self._player.seek(tick)

    def set_loop_enabled(self, on: bool) -> None:
        if on and self.options.loop is None:  # no region yet: loop the bar under the playhead
            meters = self.session.song.meter_map
            bar = meters.position(self.options.playhead).bar
            self.options.set_loop(*meters.bar_range(bar, bar))
        else:
            self.options.set(loop_enabled=on and self.options.loop is not None)

    def set_metronome(self, on: bool) -> None:
        self.metronome = on
        if self._player is not None:
            self._player.set_metronome(on)
        self.stateChanged.emit()

    def audition(self, pitch: int, velocity: int = 100) -> None:
        """Sound `pitch` briefly with the current track's instrument (drawing, the keyboard)."""
        track = self.session.current_track
        player = self.player
        if track is not None and player is not None:
            player.play_note(track.id, pitch, velocity)

    def close(self) -> None:
        self._timer.stop()
        if self._player is not None:
            self._player.close()
            self._player = None

    # --- keeping the player in step ---------------------------------------------------
    def _poll(self) -> None:
        if self._position_source is not None:
            self.options.set_playhead(self._position_source())
            return
        player = self._player
        if player is None:
            return
        self.options.set_playhead(player.position_tick())
        if not player.is_playing:
            self._timer.stop()
            self.stateChanged.emit()

    def _song_changed(self, edit, before, after) -> None:
        if self._player is not None:
            self._player.set_song(self._song_for_player())

    def _options_changed(self) -> None:
        if self._player is not None:
            self._apply_loop()
        self.stateChanged.emit()

    def _apply_loop(self) -> None:
        loop = self.options.loop if self.options.loop_enabled else None
        if loop != self._player.loop:
            self._player.set_loop(*(loop or (None, None)))
