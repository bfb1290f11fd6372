"""Project files: exact round trips, atomic saves, and one-line errors that leave bad files untouched."""
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from engine.atomic import FileWriteError
from engine.chords import ChordEvent, chord_name, parse_chord
from engine.keys import Key, KeySignature
from engine.limits import SongTooLargeError, check_song
from engine.notes import Note
from engine.project import LoopRegion, Project, ProjectFileError, ProjectState, ViewState, load_project, save_project
from engine.project.io import project_bytes, project_from_bytes
from engine.song import Marker, Song
from engine.timing import TempoChange, TimeSignature
from engine.track import ControlChange, PitchBend, ProgramChange, Track, TrackRole
from song_strategies import chords, json_values, projects

tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def example_project() -> Project:
    melody = Track(id=1, name="Lead", role=TrackRole.MELODY, program=73, channel=0,
                   notes=(Note(start=0, pitch=72, duration=240, velocity=90, locked=True),
                          Note(start=240, pitch=74, duration=0, velocity=1)),
                   controls=(ControlChange(0, 64, 127),), pitch_bends=(PitchBend(10, -8192),),
                   program_changes=(ProgramChange(960, 40),), bank=128, mute=True)
    drums = Track(id=7, name="Kit", role=TrackRole.DRUMS, channel=9, volume=90, pan=20, solo=True, locked=True,
                  notes=(Note(start=0, pitch=36, duration=60, velocity=127),))
    song = Song(tracks=(melody, drums), ticks_per_quarter=96, title="Étude — ♪",
                tempos=(TempoChange(0, 600_000), TempoChange(384, 400_000)),
                meters=(TimeSignature(0, 3, 4), TimeSignature(288, 7, 8)),
                keys=(KeySignature(0, Key(9, "minor")), KeySignature(384, Key(3, "dorian"))),
                chords=(ChordEvent(0, parse_chord("Am7")), ChordEvent(96, None), ChordEvent(192, parse_chord("F/C"))),
                markers=(Marker(0, "Intro"),), end_tick=2000)
    state = ProjectState(loop=LoopRegion(0, 384, enabled=False), soundfont="/sf/Tim.sf2", selected_track_id=7,
                         view=ViewState(zoom_x=2.5, zoom_y=0.75, scroll_tick=96, scroll_pitch=40), snap_ticks=24,
                         takes=[{"region": [0, 4], "seed": 12, "notes": [[0, 60, 10, 80]]}])
    return Project(song, state)


# --- round trips ------------------------------------------------------------
@tmp_settings
@given(project=projects)
def test_random_projects_round_trip_exactly_through_a_file(tmp_path, project):
    path = tmp_path / "song.cadenza"
    save_project(project, path)
    if not refused_as_too_large(project, lambda: load_project(path)):
        assert load_project(path) == project


@given(project=projects)
def test_saving_is_deterministic_and_reloads_to_the_same_bytes(project):
    data = project_bytes(project)
    if not refused_as_too_large(project, lambda: project_from_bytes(data, "x")):
        assert project_bytes(project_from_bytes(data, "x")) == data


def refused_as_too_large(project, load) -> bool:
    """True for a song past engine.limits (one tick a quarter and 2,000,000 ticks is 500,000 bars), after
    checking that `load()` refuses it with one line; False for a project that must come back exactly."""
    try:
        check_song(project.song, "generated")
    except SongTooLargeError as error:
        with pytest.raises(ProjectFileError, match=f": {re.escape(error.reason)}$"):
            load()
        return True
    return False


@given(chord=chords)
def test_every_chord_symbol_round_trips(chord):
    assert parse_chord(chord_name(chord)) == chord


def test_example_file_is_readable_text_with_one_note_per_line(tmp_path):
    path = tmp_path / "example.cadenza"
    save_project(example_project(), path)
    text = path.read_text(encoding="utf-8")
    assert '"format": "cadenza-project"' in text and '"version": 7' in text
    assert "\n          [0, 72, 240, 90, 1],\n" in text and "\n          [240, 74, 0, 1]\n" in text
    assert '[0, "Am7"]' in text and '[96, "N.C."]' in text and '[0, "A minor"]' in text
    assert "Étude — ♪" in text
    assert load_project(path) == example_project()


def test_a_title_with_a_lone_surrogate_still_round_trips(tmp_path):
    project = Project(Song(title="bad \udcff byte"))
    save_project(project, tmp_path / "s.cadenza")
    assert load_project(tmp_path / "s.cadenza") == project


# --- atomic saving ----------------------------------------------------------
def unlocked(project: Project) -> Project:
    song = project.song
    tracks = tuple(t.with_(locked=False, notes=tuple(n.with_(locked=False) for n in t.notes)) for t in song.tracks)
    return project.with_(song=song.with_(tracks=tracks))


def older_document(project: Project, version: int) -> dict:
    """`project` as a file of format `version` (2..6) wrote it: locks beside the song in `state.locks`."""
    document = json.loads(project_bytes(unlocked(project)))
    for track in document["song"]["tracks"]:
        del track["locked"]
    locked_notes = {str(t.id): [[n.start, n.pitch, n.duration, n.velocity] for n in t.notes if n.locked]
                    for t in project.song.tracks}
    document["state"]["locks"] = {"tracks": [t.id for t in project.song.tracks if t.locked],
                                  "notes": {t: rows for t, rows in locked_notes.items() if rows}}
    document["version"] = version
    return document


def test_locks_live_in_the_song_and_round_trip():
    project = example_project()
    document = json.loads(project_bytes(project))
    assert "locks" not in document["state"]
    assert [t["locked"] for t in document["song"]["tracks"]] == [False, True]
    assert document["song"]["tracks"][0]["notes"] == [[0, 72, 240, 90, 1], [240, 74, 0, 1]]
    assert project_from_bytes(project_bytes(project), "x") == project


def test_a_version_6_file_keeps_its_locks_on_the_song():
    project = example_project()
    old = project_from_bytes(json.dumps(older_document(project, 6)).encode(), "old.cadenza")
    assert old == project


def test_old_locks_of_notes_and_tracks_the_song_lacks_are_skipped():
    project = example_project()
    document = older_document(project, 6)
    document["state"]["locks"] = {"tracks": [7, 99], "notes": {"1": [[0, 72, 240, 90], [5, 60, 1, 1]], "42": [[0, 1, 1, 1]]}}
    assert project_from_bytes(json.dumps(document).encode(), "old.cadenza") == project


def test_a_version_1_file_reads_with_no_locks():
    project = example_project()
    document = older_document(project, 1)
    del document["state"]["locks"], document["state"]["video"], document["song"]["timecode"], document["state"]["mix"]
    del document["state"]["style"]
    document["song"]["markers"] = [row[:2] for row in document["song"]["markers"]]
    old = project_from_bytes(json.dumps(document).encode(), "old.cadenza")
    assert old == unlocked(project)


@pytest.mark.parametrize("locks, problem", [
    (None, "state: missing field 'locks'"),
    ({"tracks": [1], "notes": {"one": []}}, "state.locks.notes: 'one' is not a track id"),
    ({"tracks": [True], "notes": {}}, "state.locks.tracks[0]: expected a whole number"),
    ({"tracks": [], "notes": {"1": [[0, 300, 1, 1]]}}, "state.locks.notes.1[0]"),
    ({"tracks": [], "notes": []}, "state.locks.notes: expected an object"),
])
def test_bad_locks_in_a_version_6_file_are_one_line_errors(locks, problem):
    document = older_document(example_project(), 6)
    if locks is None:
        del document["state"]["locks"]
    else:
        document["state"]["locks"] = locks
    with pytest.raises(ProjectFileError, match=problem.replace("[", r"\[").replace(".", r"\.")):
        project_from_bytes(json.dumps(document).encode(), "x.cadenza")


@pytest.mark.parametrize("row, problem", [([0, 60, 1, 1, 2], "locked: expected 0 or 1"),
                                          ([0, 60, 1, 1, 1, 1], "expected [start, pitch, duration, velocity]")])
def test_bad_lock_flags_in_note_rows_are_one_line_errors(row, problem):
    document = json.loads(project_bytes(example_project()))
    document["song"]["tracks"][0]["notes"][0] = row
    with pytest.raises(ProjectFileError, match=re.escape(problem)):
        project_from_bytes(json.dumps(document).encode(), "x.cadenza")


def test_save_replaces_the_old_file_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "song.cadenza"
    save_project(Project(), path)
    save_project(example_project(), path)
    assert os.listdir(tmp_path) == ["song.cadenza"]
    assert load_project(path) == example_project()


def test_a_save_that_fails_midway_leaves_the_previous_file_intact(tmp_path):
    path = tmp_path / "song.cadenza"
    save_project(example_project(), path)
    before = path.read_bytes()
    unsaveable = example_project().with_(state=ProjectState(takes=[{"notes": [1, 2]}, {"seed": object()}]))
    with pytest.raises(FileWriteError, match="takes are not plain JSON"):
        save_project(unsaveable, path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["song.cadenza"]


def test_saving_into_a_missing_folder_is_a_one_line_error(tmp_path):
    with pytest.raises(FileWriteError, match="cannot write"):
        save_project(Project(), tmp_path / "nowhere" / "song.cadenza")


# --- loading bad files ------------------------------------------------------
def good_document() -> dict:
    return json.loads(project_bytes(example_project()))


def edited(change) -> bytes:
    document = good_document()
    change(document)
    return json.dumps(document).encode()


def set_path(document, path, value):
    *parents, last = path
    for key in parents:
        document = document[key]
    document[last] = value


BAD_FILES = {
    "not json": (b'{"format": "cadenza-project", ', r"not valid JSON \(.* at line 1 column"),
    "binary": (b"MThd\x00\x00\x00\x06\xff\xfe", "not UTF-8 text"),
    "another json": (b'{"hello": 1}', "not a Cadenza project"),
    "a list": (b"[1, 2]", "not a Cadenza project"),
    "NaN": (project_bytes(example_project()).replace(b'"zoom_x": 2.5', b'"zoom_x": NaN'), "NaN"),
    "future": (edited(lambda d: d.update(version=8)), r"newer Cadenza \(project format 8"),
    "version zero": (edited(lambda d: d.update(version=0)), "unknown project format 0"),
    "version text": (edited(lambda d: d.update(version="1")), "version: expected a whole number"),
    "missing song": (edited(lambda d: d.pop("song")), "missing field 'song'"),
    "unknown field": (edited(lambda d: d["song"].update(tempo=120)), "song: unknown field 'tempo'"),
    "pitch 300": (edited(lambda d: set_path(d, ["song", "tracks", 0, "notes", 1, 1], 300)),
                  r"song.tracks\[0\].notes\[1\]: note pitch must be 0..127, got 300"),
    "short note": (edited(lambda d: set_path(d, ["song", "tracks", 0, "notes", 0], [0, 60, 10])),
                   r"notes\[0\]: expected \[start, pitch, duration, velocity\]"),
    "float tick": (edited(lambda d: set_path(d, ["song", "tracks", 0, "notes", 0, 0], 1.5)),
                   r"notes\[0\].start: expected a whole number, got the number 1.5"),
    "bool pitch": (edited(lambda d: set_path(d, ["song", "tracks", 0, "notes", 0, 1], True)), "got true"),
    "bad chord": (edited(lambda d: set_path(d, ["song", "chords", 0, 1], "Hm7")), r"chords\[0\]: chord 'Hm7'"),
    "bad key": (edited(lambda d: set_path(d, ["song", "keys", 0, 1], "A bebop")), r"keys\[0\]: key 'A bebop'"),
    "bad role": (edited(lambda d: set_path(d, ["song", "tracks", 1, "role"], "kazoo")), "unknown role 'kazoo'"),
    "duplicate ids": (edited(lambda d: set_path(d, ["song", "tracks", 1, "id"], 1)), "^[^\n]*song: track ids must be unique"),
    "bad meter": (edited(lambda d: set_path(d, ["song", "meters", 0, 2], 3)), "denominator must be a power of two"),
    "bad loop": (edited(lambda d: set_path(d, ["state", "loop", "end"], 0)), "state.loop: loop must satisfy"),
    "takes object": (edited(lambda d: set_path(d, ["state", "takes"], {})), "state.takes: expected a list"),
    "zero zoom": (edited(lambda d: set_path(d, ["state", "view", "zoom_y"], 0)), "zoom_y must be a positive number"),
    "huge number": (b'{"format": "cadenza-project", "version": 1' + b"0" * 5000 + b"}", "not valid project JSON"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "not valid project JSON"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_gives_one_line_naming_the_problem_and_stays_untouched(tmp_path, name):
    data, reason = BAD_FILES[name]
    path = tmp_path / "bad.cadenza"
    path.write_bytes(data)
    with pytest.raises(ProjectFileError, match=reason) as caught:
        load_project(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert caught.value.path == str(path)
    assert path.read_bytes() == data and os.listdir(tmp_path) == ["bad.cadenza"]


def test_missing_file_and_folder_are_one_line_errors(tmp_path):
    with pytest.raises(ProjectFileError, match="no such file"):
        load_project(tmp_path / "gone.cadenza")
    with pytest.raises(ProjectFileError, match="is a folder"):
        load_project(tmp_path)


def _mutations(document):
    """Every (path, container) place in the document, for replacement by junk."""
    places = []

    def walk(value, path):
        if isinstance(value, dict):
            items = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            return
        for key, item in items:
            places.append(path + [key])
            walk(item, path + [key])

    walk(document, [])
    return places


PLACES = _mutations(good_document())


@given(st.sampled_from(PLACES), json_values)
def test_any_junk_anywhere_loads_or_fails_with_one_line(place, junk):
    document = good_document()
    set_path(document, place, junk)
    try:
        project_from_bytes(json.dumps(document).encode(), "fuzz.cadenza")
    except ProjectFileError as error:
        assert "\n" not in str(error)
