"""Tokenize -> detokenize on real songs keeps every note up to the grid."""
import pytest

from composer.tokens import decode, encode, grid_to_song, song_grid
from composer.tokens.grid import nearest_duration, nearest_velocity, to_steps
from composer.tokens.vocab import MAX_BARS, STEPS_PER_QUARTER


def _quantized(song):
    """Every note as the grid must keep it: (track index, onset step, pitch) -> (length bin, velocity bin).

    Two notes of one pitch on one step are one note in a grid (the longer, the louder).
    """
    out = {}
    for i, track in enumerate(song.tracks):
        for n in track.notes:
            steps = n.duration * STEPS_PER_QUARTER / song.ticks_per_quarter
            duration = 0 if track.is_drums else nearest_duration(steps)
            where = (i, to_steps(n.start, song.ticks_per_quarter), n.pitch)
            old = out.get(where, (0, 0))
            out[where] = (max(old[0], duration), max(old[1], nearest_velocity(n.velocity)))
    return out


def _chord_per_step(song, steps):
    return [song.chord_at(round(s * song.ticks_per_quarter / STEPS_PER_QUARTER)) for s in range(steps)]


@pytest.fixture(params=["pop909_001", "groove_song", "openewld_pickup", "nottingham_ashover1"])
def corpus_song(request):
    return request.getfixturevalue(request.param)


def test_round_trip_keeps_every_note_and_chord_up_to_the_grid(corpus_song):
    song = corpus_song.song
    grid = song_grid(song)
    assert grid.bar_count <= MAX_BARS
    decoded = decode(encode(grid)).grid()
    assert (decoded.cells, decoded.meters, decoded.keys, decoded.bar_steps) == (
        grid.cells, grid.meters, grid.keys, grid.bar_steps)
    assert [lane.role for lane in decoded.lanes] == [lane.role for lane in grid.lanes]
    back = grid_to_song(decoded, song.ticks_per_quarter)
    assert [t.role for t in back.tracks] == [t.role for t in song.tracks]
    assert _quantized(back) == _quantized(song)
    # The chord lane names the same chord at every step of the song.
    steps = grid.bar_steps[-1]
    assert [e and e.chord for e in _chord_per_step(back, steps)] == [e and e.chord for e in _chord_per_step(song, steps)]
    assert back.bar_count() == grid.bar_count
    assert song_grid(back, chord_lane=bool(song.chords)).cells == grid.cells


def test_notes_move_at_most_half_a_grid_step(pop909_001):
    song = pop909_001.song
    back = grid_to_song(song_grid(song))
    half_step = song.ticks_per_quarter / STEPS_PER_QUARTER / 2
    for original, decoded in zip(song.tracks, back.tracks):
        starts = {}
        for n in decoded.notes:
            starts.setdefault(n.pitch, []).append(n.start)
        for n in original.notes:
            assert min(abs(s - n.start) for s in starts[n.pitch]) <= half_step
