"""`cadenza generate` and `cadenza compose` end to end: real files in, real files out, read back."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import run_cadenza as cadenza
from engine.files import load_song_file


MIDI = Path(__file__).resolve().parents[1] / "data" / "midi"



def test_generate_writes_k_candidates_that_change_only_the_region(capsys, tmp_path, proposal_checkpoint):
    source = MIDI / "pop909_001.mid"
    code, out, err = cadenza(capsys, "generate", source, tmp_path / "take.mid", "--task", "melody", "--bars", "9-16",
                             "--candidates", "2", "--seed", "5", "--key", "A minor", "--density", "mid",
                             "--range", "C4-C6", "--model", proposal_checkpoint)
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 2 and all(line["tokens"] > 0 for line in lines)
    before = load_song_file(source).song
    start, end = before.meter_map.bar_range(8, 15)
    for number in (1, 2):
        after = load_song_file(tmp_path / f"take-{number}.mid").song
        assert [(t.name, t.program, t.channel) for t in after.tracks] == [(t.name, t.program, t.channel)
                                                                           for t in before.tracks]
        for old, new in zip(before.tracks, after.tracks):
            if old.name != "MELODY":
                assert new.notes == old.notes
            else:
                assert [n for n in new.notes if not start <= n.start < end] == \
                       [n for n in old.notes if not start <= n.start < end]
                assert all(60 <= n.pitch <= 84 for n in new.notes if start <= n.start < end)


def test_generate_adds_a_drum_track_when_the_song_has_none(capsys, tmp_path, proposal_checkpoint):
    out_path = tmp_path / "drums.cadenza"
    code, _, err = cadenza(capsys, "generate", MIDI / "pop909_001.mid", out_path, "--task", "drums",
                             "--bars", "1-4", "--model", proposal_checkpoint)
    assert code == 0, err
    song = load_song_file(out_path).song
    assert song.tracks[-1].is_drums and song.tracks[-1].notes
    assert all(35 <= n.pitch <= 81 for n in song.tracks[-1].notes)


def test_compose_writes_a_sketch(capsys, tmp_path, proposal_checkpoint):
    path = tmp_path / "sketch.mid"
    code, out, err = cadenza(capsys, "compose", path, "--bars", "4", "--key", "A minor", "--tempo", "90",
                             "--meter", "3/4", "--parts", "chords,melody,bass", "--seed", "2", "--model", proposal_checkpoint)
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["part"] for line in lines if "part" in line] == ["chords", "melody", "bass"]
    assert lines[0]["key"] == "A minor" and lines[0]["meter"] == "3/4"   # the settings, shown before composing
    song = load_song_file(path).song
    assert [t.name for t in song.tracks] == ["Melody", "Bass"] and song.bar_count() == 4
    assert round(song.tempo_map.bpm_at(0)) == 90 and song.chords


def test_compose_refuses_an_unknown_part_in_one_line(capsys, tmp_path, proposal_checkpoint):
    code, _, err = cadenza(capsys, "compose", tmp_path / "x.mid", "--parts", "melody,solo", "--model", proposal_checkpoint)
    assert code == 2 and "unknown part(s) solo" in err and err.count("\n") == 1
    assert not (tmp_path / "x.mid").exists()


def test_compose_reads_a_chinese_brief_and_options_beside_it_win(capsys, tmp_path, proposal_checkpoint):
    path = tmp_path / "brief.mid"
    code, out, err = cadenza(capsys, "compose", path, "--brief", "温柔的钢琴小品，G大调，慢板，主歌2小节，副歌2小节，古风",
                             "--tempo", "72", "--model", proposal_checkpoint)
    assert code == 0, err
    reading = json.loads(out.splitlines()[0])
    assert reading["key"] == "G major" and reading["style"] == "keyboard" and reading["tempo"] == 72
    assert reading["sections"] == [["verse", 2], ["chorus", 2]] and reading["not_understood"] == ["古风"]
    song = load_song_file(path).song
    assert song.bar_count() == 4 and round(song.tempo_map.bpm_at(0)) == 72
    assert {t.program for t in song.tracks} == {0} and not any(t.is_drums for t in song.tracks)


@pytest.mark.parametrize("args, message", [
    (("--task", "melody", "--bars", "5-2"), "need 1 <= A <= B"),
    (("--task", "solo", "--bars", "1-2"), "invalid choice"),
    (("--task", "melody", "--bars", "1-2", "--key", "H major"), "must start with a note name"),
    (("--task", "melody", "--bars", "1-2", "--range", "C6-C4"), "low pitch comes first"),
    (("--task", "melody", "--bars", "1-999"), "the song has 148 bars"),
    (("--task", "melody", "--bars", "1-2", "--tracks", "LEAD"), "track 'LEAD' not found"),
])
def test_bad_arguments_exit_2_with_one_line(capsys, tmp_path, proposal_checkpoint, args, message):
    code, _, err = cadenza(capsys, "generate", MIDI / "pop909_001.mid", tmp_path / "x.mid", *args,
                             "--model", proposal_checkpoint)
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "x.mid").exists()


def test_generate_on_a_project_keeps_its_locked_notes_and_refuses_a_locked_track(capsys, tmp_path,
                                                                                  proposal_checkpoint):
    """Locks are part of the song, so `cadenza generate` on a project honours what the user locked in the app."""
    from engine.project import Project, load_project, save_project

    song = load_song_file(MIDI / "pop909_001.mid").song
    melody = next(t for t in song.tracks if t.name == "MELODY")
    start, end = song.meter_map.bar_range(8, 11)
    inside = melody.notes_between(start, end)
    keep = {inside[0], inside[len(inside) // 2]}
    notes = tuple(n.with_(locked=True) if n in keep else n for n in melody.notes)
    project = tmp_path / "locked.cadenza"
    save_project(Project(song.with_track(melody.with_(notes=notes))), project)
    for seed in ("1", "2"):
        out_path = tmp_path / f"take{seed}.cadenza"
        code, _, err = cadenza(capsys, "generate", project, out_path, "--task", "melody", "--bars", "9-12",
                               "--seed", seed, "--model", proposal_checkpoint)
        assert code == 0, err
        written = load_project(out_path).song.track(melody.id).notes_between(start, end)
        assert {n for n in written if n.locked} == {n.with_(locked=True) for n in keep}

    locked_track = tmp_path / "locked-track.cadenza"
    save_project(Project(song.with_track(melody.with_(locked=True))), locked_track)
    code, out, err = cadenza(capsys, "generate", locked_track, tmp_path / "no.cadenza", "--task", "melody",
                             "--bars", "9-12", "--model", proposal_checkpoint)
    assert code == 2 and err == "cadenza generate: every track of the region is locked: unlock one to write into it\n"
    assert not (tmp_path / "no.cadenza").exists()
