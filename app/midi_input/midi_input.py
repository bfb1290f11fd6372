"""`MidiInput`: the editor's MIDI keyboard features, assembled for the main window.

The toolbar, menu and status label exist from the first paint; the engine's
live-input parts (mido, rtmidi, the thru on the Player's synth) are built in
`start()`, which the window calls once it is shown, so start-up stays light.
Until then, and on a machine without MIDI, the actions answer with a one-line
status message; nothing else in the editor depends on MIDI.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow

from app import audio_preferences
from app.i18n import fill
from app.midi_input import preferences
from app.midi_input.toolbar import STEP_LENGTHS, MidiMenu, MidiToolBar, step_ticks
from app.proposals.job import choose_threads
from app.roll.options import EditorOptions
from app.roll.piano_roll import PianoRoll
from app.session import Session
from app.transport import Transport
from app.transport_bar import TransportBar


def system_backend():
    from engine.live.rtmidi_port import (
        system_backend as make,  # imported late: rtmidi, mido and FluidSynth
    )

    return make()


class MidiInput(QObject):
    def __init__(self, window: QMainWindow, session: Session, options: EditorOptions, transport: Transport,
                 transport_bar: TransportBar, roll: PianoRoll, backend_factory: Callable | None = None,
                 poll_seconds: float = 1.0) -> None:
        super().__init__(window)
        self.window, self.session, self.options, self.transport = window, session, options, transport
        self.transport_bar, self.roll = transport_bar, roll
        self._backend_factory = backend_factory or system_backend
        self._poll_seconds = poll_seconds
        self.devices = self.thru = self.recording = self.step_mode = self.learn_actions = None
        self.call_response = None
        self.proposals = None         # the proposal controller, once install_proposals hands it over
        self.toolbar = MidiToolBar(window)
        self.menu = MidiMenu(window, self.toolbar, self)
        self.status = QLabel()
        self.status.setStyleSheet("color: #e5a93d; padding-right: 8px;")
        length = preferences.load().step_length
        self.toolbar.step_length.setCurrentIndex(STEP_LENGTHS.index(length) if length in STEP_LENGTHS else 0)
        self.toolbar.step_length.activated.connect(self._step_length_chosen)
        self.toolbar.device.activated.connect(self._device_chosen)
        self.toolbar.answer_bars.setValue(preferences.load().answer_bars)
        self.toolbar.answer_bars.valueChanged.connect(lambda bars: preferences.update(answer_bars=bars))
        options.changed.connect(self._step_length_changed)

    # --- start and stop -----------------------------------------------------------------
    def start(self) -> None:
        """Build the live-input parts and start watching devices (call once the window is shown)."""
        if self.devices is not None:
            return
        from app.midi_input.call_response import CallResponse
        from app.midi_input.devices import MidiDevices
        from app.midi_input.learn import LearnActions
        from app.midi_input.recording import RecordController
        from app.midi_input.step_mode import StepMode
        from app.midi_input.thru_link import ThruLink
        from engine.live.learn import MidiLearn
        from engine.live.router import LiveInput

        live = LiveInput(None, learn=MidiLearn())
        self.learn_actions = LearnActions(live.learn, {"play": self.transport.toggle_play, "record": self.toggle_record,
                                               "metronome": self._toggle_metronome, "generate": self._generate},
                                  self.transport_bar.set_tempo, self, knobs={"adventure": self._set_adventure})
        self.thru = ThruLink(live, self.session, self.transport, self)
        self.devices = MidiDevices(live, self._backend_factory, self._poll_seconds, self)
        self.recording = RecordController(self.session, self.options, self.transport, live, self.roll,
                                          lambda: self.devices.status, self)
        self.step_mode = StepMode(self.session, self.options, live, self._step_ticks, self)
        if self.proposals is not None:
            self.call_response = CallResponse(self.session, self.recording, self.proposals, self)
            self.call_response.stateChanged.connect(self._show_modes)
        self.devices.changed.connect(self._show_devices)
        self.devices.notice.connect(lambda text: self.window.statusBar().showMessage(text, 8000))
        self.recording.stateChanged.connect(self._show_modes)
        self.step_mode.stateChanged.connect(self._show_modes)
        self.thru.attach()
        self.devices.start()

    def use_proposals(self, controller) -> None:
        """The proposal feature is there: call-and-response and the Generate and Adventurousness controls use it."""
        self.proposals = controller

    def finish_take(self) -> None:
        """Stop a recording in progress, so its take is in the song (and in the unsaved-changes question)."""
        if self.recording is not None and self.recording.recording:
            self.recording.stop()

    def close(self) -> None:
        self.finish_take()
        if self.devices is not None:
            self.devices.close()

    # --- actions -------------------------------------------------------------------------
    def _not_started(self) -> bool:
        if self.devices is None:
            self.session.message.emit(self.tr("MIDI input is still starting"))
            self._show_modes()
            return True
        return False

    def rescan(self) -> None:
        if not self._not_started():
            self.devices.rescan()

    def toggle_record(self) -> None:
        if not self._not_started():
            if self.step_mode.enabled:
                self.step_mode.set_enabled(False)
            self.recording.toggle()

    def toggle_step(self) -> None:
        if not self._not_started():
            if self.recording.recording:
                self.recording.stop()
            self.step_mode.set_enabled(not self.step_mode.enabled)

    def toggle_call_response(self) -> None:
        if self._not_started():
            return
        if self.call_response is None:
            self.session.message.emit(self.tr("Call and response needs the composer's proposals"))
            self._show_modes()
            return
        self.call_response.set_enabled(not self.call_response.enabled)

    def _generate(self) -> None:
        if self.proposals is not None:
            self.proposals.generate()

    def _set_adventure(self, value: float) -> None:
        if self.proposals is not None:
            self.proposals.panel.adventure.setValue(round(value))

    def rest(self) -> None:
        if self.step_mode is not None:
            self.step_mode.rest()

    def learn_dialog(self) -> None:
        from app.midi_input.learn import LearnDialog

        if not self._not_started():
            LearnDialog(self.learn_actions, self.window).exec()

    def preferences_dialog(self) -> bool:
        from app.midi_input.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(preferences.load(), audio_preferences.load(), self.window)
        if dialog.exec() != QDialog.Accepted:
            return False
        preferences.update(**dialog.chosen())
        choose_threads(dialog.chosen_threads())
        before = audio_preferences.load().period_size
        audio = audio_preferences.update(**dialog.chosen_audio())
        if audio.period_size != before:
            self.session.message.emit(fill(self.tr("Audio buffer %1 frames: applies the next time Cadenza starts"),
                                           audio.period_size))
        return True

    def _toggle_metronome(self) -> None:
        self.transport_bar.metronome.trigger()

    # --- showing state ---------------------------------------------------------------------
    def _show_devices(self) -> None:
        devices = self.devices
        self.toolbar.show_devices(devices.names, devices.connected, devices.unavailable)
        self.menu.show_devices(devices.names, devices.connected, devices.unavailable, devices.open)
        status = devices.status
        # the short form on the label, all of it (with the engine's English reason) in the tooltip
        short = self.tr("MIDI input unavailable") if devices.unavailable else status.split(":")[0].split("：")[0]
        self.status.setText(short if status else "")
        self.status.setToolTip(status)

    def _show_modes(self) -> None:
        recording = self.recording is not None and self.recording.recording
        stepping = self.step_mode is not None and self.step_mode.enabled
        self.menu.record.setChecked(recording)
        self.menu.step.setChecked(stepping)
        self.menu.rest.setEnabled(stepping)
        self.menu.call_response.setChecked(self.call_response is not None and self.call_response.enabled)

    def _device_chosen(self, index: int) -> None:
        if self.devices is not None:
            self.devices.open(self.devices.names[index - 1] if index > 0 else None)

    # --- step length -------------------------------------------------------------------------
    def _step_ticks(self) -> int:
        return step_ticks(STEP_LENGTHS[self.toolbar.step_length.currentIndex()], self.options.snap,
                          self.session.song.ticks_per_quarter)

    def _step_length_chosen(self, index: int) -> None:
        preferences.update(step_length=STEP_LENGTHS[index])
        self._step_length_changed()

    def _step_length_changed(self) -> None:
        if self.step_mode is not None:
            self.step_mode.length_changed()
