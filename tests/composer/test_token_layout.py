"""The infilling layout: masks, fills, controls, the header, and strict decoding."""
import pytest

from composer.tokens import CHORD_LANE, VOCAB, decode, encode, song_grid
from composer.tokens.grid import cell_controls
from composer.tokens.vocab import DENSITY_EDGES, POLYPHONY_EDGES, RANGE_EDGES


def _names(ids):
    return [VOCAB.name(i) for i in ids]


def test_vocabulary_names_are_unique_and_groups_contiguous():
    assert len(set(VOCAB.names)) == len(VOCAB) < 600
    ranges = sorted(VOCAB.groups.values(), key=lambda r: r.start)
    assert ranges[0].start == 0 and all(a.stop == b.start for a, b in zip(ranges, ranges[1:]))
    assert VOCAB.name(VOCAB.member("PITCH", 60)) == "PITCH_60"
    with pytest.raises(ValueError, match="expected a POS token"):
        VOCAB.index_in("POS", VOCAB.id("SEP"))


def test_masked_cells_move_after_the_separator_and_decode_back(pop909_001):
    grid = song_grid(pop909_001.song)
    melody, bass = pop909_001.song.tracks[0].id, pop909_001.song.tracks[2].id
    mask = {(9, melody), (9, CHORD_LANE), (10, bass), (12, melody)}
    ids = encode(grid, mask, bars=range(8, 16))
    names = _names(ids)
    sep = names.index("SEP")
    assert names[:4] == ["BOS", "METER_4/4", "KEY_6_major", "TEMPO_87"]
    assert names[:sep].count("MASK") == 4 and "MASK" not in names[sep:]
    assert names[sep:].count("FILL_END") == 4
    # Fills come in context order and name their bar (window-relative) and lane.
    heads = [tuple(names[i + 1:i + 3]) for i, n in enumerate(names) if i >= sep and n in ("SEP", "FILL_END")][:-1]
    assert heads == [("BAR_1", "TRK_CHORDS"), ("BAR_1", "TRK_0"), ("BAR_2", "TRK_2"), ("BAR_4", "TRK_0")]
    decoded = decode(ids)
    assert decoded.masked == [(1, 0), (1, 1), (2, 3), (4, 1)]
    window = decoded.grid()
    assert window.cells == grid.cells[8:16]
    assert decoded.controls[1, 1] == cell_controls(grid.cells[9][1])


def test_unmasked_empty_cells_cost_no_tokens(pop909_001):
    grid = song_grid(pop909_001.song)
    names = _names(encode(grid, bars=range(0, 1)))  # bar 1: only the bridge plays
    assert names.count("BAR_0") == 1 and names[names.index("BAR_0") + 1] == "TRK_1"
    assert names[-1] == "SEP"


def test_fill_controls_bin_density_polyphony_and_range(pop909_001):
    grid = song_grid(pop909_001.song)
    cell = grid.cells[20][4]  # piano, a busy bar
    density, polyphony, span = cell_controls(cell)
    onsets = {e.pos for e in cell}
    assert DENSITY_EDGES[density] <= len(cell)
    assert POLYPHONY_EDGES[polyphony] <= max(sum(e.pos == p for e in cell) for p in onsets)
    assert RANGE_EDGES[span] <= max(e.pitch for e in cell) - min(e.pitch for e in cell)
    assert cell_controls(()) == (0, 0, 0)


def test_drum_hits_carry_no_duration_token(groove_song):
    names = _names(encode(groove_song.song, bars=range(2, 3)))
    assert "ROLE_drums" in names and not any(n.startswith("DUR_") for n in names)


def test_a_window_may_start_mid_song(pop909_001):
    song = pop909_001.song
    ids = encode(song, bars=range(30, 40))
    assert decode(ids).grid().cells == song_grid(song).cells[30:40]


def test_bad_sequences_and_bad_masks_are_refused(pop909_001):
    grid = song_grid(pop909_001.song)
    ids = encode(grid, {(3, 1)}, bars=range(0, 4))
    with pytest.raises(ValueError, match="expected BOS"):
        decode(ids[1:])
    with pytest.raises(ValueError):
        decode(ids[:-1] + [VOCAB.id("PITCH_60")])
    assert decode(ids[:ids.index(VOCAB.id("SEP")) + 1]).fills == {}  # fills not generated yet
    with pytest.raises(ValueError, match="outside the window"):
        encode(grid, {(9, 1)}, bars=range(0, 4))
    with pytest.raises(ValueError, match="bars"):
        encode(grid, bars=range(0, 200))


def test_cell_costs_add_up_to_the_encoding(nottingham_ashover1):
    from composer.tokens.encode import cell_tokens
    grid = song_grid(nottingham_ashover1.song)
    cells = sum(len(cell_tokens(grid, b, i)) for b in range(grid.bar_count) for i in range(len(grid.lanes)))
    header = 4 + sum(1 if lane.is_chords else 2 for lane in grid.lanes)  # BOS METER KEY TEMPO, TRK [ROLE]
    meter_changes = sum(grid.meters[b] != grid.meters[b - 1] for b in range(1, grid.bar_count))
    assert len(encode(grid)) == header + grid.bar_count + meter_changes + cells + 1  # + SEP


def test_stats_reports_tokens_per_bar_per_role(datasets, tmp_path, capsys):
    import json
    from composer.data.token_costs import main
    assert main(["--datasets", str(datasets), "--limit", "2", "--cache-dir", str(tmp_path), "--sources", "nottingham"]) == 0
    roles = json.loads(capsys.readouterr().out)["nottingham"]["roles"]
    assert set(roles) == {"chord_lane", "chords", "melody"}
    assert roles["melody"]["tokens_per_bar"] > 0
