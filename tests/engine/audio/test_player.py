"""The player, heard through an offline output whose clock moves only as samples are pulled."""
from __future__ import annotations

import time

import numpy as np
import pytest
import soundfile
from audio_measure import SILENT, TPQ, melody, peak, rms

from engine.audio.output import DriverOutput, OfflineOutput
from engine.audio.player import Player
from engine.audio.render import render_array
from engine.notes import Note
from engine.song import Song
from engine.track import ControlChange, Track

RATE = 44100
RELEASE = 2.5  # seconds for a piano release and the reverb to die away


def at(audio, start: float, end: float):
    return audio[int(start * RATE): int(end * RATE)]


@pytest.fixture
def offline():
    output = OfflineOutput()
    players = []

    def make(song: Song) -> Player:
        player = Player(song, output=output)
        players.append(player)
        return player

    yield output, make
    for player in players:
        player.close()


def test_play_sounds_and_the_playhead_moves(offline, band):
    output, make = offline
    player = make(band)
    assert player.available and player.status_message == ""
    player.play(0)
    assert player.is_playing
    audio = output.advance(1.0)
    assert rms(audio) > 0.01
    assert player.position_tick() == pytest.approx(2 * TPQ, abs=2)


def test_stop_silences_everything_even_with_the_pedal_down(offline):
    output, make = offline
    pedal = Track(id=1, notes=melody(count=8, length=4 * TPQ), controls=(ControlChange(0, 64, 127),))
    player = make(Song(tracks=(pedal,)))
    player.play(0)
    output.advance(1.0)
    player.stop()
    assert not player.is_playing
    assert player.position_tick() == pytest.approx(2 * TPQ, abs=2)
    after = output.advance(RELEASE + 0.5)
    assert peak(after[-RATE // 2:]) < SILENT
    output.advance(1.0)
    assert player.position_tick() == pytest.approx(2 * TPQ, abs=2)  # stopped means stopped


def test_playback_ends_by_itself_at_the_song_end(offline):
    output, make = offline
    song = Song(tracks=(Track(id=1, notes=melody(count=2)),))  # ends at 0.5 s + 400 ticks
    player = make(song)
    player.play(0)
    output.advance(1.5)
    assert not player.is_playing and player.position_tick() == song.length_ticks
    assert peak(output.advance(RELEASE)[-RATE // 2:]) < SILENT


def test_loop_wraps_around(offline):
    output, make = offline
    song = Song(tracks=(Track(id=1, notes=(Note(start=0, pitch=60, duration=TPQ // 2),)),), end_tick=16 * TPQ)
    player = make(song)
    player.set_loop(0, 4 * TPQ)  # two seconds
    player.play(0)
    audio = output.advance(5.0)
    assert player.is_playing and player.position_tick() == pytest.approx(2 * TPQ, abs=2)  # 5 s = 2 loops + 1 s
    assert rms(at(audio, 4.0, 4.25)) > 0.004  # the note again, on the third pass
    assert rms(at(audio, 4.0, 4.25)) > 10 * rms(at(audio, 3.8, 3.98))
    player.set_loop(None)
    audio = output.advance(3.0)
    assert rms(at(audio, 1.5, 3.0)) < SILENT  # no loop: the silent rest of the song
    assert player.position_tick() == pytest.approx(8 * TPQ, abs=2)


def test_a_note_begun_before_the_loop_sounds_on_every_pass(offline):
    output, make = offline
    strings = Track(id=1, program=48, notes=(Note(start=0, pitch=48, duration=16 * TPQ),))
    player = make(Song(tracks=(strings,), end_tick=16 * TPQ))
    player.set_loop(4 * TPQ, 6 * TPQ)  # one second, inside the note
    player.play(4 * TPQ)  # mid-note, as Audition starts a region
    audio = output.advance(3.0)
    for start in (0.0, 1.0, 2.0):  # every pass strikes the held note again
        assert rms(at(audio, start + 0.3, start + 0.9)) > 0.02


def test_mute_and_solo_silence_tracks(offline):
    output, make = offline
    early = Track(id=1, notes=melody(start=0, count=2))           # 0 .. 1 s
    late = Track(id=2, program=40, notes=melody(start=8 * TPQ, count=2))  # 4 .. 5 s
    player = make(Song(tracks=(early, late.with_(solo=True))))
    player.play(0)
    audio = output.advance(5.0)
    assert peak(at(audio, 0.0, 3.9)) < SILENT
    assert rms(at(audio, 4.0, 5.0)) > 0.005
    player.stop()
    output.advance(RELEASE)
    player.set_song(Song(tracks=(early, late.with_(mute=True))))
    player.play(0)
    audio = output.advance(5.0)
    assert rms(at(audio, 0.0, 1.0)) > 0.005
    assert peak(at(audio, 3.9, 5.0)) < SILENT


def test_seek_jumps_while_playing(offline):
    output, make = offline
    song = Song(tracks=(Track(id=1, notes=(Note(start=20 * TPQ, pitch=60, duration=TPQ),)),))  # at 10 s
    player = make(song)
    player.play(0)
    assert peak(output.advance(0.5)) < SILENT
    player.seek(20 * TPQ)
    assert rms(output.advance(0.5)) > 0.004
    assert player.position_tick() == pytest.approx(21 * TPQ, abs=2)
    player.stop()
    player.seek(4 * TPQ)
    assert player.position_tick() == 4 * TPQ and not player.is_playing


def test_editing_while_playing_reschedules_from_the_current_position(offline):
    output, make = offline
    piano = Track(id=1, notes=(Note(start=0, pitch=48, duration=8 * TPQ),))
    player = make(Song(tracks=(piano,), end_tick=16 * TPQ))
    player.play(0)
    output.advance(1.0)
    sustained = rms(output.advance(0.1))
    added = piano.with_(notes=piano.notes + (Note(start=4 * TPQ, pitch=72, duration=TPQ),))
    player.set_song(Song(tracks=(added,), end_tick=16 * TPQ))
    assert rms(output.advance(0.1)) == pytest.approx(sustained, rel=0.5)  # the held note rang on
    assert player.position_tick() == pytest.approx(2.4 * TPQ, abs=2)
    before = rms(output.advance(0.85))
    assert rms(output.advance(0.3)) > before  # the new note at 2 s sounds
    player.set_song(Song(tracks=(added.with_(mute=True),), end_tick=16 * TPQ))
    assert peak(output.advance(RELEASE)[-RATE // 2:]) < SILENT  # muting while playing stops its notes


def test_metronome_clicks_only_when_on(offline):
    output, make = offline
    player = make(Song(end_tick=8 * TPQ))
    player.play(0)
    assert peak(output.advance(1.0)) < SILENT
    player.set_metronome(True)
    assert player.metronome
    clicks = output.advance(1.0)
    assert rms(clicks) > 0.002
    player.set_metronome(False)
    output.advance(1.0)
    assert peak(output.advance(1.0)) < SILENT


def test_audition_sounds_with_the_tracks_instrument(offline):
    output, make = offline
    player = make(Song(tracks=(Track(id=1, program=0), Track(id=2, program=73))))
    player.play_note(1, 60, 100, seconds=0.3)
    piano = output.advance(0.3)
    assert rms(piano) > 0.005
    assert peak(output.advance(RELEASE)[-RATE // 2:]) < SILENT  # the note-off came by itself
    player.note_on(2, 60, 100)
    flute = output.advance(0.3)
    player.note_off(2, 60)
    assert rms(flute) > 0.002 and abs(rms(flute) - rms(piano)) > 1e-4  # another instrument
    assert peak(output.advance(RELEASE)[-RATE // 2:]) < SILENT


def test_without_a_sound_card_the_player_reports_it_and_keeps_working(band):
    with Player(band, output=DriverOutput()) as player:
        if player.available:
            assert player.status_message == ""
        else:
            assert player.status_message.startswith("No audio output: ")
            assert "\n" not in player.status_message
        player.play(0)
        time.sleep(0.3)
        assert player.is_playing and player.position_tick() > 0
        player.play_note(1, 60)
        player.stop()
        assert not player.is_playing


def test_without_a_soundfont_the_player_still_runs(tmp_path, band):
    with Player(band, soundfont=tmp_path / "gone.sf2", output=DriverOutput()) as player:
        assert not player.available
        assert player.status_message == f"No audio output: {tmp_path / 'gone.sf2'}: SoundFont not found"
        player.play(0)
        player.note_on(1, 60)
        player.stop()


def test_the_real_time_path_through_fluidsynths_file_driver(tmp_path):
    """The wall-clock scheduler thread and a real FluidSynth audio driver (its file driver,
    which pulls samples in real time like a sound card would, but writes them to a file)."""
    wav = tmp_path / "live.wav"
    song = Song(tracks=(Track(id=1, notes=(Note(start=TPQ, pitch=60, duration=TPQ),)),), end_tick=4 * TPQ)
    output = DriverOutput(driver="file", period_size=256, options={"audio.file.name": str(wav)})
    with Player(song, output=output) as player:
        assert player.available and output.latency == pytest.approx(512 / RATE)
        player.play(0)
        time.sleep(1.2)
        assert player.is_playing and player.position_tick() == pytest.approx(2.4 * TPQ, abs=0.3 * TPQ)
        player.stop()
    audio, rate = soundfile.read(wav, dtype="float32")
    assert rate == RATE and len(audio) > RATE
    onset = int(np.argmax(np.abs(audio[:, 0]) > 1e-3)) / RATE
    assert 0.45 < onset < 0.7  # the note at 0.5 s, give or take a period and the thread's wake-up
    assert peak(audio[: int(0.45 * RATE)]) < 1e-4  # 16-bit file: dither of one step


def test_what_you_hear_is_what_you_export(offline, band):
    """Player and renderer share the schedule and the synth, so playback is the export, sample for sample."""
    exported = render_array(band)
    output, make = offline
    player = make(band)
    player.play(0)
    heard = output.advance(len(exported) / RATE)
    assert rms(exported) > 0.01
    assert np.array_equal(heard, exported)
