"""Offline render through real FluidSynth, measured with numpy: length, level, silence, files."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile
from audio_measure import SILENT, TPQ, drum_beat, melody, peak, rms

from engine.audio.errors import AudioError, RenderCancelled, RenderError, SoundfontError
from engine.audio.render import BLOCK_FRAMES, TAIL_SECONDS, render_array, render_song
from engine.audio.synth import DEFAULT_SETTINGS
from engine.midi import write_midi
from engine.song import Song
from engine.track import Track, TrackRole

OTHER_SOUNDFONTS = [  # Debian's fluid-soundfont-gm (.sf2) and musescore-general-soundfont-small (.sf3, Ogg samples)
    Path("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
    Path("/usr/share/sounds/sf3/MuseScore_General_Lite.sf3"),
]


def test_length_is_the_song_plus_the_tail_and_it_sounds(band):
    audio = render_array(band)
    assert audio.dtype == np.float32 and audio.shape[1] == 2
    assert abs(len(audio) / 44100 - (band.duration_seconds + TAIL_SECONDS)) < 0.002
    assert rms(audio[: int(band.duration_seconds * 44100)]) > 0.01
    assert peak(audio) < 1.0
    assert rms(audio[-4410:]) < rms(audio[:44100]) / 10  # the tail decays


def test_silence_before_a_late_first_note():
    song = Song(tracks=(Track(id=1, notes=melody(start=3 * TPQ, count=2)),))  # first note at 1.5 s
    audio = render_array(song)
    assert peak(audio[: int(1.49 * 44100)]) < SILENT
    assert rms(audio[int(1.5 * 44100): int(2.0 * 44100)]) > 0.005


def test_a_muted_track_contributes_nothing(band):
    without_bass = band.with_(tracks=(band.track(1), band.track(3)))
    muted_bass = band.with_track(band.track(2).with_(mute=True))
    assert np.array_equal(render_array(muted_bass), render_array(without_bass))
    assert not np.array_equal(render_array(band)[: 44100], render_array(muted_bass)[: 44100])


def test_a_soloed_track_plays_alone(band):
    solo_drums = band.with_track(band.track(3).with_(solo=True))
    only_drums = band.with_(tracks=(band.track(1).with_(mute=True), band.track(2).with_(mute=True), band.track(3)))
    assert np.array_equal(render_array(solo_drums), render_array(only_drums))


def test_drums_play_from_the_percussion_bank():
    hits = drum_beat(count=4)
    drums = render_array(Song(tracks=(Track(id=1, role=TrackRole.DRUMS, channel=9, notes=hits),)))
    piano = render_array(Song(tracks=(Track(id=1, program=0, notes=hits),)))
    assert rms(drums) > 0.002 and rms(piano) > 0.002
    assert not np.allclose(drums, piano, atol=1e-3)


def test_the_tenth_synth_channel_is_not_forced_to_drums():
    piano = Track(id=10, program=0, notes=melody(count=2))
    alone = render_array(Song(tracks=(piano,)))
    tenth = render_array(Song(tracks=tuple(Track(id=i) for i in range(1, 10)) + (piano,)))  # on synth channel 9
    assert np.array_equal(alone, tenth)


@pytest.mark.parametrize("name, rate, format_name", [("song.wav", 48000, "WAV"), ("song.flac", 22050, "FLAC")])
def test_files_are_readable_at_the_right_rate(tmp_path, band, name, rate, format_name):
    result = render_song(band, tmp_path / name, sample_rate=rate)
    info = soundfile.info(tmp_path / name)
    assert (info.format, info.samplerate, info.channels, info.subtype) == (format_name, rate, 2, "PCM_16")
    assert info.frames == round((band.duration_seconds + TAIL_SECONDS) * rate)
    assert result.seconds == pytest.approx(info.frames / rate)
    data, _ = soundfile.read(tmp_path / name, dtype="float32")
    assert rms(data) > 0.01
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_progress_rises_to_one(tmp_path, band):
    seen = []
    render_song(band, tmp_path / "song.wav", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 2


def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path, band):
    target = tmp_path / "song.wav"
    target.write_bytes(b"the previous export")
    calls = iter([False, True])
    with pytest.raises(RenderCancelled, match="^render cancelled$"):
        render_song(band, target, cancel=lambda: next(calls))
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["song.wav"]
    assert len(render_array(band)) > BLOCK_FRAMES  # so the cancel really came mid-render


def test_bad_soundfont_path_is_one_line_and_writes_nothing(tmp_path, band):
    with pytest.raises(SoundfontError) as caught:
        render_song(band, tmp_path / "song.wav", soundfont=tmp_path / "missing.sf2")
    assert str(caught.value) == f"{tmp_path / 'missing.sf2'}: SoundFont not found"
    assert list(tmp_path.iterdir()) == []


def test_a_soundfont_fluidsynth_cannot_load_is_reported(tmp_path, band):
    broken = tmp_path / "broken.sf2"
    broken.write_bytes(b"RIFF\x10\x00\x00\x00sfbkLIST\x00\x00\x00\x00")
    with pytest.raises(SoundfontError, match="FluidSynth could not load this SoundFont"):
        render_array(band, soundfont=broken)


@pytest.mark.parametrize("soundfont", OTHER_SOUNDFONTS, ids=lambda p: p.suffix)
def test_any_soundfont_the_user_points_to_works(band, soundfont):
    if not soundfont.exists():
        pytest.skip(f"{soundfont} is not installed")
    audio = render_array(band, soundfont=soundfont)
    assert rms(audio) > 0.01 and peak(audio) < 1.0


def test_refusals_are_one_line(tmp_path, band):
    with pytest.raises(RenderError, match=r"unsupported audio format '\.mp3'"):
        render_song(band, tmp_path / "song.mp3")
    with pytest.raises(RenderError, match="does not exist"):
        render_song(band, tmp_path / "no" / "song.wav")
    with pytest.raises(RenderError, match="limited to 2 hours"):
        render_song(band.with_(end_tick=10**9), tmp_path / "long.wav")
    with pytest.raises(AudioError, match="sample rate must be"):
        render_array(band, sample_rate=1000)  # an AudioError, the base of RenderError
    assert list(tmp_path.iterdir()) == []


def test_empty_song_is_just_the_tail():
    audio = render_array(Song())
    assert len(audio) == round(TAIL_SECONDS * 44100) and peak(audio) < SILENT


@pytest.mark.skipif(shutil.which("fluidsynth") is None, reason="fluidsynth command line not installed")
def test_sounds_like_the_fluidsynth_command_line(tmp_path, band):
    """Same notes, same SoundFont, same gain: the level matches Debian's fluidsynth within 10%."""
    write_midi(band, tmp_path / "band.mid")
    reference = tmp_path / "reference.wav"
    subprocess.run(["fluidsynth", "-ni", "-q", "-r", "44100", "-g", str(DEFAULT_SETTINGS.gain), "-F", str(reference),
                    "/usr/share/sounds/sf2/TimGM6mb.sf2", str(tmp_path / "band.mid")],
                   check=True, capture_output=True, timeout=60)
    theirs, _ = soundfile.read(reference, dtype="float32")
    ours = render_array(band, soundfont="/usr/share/sounds/sf2/TimGM6mb.sf2")
    seconds = int(band.duration_seconds * 44100)
    assert rms(ours[:seconds]) == pytest.approx(rms(theirs[:seconds]), rel=0.1)
