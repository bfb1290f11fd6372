"""The video dock, offscreen: the frame on screen is the frame under the playhead.

A real video (frames that show their own number, made by tests/video_clip.py)
is opened into the real main window; the playhead is moved the ways a user
moves it; the dock's picture is grabbed from the screen and its number read
back, then compared with floor((song seconds + offset) x fps).
"""
from __future__ import annotations

import math
import os
import sys
import threading
from contextlib import contextmanager
from fractions import Fraction

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from engine.project import VideoLink, load_project
from engine.timecode import song_timecode
from engine.timing import TempoChange
from tests.video_clip import make_clip, read_number

FPS = Fraction(24)
FRAMES = 240  # ten seconds


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_clip(tmp_path_factory.mktemp("video") / "reel.mp4", FRAMES, FPS, "libx264",
                     timecode="01:00:00:00")


def shown_number(window) -> int:
    """The frame number read from the pixels the dock shows."""
    picture = window.video.panel.picture
    image = picture.grab().toImage().convertToFormat(QImage.Format_RGB888)
    rect = picture.picture_rect()
    assert rect.width() > 0, "no picture on screen"
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    rgb = rows[:, :image.width() * 3].reshape(image.height(), image.width(), 3)
    return read_number(rgb, (rect.x(), rect.y(), rect.width(), rect.height()))


def expected_frame(window, tick: int) -> int:
    seconds = window.session.song.seconds(tick) + window.video.link.offset_seconds
    return math.floor(Fraction(seconds) * FPS + Fraction(FPS, 10**6))


def settle(qtbot, window) -> int:
    """Wait until the dock shows the frame the playhead is on; returns the number read from the screen."""
    video = window.video
    qtbot.waitUntil(lambda: video.wanted is not None and video.panel.picture.index == video.wanted, timeout=5000)
    return shown_number(window)


@pytest.fixture
def video_window(window, clip, qtbot):
    window.resize(1400, 900)
    assert window.video.open_video(str(clip))
    qtbot.waitUntil(lambda: window.video.dock.isVisible())
    return window


def test_opening_a_video_shows_the_frame_under_the_playhead(video_window, qtbot):
    window = video_window
    link = window.video.link
    assert link.offset_seconds == -3600.0  # its own start 01:00:00:00 against the song's 00:00:00:00
    window.video.set_offset(0.0)
    assert window.files.dirty  # the link is saved with the project
    for tick in (0, 1, 479, 480, 961, 3000, 7777):
        window.options.seek(tick)
        assert settle(qtbot, window) == expected_frame(window, tick) == window.video.panel.picture.index
        song = window.session.song
        assert window.video.panel.caption.text() == (f"Frame {expected_frame(window, tick)} of {FRAMES} · "
                                                     f"{song.timecode.text_at(song.seconds(tick))} · 24 fps")


def test_scrubbing_back_and_forth_lands_on_the_right_frames(video_window, qtbot):
    window = video_window
    window.video.set_offset(0.0)
    ticks = [4000, 200, 9000, 8990, 3, 6000, 5999, 100, 9500]
    for tick in ticks:  # a drag: moves faster than frames decode; only the last one must be on screen
        window.options.seek(tick)
    assert settle(qtbot, window) == expected_frame(window, 9500)
    for tick in ticks:  # one move at a time
        window.options.seek(tick)
        assert settle(qtbot, window) == expected_frame(window, tick)


def test_the_offset_and_a_tempo_change_move_the_picture(video_window, qtbot):
    window = video_window
    window.video.set_start_timecode("00:59:58:00")  # the video starts two seconds before the song
    assert window.video.link.offset_seconds == pytest.approx(-3598.0)  # the song starts at 00:00:00:00
    window.session.replace_song(window.session.song.with_(timecode=song_timecode("24", "01:00:00:00")))
    window.video.set_start_timecode("00:59:58:00")
    assert window.video.link.offset_seconds == pytest.approx(2.0)
    assert window.video.start_timecode() == "00:59:58:00"
    window.options.seek(960)  # one second at 120 bpm: video time 3 s, frame 72
    assert settle(qtbot, window) == 72
    song = window.session.song
    window.session.replace_song(song.with_(tempos=(TempoChange.from_bpm(0, 60),)))
    assert settle(qtbot, window) == expected_frame(window, 960) == 96  # two seconds now: frame 96


def test_before_the_picture_starts_and_after_it_ends_the_view_says_so(video_window, qtbot):
    window = video_window
    window.video.set_offset(-2.0)  # the picture starts two seconds into the song
    window.options.seek(480)
    picture = window.video.panel.picture
    assert picture.image is None and "starts in 1.50 s" in picture.note
    window.options.seek(960 * 20)  # 20 s in: the 10 s video has ended
    assert picture.image is None and "ended" in picture.note
    window.options.seek(960 * 3)  # one second into the picture
    assert settle(qtbot, window) == 24


def test_frame_step_keys_move_the_playhead_one_frame(video_window, qtbot):
    window = video_window
    window.video.set_offset(0.0)
    window.options.seek(1000)
    start = expected_frame(window, 1000)
    window.editor.roll.setFocus()
    for n in range(1, 6):
        QTest.keyClick(window.editor.roll, Qt.Key_Period)
        assert expected_frame(window, window.options.playhead) == start + n
        assert settle(qtbot, window) == start + n
    for n in range(4, -3, -1):
        QTest.keyClick(window.editor.roll, Qt.Key_Comma)
        assert settle(qtbot, window) == start + n
    window.options.seek(5)
    QTest.keyClick(window.editor.roll, Qt.Key_Comma)
    assert window.options.playhead == 0


@contextmanager
def window_playing(song, clip, qtbot):
    """(window, its player's offline output): the real Player, whose clock moves only as audio is pulled by hand
    (output.advance), with the clip open at offset 0."""
    from app.main_window import MainWindow
    from engine.audio.output import OfflineOutput
    from engine.audio.player import Player

    output = OfflineOutput()
    window = MainWindow(song, player_factory=lambda: Player(output=output))
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.video.open_video(str(clip))
        window.video.set_offset(0.0)
        yield window, output
    finally:
        window.session.undo_stack.setClean()
        window.close()
        window.deleteLater()


@pytest.fixture
def playing_window(song, clip, qtbot):
    with window_playing(song, clip, qtbot) as opened:
        yield opened


def test_playing_and_looping_the_picture_follows_the_player(playing_window, qtbot):
    """The real Player on its offline output: audio pulled by hand moves its clock; the transport polls it."""
    window, output = playing_window
    window.options.set_loop(960, 1920)  # one to two seconds at 120 bpm
    window.options.seek(960)
    window.transport.play()
    seen = []
    for _ in range(50):  # 50 x 0.05 s: round the 1 s loop two and a half times
        output.advance(0.05)
        window.transport._poll()  # what its 30 ms timer does
        seen.append(settle(qtbot, window))
        assert seen[-1] == expected_frame(window, window.options.playhead)
    assert min(seen) >= 24 and max(seen) < 48 and len(set(seen)) > 15
    assert any(later < earlier for earlier, later in zip(seen, seen[1:]))  # it went round
    assert window.video._clock.isActive()  # while playing, the picture reads the player's clock itself
    player = window.transport.player
    steps = []
    for _ in range(30):  # 10 ms steps, between the transport's 30 ms playhead polls: every frame is shown
        output.advance(0.01)
        window.video._follow_player()  # what its 5 ms timer does
        steps.append(settle(qtbot, window))
        assert steps[-1] == expected_frame(window, player.position_tick())
    assert set(range(min(steps), max(steps) + 1)) <= set(steps) | {47, 24}
    window.transport.stop()
    assert not window.video._clock.isActive()


def test_a_file_that_cannot_be_decoded_changes_nothing(window, tmp_path, clip, qtbot, monkeypatch):
    messages = []
    monkeypatch.setattr(window.files, "ask", lambda icon, title, text, *a: messages.append(text))
    bad = tmp_path / "broken.mov"
    bad.write_bytes(b"\x00\x00\x00\x18ftypqt  " + b"garbage" * 500)
    assert window.video.open_video(str(clip))
    before = (window.video.link, window.files.project())
    assert not window.video.open_video(str(bad))
    assert len(messages) == 1 and "\n" not in messages[0] and str(bad) in messages[0]
    assert (window.video.link, window.files.project()) == before
    assert not window.video.set_start_timecode("99:99")
    assert not window.video.set_offset(1e6)
    assert window.video.link == before[0] and len(messages) == 3


def test_the_video_is_saved_with_the_project_and_comes_back(window, clip, tmp_path, qtbot):
    assert window.video.open_video(str(clip))
    window.video.set_offset(1.5)
    path = tmp_path / "cue.cadenza"
    assert window.files.save_as(str(path))
    assert load_project(path).state.video == VideoLink(str(clip.resolve()), 1.5)
    window.video.remove_video()
    assert window.video.link is None and window.files.dirty
    assert window.files.open_file(str(path), confirm=False)
    assert window.video.link == VideoLink(str(clip.resolve()), 1.5)
    window.options.seek(0)
    assert settle(qtbot, window) == 36


def test_a_project_whose_video_went_missing_opens_and_keeps_the_link(window, clip, tmp_path, qtbot):
    moved = tmp_path / "moved.mp4"
    moved.write_bytes(clip.read_bytes())
    assert window.video.open_video(str(moved))
    path = tmp_path / "cue.cadenza"
    assert window.files.save_as(str(path))
    moved.unlink()
    assert window.files.open_file(str(path), confirm=False)
    assert window.video.link.path == str(moved.resolve()) and window.video.fetcher is None
    assert "no such file" in window.video.panel.picture.note
    assert load_project(path).state.video == window.files.project().state.video


def test_without_a_video_the_frame_keys_step_by_the_songs_timecode_frames(window):
    window.session.replace_song(window.session.song.with_(timecode=song_timecode("25", "00:00:00:00")))
    window.editor.roll.setFocus()
    for n in range(1, 4):
        QTest.keyClick(window.editor.roll, Qt.Key_Period)
        seconds = window.session.song.seconds(window.options.playhead)
        assert math.floor(seconds * 25 + 1e-6) == n and seconds - n / 25 < 0.002  # the frame's first tick
    QTest.keyClick(window.editor.roll, Qt.Key_Comma)
    assert math.floor(window.session.song.seconds(window.options.playhead) * 25 + 1e-6) == 2


def test_the_file_menu_offers_the_video_items_when_they_apply(window, clip):
    texts = {action.text(): action for action in window.file_menu.menu.actions()}
    open_item, place, remove = texts["Open &video…"], texts["&Place video…"], texts["Remove vi&deo"]
    assert open_item.isEnabled() and not place.isEnabled() and not remove.isEnabled()
    assert open_item.shortcut().toString() == "Ctrl+Shift+O"
    assert window.video.open_video(str(clip))
    assert place.isEnabled() and remove.isEnabled() and window.video.dock.toggleViewAction().isChecked()
    remove.trigger()
    assert window.video.link is None and not place.isEnabled()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads have their own nice value on Linux")
def test_frames_are_decoded_at_a_lower_priority_than_the_editor(video_window, qtbot):
    from app.video.frames import DECODE_NICENESS

    fetcher = video_window.video.fetcher
    qtbot.waitUntil(lambda: fetcher._thread.native_id is not None)
    video_window.video.set_offset(0.0)
    video_window.options.seek(500)
    settle(qtbot, video_window)  # the thread has opened its reader (and lowered its priority first)
    ui = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert os.getpriority(os.PRIO_PROCESS, fetcher._thread.native_id) == min(19, ui + DECODE_NICENESS)


def test_a_project_moved_with_its_video_finds_it_beside_itself(window, clip, tmp_path, qtbot):
    first, second = tmp_path / "studio", tmp_path / "laptop"
    first.mkdir()
    (first / "reel.mp4").write_bytes(clip.read_bytes())
    assert window.video.open_video(str(first / "reel.mp4"))
    window.video.set_offset(2.0)
    assert window.files.save_as(str(first / "cue.cadenza"))
    first.rename(second)  # both moved: the saved absolute path no longer exists
    assert window.files.open_file(str(second / "cue.cadenza"), confirm=False)
    assert window.video.link == VideoLink(str((second / "reel.mp4").resolve()), 2.0)
    window.options.seek(0)
    assert settle(qtbot, window) == 48


def test_a_loop_goes_round_without_a_seek(playing_window, qtbot):
    """A second reader waits at the loop's start, so each pass begins without seeking (a GOP's decode at 1080p)."""
    window, output = playing_window
    window.options.set_loop(960, 960 * 4)  # 1 s to 4 s: frames 24 to 95, more than the reader keeps
    window.options.seek(960)
    fetcher = window.video.fetcher
    qtbot.waitUntil(lambda: len(fetcher.readers) == 2, timeout=5000)
    window.transport.play()
    seen = []
    for _ in range(160):  # 6.4 s in steps of 0.04 s: every frame of the 3 s loop (more than are kept), twice
        output.advance(0.04)
        window.video._follow_player()
        seen.append(settle(qtbot, window))
        assert seen[-1] == expected_frame(window, window.transport.player.position_tick())
    window.transport.stop()
    wraps = sum(later < earlier for earlier, later in zip(seen, seen[1:]))
    assert wraps == 2 and min(seen) >= 24 and max(seen) <= 95
    assert fetcher.seeks_for_requests == 0


def test_place_video_asks_for_the_first_frames_timecode(video_window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    window = video_window
    window.session.replace_song(window.session.song.with_(timecode=song_timecode("24", "01:00:10:00")))
    assert window.video.link.offset_seconds == pytest.approx(10.0)
    typed = {}

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        typed["shown"], typed["label"] = dialog.textValue(), dialog.labelText()
        dialog.setTextValue("01:00:05:00")
        dialog.accept()

    QTimer.singleShot(50, answer)
    assert window.video.placement_dialog()
    # Placed by its own 01:00:00:00, the video kept that place when the cue's start moved to 01:00:10:00.
    assert typed["shown"] == "01:00:00:00" and "01:00:10:00" in typed["label"]
    assert window.video.link.offset_seconds == pytest.approx(5.0)  # typed 01:00:05:00: 5 s before the song
    window.options.seek(0)
    assert settle(qtbot, window) == 120


def test_the_picture_keeps_its_timecode_when_the_cue_start_moves_and_undo_moves_it_back(video_window, qtbot):
    from engine.edits import SongPropertiesEdit

    window = video_window
    assert window.video.start_timecode() == "01:00:00:00" and window.video.link.offset_seconds == -3600.0
    window.session.push(SongPropertiesEdit.changing(window.session.song, timecode=song_timecode("24", "01:00:04:00")))
    assert window.video.link.offset_seconds == pytest.approx(4.0)  # the cue now starts 4 s into the reel
    window.options.seek(0)
    assert settle(qtbot, window) == 96
    window.session.undo_stack.undo()
    assert window.video.link.offset_seconds == -3600.0 and window.video.start_timecode() == "01:00:00:00"
    window.session.undo_stack.redo()
    window.session.push(SongPropertiesEdit.changing(window.session.song, timecode=song_timecode("25", "01:00:04:00")))
    assert window.video.start_timecode() == "01:00:00:00"  # the same labels at 25 fps: still 4 s apart
    assert window.video.link.offset_seconds == pytest.approx(4.0)
