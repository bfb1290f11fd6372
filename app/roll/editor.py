"""`RollEditor`: ruler, marker, tempo and chord lanes, keyboard, roll and velocity lane on one time axis, with scroll bars.

The scroll bars and the shared RollView are kept in step both ways: moving a bar
scrolls the view, and a wheel or zoom on any lane moves the bars.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollBar, QWidget

from app import theme
from app.roll.chord_lane import ChordLane
from app.roll.keyboard import KEYBOARD_WIDTH, PianoKeyboard
from app.roll.marker_lane import MarkerLane
from app.roll.options import EditorOptions
from app.roll.piano_roll import PianoRoll
from app.roll.ruler import Ruler
from app.roll.tempo_lane import TempoLane
from app.roll.velocity_lane import VelocityLane
from app.roll.view import RollView
from app.session import Session
from engine.edits import ReplaceSong

EXTRA_BARS = 8  # room to keep writing past the song's end
FOLLOW_MARGIN = 0.1  # page when the playhead passes 90% of the width
REVEAL_EDGE = 6  # a track switched to scrolls to its notes unless they lie inside the rows shown less 1/6 each side


def _side_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setMinimumWidth(KEYBOARD_WIDTH)   # as wide as the keyboard's column (wider on a drum track)
    label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
    label.setStyleSheet(f"color: {theme.TEXT_DIM.name()}; font-size: 8pt; padding-right: 6px;")
    return label


class RollEditor(QWidget):
    def __init__(self, session: Session, options: EditorOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.options = options
        self.view = RollView(session.song.ticks_per_quarter, self)
        args = (session, self.view, options)
        self.ruler = Ruler(*args)
        self.marker_lane = MarkerLane(*args)
        self.tempo_lane = TempoLane(*args)
        self.chord_lane = ChordLane(*args)
        self.roll = PianoRoll(*args)
        self.velocity_lane = VelocityLane(*args)
        self.keyboard = PianoKeyboard(self.view)
        self.hbar = QScrollBar(Qt.Horizontal)
        self.vbar = QScrollBar(Qt.Vertical)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(_side_label(self.tr("Timecode") + "\n" + self.tr("Bar")), 0, 0)
        layout.addWidget(self.ruler, 0, 1)
        lanes = ((self.tr("Markers"), self.marker_lane), (self.tr("Tempo"), self.tempo_lane),
                 (self.tr("Chords"), self.chord_lane))
        for row, (name, lane) in enumerate(lanes, 1):
            layout.addWidget(_side_label(name), row, 0)
            layout.addWidget(lane, row, 1)
        roll_row = len(lanes) + 1
        layout.addWidget(self.keyboard, roll_row, 0)
        layout.addWidget(self.roll, roll_row, 1)
        layout.addWidget(self.vbar, roll_row, 2)
        layout.addWidget(_side_label(self.tr("Velocity")), roll_row + 1, 0)
        layout.addWidget(self.velocity_lane, roll_row + 1, 1)
        layout.addWidget(self.hbar, roll_row + 2, 1)
        layout.setRowStretch(roll_row, 1)
        layout.setColumnStretch(1, 1)
        self._syncing = False
        self.hbar.valueChanged.connect(lambda v: self._from_bars())
        self.vbar.valueChanged.connect(lambda v: self._from_bars())
        self.view.changed.connect(self._to_bars)
        session.songChanged.connect(self._on_song_changed)
        session.currentTrackChanged.connect(lambda *_: self._track_switched())
        options.playheadMoved.connect(self._follow)
        self._show_kind()

    def _show_kind(self) -> None:
        """Drum names on the keyboard for a drum track (role drums or channel 10), piano keys else."""
        track = self.session.current_track
        self.keyboard.set_drums(track is not None and track.is_drums)

    def _track_switched(self) -> None:
        self._show_kind()
        self.reveal_track()

    def reveal_track(self) -> None:
        """Another track is current: unless the middle half of its notes in the bars on screen (by pitch) lies
        well inside the rows on screen, centre on their middle pitch (a drum kit below, a melody at the top
        edge); the bars shown stay, and a track already in sight does not move."""
        track = self.session.current_track
        if track is None or not track.notes:
            return
        t0, t1 = self.view.tick_at(0), self.view.tick_at(self.roll.width())
        pitches = sorted(n.pitch for n in track.notes if n.start < t1 and n.end > t0) or \
            sorted(n.pitch for n in track.notes)
        top, bottom = self.view.pitch_at(0), self.view.pitch_at(self.roll.height() - 1)
        edge = (top - bottom) // REVEAL_EDGE
        low, high = pitches[len(pitches) // 4], pitches[(3 * len(pitches)) // 4]
        if bottom + edge <= low and high <= top - edge:
            return
        self.view.center_on_pitch(pitches[len(pitches) // 2], self.roll.height())

    # --- scroll bars <-> view ---------------------------------------------------------
    def _content_width(self) -> int:
        song = self.session.song
        meters = song.meter_map
        end = meters.bar_start(song.bar_count() + EXTRA_BARS)
        return int(end * self.view.px_per_tick)

    def _to_bars(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        page_w, page_h = self.roll.width(), self.roll.height()
        self.hbar.setRange(0, max(0, self._content_width() - page_w, int(self.view.scroll_x)))
        self.hbar.setPageStep(page_w)
        self.hbar.setSingleStep(max(1, page_w // 20))
        self.hbar.setValue(int(self.view.scroll_x))
        self.vbar.setRange(0, max(0, self.view.canvas_height - page_h))
        self.vbar.setPageStep(page_h)
        self.vbar.setSingleStep(self.view.key_height)
        self.vbar.setValue(int(self.view.scroll_y))
        self._syncing = False

    def _from_bars(self) -> None:
        if not self._syncing:
            self._syncing = True
            self.view.scroll_to(x=self.hbar.value(), y=self.vbar.value(), height=self.roll.height())
            self._syncing = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._to_bars()

    def _on_song_changed(self, edit, before, after) -> None:
        if before.ticks_per_quarter != after.ticks_per_quarter:
            self.view.set_ticks_per_quarter(after.ticks_per_quarter)
        if isinstance(edit, ReplaceSong):  # a new or opened song starts at its beginning
            self.view.scroll_to(x=0)
            self.show_notes()
        self._show_kind()       # the current track's role or channel may have changed
        self._to_bars()

    # --- navigation ---------------------------------------------------------------
    def zoom_time(self, factor: float) -> None:
        self.view.zoom_time(factor, self.roll.width() / 2)

    def zoom_pitch(self, factor: float) -> None:
        self.view.zoom_pitch(factor, self.roll.height() / 2)

    def show_notes(self) -> None:
        """Bring the current track's notes into view: their middle pitch, and their first bar
        when none of them is on screen (what opening a song should show)."""
        track = self.session.current_track
        notes = track.notes if track else ()
        pitch = sorted(n.pitch for n in notes)[len(notes) // 2] if notes else 60
        self.view.center_on_pitch(pitch, self.roll.height())
        t0, t1 = self.view.tick_at(0), self.view.tick_at(self.roll.width())
        if notes and not any(t0 <= n.start < t1 for n in notes):
            meters = self.session.song.meter_map
            bar = meters.position(notes[0].start).bar
            self.view.scroll_to(x=meters.bar_start(max(0, bar - 1)) * self.view.px_per_tick)

    def _follow(self, tick: int) -> None:
        """Page the view when the playhead leaves it during playback."""
        if not self.options.follow_playhead:
            return
        x = self.view.x_of(tick)
        width = self.roll.width()
        if x < 0 or x > width * (1 - FOLLOW_MARGIN):
            self.view.scroll_to(x=tick * self.view.px_per_tick - width * FOLLOW_MARGIN)
