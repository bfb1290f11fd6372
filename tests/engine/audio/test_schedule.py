"""The one event schedule: channels, banks, mute/solo, tempo, chase, clipping, metronome, loops."""
from __future__ import annotations

import itertools

import pytest
from audio_measure import TPQ, melody

from engine.audio.schedule import (
    BEND,
    CHASED_NOTE_ON,
    CONTROL,
    DRUM_BANK,
    METRONOME_ACCENT,
    METRONOME_BEAT,
    NOTE_OFF,
    NOTE_ON,
    PROGRAM,
    Playback,
    build_schedule,
)
from engine.errors import CadenzaError
from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange, TimeSignature
from engine.track import ControlChange, PitchBend, ProgramChange, Track, TrackRole


def of_kind(schedule, kind):
    return [e for e in schedule.events if e.kind == kind]


def test_every_track_gets_its_own_channel_and_drums_bank_128(band):
    shared = band.with_track(band.track(2).with_(channel=0))  # two tracks on MIDI channel 1 in a file
    schedule = build_schedule(shared)
    programs = {e.channel: (e.a, e.b) for e in of_kind(schedule, PROGRAM)}
    assert programs == {0: (0, 0), 1: (0, 33), 2: (DRUM_BANK, 0)}
    assert {e.channel for e in of_kind(schedule, NOTE_ON)} == {0, 1, 2}
    assert schedule.channel_count == 3


def test_setup_comes_first_then_time_sorted_body(band):
    events = build_schedule(band).events
    first_note = next(i for i, e in enumerate(events) if e.kind == NOTE_ON)
    assert all(e.time == 0.0 for e in events[:first_note])
    body = events[first_note:]
    assert [(e.time, e.order) for e in body] == sorted((e.time, e.order) for e in body)
    assert sum(e.kind == NOTE_ON for e in events) == band.note_count == sum(e.kind == NOTE_OFF for e in events)


def test_mixer_values_are_sent_at_setup(band):
    song = band.with_track(band.track(1).with_(volume=90, pan=20))
    controls = [(e.a, e.b) for e in of_kind(build_schedule(song), CONTROL) if e.channel == 0]
    assert controls[:3] == [(121, 0), (7, 90), (10, 20)]


def test_times_follow_the_tempo_map():
    song = Song(tracks=(Track(id=1, notes=(Note(start=0, pitch=60, duration=TPQ), Note(start=2 * TPQ, pitch=62, duration=TPQ))),),
                tempos=(TempoChange(0, 500_000), TempoChange(TPQ, 1_000_000)))
    ons = [(e.time, e.a) for e in of_kind(build_schedule(song), NOTE_ON)]
    assert ons == [(0.0, 60), (pytest.approx(1.5), 62)]
    offs = sorted(e.time for e in of_kind(build_schedule(song), NOTE_OFF))
    assert offs == [pytest.approx(0.5), pytest.approx(2.5)]


def test_muted_tracks_are_silent_and_solo_wins(band):
    muted = band.with_track(band.track(2).with_(mute=True))
    assert {e.channel for e in of_kind(build_schedule(muted), NOTE_ON)} == {0, 2}
    soloed = muted.with_track(muted.track(2).with_(solo=True))  # soloed and muted: solo wins
    assert {e.channel for e in of_kind(build_schedule(soloed), NOTE_ON)} == {1}
    assert build_schedule(soloed).channel_count == 3  # muting or soloing never moves a track's channel


def test_starting_later_chases_program_controls_and_bend():
    track = Track(id=1, program=0, notes=melody(count=4),
                  controls=(ControlChange(0, 64, 127), ControlChange(TPQ, 11, 80), ControlChange(3 * TPQ, 64, 0)),
                  pitch_bends=(PitchBend(TPQ, 2000),), program_changes=(ProgramChange(TPQ, 40),))
    schedule = build_schedule(Song(tracks=(track,)), start_tick=2 * TPQ)
    setup = [e for e in schedule.events if e.time == 0 and e.kind != NOTE_ON]
    assert (PROGRAM, 0, 40) in [(e.kind, e.a, e.b) for e in setup]
    assert [(e.a, e.b) for e in setup if e.kind == CONTROL][3:] == [(64, 127), (11, 80)]
    assert [e.a for e in setup if e.kind == BEND] == [2000]
    assert [(e.time, e.a, e.b) for e in of_kind(schedule, CONTROL) if e.time > 0] == [(0.5, 64, 0)]
    assert [e.time for e in of_kind(schedule, NOTE_ON)] == [0.0, 0.5]


def test_notes_sounding_at_the_start_are_held_and_notes_past_the_end_are_cut():
    track = Track(id=1, notes=(Note(start=0, pitch=60, duration=4 * TPQ, velocity=90),
                               Note(start=TPQ, pitch=64, duration=4 * TPQ, velocity=50)))
    schedule = build_schedule(Song(tracks=(track,)), start_tick=2 * TPQ, end_tick=3 * TPQ)
    assert schedule.held == {(0, 60), (0, 64)}
    chased = [(e.time, e.order, e.a, e.b) for e in of_kind(schedule, NOTE_ON)]  # struck again, own velocities
    assert sorted(chased) == [(0.0, CHASED_NOTE_ON, 60, 90), (0.0, CHASED_NOTE_ON, 64, 50)]
    assert sorted((e.time, e.a) for e in of_kind(schedule, NOTE_OFF)) == [(0.5, 60), (0.5, 64)]
    assert schedule.duration == pytest.approx(0.5)


def test_zero_length_note_turns_off_after_it_turns_on():
    schedule = build_schedule(Song(tracks=(Track(id=1, notes=(Note(start=TPQ, pitch=60, duration=0),)),)))
    body = [e.kind for e in schedule.events if e.time > 0]
    assert body == [NOTE_ON, NOTE_OFF]


def test_metronome_clicks_on_the_meter_maps_beats():
    song = Song(meters=(TimeSignature(0, 3, 4), TimeSignature(3 * TPQ, 6, 8)), end_tick=6 * TPQ,
                tracks=(Track(id=1, notes=melody(count=1)),))
    schedule = build_schedule(song, metronome=True)
    clicks = [e for e in of_kind(schedule, NOTE_ON) if e.channel == 1]
    assert [round(e.time, 6) for e in clicks] == [0.0, 0.5, 1.0] + [1.5 + 0.25 * i for i in range(6)]
    assert [e.a for e in clicks] == [METRONOME_ACCENT, METRONOME_BEAT, METRONOME_BEAT] + [METRONOME_ACCENT] + [METRONOME_BEAT] * 5
    assert (PROGRAM, 1, DRUM_BANK) in [(e.kind, e.channel, e.a) for e in schedule.events]
    assert schedule.channel_count == 2
    assert not of_kind(build_schedule(song, metronome=False), NOTE_ON)[1:]


def test_loop_plays_to_its_end_then_repeats_forever():
    song = Song(tracks=(Track(id=1, notes=melody(count=8)),))
    playback = Playback(song, start_tick=3 * TPQ, loop=(TPQ, 4 * TPQ))
    ons = [(round(e.time, 6), e.a) for e in itertools.islice(playback.events(), 200) if e.kind == NOTE_ON][:7]
    assert ons == [(0.0, 63), (0.5, 61), (1.0, 62), (1.5, 63), (2.0, 61), (2.5, 62), (3.0, 63)]
    assert playback.duration is None
    assert playback.tick_at(0.25) == pytest.approx(3.5 * TPQ)
    assert playback.tick_at(0.5 + 1.5 * 3 + 0.25) == pytest.approx(1.5 * TPQ)


def test_a_note_begun_before_the_loop_is_struck_on_every_pass_unless_it_still_rings():
    pad = Note(start=0, pitch=48, duration=8 * TPQ, velocity=70)
    song = Song(tracks=(Track(id=1, notes=(pad, Note(start=2 * TPQ, pitch=72, duration=TPQ))),), end_tick=8 * TPQ)
    playback = Playback(song, start_tick=2 * TPQ, loop=(2 * TPQ, 4 * TPQ))  # one second a pass
    events = list(itertools.takewhile(lambda e: e.time < 2.5, playback.events()))
    pad_ons = [(round(e.time, 6), e.b) for e in events if e.kind == NOTE_ON and e.a == 48]
    assert pad_ons == [(0.0, 70), (1.0, 70), (2.0, 70)]
    assert [round(e.time, 6) for e in events if e.kind == NOTE_OFF and e.a == 48][:2] == [1.0, 2.0]
    ringing = list(itertools.takewhile(lambda e: e.time < 2.5, playback.events(ringing=frozenset({(0, 48)}))))
    assert [round(e.time, 6) for e in ringing if e.kind == NOTE_ON and e.a == 48][:2] == [1.0, 2.0]


def test_playback_past_the_loop_plays_to_the_end():
    song = Song(tracks=(Track(id=1, notes=melody(count=8)),))
    playback = Playback(song, start_tick=6 * TPQ, loop=(TPQ, 4 * TPQ))
    assert playback.loop is None
    assert playback.duration == pytest.approx(song.seconds(song.length_ticks) - 3.0)
    assert playback.tick_at(100.0) == song.length_ticks


def test_too_many_tracks_is_a_user_error():
    song = Song(tracks=tuple(Track(id=i) for i in range(1, 255)))
    with pytest.raises(CadenzaError, match="at most 253 tracks"):
        build_schedule(song)


def test_drum_role_on_any_channel_uses_the_drum_bank():
    song = Song(tracks=(Track(id=1, role=TrackRole.DRUMS, channel=3, notes=melody(count=1)),))
    assert [(e.a, e.b) for e in of_kind(build_schedule(song), PROGRAM)] == [(DRUM_BANK, 0)]


def test_a_loop_over_a_silent_song_ends_its_events_instead_of_spinning():
    """A loop with nothing to play (an empty song, metronome off) once made the player's next() spin forever."""
    from itertools import islice

    from engine.audio.schedule import Playback

    playback = Playback(Song(), 0, (0, 1920))
    assert list(islice(playback.events(), 10)) == []
    assert playback.duration is None and playback.tick_at(3.0) == playback.tick_at(1.0)   # time still wraps
    clicking = Playback(Song(), 0, (0, 1920), metronome=True)
    assert len(list(islice(clicking.events(), 10))) == 10                                  # the click still loops
