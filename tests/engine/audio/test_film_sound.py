"""The video's own sound, heard through the player on the synth's clock (engine.audio.film_sound).

Real clips encoded here by PyAV whose soundtrack is silence with sine bursts at
known times, played by the real Player through the offline output (the same
block loop the audio driver's callback runs). The output is measured: where
each burst begins, to the sample, and that it is gone when muted.
"""
from __future__ import annotations

import sys
import time

import numpy as np
import pytest
from audio_measure import SILENT, TPQ, melody, peak

from engine.audio.film_sound import FilmAudio, FilmSound, decibels_to_gain
from engine.audio.output import DriverOutput, OfflineOutput
from engine.audio.player import Player
from engine.song import Song
from engine.timing import TempoChange
from engine.track import Track
from tests.video_clip import make_clip, tone_bursts

RATE = 44100
BURSTS = [(1.0, 1.5, 1000.0), (2.0, 2.25, 500.0)]  # video seconds, Hz
ON = 0.05  # the bursts are at 0.5; the synth is silent in these songs unless notes are given


def onsets(audio: np.ndarray) -> list[float]:
    """Seconds at which sound starts after at least 10 ms of silence (the bursts' beginnings)."""
    loud = np.flatnonzero(np.abs(audio[:, 0]) > ON)
    if not len(loud):
        return []
    starts = [loud[0]] + [b for a, b in zip(loud, loud[1:]) if b - a > RATE // 100]
    return [float(s) / RATE for s in starts]


@pytest.fixture(scope="module", params=["pcm_s16le", "aac"])
def film(request, tmp_path_factory):
    """A 3-second, 24 fps clip with the bursts: exact PCM in a .mov, and AAC in an .mp4 as cameras write it."""
    suffix = ".mov" if request.param == "pcm_s16le" else ".mp4"
    path = tmp_path_factory.mktemp("film") / f"bursts{suffix}"
    make_clip(path, 72, sound=tone_bursts(BURSTS, 3.0), sound_codec=request.param)
    audio = FilmAudio(path, RATE)
    assert audio.wait(30) and audio.has_sound and not audio.error
    yield audio
    audio.close()


@pytest.fixture
def play(film):
    """A player on an offline output with the film's sound at `offset`; yields (player, output, sound)."""
    made = []

    def make(song: Song, offset: float = 0.0, **options):
        output = OfflineOutput()
        player = Player(song, output=output)
        sound = FilmSound(film, offset, **options)
        player.set_film_sound(sound)
        made.append(player)
        return player, output, sound

    yield make
    for player in made:
        player.close()


def silent_song(beats: int = 16, tempo_us: int = 500_000) -> Song:
    """A track without notes (a loop over a song with no tracks at all would make Playback.events spin)."""
    return Song(tracks=(Track(id=1),), end_tick=beats * TPQ, tempos=(TempoChange(0, tempo_us),))


TOLERANCE = 3 / RATE  # a burst is found on its first sample over ON: the sine starts at 0 (500 Hz: 2 samples)


def test_the_film_sound_plays_at_its_time_to_the_sample(play):
    player, output, _ = play(silent_song())
    player.play(0)
    assert onsets(output.advance(3.0)) == pytest.approx([1.0, 2.0], abs=TOLERANCE)


def test_the_offset_places_the_sound_as_it_places_the_picture(play):
    player, output, _ = play(silent_song(), offset=0.5)  # the video's 0.5 s is at the song's start
    player.play(0)
    assert onsets(output.advance(2.5)) == pytest.approx([0.5, 1.5], abs=TOLERANCE)
    late, output2, _ = play(silent_song(), offset=-0.25)  # the picture starts 0.25 s into the song
    late.play(0)
    assert onsets(output2.advance(2.5)) == pytest.approx([1.25, 2.25], abs=TOLERANCE)


def test_muted_there_is_no_film_sound_and_the_level_scales_it(play):
    player, output, sound = play(silent_song())
    sound.muted = True
    player.play(0)
    assert peak(output.advance(2.5)) < SILENT
    sound.muted = False
    sound.gain = decibels_to_gain(-6.0)
    player.play(0)
    assert peak(output.advance(1.5)[int(1.0 * RATE):]) == pytest.approx(0.5 * 10 ** (-6 / 20), rel=0.02)
    with pytest.raises(ValueError, match="film sound level must be -60..12 dB"):
        decibels_to_gain(40.0)


def test_the_music_is_unchanged_and_the_film_is_added_to_it(play, film):
    """Mixing adds the film's samples to the synth's, nothing else: output - music == the film's sound."""
    song = Song(tracks=(Track(id=1, notes=melody()),), end_tick=16 * TPQ)
    music_player, music_out, sound = play(song)
    sound.muted = True
    music_player.play(0)
    music = music_out.advance(3.0)
    player, output, _ = play(song)
    player.play(0)
    both = output.advance(3.0)
    expected = film.samples()[:len(both)].astype(np.float32) / 32768
    assert peak(music) > 0.05
    assert np.allclose(both - music, expected, atol=1e-6)


def test_a_seek_plays_the_film_from_there(play):
    player, output, _ = play(silent_song())
    player.play(int(0.75 * 2 * TPQ))  # 0.75 s at 120 bpm
    assert onsets(output.advance(1.5)) == pytest.approx([0.25, 1.25], abs=TOLERANCE)


def test_a_loop_goes_round_in_the_film_sound_at_the_same_sample_as_the_music(play, film):
    """Loop 0.75 s..1.25 s: the first burst starts 0.25 s into each pass, and each pass is the film's 0.75-1.25."""
    player, output, _ = play(silent_song())
    player.set_loop(int(0.75 * 2 * TPQ), int(1.25 * 2 * TPQ))
    player.play(0)
    audio = output.advance(2.75)  # 1.25 s to the loop's end, then three passes
    assert onsets(audio) == pytest.approx([1.0, 1.5, 2.0, 2.5], abs=TOLERANCE)
    film_pass = film.samples()[int(0.75 * RATE):int(1.25 * RATE)].astype(np.float32) / 32768
    for start in (1.25, 1.75, 2.25):
        heard = audio[round(start * RATE):round(start * RATE) + len(film_pass)]
        assert np.allclose(heard, film_pass, atol=1e-6)


def test_a_tempo_change_while_playing_moves_the_film_with_the_playhead(play):
    """Playing at 120 bpm, the tempo halves at 0.5 s: tick 480 was 0.5 s and is now 1.0 s, so the film
    jumps forward by 0.5 s there, like the picture, and the 1.0 s burst is heard at once."""
    player, output, _ = play(silent_song())
    player.play(0)
    first = output.advance(0.5)
    player.set_song(silent_song(tempo_us=1_000_000))
    rest = output.advance(1.25)
    assert onsets(first) == []
    assert onsets(rest) == pytest.approx([0.0, 1.0], abs=TOLERANCE + 1 / 480)  # + the playhead's tick rounding


def test_an_edit_while_playing_does_not_make_the_film_skip(play, film):
    """Rebuilding the schedule truncates the playhead to a tick (< 1 ms); the film sound runs on unbroken."""
    player, output, _ = play(silent_song())
    player.play(0)
    parts = [output.advance(0.3)]
    for _ in range(8):
        player.set_song(silent_song())
        parts.append(output.advance(0.1001))
    heard = np.concatenate(parts)
    expected = film.samples()[:len(heard)].astype(np.float32) / 32768
    assert np.allclose(heard, expected, atol=1e-6)


def test_stopped_or_without_film_nothing_is_added(play):
    player, output, sound = play(silent_song())
    assert peak(output.advance(1.2)) < SILENT  # stopped
    player.set_film_sound(None)
    player.play(0)
    assert peak(output.advance(1.2)) < SILENT
    player.set_film_sound(sound)
    player.play(0)
    assert onsets(output.advance(1.2)) == pytest.approx([1.0], abs=TOLERANCE)


def test_a_video_without_sound_or_unreadable_is_silent_and_says_so(tmp_path):
    silent = make_clip(tmp_path / "picture_only.mp4", 24)
    audio = FilmAudio(silent, RATE)
    assert audio.wait(10) and not audio.has_sound and audio.error == ""
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a video at all" * 10)
    broken = FilmAudio(junk, RATE)
    assert not broken.has_sound and broken.error.startswith(f"{junk}: cannot read its sound")
    assert "\n" not in broken.error


def test_a_sound_card_driver_mixes_in_callback_mode_only_while_a_film_is_attached(film):
    """ALSA's null device (a sound card that discards, without pacing): the driver runs native until a film
    sound is attached, then calls back into Python, which pumps, synthesizes and mixes every period."""
    output = DriverOutput(driver="alsa", options={"audio.alsa.device": "null"})
    switch = sys.getswitchinterval()
    with Player(silent_song(), output=output) as player:
        if not player.available:
            pytest.skip(f"no ALSA null device here: {player.status_message}")
        assert not output.callback_mode
        sound = FilmSound(film)
        assert player.set_film_sound(sound) and output.callback_mode
        assert sys.getswitchinterval() == pytest.approx(DriverOutput.SWITCH_SECONDS)
        player.set_loop(0, 16 * TPQ)  # unpaced, the song's 8 s pass in a blink: loop so it never ends
        player.play(0)
        clock = output.now()
        deadline = time.monotonic() + 5
        while output.now() - clock < 0.5 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert output.now() - clock >= 0.5 and output.callback_errors == 0
        assert sound._next is not None  # the film was read from
        assert not player.set_film_sound(None) and not output.callback_mode
        assert sys.getswitchinterval() == switch


def test_a_driver_without_callback_mode_plays_on_without_the_film(tmp_path, film):
    """FluidSynth's file driver has no callback mode: the music plays as before, and the player says the
    film is not heard."""
    output = DriverOutput(driver="file", options={"audio.file.name": str(tmp_path / "live.wav")})
    with Player(silent_song(), output=output) as player:
        assert player.available
        assert not player.set_film_sound(FilmSound(film)) and not output.callback_mode
        player.play(0)
        time.sleep(0.2)
        assert player.is_playing and player.position_tick() > 0


def test_sound_longer_than_the_container_said_is_kept(film):
    """A container that under-states its length: the buffer grows and keeps what was decoded."""
    before = film.samples().copy()
    size = len(film._samples)
    tail = np.full((RATE, 2), 1234, np.int16)
    try:
        assert film._append(tail, size - 10) == size - 10 + RATE
        assert len(film._samples) >= size - 10 + RATE
        assert np.array_equal(film._samples[:len(before)], before)
        assert np.array_equal(film._samples[size - 10:size - 10 + RATE], tail)
    finally:
        film._samples = film._samples[:size].copy()
        film._samples[size - 10:] = 0
