"""The project's mix: gains by role measured on real renders, reverb/chorus/dry, the project file, the player."""
from __future__ import annotations

import json

import numpy as np
import pytest

from audio_measure import rms
from engine.audio.mix import (
    DEFAULT_MIX,
    DRY_MIX,
    MAKEUP_DB,
    ROLE_GAIN_DB,
    MixSettings,
    balanced,
    cut_db,
    scaled_volume,
    synth_settings,
    track_gain_db,
)
from engine.audio.levels import LEVEL_LIMIT_DB, corrections
from engine.audio.soundfonts import DEBIAN_SF2_DIR, find_soundfont
from engine.audio.output import OfflineOutput
from engine.audio.player import Player
from engine.audio.render import render_array
from engine.project import Project, ProjectState
from engine.project.codec import project_from_json, project_to_json
from engine.project.fields import Invalid
from engine.track import ControlChange, TrackRole


def db(value: float) -> float:
    return 20 * np.log10(value)


def solo_level(song, track_id: int, mix: MixSettings) -> float:
    """RMS in dBFS of one track as the mix plays it (the others muted)."""
    only = song.with_(tracks=tuple(t.with_(mute=t.id != track_id) for t in song.tracks))
    return db(rms(render_array(only, mix=mix)))


def test_balance_moves_each_track_by_its_instrument_levelling_plus_its_role_gain(band):
    """Measured through FluidSynth's own CC 7 curve, not computed: each track moves by its gain, to 0.3 dB."""
    off = MixSettings(balance=False)
    levels = corrections(find_soundfont())
    assert levels, "the default SoundFont is in the measured table"
    for track in band.tracks:
        change = solo_level(band, track.id, DEFAULT_MIX) - solo_level(band, track.id, off)
        expected = min(MAKEUP_DB, track_gain_db(track, levels))
        assert change == pytest.approx(expected, abs=0.3), track.name


def test_instrument_levels_are_measured_per_soundfont_and_bounded():
    for name in ("FluidR3_GM.sf2", "TimGM6mb.sf2"):
        font = DEBIAN_SF2_DIR / name
        if not font.exists():
            continue
        levels = corrections(font)
        assert len(levels) >= 120 and "drums" not in levels
        assert all(abs(value) <= LEVEL_LIMIT_DB for value in levels.values())
        assert sorted(levels.values())[len(levels) // 2] == pytest.approx(0.0, abs=0.5)  # around the median
    fluid = corrections(DEBIAN_SF2_DIR / "FluidR3_GM.sf2")
    if fluid:  # the measured case that motivated it: FluidR3's flute is much louder than its nylon guitar
        assert fluid["73"] < -3 and fluid["24"] > fluid["73"] + 3
    assert corrections(None) == {}


def test_balance_is_a_fader_per_role_on_top_of_the_tracks_own_volume(band):
    piano = band.track(1).with_(volume=60, controls=(ControlChange(480, 7, 120), ControlChange(480, 11, 100)))
    accompaniment = piano.with_(role=TrackRole.ACCOMPANIMENT)
    for track in (piano, accompaniment):  # an unmeasured SoundFont: the role's gain alone
        cut = balanced(band.with_track(track)).track(1)
        factor = 10 ** (cut_db(ROLE_GAIN_DB[track.role]) / 40)
        assert cut.volume == round(60 * factor)
        assert cut.controls == (ControlChange(480, 7, round(120 * factor)), ControlChange(480, 11, 100))
    assert balanced(band, MixSettings(balance=False)) is band
    assert max(ROLE_GAIN_DB.values()) == ROLE_GAIN_DB[TrackRole.MELODY] <= MAKEUP_DB
    assert cut_db(MAKEUP_DB + 5) == 0.0  # a gain over the make-up is capped at it
    assert synth_settings(DEFAULT_MIX).gain == pytest.approx(synth_settings(DRY_MIX.with_(balance=False)).gain
                                                             * 10 ** (MAKEUP_DB / 20))
    assert scaled_volume(127, 0.0) == 127 and scaled_volume(0, -6) == 0


def test_dry_leaves_no_reverb_tail(band):
    """After the last note's release, the reverb still rings; dry, the tail is (nearly) silent."""
    end = round(band.duration_seconds * 44100)
    tail = slice(end + round(0.6 * 44100), None)
    wet = render_array(band, mix=MixSettings(reverb_amount=1.0, reverb_room=0.9))[tail]
    dry = render_array(band, mix=DRY_MIX)[tail]
    assert db(rms(wet)) > db(rms(dry) + 1e-12) + 20


def test_more_reverb_is_louder_reverb(band):
    little = render_array(band, mix=MixSettings(reverb_amount=0.1, chorus=False))
    much = render_array(band, mix=MixSettings(reverb_amount=1.0, chorus=False))
    assert rms(much - little) > 1e-4


def test_the_player_takes_the_mix_as_the_renderer_mixes(band):
    """set_mix on a running synth, then play: the player's samples are the renderer's, sample for sample."""
    mix = MixSettings(reverb_amount=0.4, reverb_room=0.6, chorus_amount=0.25)
    rendered = render_array(band, mix=mix)
    output = OfflineOutput()
    with Player(band, output=output) as player:
        player.set_mix(mix)
        assert player.mixed_song.track(2).volume == balanced(band, mix, find_soundfont()).track(2).volume < 100
        player.play(0)
        live = output.advance(len(rendered) / 44100)
    assert np.array_equal(live, rendered)


def test_mix_settings_round_trip_through_the_project_file_and_refuse_bad_values():
    mix = MixSettings(balance=False, reverb=True, reverb_amount=0.25, reverb_room=0.75, chorus=False,
                      chorus_amount=0.1)
    project = Project(state=ProjectState(mix=mix))
    document = json.loads(json.dumps(project_to_json(project)))
    assert project_from_json(document).state.mix == mix
    document["state"]["mix"]["reverb_amount"] = 1.5
    with pytest.raises(Invalid, match=r"^state.mix: reverb_amount must be 0..1, got 1.5$"):
        project_from_json(document)
    document["state"]["mix"]["reverb_amount"] = 0.5
    document["state"]["mix"]["chorus"] = "yes"
    with pytest.raises(Invalid, match=r"^state.mix.chorus: expected true or false"):
        project_from_json(document)
    format_4_state = ("loop", "soundfont", "selected_track_id", "view", "snap_ticks", "takes", "locks", "video")
    document["state"]["locks"] = {"tracks": [], "notes": {}}   # beside the song until format 7
    document["state"] = {name: value for name, value in document["state"].items() if name in format_4_state}
    document["version"] = 4
    assert project_from_json(document).state.mix == DEFAULT_MIX  # older files: the defaults


def test_dry_is_reverb_and_chorus_off():
    assert DRY_MIX.dry and not DEFAULT_MIX.dry
    settings = synth_settings(DRY_MIX, 48000)
    assert (settings.reverb, settings.chorus, settings.sample_rate) == (False, False, 48000)
    with pytest.raises(ValueError, match="chorus_amount must be 0..1"):
        MixSettings(chorus_amount=float("nan"))


def test_a_part_of_chords_is_levelled_by_how_many_notes_sound_at_once(band):
    from engine.audio.mix import notes_at_once
    from engine.notes import Note

    line = band.track(1)
    assert notes_at_once(line) == 1.0  # a line with rests: the rests do not count
    chords = line.with_(notes=tuple(Note(n.start, n.pitch + step, n.duration, n.velocity)
                                    for n in line.notes for step in (0, 4, 7)))
    assert notes_at_once(chords) == pytest.approx(3.0)
    assert track_gain_db(chords, {}) == pytest.approx(track_gain_db(line, {}) - 10 * np.log10(3))
    assert notes_at_once(line.with_(notes=())) == 1.0
