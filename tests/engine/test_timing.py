"""Tempo and meter maps: ticks to seconds and bars, the only conversions the song allows."""
import pytest
from hypothesis import given, strategies as st

from engine.timing import MeterMap, TempoChange, TempoMap, TimeSignature


def test_default_tempo_is_120_bpm():
    tempo_map = TempoMap((), 480)
    assert tempo_map.seconds(480) == pytest.approx(0.5)
    assert tempo_map.bpm_at(0) == pytest.approx(120)


def test_tempo_change_mid_song():
    # 120 BPM for one bar (4 quarters = 2 s), then 60 BPM (1 s per quarter).
    tempo_map = TempoMap((TempoChange(0, 500_000), TempoChange(1920, 1_000_000)), 480)
    assert tempo_map.seconds(1920) == pytest.approx(2.0)
    assert tempo_map.seconds(1920 + 480) == pytest.approx(3.0)
    assert tempo_map.tick(3.0) == pytest.approx(2400)


def test_last_tempo_at_a_tick_wins():
    tempo_map = TempoMap((TempoChange(0, 500_000), TempoChange(0, 250_000)), 96)
    assert tempo_map.seconds(96) == pytest.approx(0.25)


@given(
    st.lists(st.tuples(st.integers(0, 100_000), st.integers(100_000, 2_000_000)), max_size=30),
    st.integers(1, 19200),
    st.integers(0, 200_000),
)
def test_seconds_and_ticks_are_inverse(changes, tpq, tick):
    tempo_map = TempoMap(tuple(TempoChange(t, us) for t, us in changes), tpq)
    assert tempo_map.tick(tempo_map.seconds(tick)) == pytest.approx(tick, abs=1e-6)


def test_tempo_bounds_are_checked():
    with pytest.raises(ValueError, match="BPM"):
        TempoChange.from_bpm(0, 0)
    assert TempoChange.from_bpm(0, 90).bpm == pytest.approx(90, abs=1e-3)


def test_bars_follow_meter_changes():
    # Two bars of 4/4 then 3/4.
    meters = MeterMap((TimeSignature(0, 4, 4), TimeSignature(3840, 3, 4)), 480)
    assert [meters.bar_start(b) for b in range(5)] == [0, 1920, 3840, 5280, 6720]
    position = meters.position(3840 + 1440 + 500)
    assert (position.bar, position.beat, position.tick_in_beat) == (3, 1, 20)
    assert str(position.meter) == "3/4"
    assert meters.bar_count(3841) == 3
    assert meters.bar_range(1, 2) == (1920, 5280)


def test_meter_change_mid_bar_starts_a_new_bar():
    # 4/4 bar cut short after 2 beats by a change to 6/8.
    meters = MeterMap((TimeSignature(0, 4, 4), TimeSignature(960, 6, 8)), 480)
    assert meters.bar_start(1) == 960
    assert meters.bar_start(2) == 960 + 6 * 240
    assert meters.position(959).bar == 0


def test_invalid_meters_are_refused():
    with pytest.raises(ValueError, match="denominator"):
        TimeSignature(0, 4, 3)
    with pytest.raises(ValueError, match="numerator"):
        TimeSignature(0, 0, 4)
