"""Evaluation: fill roles, the n-gram baseline, metrics, and the CLI's JSON on a tiny checkpoint."""
import json
import math

import pytest

from composer.evaluate import fill_roles
from composer.evaluate import main as evaluate
from composer.metrics import CellScores
from composer.ngram import NGram
from composer.tokens import CHORD_LANE, VOCAB, encode, song_grid
from composer.tokens.grid import NoteEvent
from composer.training.windows import window


def test_fill_roles_follow_the_lanes_of_each_fill(pop909_001):
    grid = song_grid(pop909_001.song)
    bass = pop909_001.song.tracks[2].id
    ids = encode(grid, {(9, CHORD_LANE), (9, bass)}, bars=range(8, 12))
    roles = fill_roles(ids)
    sep = ids.index(VOCAB.id("SEP"))
    assert set(roles[:sep + 1]) == {None}
    ends = [i for i, t in enumerate(ids) if t == VOCAB.id("FILL_END")]
    assert set(roles[sep + 1:ends[0] + 1]) == {"chord_lane"} and set(roles[ends[0] + 1:]) == {"bass"}


def test_ngram_probabilities_sum_to_one_and_beat_uniform():
    sequences = [[1, 5, 6, 7, 5, 6, 7, 5, 6, 8] * 3, [1, 5, 6, 8, 5, 6, 7]]
    model = NGram(4, 10).fit(sequences)
    for context in ([], [5], [5, 6], [9, 9, 9], [1, 5, 6]):
        assert math.isclose(sum(model.probability(context, t) for t in range(10)), 1.0)
    assert sum(model.token_losses(sequences[1])) / 6 < math.log(10)


def test_cell_scores_count_key_chords_and_density(pop909_001):
    grid = window(song_grid(pop909_001.song), 8, 4)
    chord = grid.cells[0][0][0].chord
    tone = 60 + chord.root
    outside = 60 + next(pc for pc in range(12) if pc not in chord.pitch_classes)
    scores = CellScores()
    scores.add(grid, 0, 1, (NoteEvent(0, tone, 6, 80), NoteEvent(24, outside, 6, 80)), ())
    summary = scores.summary()
    assert summary["chord_tone_rate_strong_beats"] == 0.5 and summary["notes_per_cell"] == 2
    assert summary["density_abs_error_vs_truth"] == 2 and summary["pitch_range"] == abs(outside - tone)


def test_the_cli_reports_losses_and_valid_infills(tiny_checkpoint, datasets, capsys):
    assert evaluate([str(tiny_checkpoint), "--datasets", str(datasets), "--examples", "6",
                     "--ngram-examples", "40", "--windows", "4", "--threads", "1"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["step"] == 12
    assert set(report["loss"]["model"]) == set(report["loss"]["ngram4"]) >= {"all_fill_tokens"}
    infill = report["infill"]
    assert infill["grammar_validity"] == 1.0 and infill["windows"] == 4
    assert infill["model"]["cells"] == infill["ground_truth"]["cells"] == infill["random_in_key"]["cells"] > 0
    assert infill["ground_truth"]["density_abs_error_vs_truth"] == 0


def test_a_temperature_of_zero_is_refused_in_one_line(tiny_checkpoint, capsys):
    with pytest.raises(SystemExit) as stop:
        evaluate([str(tiny_checkpoint), "--temperature", "0"])
    assert stop.value.code == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert "--temperature must be > 0" in message
