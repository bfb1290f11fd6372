"""The proposal session without Qt: takes as project state, changed only by edits that undo exactly.

A new user's sequence: generate, keep, edit, discard, undo all of it, redo all
of it, save and read back. The take list and every kept mark must come back
exactly at each step, because the app's undo history applies these same edits.
"""
from __future__ import annotations

import json

import pytest

from composer.proposals.session import MarkKept, ProjectEdit, ProposalSession
from composer.proposals.takes import takes_from_json
from engine.chords import ChordEvent, parse_chord
from engine.edits import EditError, NotesEdit
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole
from take_helpers import make_take

BAR = 1920


def song() -> Song:
    melody = Track(id=1, name="Melody", role=TrackRole.MELODY,
                   notes=tuple(Note(i * 480, 60 + i % 5, 480, 90) for i in range(16)))
    return Song(tracks=(melody,))


def candidates(pitch: int, count: int = 3):
    """`count` candidates for bars 1-2 of track 1: a line on `pitch`, `pitch + 1`, ..."""
    return [make_take(0, 0, "melody", (0, 1), (0, 2 * BAR),
                      {1: tuple(Note(i * 480, pitch + k, 480, 80) for i in range(8))}, seed=k).candidate
            for k in range(count)]


class History:
    """The app's undo stack in miniature: applies project edits to a song and a session, both ways."""

    def __init__(self, session: ProposalSession, start: Song) -> None:
        self.session, self.song, self.done, self.undone = session, start, [], []

    def push(self, edit: ProjectEdit) -> None:
        self._apply(edit)
        self.done.append(edit)
        self.undone.clear()

    def undo(self) -> None:
        edit = self.done.pop()
        self._apply(edit.inverse())
        self.undone.append(edit)

    def redo(self) -> None:
        edit = self.undone.pop()
        self._apply(edit)
        self.done.append(edit)

    def _apply(self, edit: ProjectEdit) -> None:
        if edit.song is not None:
            self.song = edit.song.apply(self.song)
        if edit.takes is not None:
            self.session.apply(edit.takes)


def snapshot(history: History):
    return history.song, tuple((t.id, t.group, t.kept) for t in history.session.takes)


def test_generate_keep_edit_discard_undo_and_redo_restore_every_take_and_mark_exactly():
    session = ProposalSession()
    history = History(session, song())
    states = [snapshot(history)]
    history.push(ProjectEdit(None, session.added(candidates(70), (0, 1), {"adventure": 5}), "Generate takes"))
    states.append(snapshot(history))
    session.show(2)
    history.push(session.keep(history.song))                                   # keep take 2
    states.append(snapshot(history))
    assert [t.kept for t in session.takes] == [False, True, False]
    assert history.song.track(1).notes_between(0, 2 * BAR) == session.take(2).notes[1]
    edited = history.song.track(1).notes[0]
    history.push(ProjectEdit(NotesEdit(1, (edited,), (edited.with_(pitch=50),)), None, "Transpose"))
    states.append(snapshot(history))
    assert session.take(2).kept                                                # editing a note keeps the mark
    session.show(3)
    history.push(session.keep(history.song))                                   # take 3 over the same bars
    states.append(snapshot(history))
    assert [t.kept for t in session.takes] == [False, False, True]             # one step moves the mark
    session.show(1)
    dropped, next_shown = session.discard()
    assert next_shown == 2
    history.push(ProjectEdit(None, dropped, "Discard take"))
    states.append(snapshot(history))
    assert [t.id for t in session.takes] == [2, 3]
    history.push(ProjectEdit(None, session.added(candidates(48, 2), (2, 3), {}), "Generate takes"))
    states.append(snapshot(history))
    assert [(t.id, t.group) for t in session.takes] == [(2, 1), (3, 1), (4, 2), (5, 2)]

    for state in reversed(states[:-1]):
        history.undo()
        assert snapshot(history) == state
    for state in states[1:]:
        history.redo()
        assert snapshot(history) == state

    back, skipped = takes_from_json(json.loads(json.dumps(session.to_json())))
    assert back == list(session.takes) and skipped == 0


def test_a_take_that_no_longer_fits_the_song_is_refused_before_anything_changes():
    session = ProposalSession()
    history = History(session, song())
    history.push(ProjectEdit(None, session.added(candidates(70, 1), (0, 1), {}), "Generate takes"))
    session.show(1)
    without_track = Song()
    with pytest.raises((EditError, KeyError)):
        session.keep(without_track)
    assert not session.take(1).kept


def test_stale_kept_marks_and_unknown_takes_are_edit_errors():
    session = ProposalSession()
    session.apply(session.added(candidates(70, 2), (0, 1), {}))
    with pytest.raises(EditError, match="kept marks changed"):
        session.apply(MarkKept(((1, True),), ((1, False),)))
    with pytest.raises(EditError, match="already in the list"):
        session.apply(session.added(candidates(70, 1), (0, 1), {}).__class__(session.takes[:1]))


def test_stepping_stays_in_a_generate_and_goes_on_from_the_take_shown_last():
    session = ProposalSession()
    session.apply(session.added(candidates(70, 3), (0, 1), {}))
    session.apply(session.added(candidates(50, 2), (2, 3), {}))
    assert session.step(1).id == 5                                             # none shown yet: the newest
    assert session.step(1).id == 4                                             # wraps inside its Generate
    session.show(2)
    session.show(None)                                                         # e.g. after Keep
    assert session.step(1).id == 3                                             # goes on from take 2


def test_takes_round_trip_through_json_and_bad_entries_are_counted():
    take = make_take(3, 2, "chords", (1, 2), (1920, 5760), {1: (Note(1920, 60, 480, 90, locked=True),)},
                     (ChordEvent(1920, parse_chord("Am7")), ChordEvent(3840, None)), 17,
                     {"adventure": 6, "density": "auto"}, ({"source": "pop909:001", "notes": 9},),
                     {1: (Note(1920, 60, 480, 90, locked=True),)}, None, ("one soft warning",), True)
    back, skipped = takes_from_json(json.loads(json.dumps([take.to_json(), {"format": "something else"}, "junk"])))
    assert back == [take] and skipped == 2
