"""Stems: real FluidSynth renders of one file per track, checked by reading the files back."""
from __future__ import annotations

import numpy as np
import pytest
import soundfile

from audio_measure import melody, rms
from engine.audio.errors import RenderCancelled, RenderError
from engine.audio.mix import DEFAULT_MIX, DRY_MIX, MixSettings
from engine.audio.render import TAIL_SECONDS, render_array
from engine.audio.stems import render_stems, stem_names, stem_paths
from engine.track import Track, TrackRole

LSB_24 = 2.0 ** -23


def read(path) -> np.ndarray:
    audio, _ = soundfile.read(path, dtype="float64", always_2d=True)
    return audio


def assert_stems_add_up(result) -> None:
    """Same length, and the stem files summed equal the mix file to the 24-bit rounding of each file."""
    mix = read(result.mix)
    stems = [read(path) for _, path in result.stems]
    assert {len(stem) for stem in stems} == {len(mix)} == {result.frames}
    assert np.abs(sum(stems) - mix).max() <= (len(stems) + 1) * LSB_24


def test_stems_sum_to_the_mix_and_line_up(band, tmp_path):
    result = render_stems(band, tmp_path / "cue.wav", mix=DEFAULT_MIX)
    assert [path.name for _, path in result.stems] == ["cue_piano.wav", "cue_bass.wav", "cue_drums.wav"]
    assert result.frames == round((band.duration_seconds + TAIL_SECONDS) * 44100)
    assert_stems_add_up(result)
    info = soundfile.info(result.mix)
    assert (info.subtype, info.channels, info.samplerate) == ("PCM_24", 2, 44100)
    stems = [read(path) for _, path in result.stems]
    assert all(rms(stem) > 1e-4 for stem in stems)  # every track sounds in its own file
    song_end = round(band.duration_seconds * 44100)
    assert rms(stems[0][song_end:song_end + 4410]) > 1e-5  # the release tail is kept


def test_the_stems_mix_is_what_one_synth_playing_every_track_renders(band, tmp_path):
    """FluidSynth is linear, so per-track synths summed match the ordinary render, far below hearing."""
    result = render_stems(band, tmp_path / "cue.wav", mix=DEFAULT_MIX)
    whole = render_array(band, mix=DEFAULT_MIX).astype(np.float64)
    difference = whole - read(result.mix)
    assert len(whole) == result.frames
    assert 20 * np.log10(rms(difference) / rms(whole)) < -40


def test_muted_tracks_have_no_stem_and_solo_wins(band, tmp_path):
    muted = band.with_track(band.track(2).with_(mute=True))
    assert [t.id for t, _ in stem_paths(tmp_path / "a.wav", muted)] == [1, 3]
    result = render_stems(muted, tmp_path / "a.wav", mix=DRY_MIX)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.wav", "a_drums.wav", "a_piano.wav"]
    assert_stems_add_up(result)
    soloed = band.with_track(band.track(3).with_(solo=True, mute=True))
    assert [t.id for t, _ in stem_paths(tmp_path / "b.wav", soloed)] == [3]


def test_flac_at_a_chosen_rate_normalized(band, tmp_path):
    result = render_stems(band, tmp_path / "cue.flac", sample_rate=48000, normalize=True)
    assert all(soundfile.info(path).samplerate == 48000 for path in result.paths)
    assert all(soundfile.info(path).format == "FLAC" for path in result.paths)
    assert result.frames == round((band.duration_seconds + TAIL_SECONDS) * 48000)
    assert 20 * np.log10(np.abs(read(result.mix)).max()) == pytest.approx(-1.0, abs=0.01)
    assert result.gain_db > 0
    assert_stems_add_up(result)  # one factor for every file


def test_track_names_become_safe_unique_file_names():
    tracks = [Track(1, "Lead / Vox", TrackRole.MELODY), Track(2, "lead vox", TrackRole.MELODY),
              Track(3, "旋律", TrackRole.MELODY), Track(4, "", TrackRole.BASS), Track(5, "../..", TrackRole.DRUMS),
              Track(6, "Strings: hi!", TrackRole.OTHER), Track(7, "drums", TrackRole.DRUMS)]
    assert stem_names(tracks) == ["Lead_Vox", "lead_vox_2", "旋律", "bass", "drums", "Strings_hi", "drums_2"]


def test_cancel_leaves_no_file_behind(band, tmp_path):
    (tmp_path / "cue_piano.wav").write_bytes(b"an older stem")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1

    long_song = band.with_(end_tick=band.ticks_per_quarter * 4 * 30)  # more than one block
    with pytest.raises(RenderCancelled):
        render_stems(long_song, tmp_path / "cue.wav", cancel=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cue_piano.wav"]
    assert (tmp_path / "cue_piano.wav").read_bytes() == b"an older stem"


def test_bad_requests_are_one_line_errors(band, tmp_path):
    silent = band.with_(tracks=tuple(t.with_(mute=True) for t in band.tracks))
    with pytest.raises(RenderError, match="^no stems to export: every track is muted$"):
        render_stems(silent, tmp_path / "cue.wav")
    with pytest.raises(RenderError, match="unsupported audio format '.mp3'"):
        render_stems(band, tmp_path / "cue.mp3")
    with pytest.raises(RenderError, match="does not exist"):
        render_stems(band, tmp_path / "missing" / "cue.wav")
    assert list(tmp_path.iterdir()) == []



def test_a_large_reverb_room_gets_a_longer_tail_that_is_not_cut_off(band, tmp_path):
    hall = MixSettings(reverb_amount=1.0, reverb_room=0.9)
    result = render_stems(band, tmp_path / "hall.wav", mix=hall)
    assert result.frames == round((band.duration_seconds + TAIL_SECONDS + 4.5) * 44100)
    last = read(result.mix)[-4410:]
    assert 20 * np.log10(rms(last)) < -70  # the reverb has died away before the file ends
    assert_stems_add_up(result)


def test_wav_stems_carry_the_cues_smpte_start_for_a_daw(band, tmp_path):
    """Broadcast WAV TimeReference = the song's SMPTE start in samples since midnight; soundfile still reads them."""
    from engine.audio.bwf import read_time_reference
    from engine.timecode import song_timecode

    cue = band.with_(timecode=song_timecode("25", "01:00:10:00"))
    result = render_stems(cue, tmp_path / "cue.wav", sample_rate=48000, mix=DRY_MIX)
    assert {read_time_reference(path) for path in result.paths} == {3610 * 48000}
    assert_stems_add_up(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in result.paths)  # no scratch left
    flac = render_stems(cue, tmp_path / "cue.flac", mix=DRY_MIX)
    assert soundfile.info(flac.mix).format == "FLAC"


def test_cancel_while_writing_wav_leaves_no_scratch_file(band, tmp_path):
    calls = []
    with pytest.raises(RenderCancelled):
        render_stems(band.with_(end_tick=band.ticks_per_quarter * 4 * 30), tmp_path / "cue.wav",
                     cancel=lambda: calls.append(1) or len(calls) > 2)
    assert list(tmp_path.iterdir()) == []
