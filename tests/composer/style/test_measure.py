"""The style measure's pieces that a benchmark builds on: key-relative pitch classes, the pieces' own histogram,
and the region-by-region proposals (real MIDI files, the real tiny checkpoint)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.composer.style.style_files import MIDI


def _grid(name: str):
    from composer.tokens.grid import song_grid
    from engine.files import load_song_file
    return song_grid(load_song_file(MIDI / name).song)


def _melody_lane(grid) -> int:
    return next(i for i, lane in enumerate(grid.lanes) if not lane.is_chords and not lane.drums)


def test_degrees_are_relative_to_the_key_so_a_transposed_song_keeps_them():
    from composer.style.measure import degree_counts
    from composer.training.windows import transpose

    grid = _grid("nottingham_ashover1.mid")              # G major all through
    lane, bars = _melody_lane(grid), range(grid.bar_count)
    cells = [grid.cells[b][lane] for b in bars]
    degrees = degree_counts(grid, bars, cells)
    assert sum(degrees.values()) == sum(len(c) for c in cells)
    assert degrees == {(pc - 7) % 12: n for pc, n in _pitch_classes(cells).items()}
    moved = transpose(grid, 5)
    moved_cells = [moved.cells[b][lane] for b in bars]
    assert _pitch_classes(moved_cells) != _pitch_classes(cells)
    assert degree_counts(moved, bars, moved_cells) == degrees
    keyless = replace(grid, keys=(None,) * grid.bar_count)
    assert not degree_counts(keyless, bars, cells)       # bars without a key are left out


def _pitch_classes(cells):
    from collections import Counter
    return Counter(e.pitch % 12 for cell in cells for e in cell)


def test_each_piece_weighs_the_same_in_the_pieces_histogram(piece_folder):
    from composer.style.measure import piece_degrees
    from composer.style.pieces import read_folder

    pieces = read_folder(piece_folder).pieces
    both = piece_degrees(pieces)
    assert sum(both.values()) == pytest.approx(len(pieces))     # pop909_001, without a key signature, counts too
    alone = [piece_degrees([p]) for p in pieces]
    for degree in range(12):
        assert both[degree] == pytest.approx(sum(a[degree] for a in alone))


def test_a_song_without_a_key_signature_is_measured_in_the_key_the_model_is_told():
    """Most MIDI files carry no key signature; the proposals are told the key the notes suggest, and the
    in-key rate and the degrees are measured against that key rather than leaving the song out."""
    from composer.proposals.context import working_grid
    from composer.style.measure import degree_counts, measured_grid
    from composer.tokens.grid import song_grid
    from engine.files import load_song_file
    from engine.keys import estimate_key

    song = load_song_file(MIDI / "pop909_001.mid").song
    assert not song.keys and all(k is None for k in song_grid(song).keys)
    key = estimate_key(n for t in song.tracks if not t.is_drums for n in t.notes)
    grid = measured_grid(song)
    told = working_grid(song, [t.id for t in song.tracks], bool(song.chords), None)
    assert grid.keys == told.keys == ((key.tonic, "minor" if key.is_minor else "major"),) * grid.bar_count
    lane, bars = _melody_lane(grid), range(grid.bar_count)
    cells = [grid.cells[b][lane] for b in bars]
    assert sum(degree_counts(grid, bars, cells).values()) == sum(len(c) for c in cells) > 0
    keyed = load_song_file(MIDI / "nottingham_ashover1.mid").song      # a key signature: kept as it is
    assert measured_grid(keyed).keys == song_grid(keyed).keys


def test_regions_are_paired_the_same_regions_and_seeds_for_every_model(piece_folder, proposal_checkpoint):
    from composer.proposals.loader import load_model
    from composer.style.measure import proposal_stats, region_cells
    from composer.style.pieces import read_folder

    pieces = read_folder(piece_folder).pieces
    model = load_model(proposal_checkpoint)
    regions = region_cells({"a": model, "b": model}, pieces, 3, seed=1)
    assert len(regions) == 3
    for region in regions:
        assert set(region.takes) == {"original", "a", "b"} and len(region.bars) == 4
        assert region.takes["original"] == [[region.truth.cells[b][region.lane] for b in region.bars]]
        assert len(region.takes["a"]) == 1 and len(region.takes["a"][0]) == 4
        assert region.takes["a"] == region.takes["b"]                 # same model, same region, same seed
    again = region_cells({"a": model}, pieces, 3, seed=1, takes=2)
    assert [(r.piece.song_id, r.bars) for r in again] == [(r.piece.song_id, r.bars) for r in regions]
    assert all(1 <= len(r.takes["a"]) <= 2 for r in again)
    assert region_cells({"a": model}, pieces, 3, seed=1, should_stop=lambda: True) is None
    stats = proposal_stats({"a": model}, pieces, 3, seed=1)
    assert stats["cases"] == 3 and 0 <= stats["a"]["degree_distance_to_pieces"] <= 1
    assert stats["original"]["pitch_class_distance"] == 0
