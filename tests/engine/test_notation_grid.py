"""The notation grid: snapped times stay close, notes never vanish, bars follow the meter map."""
from fractions import Fraction

from hypothesis import given, strategies as st

from engine.notation_grid import bars, snap, snap_span
from engine.song import Song
from engine.timing import TimeSignature

tpqs = st.sampled_from([24, 96, 120, 384, 480, 960, 1000])


@given(st.integers(0, 100_000), tpqs)
def test_snapped_times_are_on_a_grid_and_close(tick, tpq):
    q = snap(tick, tpq)
    assert q % Fraction(1, 4) == 0 or q % Fraction(1, 3) == 0
    assert abs(q - Fraction(tick, tpq)) <= Fraction(1, 8)


@given(st.integers(0, 100_000), st.integers(0, 5000), tpqs)
def test_a_snapped_note_is_never_empty(start, duration, tpq):
    offset, end = snap_span(start, start + duration, tpq)
    assert end - offset >= Fraction(1, 4) or (offset % Fraction(1, 3) == 0 and end - offset >= Fraction(1, 3))


def test_performed_times_snap_to_sixteenths_and_triplets():
    assert snap(487, 480) == 1
    assert snap(160, 480) == Fraction(1, 3)
    assert snap(120, 480) == Fraction(1, 4)
    assert snap_span(0, 5, 480) == (0, Fraction(1, 4))


def test_a_bar_cut_short_by_a_meter_change_gets_its_own_meter():
    song = Song(meters=(TimeSignature(0, 4, 4), TimeSignature(2880, 3, 4)))
    layout = bars(song, 480 * 12)
    assert [(b.number, b.offset, b.length, str(b.meter)) for b in layout] == [
        (1, 0, 4, "4/4"), (2, 4, 2, "2/4"), (3, 6, 3, "3/4"), (4, 9, 3, "3/4")]
    assert len(bars(Song(), 0)) == 1
