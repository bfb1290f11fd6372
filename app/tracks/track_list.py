"""The track list: rows of tracks plus add, duplicate, delete and reorder.

Every change is an engine edit pushed through the session (TrackPropertiesEdit,
InsertTrack, RemoveTrack, MoveTrack), so the mixer is undoable like notes. Rows
are rebuilt only when the set or order of tracks changes; otherwise they are
updated in place, so a name field keeps its cursor while notes are edited.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QToolButton, QVBoxLayout, QWidget

from app.i18n import fill
from app.session import Session
from app.tracks.track_row import TrackRow
from engine.edits import InsertTrack, MoveTrack, RemoveTrack, TrackPropertiesEdit
from engine.track import Track, TrackRole

LIST_WIDTH = 340


class TrackList(QWidget):
    regionToggled = Signal(int)  # a row was Ctrl+clicked: add it to / take it out of the composer's region
    lockToggled = Signal(int, bool)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[TrackRow] = []
        self.marks: tuple[tuple[int, ...], frozenset[int]] = ((), frozenset())  # region tracks, locked tracks
        self.setFixedWidth(LIST_WIDTH)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 4, 4, 4)
        self.buttons = {}
        for name, text, tip, slot in (
            ("add", "+", self.tr("Add track"), self.add_track),
            ("duplicate", "❐", self.tr("Duplicate track"), self.duplicate_track),
            ("delete", "−", self.tr("Delete track"), self.delete_track),
            ("up", "▲", self.tr("Move track up"), lambda: self.move_track(-1)),
            ("down", "▼", self.tr("Move track down"), lambda: self.move_track(1)),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setFixedSize(30, 26)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(0)
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setFocusPolicy(Qt.NoFocus)   # a click on a row leaves the keys where they were (the roll, usually)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)
        session.songChanged.connect(lambda *_: self.refresh())
        session.currentTrackChanged.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        tracks = self.session.song.tracks
        if [r.track_id for r in self.rows] != [t.id for t in tracks]:
            self._rebuild(tracks)
        current = self.session.current_track_id
        region, locked = self.marks
        for index, (row, track) in enumerate(zip(self.rows, tracks)):
            row.show_marks(track.id in region, track.id in locked)
            row.show_track(track, index, track.id == current)
        has_track = current is not None
        for name in ("duplicate", "delete", "up", "down"):
            self.buttons[name].setEnabled(has_track)

    def _rebuild(self, tracks: tuple[Track, ...]) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for index, track in enumerate(tracks):
            row = TrackRow(track, index)
            row.changed.connect(self.change_track)
            row.clicked.connect(self.session.set_current_track)
            row.regionToggled.connect(self.regionToggled)
            row.lockToggled.connect(self.lockToggled)
            self.body_layout.insertWidget(index, row)
            self.rows.append(row)

    def show_marks(self, region: tuple[int, ...], locked: frozenset[int]) -> None:
        """Which tracks the composer's region holds and which are locked (shown on the rows)."""
        self.marks = (tuple(region), frozenset(locked))
        self.refresh()

    def row_for(self, track_id: int) -> TrackRow:
        return next(r for r in self.rows if r.track_id == track_id)

    # --- edits ----------------------------------------------------------------------
    def change_track(self, track_id: int, values: dict) -> None:
        if track_id not in {t.id for t in self.session.song.tracks}:
            return  # a row of a track just removed, reporting its name field losing focus
        track = self.session.song.track(track_id)
        changed = {k: v for k, v in values.items() if getattr(track, k) != v}
        if changed:
            label = fill(self.tr("Change %1"), self.tr(", ").join(self._field_name(k) for k in changed))
            self.session.push(TrackPropertiesEdit.changing(track, label, **changed))

    def _field_name(self, field: str) -> str:
        """A track field as the undo history names it ("volume" -> 音量)."""
        names = {"name": self.tr("name"), "role": self.tr("role"), "program": self.tr("instrument"),
                 "mute": self.tr("mute"), "solo": self.tr("solo"), "volume": self.tr("volume"), "pan": self.tr("pan")}
        return names.get(field, field)

    def add_track(self) -> None:
        song = self.session.song
        number = len(song.tracks) + 1
        track = Track(id=song.next_track_id, name=fill(self.tr("Track %1"), number), role=TrackRole.MELODY,
                      channel=song.free_channel(TrackRole.MELODY))
        self._insert(track, self._current_index() + 1 if song.tracks else 0, self.tr("Add track"))

    def duplicate_track(self) -> None:
        original = self.session.current_track
        if original is not None:
            song = self.session.song
            copy = original.with_(id=song.next_track_id, name=fill(self.tr("%1 copy"), original.name), solo=False,
                                  channel=original.channel if original.is_drums else song.free_channel(original.role))
            self._insert(copy, self._current_index() + 1, self.tr("Duplicate track"))

    def _insert(self, track: Track, index: int, label: str) -> None:
        if self.session.push(InsertTrack(index, track, label)):
            self.session.set_current_track(track.id)

    def delete_track(self) -> None:
        track = self.session.current_track
        if track is not None:
            index = self._current_index()
            if self.session.push(RemoveTrack(index, track)):
                tracks = self.session.song.tracks
                if tracks:
                    self.session.set_current_track(tracks[min(index, len(tracks) - 1)].id)

    def move_track(self, step: int) -> None:
        if self.session.current_track is None:
            return
        index = self._current_index()
        target = index + step
        if 0 <= target < len(self.session.song.tracks):
            self.session.push(MoveTrack(index, target))

    def _current_index(self) -> int:
        current = self.session.current_track_id
        return 0 if current is None else self.session.song.track_index(current)
