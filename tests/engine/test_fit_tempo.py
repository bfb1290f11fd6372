"""Fitting the tempo to hit points: exact when the hits allow it, least squares when they do not, refusals in one line."""
import itertools

import numpy as np
import pytest

from engine.edits import SongPropertiesEdit
from engine.fit_tempo import BarBeat, FitError, fit_tempo, nearest_downbeat, target_tick, tempo_ramp
from engine.song import Marker, Song
from engine.timecode import song_timecode
from engine.timing import TempoChange, TempoMap, TimeSignature

TC = song_timecode("24", "01:00:00:00")


def song_with_hits(*seconds: float, meters=(TimeSignature(0, 4, 4),)) -> Song:
    return Song(markers=tuple(Marker(0, f"hit {i + 1}", s) for i, s in enumerate(seconds)) +
                (Marker(1920, "bar 2"),), meters=meters, timecode=TC)


def hits(song: Song) -> list[Marker]:
    return [m for m in song.markers if m.is_hit]


def test_hits_made_at_a_constant_tempo_give_that_tempo_back_exactly():
    # At 100 BPM a 4/4 bar lasts 2.4 s: bars 3, 6 and 9 start at 4.8, 12.0 and 19.2 s.
    song = song_with_hits(4.8, 12.0, 19.2)
    fit = fit_tempo(song, dict(zip(hits(song), (BarBeat(3), BarBeat(6), BarBeat(9)))))
    assert fit.bpm_start == pytest.approx(100)
    assert fit.worst_error_ms < 0.01
    assert [str(r.target) for r in fit.results] == ["3.1", "6.1", "9.1"]


def test_the_constant_fit_is_the_least_squares_one_of_an_independent_solver():
    song = song_with_hits(5.0, 9.5, 14.0, 17.3, meters=(TimeSignature(0, 3, 4),))
    targets = dict(zip(hits(song), (BarBeat(4), BarBeat(7, 2), BarBeat(10), BarBeat(12, 3))))
    fit = fit_tempo(song, targets)
    quarters = np.array([target_tick(song, t) / 480 for t in targets.values()])[:, None]
    (seconds_per_quarter,), *_ = np.linalg.lstsq(quarters, np.array([5.0, 9.5, 14.0, 17.3]), rcond=None)
    assert fit.bpm_start == pytest.approx(60 / seconds_per_quarter, rel=1e-9)
    errors = [r.error_seconds for r in fit.results]
    assert errors == pytest.approx(list(quarters[:, 0] * 60 / fit.bpm_start - [5.0, 9.5, 14.0, 17.3]), abs=1e-5)
    assert [r.error_frames for r in fit.results] == pytest.approx([e * 24 for e in errors])


def test_hits_made_along_a_ramp_give_the_ramp_back():
    # Build hits from a known staircase ramp 90 -> 130 BPM between bars 3 and 11, then fit.
    tpq = 480
    truth = (TempoChange.from_bpm(0, 90),) + tempo_ramp(2 * 1920, 10 * 1920, 90, 130, tpq // 4)
    tempo_map = TempoMap(truth, tpq)
    bars = (3, 5, 8, 11)
    song = song_with_hits(*(round(tempo_map.seconds((b - 1) * 1920), 6) for b in bars))
    fit = fit_tempo(song, dict(zip(hits(song), (BarBeat(b) for b in bars))), ramp=True)
    assert (fit.bpm_start, fit.bpm_end) == (pytest.approx(90, abs=0.01), pytest.approx(130, abs=0.01))
    assert fit.worst_error_ms < 0.05


def test_the_ramp_fit_is_no_worse_than_any_ramp_on_a_grid_around_it():
    song = song_with_hits(5.0, 9.5, 14.0)
    targets = dict(zip(hits(song), (BarBeat(3), BarBeat(5), BarBeat(8))))
    fit = fit_tempo(song, targets, ramp=True)
    fitted = sum(r.error_seconds ** 2 for r in fit.results)
    ticks = [target_tick(song, t) for t in targets.values()]
    for d0, d1 in itertools.product(np.linspace(-3, 3, 13), repeat=2):
        tempos = (TempoChange.from_bpm(0, fit.bpm_start + d0),) + \
            tempo_ramp(ticks[0], ticks[-1], fit.bpm_start + d0, fit.bpm_end + d1, 120)
        other = TempoMap(tempos, 480)
        assert sum((other.seconds(t) - s) ** 2 for t, s in zip(ticks, (5.0, 9.5, 14.0))) >= fitted - 1e-9


def test_nearest_downbeat_is_taken_under_the_current_tempo():
    song = song_with_hits(4.9, 9.1)   # 120 BPM: bars every 2 s
    assert [nearest_downbeat(song, h.seconds) for h in hits(song)] == [2 * 1920, 5 * 1920]


def test_nearest_downbeats_are_chosen_like_a_hit_finder_all_hits_within_half_a_frame():
    song = song_with_hits(4.791667, 12.0, 19.208333)   # 01:00:04:19, 01:00:12:00, 01:00:19:05 at 24 fps
    fit = fit_tempo(song, {h: None for h in hits(song)})
    assert all(abs(r.error_frames) <= 0.5 for r in fit.results)
    # An independent scan of constant tempos: none closer to the song's 120 BPM puts all three within half a frame.
    def lands(bpm: float) -> bool:
        bar_seconds = 4 * 60 / bpm
        return all(abs(s / bar_seconds - round(s / bar_seconds)) * bar_seconds <= 0.5 / 24
                   for s in (4.791667, 12.0, 19.208333))
    closer = [bpm for bpm in np.arange(20, 400, 0.001) if abs(np.log(bpm / 120)) < abs(np.log(fit.bpm_start / 120)) - 1e-3
              and lands(bpm)]
    assert closer == []


def test_nearest_downbeats_fall_back_to_the_current_tempo_when_no_tempo_lands_them():
    song = song_with_hits(1.1, 1.13, 1.17)   # closer together than a bar at 400 BPM: all go to bar 2 (2 s at 120 BPM)
    fit = fit_tempo(song, {h: None for h in hits(song)})
    assert [str(r.target) for r in fit.results] == ["2.1", "2.1", "2.1"]
    assert fit.worst_error_ms > 20


def test_applying_the_fit_is_one_undo_step_hits_keep_their_time_and_land_on_their_beats():
    song = song_with_hits(4.8, 12.0, 19.2)
    fit = fit_tempo(song, dict(zip(hits(song), (BarBeat(3), BarBeat(6), BarBeat(9)))))
    edit = fit.edit(song)
    assert isinstance(edit, SongPropertiesEdit)
    after = edit.apply(song)
    assert [(m.tick, m.seconds) for m in hits(after)] == [(3840, 4.8), (9600, 12.0), (15360, 19.2)]
    assert [m for m in after.markers if not m.is_hit] == [Marker(1920, "bar 2")]
    assert edit.inverse().apply(after) == song


@pytest.mark.parametrize("seconds, targets, ramp, problem", [
    ((0.2,), (BarBeat(40),), False, r"no tempo between 20 and 400 BPM fits these hits \(best fit: 46800.0 BPM\)"),
    ((60.0,), (BarBeat(2),), False, r"no tempo between 20 and 400 BPM fits these hits \(best fit: 4.0 BPM\)"),
    ((4.0, 8.0), (BarBeat(5), BarBeat(3)), False, "comes after 'hit 1' but its target is earlier"),
    ((4.0,), (BarBeat(3, 5),), False, "bar 3 is in 4/4 and has no beat 5"),
    ((4.0, 8.0), (BarBeat(3), BarBeat(3)), True, "a ramp needs at least two hits with different targets"),
])
def test_impossible_fits_are_refused_with_one_line(seconds, targets, ramp, problem):
    song = song_with_hits(*seconds)
    with pytest.raises(FitError, match=problem) as caught:
        fit_tempo(song, dict(zip(hits(song), targets)), ramp=ramp)
    assert "\n" not in str(caught.value)


def test_an_ordinary_marker_cannot_be_fitted():
    song = song_with_hits(4.0)
    with pytest.raises(FitError, match="'bar 2' is not a hit point"):
        fit_tempo(song, {Marker(1920, "bar 2"): BarBeat(2)})


def test_a_ramp_between_two_tempo_points_is_a_staircase_every_step():
    ramp = tempo_ramp(960, 1920, 100, 140, 240)
    assert [c.tick for c in ramp] == [960, 1200, 1440, 1680, 1920]
    assert [round(c.bpm, 2) for c in ramp] == [100, 110, 120, 130, 140]


def test_the_solver_times_the_staircase_exactly_as_a_tempo_map_does():
    from engine.fit_tempo import _ramp_seconds, _ramp_tempos

    for ticks, b0, b1 in (([1920, 6720, 13440], 56.3, 157.2), ([0, 500, 7001, 9999], 140.0, 61.7)):
        tempo_map = TempoMap(_ramp_tempos(ticks, b0, b1, 480), 480)
        assert _ramp_seconds(ticks, b0, b1, 480) == pytest.approx([tempo_map.seconds(t) for t in ticks], abs=1e-9)
