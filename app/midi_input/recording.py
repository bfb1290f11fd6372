"""Recording from the MIDI keyboard into the selected track at the playhead: one take, one undo step.

The recorder (engine.live.recorder) appends messages on the MIDI thread; this
controller does the rest on the UI thread: the count-in clicks, starting the
Player at the start tick, the metronome, the live preview in the roll (the
take so far, every PREVIEW_MS), and at the stop the one `record_edit` pushed
through the session's undo stack.

The Player starts from a QTimer when the count-in ends, a few milliseconds
late on a busy UI thread, so the recorder is re-anchored to the moment the
Player really started: what was played lines up with what was heard. The
output's latency (its audio buffer) is subtracted from every timestamp.
Count-in clicks are QTimer-driven too (jitter of a few ms, only before the
first recorded beat). The song runs on past its end while recording, so the
metronome keeps time over an empty track.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.i18n import fill
from app.midi_input import preferences
from app.roll.options import EditorOptions
from app.roll.piano_roll import PianoRoll
from app.session import Session
from app.transport import Transport
from engine.audio.schedule import (
    MAX_TRACKS,
    METRONOME_ACCENT,
    METRONOME_BEAT,
    METRONOME_CLICK_SECONDS,
)
from engine.live.ports import default_clock
from engine.live.recorder import (
    Recorder,
    RecordMode,
    RecordSettings,
    count_in_clicks,
    record_edit,
)
from engine.live.router import LiveInput

PREVIEW_MS = 50
RUN_ON_BARS = 64
COUNT_IN_CHANNEL = MAX_TRACKS  # the metronome's channel when every track slot is taken; never a track's
DRUM_BANK = 128


class RecordController(QObject):
    stateChanged = Signal()
    takeRecorded = Signal(object)   # the engine Take, once it is in the song (call-and-response answers it)

    def __init__(self, session: Session, options: EditorOptions, transport: Transport, live: LiveInput,
                 roll: PianoRoll, why_no_input: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.options, self.transport, self.live, self.roll = session, options, transport, live, roll
        self._why_no_input = why_no_input
        self.recorder: Recorder | None = None
        self.counting_in = False
        self._lost_message = ""
        self._timers: list[QTimer] = []
        self._preview = QTimer(self)
        self._preview.setInterval(PREVIEW_MS)
        self._preview.timeout.connect(self._show_take)
        transport.stopped.connect(self._transport_stopped)

    @property
    def recording(self) -> bool:
        return self.recorder is not None

    @property
    def clock(self):
        port = self.live.port
        return port.clock if port is not None else default_clock

    def toggle(self) -> None:
        if self.recording:
            self.stop()
        else:
            self.start()

    # --- start -----------------------------------------------------------------------
    def start(self) -> bool:
        track = self.session.current_track
        if track is None:
            return self._refuse(self.tr("Record: add a track first"))
        if self.live.port is None:
            why = self._why_no_input()
            return self._refuse(fill(self.tr("Record: %1"), why) if why
                                else self.tr("Record: no MIDI input is connected (MIDI menu)"))
        self.transport.stop()
        prefs = preferences.load()
        song = self.session.song
        snap = self.options.snap
        grid = snap.step(song.ticks_per_quarter) if prefs.input_quantize and snap.enabled else 0
        settings = RecordSettings(mode=RecordMode(prefs.record_mode), count_in_bars=prefs.count_in_bars,
                                  quantize_grid=grid, latency=self.transport.output_latency)
        start_tick = self.options.playhead
        recorder = Recorder(song, track.id, start_tick, settings)
        now = self.clock()
        recorder.start(now)
        self.recorder, self._lost_message = recorder, ""
        self.live.add_listener(recorder.feed)
        self.live.on_lost = self.live.on_lost + (self._input_lost,)
        player = self.transport.player
        if player is not None:
            bars = song.meter_map.bar_count(start_tick) + RUN_ON_BARS
            self.transport.set_run_on(song.meter_map.bar_start(bars))
            player.set_metronome(self.transport.metronome or prefs.record_metronome)
            player.set_loop(None)  # the take runs straight on; loop recording is not done yet
        self.transport.follow(lambda: recorder.tick_at(self.clock()))
        self.counting_in = recorder.count_in_seconds > 0
        if self.counting_in:
            for seconds, downbeat in count_in_clicks(song, start_tick, prefs.count_in_bars):
                self._later(seconds, lambda d=downbeat: self._click(d))
            self._later(recorder.count_in_seconds, self._roll)
        else:
            self._roll()
        self._preview.start()
        name = track.name or self.tr("the track")
        self.session.message.emit(
            fill(self.tr("Recording into %1 after %n bar(s) count-in", "", prefs.count_in_bars), name)
            if self.counting_in else fill(self.tr("Recording into %1"), name))
        self.stateChanged.emit()
        return True

    def _refuse(self, message: str) -> bool:
        self.session.message.emit(message)
        self.stateChanged.emit()
        return False

    def _later(self, seconds: float, slot) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.PreciseTimer)
        timer.timeout.connect(slot)
        timer.start(max(0, round(seconds * 1000)))
        self._timers.append(timer)

    def _click(self, downbeat: bool) -> None:
        synth = getattr(self.transport.player, "synth", None)
        if synth is None:
            return
        pitch = METRONOME_ACCENT if downbeat else METRONOME_BEAT
        synth.select_program(COUNT_IN_CHANNEL, DRUM_BANK, 0)
        synth.note_on(COUNT_IN_CHANNEL, pitch, 127 if downbeat else 90)
        self._later(METRONOME_CLICK_SECONDS, lambda: synth.note_off(COUNT_IN_CHANNEL, pitch))

    def _roll(self) -> None:
        """The count-in is over (or there was none): the Player starts, and the take is anchored to that moment."""
        recorder = self.recorder
        if recorder is None:
            return
        self.counting_in = False
        player = self.transport.player
        if player is not None:
            player.play(recorder.start_tick)
        recorder.start(self.clock() - recorder.count_in_seconds)
        self.stateChanged.emit()

    # --- while recording ---------------------------------------------------------------
    def _show_take(self) -> None:
        recorder = self.recorder
        if recorder is None:
            return
        on_track = self.session.current_track_id == recorder.track_id
        self.roll.set_live_notes(recorder.take(self.clock()).notes if on_track else ())

    def _input_lost(self, at: float) -> None:
        """The keyboard was unplugged: keep what was played up to then, and stop."""
        if self.recorder is not None:
            self.recorder.input_lost(at)
            self._lost_message = fill(self.tr("%1; the recording up to then was kept"), self.live.status_message)
            QTimer.singleShot(0, self.stop)  # after the device list has said its piece; the take ends at `at`

    def _transport_stopped(self) -> None:
        if self.recorder is not None:
            self.stop()  # Space or the play button while recording

    # --- stop --------------------------------------------------------------------------
    def stop(self) -> bool:
        """Stop recording and put the take in the song as one undo step; False when nothing was played."""
        recorder, self.recorder = self.recorder, None
        if recorder is None:
            return False
        take = recorder.stop(self.clock())
        self.counting_in = False
        self.live.remove_listener(recorder.feed)
        self.live.on_lost = tuple(c for c in self.live.on_lost if c != self._input_lost)
        for timer in self._timers:
            timer.stop()
            timer.deleteLater()
        self._timers = []
        self._preview.stop()
        self.roll.set_live_notes(())
        self.transport.stop()
        self.transport.set_run_on(None)
        player = self.transport.player
        if player is not None:
            player.set_metronome(self.transport.metronome)
            loop = self.options.loop if self.options.loop_enabled else None
            player.set_loop(*(loop or (None, None)))
        self.options.set_playhead(take.end_tick)
        edit = record_edit(self.session.song, take)
        select = take.notes if self.session.current_track_id == take.track_id else None
        pushed = edit is not None and self.session.push(edit, select_after=select)
        if self._lost_message:
            self.session.message.emit(self._lost_message)
        elif not pushed:
            self.session.message.emit(self.tr("Record: nothing was played"))
        self.stateChanged.emit()
        if pushed:
            self.takeRecorded.emit(take)
        return pushed
