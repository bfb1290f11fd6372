"""Edits: every change has an exact inverse, and stale edits are refused."""
import pytest
from hypothesis import given, strategies as st

from engine.document import SongDocument
from engine.edits import (
    CompoundEdit,
    EditError,
    InsertTrack,
    MoveTrack,
    NotesEdit,
    RemoveTrack,
    ReplaceSong,
    SongPropertiesEdit,
    TrackPropertiesEdit,
)
from engine.notes import Note
from engine.song import Song
from engine.timing import TempoChange
from engine.track import Track, TrackRole

notes_strategy = st.lists(
    st.builds(Note, start=st.integers(0, 5000), pitch=st.integers(0, 127), duration=st.integers(0, 2000),
              velocity=st.integers(1, 127)),
    max_size=40,
)


def _song(*notes: Note) -> Song:
    return Song(tracks=(Track(1, "Lead", TrackRole.MELODY, notes=notes), Track(2, "Bass", TrackRole.BASS, channel=1)))


@given(notes_strategy, notes_strategy)
def test_notes_edit_inverse_restores_the_song_exactly(existing, added):
    song = _song(*existing)
    removed = tuple(existing[::2])
    edit = NotesEdit(1, removed, tuple(added))
    after = edit.apply(song)
    assert sorted(after.track(1).notes) == sorted([n for n in existing[1::2]] + list(added))
    assert edit.inverse().apply(after) == song


def test_a_moved_locked_note_keeps_its_lock_and_undo_gives_the_locked_note_back():
    a, b = Note(start=0, pitch=60, duration=480, locked=True), Note(start=480, pitch=62, duration=480)
    moved = (a.with_(start=960), b.with_(pitch=64))
    song = _song(a, b)
    after = NotesEdit(1, (a, b), moved, "Move notes").apply(song)
    assert [n.locked for n in after.track(1).notes] == [False, True]              # b at 480, a at 960
    assert NotesEdit(1, (a, b), moved).inverse().apply(after) == song
    assert a.copied(start=1920).locked is False and a.with_(start=1920).locked is True
    with pytest.raises(EditError):                                                # the unlocked twin is another note
        NotesEdit(1, (a.with_(locked=False),), ()).apply(song)


def test_removing_a_note_that_is_not_there_is_refused_and_changes_nothing():
    document = SongDocument(_song(Note(start=0, pitch=60, duration=480)))
    before = document.song
    with pytest.raises(EditError, match="not in track 'Lead'"):
        document.apply(NotesEdit(1, (Note(start=1, pitch=60, duration=480),)))
    assert document.song is before
    assert document.revision == 0


def test_duplicate_notes_are_removed_one_at_a_time():
    note = Note(start=0, pitch=60, duration=480)
    song = _song(note, note)
    assert NotesEdit(1, (note,)).apply(song).track(1).notes == (note,)


def test_track_list_edits_and_inverses():
    song = _song()
    new_track = Track(3, "Drums", TrackRole.DRUMS, channel=9)
    steps = [
        InsertTrack(1, new_track),
        MoveTrack(0, 2),
        TrackPropertiesEdit.changing(new_track, name="Kit", volume=90),
    ]
    current = song
    history = [song]
    for edit in steps:
        current = edit.apply(current)
        history.append(current)
    assert [t.name for t in current.tracks] == ["Kit", "Bass", "Lead"]
    for edit, previous in zip(reversed(steps), reversed(history[:-1])):
        current = edit.inverse().apply(current)
        assert current == previous
    with pytest.raises(EditError, match="not at position"):
        RemoveTrack(0, new_track).apply(song)


def test_song_properties_edit_checks_current_values():
    song = _song()
    faster = SongPropertiesEdit.changing(song, tempos=(TempoChange(0, 400_000),))
    after = faster.apply(song)
    assert after.tempo_map.bpm_at(0) == pytest.approx(150)
    with pytest.raises(EditError, match="tempos"):
        faster.apply(after)  # stale: made for the 120 BPM song
    assert faster.inverse().apply(after) == song


def test_compound_edit_is_one_step_and_observers_see_it():
    document = SongDocument(_song(Note(start=0, pitch=60, duration=480)))
    original = document.song
    seen = []
    unsubscribe = document.subscribe(lambda edit, before, after: seen.append((edit.label, before, after)))
    compound = CompoundEdit(
        (NotesEdit(1, added=(Note(start=480, pitch=62, duration=480),)), NotesEdit(2, added=(Note(start=0, pitch=36, duration=960),))),
        "Accept proposal",
    )
    document.apply(compound)
    assert seen == [("Accept proposal", original, document.song)]
    document.apply(compound.inverse())
    assert document.song == original
    unsubscribe()
    document.apply(ReplaceSong(original, Song()))
    assert len(seen) == 2 and document.revision == 3


def test_a_precomputed_result_is_used_only_for_the_song_it_was_computed_from():
    document = SongDocument(_song(Note(start=0, pitch=60, duration=480)))
    edit = NotesEdit(1, added=(Note(start=480, pitch=62, duration=480),))
    before = document.song
    after = edit.apply(before)
    assert document.apply(edit, (before, after)) is after
    stale = (before, after)  # the document has moved on: the pair must be ignored, the edit applied afresh
    second = NotesEdit(1, added=(Note(start=960, pitch=64, duration=480),))
    result = document.apply(second, stale)
    assert result is not after and len(result.track(1).notes) == 3
