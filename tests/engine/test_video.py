"""engine.video: the frame at a time is frame floor(t x fps), whatever order it is asked in.

Real videos, encoded here by PyAV with frames that show their own number:
mpeg4 (keyframe every 12 frames) at 24 fps and H.264 with B-frames at 29.97.
"""
from __future__ import annotations

import json
import math
import os
import random
from fractions import Fraction

import pytest

from engine.project import Project, ProjectFileError, ProjectState, VideoLink, load_project, save_project
from engine.project.codec import project_to_json
from engine.project.io import project_from_bytes
from engine.video import CACHE_FRAMES, VideoFileError, VideoReader, frame_index
from tests.video_clip import make_clip, read_number

NTSC = Fraction(30000, 1001)
CLIPS = {"mpeg4-24": ("mpeg4", Fraction(24)), "h264-bframes-29.97": ("libx264", NTSC)}


@pytest.fixture(scope="module", params=list(CLIPS))
def clip(request, tmp_path_factory):
    codec, fps = CLIPS[request.param]
    return make_clip(tmp_path_factory.mktemp("video") / f"{request.param}.mp4", 150, fps, codec,
                     timecode="01:00:00:00"), fps


def test_the_file_is_described_exactly(clip):
    path, fps = clip
    with VideoReader(path) as video:
        info = video.info
    assert (info.width, info.height, info.fps, info.frame_count) == (192, 64, fps, 150)
    assert info.duration_seconds == pytest.approx(150 / fps)
    assert info.start_timecode == "01:00:00:00"


def test_every_frame_in_random_order_then_forward_then_backward(clip):
    path, _ = clip
    order = list(range(150))
    random.Random(7).shuffle(order)
    order += list(range(150)) + list(range(149, -1, -1))
    with VideoReader(path) as video:
        shown = [read_number(video.frame(i)) for i in order]
    assert shown == order


def test_the_frame_at_a_time_is_floor_of_time_times_rate(clip):
    path, fps = clip
    rng = random.Random(3)
    times = [rng.uniform(0, 150 / float(fps)) for _ in range(60)]
    times += [float(k / fps) for k in (0, 1, 23, 24, 29, 30, 149)]  # frame starts, as floats
    with VideoReader(path) as video:
        for seconds in times:
            expected = math.floor(Fraction(seconds) * fps + Fraction(1, 10**6) * fps)
            index, rgb = video.frame_at(seconds)
            assert index == expected and read_number(rgb) == expected, seconds


def test_times_outside_the_video_show_its_first_and_last_frames(clip):
    path, fps = clip
    with VideoReader(path) as video:
        assert video.frame_at(-3.0)[0] == 0 and read_number(video.frame_at(-3.0)[1]) == 0
        assert video.frame_at(1e4)[0] == 149 and read_number(video.frame_at(1e4)[1]) == 149


def test_a_frame_start_computed_in_floats_is_that_frame():
    # 1001/30000 * 30 lands a hair under 1.001 in floats; it is still frame 30.
    assert frame_index(30 * 1001 / 30000, NTSC) == 30
    assert frame_index(1.0, Fraction(24)) == 24
    assert frame_index(1.0 - 1e-3, Fraction(24)) == 23


def test_frames_scale_to_the_width_asked_and_stepping_back_is_cached(clip):
    path, _ = clip
    with VideoReader(path) as video:
        video.set_output_width(97)
        assert video.output_size == (96, 32)
        rgb = video.frame(100)
        assert rgb.shape == (32, 96, 3) and read_number(rgb) == 100
        assert all(read_number(video.frame(i)) == i for i in range(99, 94, -1))
        assert len(video._cache) <= CACHE_FRAMES


@pytest.mark.parametrize("content, problem", [
    (b"", "not a video file FFmpeg can read"),
    (b"this is not a video" * 100, "not a video file FFmpeg can read"),
    (None, "no such file"),
])
def test_files_that_are_not_videos_are_one_line_errors(tmp_path, content, problem):
    path = tmp_path / "broken.mp4"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(VideoFileError, match=problem) as error:
        VideoReader(path)
    assert "\n" not in str(error.value) and str(path) in str(error.value)


def test_a_folder_a_fifo_and_an_audio_only_file_are_refused(tmp_path):
    import av
    import numpy as np

    with pytest.raises(VideoFileError, match="is a directory"):
        VideoReader(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(VideoFileError, match="not a regular file"):
        VideoReader(tmp_path / "pipe")
    with av.open(str(tmp_path / "tone.wav"), "w") as container:
        stream = container.add_stream("pcm_s16le", rate=8000, layout="mono")
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 800), np.int16), format="s16", layout="mono")
        frame.sample_rate = 8000
        for packet in stream.encode(frame):
            container.mux(packet)
    with pytest.raises(VideoFileError, match="has no video stream"):
        VideoReader(tmp_path / "tone.wav")


def test_a_truncated_video_is_refused_or_shows_what_it_has(tmp_path, clip):
    path, _ = clip
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(path.read_bytes()[:400])  # the header is at the end of an mp4: nothing usable remains
    with pytest.raises(VideoFileError):
        VideoReader(cut)


# --- the project file keeps the link --------------------------------------------------------
def test_the_video_link_round_trips_through_the_project_file(tmp_path):
    project = Project(state=ProjectState(video=VideoLink("/films/reel 2.mov", offset_seconds=-10.5, sound_muted=True,
                                                         sound_level_db=-12.0)))
    save_project(project, tmp_path / "cue.cadenza")
    assert load_project(tmp_path / "cue.cadenza") == project
    assert project_to_json(Project())["state"]["video"] is None


def test_a_format_6_video_link_reads_with_its_sound_on_at_0_db():
    document = project_to_json(Project(state=ProjectState(video=VideoLink("/films/reel.mov", 2.0))))
    document["version"] = 6
    document["state"]["video"] = {"path": "/films/reel.mov", "offset_seconds": 2.0}
    document["state"]["locks"] = {"tracks": [], "notes": {}}
    link = project_from_bytes(json.dumps(document).encode(), "old.cadenza").state.video
    assert link == VideoLink("/films/reel.mov", 2.0) and not link.sound_muted and link.sound_level_db == 0.0


@pytest.mark.parametrize("video, problem", [
    ({"path": "", "offset_seconds": 0, "sound_muted": False, "sound_level_db": 0},
     "state.video: video path must not be empty"),
    ({"path": "a.mp4", "offset_seconds": 1e9, "sound_muted": False, "sound_level_db": 0},
     "state.video: video offset must be a number of seconds"),
    ({"path": "a.mp4", "offset_seconds": "10", "sound_muted": False, "sound_level_db": 0},
     "state.video.offset_seconds: expected a number"),
    ({"path": "a.mp4"}, "state.video: missing field 'offset_seconds'"),
    ({"path": "a.mp4", "offset_seconds": 0, "sound_muted": False, "sound_level_db": 40},
     "state.video: video sound level must be -60..12 dB, got 40"),
    ({"path": "a.mp4", "offset_seconds": 0, "sound_muted": "no", "sound_level_db": 0},
     "state.video.sound_muted: expected true or false"),
])
def test_a_bad_video_link_is_a_one_line_error_naming_its_place(video, problem):
    document = project_to_json(Project())
    document["state"]["video"] = video
    with pytest.raises(ProjectFileError, match=problem.replace(".", r"\.")):
        project_from_bytes(json.dumps(document).encode(), "x.cadenza")
