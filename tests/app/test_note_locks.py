"""Locks are part of the song: real mouse and keys on the real window.

Locking is an undo step like any edit. A locked note the user drags, resizes,
nudges, transposes or re-velocities stays locked (it is the same note,
changed); a deleted one goes with its lock, and a copy (Alt+drag, paste) is a
new, unlocked note; Undo and Redo bring the locks back with the notes, and
undo the locking itself. What a proposal would keep (`region.request`) and
what the project file saves follow too.
"""
from __future__ import annotations

from PySide6.QtCore import Qt

from editor_helpers import C4, D4, E4, click, drag, key, lane_point, melody, roll_point, undo_all
from engine.project import load_project, save_project

CTRL_SHIFT = Qt.ControlModifier | Qt.ShiftModifier


def locked(note):
    return note.with_(locked=True)


def lock_by_clicks(window, roll, *notes) -> None:
    """Select `notes` with the Select tool (click, Shift+click), then Compose > Lock selected notes."""
    roll.set_tool("Select")
    for i, note in enumerate(notes):
        click(roll, roll_point(roll, note.start + 40, note.pitch), mods=Qt.ShiftModifier if i else Qt.NoModifier)
    key(roll, Qt.Key_L, CTRL_SHIFT)
    assert window.proposals.region.locked_in(1) == {locked(n) for n in notes}


def saved_locks(window, tmp_path) -> set:
    """The locked notes of track 1 as a project file saved now and read back holds them."""
    path = tmp_path / "locks.cadenza"
    save_project(window.files.project(), path)
    return {n for n in load_project(path).song.track(1).notes if n.locked}


def test_a_dragged_and_resized_locked_note_stays_locked_and_undo_takes_the_lock_back_with_it(window, roll, song,
                                                                                               tmp_path):
    region = window.proposals.region
    lock_by_clicks(window, roll, D4)
    drag(roll, roll_point(roll, 700, 62), roll_point(roll, 700 + 960, 65))            # move: 2 beats later, +3
    moved = locked(D4).with_(start=480 + 960, pitch=65)
    assert moved in melody(window) and D4.start not in {n.start for n in melody(window) if n.pitch == 62}
    assert region.locked_in(1) == {moved} and saved_locks(window, tmp_path) == {moved}
    end = moved.end
    drag(roll, roll_point(roll, end - 2, 65), roll_point(roll, end + 240, 65))        # resize by its end
    longer = moved.with_(duration=moved.duration + 240)
    assert longer in melody(window) and region.locked_in(1) == {longer}
    region.set_bars(0, 0)
    region.set_bars(0, 1)
    assert region.request().locked == {1: (longer,)}                                  # what Generate keeps
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    assert region.locked_in(1) == {moved}
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    assert region.locked_in(1) == {locked(D4)}
    key(roll, Qt.Key_Z, CTRL_SHIFT)                                                    # redo
    assert region.locked_in(1) == {moved}
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    key(roll, Qt.Key_Z, Qt.ControlModifier)                                            # undo the locking itself
    assert window.session.song == song and region.locked_in(1) == set()
    key(roll, Qt.Key_Z, CTRL_SHIFT)
    assert region.locked_in(1) == {locked(D4)}


def test_nudged_transposed_and_revelocitied_locked_notes_stay_locked(window, roll, song, tmp_path):
    region = window.proposals.region
    lock_by_clicks(window, roll, C4, E4)
    key(roll, Qt.Key_A, Qt.ControlModifier)                                           # all three, D4 unlocked
    key(roll, Qt.Key_Right)                                                           # nudge a 1/16 (120 ticks)
    key(roll, Qt.Key_Up)                                                              # a semitone
    key(roll, Qt.Key_Down, Qt.ShiftModifier)                                          # an octave down
    c4, d4, e4 = (n.with_(start=n.start + 120, pitch=n.pitch - 11) for n in (locked(C4), D4, locked(E4)))
    assert set(melody(window)) == {c4, d4, e4}
    assert region.locked_in(1) == {c4, e4} and saved_locks(window, tmp_path) == {c4, e4}
    lane = window.editor.velocity_lane
    drag(lane, lane_point(lane, c4.start + 2), lane_point(lane, c4.start + 2, 5))     # all selected: all change
    assert all(n.velocity != o.velocity for n, o in zip(sorted(melody(window)), (c4, d4, e4)))
    assert {n.start for n in region.locked_in(1)} == {c4.start, e4.start} and len(region.locked_in(1)) == 2
    undo_all(window.session)
    assert window.session.song == song and region.locked_in(1) == set()
    key(roll, Qt.Key_Z, CTRL_SHIFT)                                                    # redo the locking
    key(roll, Qt.Key_Z, CTRL_SHIFT)                                                    # and the nudge
    assert region.locked_in(1) == {locked(C4).with_(start=120), locked(E4).with_(start=1080)}


def test_a_deleted_locked_note_goes_a_copy_is_unlocked_and_undo_gives_the_locked_note_back(window, roll, song,
                                                                                            tmp_path):
    region = window.proposals.region
    lock_by_clicks(window, roll, D4)
    drag(roll, roll_point(roll, 700, 62), roll_point(roll, 700 + 1920, 62), mods=Qt.AltModifier)   # Alt: a copy
    copy = D4.with_(start=480 + 1920)
    assert copy in melody(window) and locked(D4) in melody(window)
    assert region.locked_in(1) == {locked(D4)}                                        # the copy is a new note
    click(roll, roll_point(roll, 700, 62))
    key(roll, Qt.Key_C, Qt.ControlModifier)
    key(roll, Qt.Key_Delete)
    assert locked(D4) not in melody(window)
    assert region.locked_in(1) == set() and saved_locks(window, tmp_path) == set()
    window.options.set_playhead(480)
    key(roll, Qt.Key_V, Qt.ControlModifier)                                           # the same note, pasted back
    assert D4 in melody(window)
    assert region.locked_in(1) == set()                                               # a pasted note is not locked
    key(roll, Qt.Key_Z, Qt.ControlModifier)                                           # undo the paste
    key(roll, Qt.Key_Z, Qt.ControlModifier)                                           # undo the delete
    assert locked(D4) in melody(window) and region.locked_in(1) == {locked(D4)}
    key(roll, Qt.Key_Z, CTRL_SHIFT)                                                    # redo the delete
    assert region.locked_in(1) == set()
    undo_all(window.session)
    assert window.session.song == song and region.locked_in(1) == set()


def test_locking_a_track_is_an_undo_step_and_undoing_a_track_deletion_brings_its_locks_back(window, roll, song):
    region = window.proposals.region
    lock_by_clicks(window, roll, E4)
    lock = window.track_list.row_for(1).lock
    click(lock, lock.rect().center())
    assert region.locked_tracks == {1} and window.session.song.track(1).locked
    key(roll, Qt.Key_Z, Qt.ControlModifier)                                           # undo the track lock
    assert region.locked_tracks == frozenset() and not lock.isChecked()
    key(roll, Qt.Key_Z, CTRL_SHIFT)
    assert region.locked_tracks == {1} and window.track_list.row_for(1).lock.isChecked()
    assert window.session.current_track_id == 1
    delete = window.track_list.buttons["delete"]
    click(delete, delete.rect().center())
    assert 1 not in {t.id for t in window.session.song.tracks}
    assert region.locked_tracks == frozenset()
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    assert region.locked_tracks == {1} and region.locked_in(1) == {locked(E4)}
    assert window.track_list.row_for(1).lock.isChecked()
    undo_all(window.session)
    assert window.session.song == song and not window.track_list.row_for(1).lock.isChecked()
