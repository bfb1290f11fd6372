"""Normalized offline renders ("Auto Normalize" on export), measured on real FluidSynth output and real files."""
from __future__ import annotations

import numpy as np
import pytest
import soundfile
from audio_measure import SILENT, peak, rms

from engine.audio.errors import RenderCancelled
from engine.audio.render import (
    BLOCK_FRAMES,
    NORMALIZE_MAX_GAIN_DB,
    NORMALIZE_PEAK_DB,
    normalize_gain,
    render_array,
    render_song,
    to_db,
)
from engine.notes import Note
from engine.song import Song
from engine.track import Track

LSB = 1 / 32768  # one step of a 16-bit file


def read(path) -> np.ndarray:
    return soundfile.read(path, dtype="float64")[0]


def whisper() -> Song:
    """One soft note at low volume: it peaks near -68 dBFS, quieter than +24 dB can bring up to -1 dBFS."""
    return Song(tracks=(Track(id=1, volume=30, notes=(Note(start=0, pitch=60, duration=480, velocity=30),)),))


def wall_of_sound() -> Song:
    """Eight tracks of fourteen-note fortissimo chords: peaks well above full scale at the synth's gain."""
    return Song(tracks=tuple(
        Track(id=i, program=48 + i, channel=i - 1,
              notes=tuple(Note(start=0, pitch=36 + p, duration=960, velocity=127) for p in range(0, 40, 3)))
        for i in range(1, 9)))


def test_a_quiet_song_is_brought_up_to_minus_one_dbfs_by_one_factor(tmp_path, band):
    plain = render_song(band, tmp_path / "plain.wav")
    loud = render_song(band, tmp_path / "loud.wav", normalize=True)
    plain_audio, loud_audio = read(tmp_path / "plain.wav"), read(tmp_path / "loud.wav")
    assert plain.gain_db == 0.0 and not plain.normalized and plain.peak_db < -10  # the synth's quiet playback level
    assert to_db(peak(plain_audio)) == pytest.approx(plain.peak_db, abs=0.01)
    assert to_db(peak(loud_audio)) == pytest.approx(NORMALIZE_PEAK_DB, abs=0.1)
    assert loud.peak_db == pytest.approx(NORMALIZE_PEAK_DB, abs=1e-6) and loud.normalized
    assert loud.gain_db == pytest.approx(NORMALIZE_PEAK_DB - plain.peak_db, abs=0.01) and loud.gain_db > 10
    # the same render, scaled: one level ratio everywhere, and it is the reported gain
    assert to_db(rms(loud_audio) / rms(plain_audio)) == pytest.approx(loud.gain_db, abs=0.05)
    assert np.corrcoef(loud_audio.ravel(), plain_audio.ravel())[0, 1] > 0.9999
    floats = render_array(band).astype(np.float64) * 10 ** (loud.gain_db / 20)
    assert np.max(np.abs(loud_audio - floats)) <= 2 * LSB  # the scaled float render, rounded once to 16 bits
    assert loud.level == f"normalized {loud.gain_db:+.1f} dB, peak -1.0 dBFS"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loud.wav", "plain.wav"]  # no scratch file left


def test_a_song_that_would_clip_is_brought_down_instead(tmp_path):
    plain = render_song(wall_of_sound(), tmp_path / "plain.flac")
    loud = render_song(wall_of_sound(), tmp_path / "loud.flac", normalize=True)
    assert plain.peak_db == 0.0 and peak(read(tmp_path / "plain.flac")) > 0.999  # clipped at full scale
    assert loud.gain_db < -3
    audio = read(tmp_path / "loud.flac")
    assert to_db(peak(audio)) == pytest.approx(NORMALIZE_PEAK_DB, abs=0.1)
    assert np.mean(np.abs(audio) > 0.99) == 0.0  # nothing sits at full scale any more


def test_the_array_render_normalizes_the_same_way(band):
    plain = render_array(band)
    loud = render_array(band, normalize=True)
    gain = normalize_gain(peak(plain))
    assert to_db(peak(loud)) == pytest.approx(NORMALIZE_PEAK_DB, abs=1e-4)
    assert np.array_equal(loud, plain * np.float32(gain))


def test_silence_is_not_amplified(tmp_path):
    result = render_song(Song(), tmp_path / "empty.wav", normalize=True)  # only reverb denormals, ~3e-8
    assert result.gain_db == 0.0 and result.peak_db < -140 and result.level == "silent, not normalized"
    render_song(Song(), tmp_path / "plain.wav")
    assert np.array_equal(read(tmp_path / "empty.wav"), read(tmp_path / "plain.wav"))
    assert peak(read(tmp_path / "empty.wav")) <= LSB  # libsndfile rounds those specks down to -1 step, as before
    assert peak(render_array(Song(), normalize=True)) < SILENT
    # a song whose notes are too soft to hear (peak near -138 dBFS) is not lifted toward hiss either
    inaudible = Song(tracks=(Track(id=1, volume=3, notes=(Note(start=0, pitch=60, duration=480, velocity=5),)),))
    plain = render_array(inaudible)
    assert 0 < peak(plain) < 1e-4 and np.array_equal(render_array(inaudible, normalize=True), plain)
    assert normalize_gain(10 ** (-81 / 20)) == 1.0 and normalize_gain(0.0) == 1.0


def test_the_gain_is_capped_at_plus_24_db(tmp_path):
    plain = render_array(whisper())
    assert -80 < to_db(peak(plain)) < NORMALIZE_PEAK_DB - NORMALIZE_MAX_GAIN_DB
    result = render_song(whisper(), tmp_path / "whisper.wav", normalize=True)
    assert result.gain_db == pytest.approx(NORMALIZE_MAX_GAIN_DB)
    assert to_db(peak(read(tmp_path / "whisper.wav"))) == pytest.approx(to_db(peak(plain)) + 24, abs=0.2)


@pytest.mark.parametrize("cancel_at", [2, 11], ids=["while-synthesizing", "while-scaling"])
def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path, band, cancel_at):
    assert len(render_array(band)) // BLOCK_FRAMES + 1 < 11  # so call 11 comes in the read-back pass
    target = tmp_path / "song.wav"
    target.write_bytes(b"the previous export")
    calls = []

    def cancel() -> bool:
        calls.append(True)
        return len(calls) >= cancel_at

    with pytest.raises(RenderCancelled):
        render_song(band, target, cancel=cancel, normalize=True)
    assert len(calls) == cancel_at
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["song.wav"]


def test_progress_covers_both_passes(tmp_path, band):
    seen = []
    render_song(band, tmp_path / "song.wav", progress=seen.append, normalize=True)
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert any(p < 0.9 for p in seen) and sum(p > 0.9 for p in seen) >= 2
