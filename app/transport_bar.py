"""The transport toolbar: return to start, play/stop, loop, metronome, tempo, meter and the position readout.

The readout shows the playhead both as bar.beat.tick and as SMPTE timecode at
the song's frame rate from its start offset (engine.timecode); clicking the
timecode opens the frame-rate and offset settings.

Tempo and meter are part of the song, so their fields push SongPropertiesEdits:
each edits the tempo or meter in effect at the playhead, and "insert" actions
add a new change at the playhead's bar, which is how a song gets a 7/8 bar or
a ritardando.
"""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QSpinBox, QToolBar, QToolButton, QWidget

from app.i18n import fill
from app.session import Session
from app.transport import Transport
from engine.edits import SongPropertiesEdit
from engine.timing import TempoChange, TimeSignature

DENOMINATORS = ("2", "4", "8", "16")


class TransportBar(QToolBar):
    def __init__(self, session: Session, transport: Transport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transport"))
        self.setObjectName("TransportBar")
        self.session = session
        self.transport = transport
        options = transport.options
        self.home = self._action("⇤", self.tr("Return to start (Home)"), "Home", transport.return_to_start)
        self.play = self._action("▶", self.tr("Play / stop (Space)"), "Space", transport.toggle_play)
        self.loop = self._action(self.tr("⟳ Loop"), self.tr("Loop the region dragged on the ruler (Ctrl+L)"), "Ctrl+L",
                                 lambda: transport.set_loop_enabled(self.loop.isChecked()), checkable=True)
        self.metronome = self._action(self.tr("Click"), self.tr("Metronome (K)"), "K",
                                      lambda: transport.set_metronome(self.metronome.isChecked()), checkable=True)
        self.addSeparator()
        self.tempo = QDoubleSpinBox()
        self.tempo.setRange(20, 400)
        self.tempo.setDecimals(1)
        self.tempo.setSuffix(" BPM")
        self.tempo.setToolTip(self.tr("Tempo at the playhead"))
        self.tempo.setKeyboardTracking(False)
        self.tempo.valueChanged.connect(self.set_tempo)
        self.numerator = QSpinBox()
        self.numerator.setRange(1, 32)
        self.numerator.setToolTip(self.tr("Beats per bar at the playhead"))
        self.numerator.setKeyboardTracking(False)
        self.denominator = QComboBox()
        self.denominator.addItems(DENOMINATORS)
        self.denominator.setToolTip(self.tr("Beat unit at the playhead"))
        self.numerator.valueChanged.connect(lambda _: self.set_meter())
        self.denominator.activated.connect(lambda _: self.set_meter())
        self.addWidget(self.tempo)
        self.addWidget(QLabel("  "))
        self.addWidget(self.numerator)
        self.addWidget(QLabel(" / "))
        self.addWidget(self.denominator)
        self.addSeparator()
        self.position = QToolButton()   # a button so that a click opens the timecode settings
        self.position.setAutoRaise(True)
        self.position.setMinimumWidth(250)
        self.position.clicked.connect(self.edit_timecode)
        self.position.setStyleSheet("font-family: monospace; font-size: 11pt; padding: 0 8px;")
        self.addWidget(self.position)
        self.status = QLabel()
        self.addWidget(self.status)
        session.songChanged.connect(lambda *_: self.refresh())
        options.playheadMoved.connect(lambda *_: self.refresh())
        options.changed.connect(self.refresh)
        transport.stateChanged.connect(self.refresh)
        self.refresh()

    def _action(self, text: str, tip: str, shortcut: str, slot, checkable: bool = False) -> QAction:
        action = QAction(text, self, checkable=checkable)
        action.setToolTip(tip)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda checked=False: slot())
        self.addAction(action)
        return action

    def refresh(self) -> None:
        song, options = self.session.song, self.transport.options
        tick = options.playhead
        meter = song.meter_map.meter_at(tick)
        for widget in (self.tempo, self.numerator, self.denominator):
            widget.blockSignals(True)
        self.tempo.setValue(song.tempo_map.bpm_at(tick))
        self.numerator.setValue(meter.numerator)
        self.denominator.setCurrentText(str(meter.denominator))
        for widget in (self.tempo, self.numerator, self.denominator):
            widget.blockSignals(False)
        self.play.setIconText("■" if self.transport.is_playing else "▶")
        self.loop.setChecked(options.loop_enabled)
        self.metronome.setChecked(self.transport.metronome)
        pos = song.meter_map.position(tick)
        seconds = song.seconds(tick)
        self.position.setText(f"{pos.bar + 1}.{pos.beat + 1}.{pos.tick_in_beat:03d}   {song.timecode.text_at(seconds)}")
        self.position.setToolTip(fill(self.tr("Bar.beat.tick and timecode at %1 fps (click to change the frame rate "
                                              "or the start offset)"), song.timecode.rate.name))

    def edit_timecode(self) -> bool:
        """The frame rate and SMPTE start offset dialog; True if the song changed."""
        from app.timecode_dialog import TimecodeDialog
        return TimecodeDialog(self.session, self).run()

    # --- tempo and meter edits -----------------------------------------------------------
    def set_tempo(self, bpm: float) -> bool:
        """Change the tempo in effect at the playhead."""
        song = self.session.song
        tick = self.transport.options.playhead
        at = max((t.tick for t in song.tempos if t.tick <= tick), default=0)
        tempos = tuple(t for t in song.tempos if t.tick != at) + (TempoChange.from_bpm(at, bpm),)
        return self._push(song, self.tr("Change tempo"), tempos=tempos)

    def set_meter(self) -> bool:
        """Change the meter in effect at the playhead."""
        song = self.session.song
        tick = self.transport.options.playhead
        at = song.meter_map.meter_at(tick).tick
        meter = TimeSignature(at, self.numerator.value(), int(self.denominator.currentText()))
        return self._push(song, self.tr("Change meter"),
                          meters=tuple(m for m in song.meters if m.tick != at) + (meter,))

    def insert_meter_change(self) -> bool:
        """A new meter change at the playhead's bar, a copy of the meter there (then edit it)."""
        song = self.session.song
        bar_start = song.meter_map.bar_start(song.meter_map.position(self.transport.options.playhead).bar)
        current = song.meter_map.meter_at(bar_start)
        if current.tick == bar_start:
            return False
        meter = TimeSignature(bar_start, current.numerator, current.denominator)
        return self._push(song, self.tr("Insert meter change"), meters=song.meters + (meter,))

    def insert_tempo_change(self) -> bool:
        song = self.session.song
        tick = self.transport.options.playhead
        if any(t.tick == tick for t in song.tempos):
            return False
        change = TempoChange(tick, song.tempo_map.us_per_quarter_at(tick))
        return self._push(song, self.tr("Insert tempo change"), tempos=song.tempos + (change,))

    def _push(self, song, label: str, **after) -> bool:
        after = {k: tuple(sorted(v, key=lambda e: e.tick)) for k, v in after.items()}
        if all(getattr(song, k) == v for k, v in after.items()):
            return False
        return self.session.push(SongPropertiesEdit.changing(song, label, **after))
