"""Ensemble files on import: roles from what each part plays, unnamed tracks named after their instrument.

Real MuseScore exports of OpenScore Orchestra movements (GM programs, no track
names), imported as a user would; the main-theme annotations the checks cite
are the dataset's own (`<name>_annotations.csv`).
"""
from __future__ import annotations

from collections import Counter

import pytest

from engine.ensemble import assign_ensemble_roles, tune_by_bar
from engine.midi import read_midi, write_midi
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

ORCHESTRA = ("openscore-orchestra", "midi")


@pytest.fixture(scope="module")
def brahms(datasets):
    """Brahms, Symphony No. 2, third movement (held out from training: composer/data/validation_ids.txt)."""
    return read_midi(datasets.joinpath(*ORCHESTRA, "Brahms,_Johannes", "Symphony_No.2,_Op.73", "3", "Brahms_Op.73_3.mid"))


def test_unnamed_parts_are_named_after_their_instruments_and_numbered(brahms):
    names = [t.name for t in brahms.tracks]
    assert names[:4] == ["Flute 1", "Flute 2", "Oboe 1", "Oboe 2"]
    assert names[8:12] == ["French Horn 1", "French Horn 2", "French Horn 3", "French Horn 4"]
    assert names[-5:] == ["Violin 1", "Violin 2", "Viola", "Cello", "Contrabass"]


def test_names_are_kept_on_export(brahms, tmp_path):
    path = tmp_path / "brahms.mid"
    write_midi(brahms, path)
    again = read_midi(path)
    assert [t.name for t in again.tracks] == [t.name for t in brahms.tracks]
    assert [t.role for t in again.tracks] == [t.role for t in brahms.tracks]


def test_roles_come_from_what_the_parts_play(brahms):
    roles = Counter(t.role for t in brahms.tracks)
    assert roles[TrackRole.MELODY] == 1 and roles[TrackRole.BASS] == 1 and roles[TrackRole.DRUMS] == 0
    bass = next(t for t in brahms.tracks if t.role is TrackRole.BASS)
    assert bass.name == "Contrabass"                                     # the lowest sounding part
    lowest_mean = min((t for t in brahms.tracks if t.notes), key=lambda t: sum(n.pitch for n in t.notes) / len(t.notes))
    assert bass is lowest_mean
    assert roles[TrackRole.ACCOMPANIMENT] == len(brahms.tracks) - 2      # the bassoons too: they are no bass


def test_the_tune_is_followed_by_passage(brahms):
    """The annotations: oboe 1 from bar 1 to bar 14 beat 3, violin 1 from bar 33 (Brahms_Op.73_3_annotations.csv)."""
    names = {t.id: t.name for t in brahms.tracks}
    tune = [names.get(i) for i in tune_by_bar(brahms)]
    assert Counter(tune[:14]).most_common(1)[0][0] == "Oboe 1"
    assert Counter(tune[32:40]).most_common(1)[0][0] == "Violin 1"
    assert len(set(tune)) >= 4                                           # it passes through the orchestra


def test_drums_only_on_a_kit_whatever_the_name():
    line = tuple(Note(480 * i, 72 + (i % 5), 480, 90) for i in range(16))
    low = tuple(Note(960 * i, 40 + (i % 3), 960, 90) for i in range(8))
    song = Song(tracks=(Track(1, "drum", program=0, channel=2, notes=line),
                        Track(2, "", program=33, channel=3, notes=low),
                        Track(3, "", channel=9, notes=tuple(Note(240 * i, 36, 60, 100) for i in range(32)))))
    roles = [t.role for t in assign_ensemble_roles(song).tracks]
    assert roles == [TrackRole.MELODY, TrackRole.BASS, TrackRole.DRUMS]


def test_a_file_that_names_its_roles_keeps_them():
    from pathlib import Path
    song = read_midi(Path(__file__).parents[1] / "data" / "midi" / "pop909_001.mid")
    assert [(t.name, t.role) for t in song.tracks] == [
        ("MELODY", TrackRole.MELODY), ("BRIDGE", TrackRole.ACCOMPANIMENT), ("PIANO", TrackRole.ACCOMPANIMENT)]


def test_a_sung_line_over_a_piano_is_the_melody_though_the_right_hand_lies_higher(datasets):
    """Brahms, Vier ernste Gesänge No. 1 (OpenScore Lieder, MuseScore's export: the voice on a bassoon
    program, the piano's hands as two tracks). The right hand lies higher and moves more, and carries the per-bar tune
    in most bars, but it plays chords; the voice is the line, and a track's one role names the line."""
    song = read_midi(datasets / "openscore-lieder" / "midi" / "Brahms,_Johannes" / "4_Serious_Songs,_Op.121"
                     / "1_Denn_es_gehet_dem_Menschen_wie_dem_Vieh" / "lc6686592.mid")
    voice, right_hand = song.tracks[0], song.tracks[1]
    carried = Counter(i for i in tune_by_bar(song) if i is not None)
    assert carried[right_hand.id] > carried[voice.id]          # what made the import call the piano the tune
    roles = {t.id: t.role for t in song.tracks}
    assert roles[voice.id] is TrackRole.MELODY and roles[right_hand.id] is not TrackRole.MELODY
