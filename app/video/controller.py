"""The video in the project: open, place against the song, follow the playhead, step by frames.

The picture follows the playhead, whatever moves it: a click or drag in the
ruler, a frame step, a loop going round, a tempo edit (the same tick is now
another moment). Each move asks for frame floor((song seconds + offset) x fps);
the decode thread (app.video.frames) delivers it and the view paints it.
While playing, the picture reads the player's clock itself every
`PLAY_POLL_MS`: the transport redraws the playhead every 30 ms, which would
hold 24 fps frames for 30 or 60 ms instead of 41.7.

The link (path and offset, engine.project.VideoLink) is saved with the project
and, like the AI takes and locks, is editor state beside the song, not part of
it: changing it marks the project unsaved but is not an undo step, so undoing
notes never takes the picture away.

The offset is set the way a film composer states it: the timecode of the
video's first frame, against the song's SMPTE start (engine.timecode). A video
whose file carries a start timecode is placed by it when it is opened.
"""
from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMainWindow, QMessageBox

from app.i18n import fill
from app.video.frames import FrameFetcher
from app.video.sound import FilmSoundControl
from app.video.view import VideoPanel
from engine.errors import CadenzaError
from engine.project import VideoLink
from engine.song import Song
from engine.timecode import SongTimecode, Timecode, TimecodeError, frames_per_day, parse_timecode, timecode_at_frame
from engine.video import VideoInfo, VideoReader, frame_index


def read_info(path: str) -> VideoInfo:
    """Open `path` and decode its first frame (a file that cannot be decoded raises VideoFileError here, on
    the UI thread, where the user hears about it); the decode thread opens the file again for itself."""
    with VideoReader(path) as reader:
        return reader.info

VIDEO_SUFFIXES = ("*.mp4", "*.mov", "*.m4v", "*.mkv", "*.avi", "*.webm", "*.mxf", "*.mpg", "*.mpeg")
PLAY_POLL_MS = 5  # a frame appears within this of its time while playing (plus one decode, ~1-4 ms at dock size)
STEP_TICK_LIMIT = 64  # ticks tried past a frame's start to land inside it (one tick is ~1 ms at 120 bpm)


class VideoController(QObject):
    linkChanged = Signal()  # a video opened, moved or removed

    def __init__(self, window: QMainWindow, files, transport) -> None:
        super().__init__(window)
        self.window = window
        self.files = files
        self.transport = transport
        self.session = files.session
        self.options = files.options
        self.link: VideoLink | None = None
        self.info: VideoInfo | None = None
        self.fetcher: FrameFetcher | None = None
        self.wanted: int | None = None  # the frame the playhead is on (None: no picture there)
        self._caption_tick = 0  # the playhead the caption's timecode reads
        self.panel = VideoPanel()
        self.sound = FilmSoundControl(self.panel.sound, transport, self)  # the video's own sound, with the music
        self.dock = QDockWidget(self.tr("Video"), window)
        self.dock.setObjectName("VideoDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable |
                              QDockWidget.DockWidgetFloatable)
        window.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(lambda visible: visible and self.follow())
        self.panel.picture.show_note(self.tr("No video: File › Open video…"))
        self.panel.picture.resized.connect(lambda: self.follow(refresh=True))
        self.options.playheadMoved.connect(self.follow)
        self._clock = QTimer(self)
        self._clock.setInterval(PLAY_POLL_MS)
        self._clock.timeout.connect(self._follow_player)
        transport.stateChanged.connect(self._playing_changed)
        self.session.songChanged.connect(self._keep_picture_on_its_timecode)
        self.session.songChanged.connect(self.follow)
        for changed in (self.options.changed, self.session.songChanged, self.linkChanged):
            changed.connect(self._follow_loop)
        files.projectShown.connect(lambda project: self.restore(project.state.video))
        files.video_source = lambda: self.link
        self.linkChanged.connect(lambda: self.link is not None and self.sound.place(self.link.offset_seconds))
        self.panel.sound.changed.connect(self._sound_changed)

    # --- the link ------------------------------------------------------------------------
    def open_video(self, path: str | None = None) -> bool:
        """Open a video file into the project; a file that cannot be decoded changes nothing."""
        path = path or self.files.choose_path(self.tr("Open video"), False,
                                              fill(self.tr("Video files (%1)"), " ".join(VIDEO_SUFFIXES)))
        if not path:
            return False
        try:
            info = read_info(path)
        except CadenzaError as error:
            self.files.ask(QMessageBox.Warning, self.tr("Cannot open video"), str(error))
            return False
        link = VideoLink(str(Path(path).resolve()), self._offset_from_file(info))
        self._attach(link, info)
        self.session.undo_stack.resetClean()  # the link is saved with the project
        self._show_dock()
        self.session.message.emit(fill(self.tr("Opened video %1: %2×%3, %4 fps, %5 frames"), Path(path).name,
                                       info.width, info.height, f"{float(info.fps):.3f}".rstrip("0").rstrip("."),
                                       info.frame_count))
        return True

    def remove_video(self) -> None:
        if self.link is None:
            return
        self._detach()
        self.session.undo_stack.resetClean()
        self.session.message.emit(self.tr("Video removed from the project"))

    def restore(self, link: VideoLink | None) -> None:
        """Show the project's video; a file gone missing keeps its link (saved back) and says so.

        A project and its video moved together to another folder or machine still find each other: a
        video missing at its saved path is looked for under its name beside the project file."""
        self._detach()
        if link is None:
            return
        beside = Path(self.files.path).parent / Path(link.path).name if self.files.path else None
        if not Path(link.path).exists() and beside is not None and beside.is_file():
            link = link.with_(path=str(beside.resolve()))
        try:
            info = read_info(link.path)
        except CadenzaError as error:
            self.link = link
            self.panel.picture.show_note(str(error))
            self.session.message.emit(fill(self.tr("The project's video cannot be opened: %1"), str(error)))
            self.linkChanged.emit()
            return
        self._attach(link, info)
        self._show_dock()

    def _show_dock(self) -> None:
        """Show the picture at a useful size the first time: the dock area shares its height with it."""
        first = not self.dock.isVisible()
        self.dock.show()
        self.dock.raise_()
        if first and not self.dock.isFloating():
            self.window.resizeDocks([self.dock], [max(270, self.window.height() * 2 // 5)], Qt.Vertical)
            self.window.resizeDocks([self.dock], [max(420, self.window.width() // 4)], Qt.Horizontal)

    def set_offset(self, seconds: float) -> bool:
        """Place the video so its time `seconds` is at the song's start; out of range changes nothing."""
        if self.link is None:
            return False
        try:
            link = self.link.with_(offset_seconds=seconds)
        except ValueError as error:
            self.files.ask(QMessageBox.Warning, self.tr("Cannot place the video"), str(error))
            return False
        if link != self.link:
            self.link = link
            self.session.undo_stack.resetClean()
            self.linkChanged.emit()
            self.follow()
        return True

    def set_start_timecode(self, text: str) -> bool:
        """Place the video by the timecode of its first frame, read at the song's frame rate."""
        timecode = self.session.song.timecode
        try:
            label = parse_timecode(text, timecode.rate)
        except TimecodeError as error:
            self.files.ask(QMessageBox.Warning, self.tr("Cannot place the video"), str(error))
            return False
        return self.set_offset(0.0 - timecode.song_seconds(label))  # not -x: -0.0 would be saved as such

    def start_timecode(self) -> str:
        """The timecode of the video's first frame, at the song's rate, as the offset places it."""
        timecode = self.session.song.timecode
        return self._start_label(timecode).text(timecode.rate)

    def _start_label(self, timecode: SongTimecode) -> Timecode:
        """The label of the video's first frame on the timeline of the song's `timecode`."""
        offset_frames = round(self.link.offset_seconds * timecode.rate.fps) if self.link else 0
        return timecode_at_frame((timecode.start_frame - offset_frames) % frames_per_day(timecode.rate), timecode.rate)

    def _keep_picture_on_its_timecode(self, edit: object, before: Song, after: Song) -> None:
        """When the song's start or rate changes, the picture keeps its place on the film's timecode.

        Both live on one timeline: moving the cue's start from 01:00:00:00 to 01:00:10:00 means the cue now
        begins 10 s into a reel that starts at 01:00:00:00, so the offset grows by 10 s. Undoing the change
        gives the old offset back the same way. A label the new rate lacks keeps the offset in seconds."""
        if self.link is None or before.timecode == after.timecode:
            return
        label = self._start_label(before.timecode)
        try:
            link = self.link.with_(offset_seconds=0.0 - after.timecode.song_seconds(label))
        except ValueError:  # TimecodeError is one: a drop-frame label at a rate without it
            return
        if link != self.link:
            self.link = link
            self.linkChanged.emit()

    def _sound_changed(self) -> None:
        """Mute and level are saved with the project's video link (like its placement)."""
        if self.link is None:
            return
        row = self.panel.sound
        link = self.link.with_(sound_muted=row.muted, sound_level_db=row.level_db)
        if link != self.link:
            self.link = link
            self.session.undo_stack.resetClean()

    def placement_dialog(self) -> bool:
        if self.link is None:
            return False
        song_start = self.session.song.timecode.start.text(self.session.song.timecode.rate)
        text, ok = QInputDialog.getText(
            self.window, self.tr("Place video"),
            fill(self.tr("Timecode of the video's first frame (the song starts at %1):"), song_start),
            text=self.start_timecode())
        return ok and self.set_start_timecode(text)

    def _offset_from_file(self, info: VideoInfo) -> float:
        """Where a video with a start timecode of its own belongs against the song's SMPTE start (else 0)."""
        if not info.start_timecode:
            return 0.0
        timecode = self.session.song.timecode
        try:
            offset = 0.0 - timecode.song_seconds(parse_timecode(info.start_timecode, timecode.rate))
            return VideoLink("-", offset).offset_seconds
        except (TimecodeError, ValueError):
            return 0.0  # a label at another rate than the song's: the user places it

    def _attach(self, link: VideoLink, info: VideoInfo) -> None:
        self._detach()
        self.link, self.info = link, info
        self.fetcher = FrameFetcher(link.path, self)
        self.fetcher.frameReady.connect(self._show_frame)
        self.fetcher.failed.connect(self._decode_failed)
        self.sound.attach(link.path, link.offset_seconds, link.sound_muted, link.sound_level_db)
        self._follow_loop()
        self.dock.setWindowTitle(fill(self.tr("Video — %1"), Path(link.path).name))
        self.linkChanged.emit()
        self.follow()

    def _detach(self) -> None:
        if self.fetcher is not None:
            self.fetcher.frameReady.disconnect(self._show_frame)
            self.fetcher.failed.disconnect(self._decode_failed)
            self.fetcher.close()
            self.fetcher.deleteLater()
        self.sound.detach()
        self.link = self.info = self.fetcher = self.wanted = None
        self.dock.setWindowTitle(self.tr("Video"))
        self.panel.picture.show_note(self.tr("No video: File › Open video…"))
        self.panel.caption.clear()
        self.linkChanged.emit()

    # --- following the playhead ----------------------------------------------------------
    def video_seconds(self, tick: int) -> float:
        """The video's time at `tick` of the song."""
        return self.session.song.seconds(tick) + (self.link.offset_seconds if self.link else 0.0)

    def frame_at_tick(self, tick: int) -> int:
        """The frame number the picture shows at `tick`: floor(video seconds x fps) (may be outside the video)."""
        return frame_index(self.video_seconds(tick), self.info.fps)

    def follow(self, *_: object, refresh: bool = False) -> None:
        """Ask for the frame under the playhead (or say why there is none); `refresh`: again, at the view's size."""
        self.show_tick(self.options.playhead, refresh)

    def _playing_changed(self) -> None:
        if self.transport.is_playing:
            self._clock.start()
        else:
            self._clock.stop()

    def _follow_player(self) -> None:
        if self.transport.is_playing:
            self.show_tick(self.transport.player.position_tick())
        else:
            self._clock.stop()

    def show_tick(self, tick: int, refresh: bool = False) -> None:
        """Ask for the frame at `tick` of the song (or say why there is none)."""
        if self.fetcher is None or not self.dock.isVisible():
            return
        index = self.frame_at_tick(tick)
        picture = self.panel.picture
        if index < 0:
            self.wanted = None
            picture.show_note(fill(self.tr("The picture starts in %1 s"), f"{-self.video_seconds(tick):.2f}"))
        elif index >= self.info.frame_count:
            self.wanted = None
            picture.show_note(self.tr("The picture has ended"))
        elif refresh or index != self.wanted or picture.index != index:
            self.wanted = index
            self.fetcher.request(index, picture.fitting_width(self.info.width, self.info.height))
        self._caption_tick = tick
        self._show_caption()

    def _follow_loop(self, *_: object) -> None:
        """Tell the decode thread where the loop goes round to, so a reader waits there (app.video.frames)."""
        if self.fetcher is None:
            return
        loop = self.options.loop if self.options.loop_enabled else None
        start = self.frame_at_tick(loop[0]) if loop else None
        self.fetcher.set_loop_start(start if start is not None and 0 <= start < self.info.frame_count else None)

    def _show_frame(self, index: int, image: QImage) -> None:
        """Show a decoded frame, even one the playhead has already left: while a drag outruns the decoder,
        the latest picture there is beats a frozen one (the caption and `picture.index` say which it is),
        and the frame under the playhead follows as soon as it is decoded. Past the picture's ends the note
        stays."""
        if self.wanted is not None:
            self.panel.picture.show_frame(index, image)
            self._show_caption()

    def _decode_failed(self, message: str) -> None:
        self.panel.picture.show_note(message)
        self.session.message.emit(message)

    def _show_caption(self) -> None:
        """The frame on screen (numbered from 0: floor(video seconds x fps); "–" for none), the song's timecode
        at the playhead and the rate. While a drag outruns the decoder, the frame is the one shown, not yet the
        one under the playhead."""
        song = self.session.song
        shown = self.panel.picture.index
        self.panel.caption.setText(fill(self.tr("Frame %1 of %2 · %3 · %4 fps"), "–" if shown is None else shown,
                                        self.info.frame_count, song.timecode.text_at(song.seconds(self._caption_tick)),
                                        f"{float(self.info.fps):.3f}".rstrip("0").rstrip(".")))

    # --- frame steps ---------------------------------------------------------------------
    def step(self, frames: int) -> None:
        """Move the playhead `frames` frames (of the video, or of the song's timecode without one)."""
        song = self.session.song
        offset = self.link.offset_seconds if self.info else 0.0
        fps = self.info.fps if self.info else song.timecode.rate.fps
        current = frame_index(song.seconds(self.options.playhead) + offset, fps)
        target = current + frames
        seconds = float(target / fps) - offset
        if seconds <= 0:
            self.options.seek(0)
            return
        tick = math.floor(song.tempo_map.tick(seconds))
        for candidate in range(tick, tick + STEP_TICK_LIMIT):  # the first tick whose moment is in that frame
            if frame_index(song.seconds(candidate) + offset, fps) >= target:
                tick = candidate
                break
        self.options.seek(tick)

    def close(self) -> None:
        self._clock.stop()
        self.sound.detach()
        if self.fetcher is not None:
            self.fetcher.close()
