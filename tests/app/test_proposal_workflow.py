"""AI proposals end to end: real widgets, real input, a real tiny checkpoint (trained once per session, seconds).

Select bars on the ruler (Shift+drag) and tracks (Ctrl+click rows), Generate,
step with ] and [, Keep (one undo step back to the original exactly), Discard,
save and reopen with the takes, cancel, a missing checkpoint, locks, chords,
audition, continue, a new sketch, and the event-loop delay while generating.
"""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest

from editor_helpers import chorded_song, click, key, seeded_proposals, select_bars
from app.proposals.takes import KEPT_MARK
from engine.edits import NotesEdit
from engine.project import load_project


JOB_MS = 120_000



@pytest.fixture
def song():
    return chorded_song()


@pytest.fixture
def composer(window, proposal_checkpoint):
    return seeded_proposals(window, proposal_checkpoint, takes=3)


def generate(qtbot, composer, task=None):
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        if task is not None:
            composer.panel.set_task(task)
        click(composer.panel.generate, composer.panel.generate.rect().center())
    return finished.args[0]


def test_generate_step_keep_and_one_undo_back_to_the_original(qtbot, window, composer):
    original = window.session.song
    select_bars(window, 0, 1)
    assert composer.region.bars == (0, 1) and window.options.loop is None   # Shift+drag is not the loop drag
    bass_row = window.track_list.row_for(2)
    QTest.mouseClick(bass_row, Qt.LeftButton, Qt.ControlModifier, bass_row.rect().center())
    assert composer.region.track_ids == (1, 2) and bass_row.in_region
    assert generate(qtbot, composer, task="fill") == "done"
    assert window.session.song is original                                  # takes are not the song
    assert len(composer.takes) == 3 and composer.current == composer.takes[0].id
    assert composer.overlay.take is composer.takes[0]
    assert set(composer.takes[0].notes) == {1, 2}
    assert [t.seed for t in composer.takes] == [11, 12, 13]
    key(window.editor.roll, Qt.Key_BracketRight)
    assert composer.current == composer.takes[1].id
    key(window.editor.roll, Qt.Key_BracketLeft)
    key(window.editor.roll, Qt.Key_BracketLeft)                             # wraps to the last take
    assert composer.current == composer.takes[2].id
    chosen = composer.takes[2]
    key(window.editor.roll, Qt.Key_Return, Qt.ControlModifier)              # Keep
    song = window.session.song
    start, end = chosen.ticks
    for track_id in (1, 2):
        assert tuple(n for n in song.track(track_id).notes if start <= n.start < end) == chosen.notes[track_id]
    assert composer.overlay.take is None and composer.takes[2].kept
    stack = window.session.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Generate takes", "Propose fill"]
    assert composer.panel.status.text() == "Kept; Undo takes it back"
    stack.undo()
    assert window.session.song == original and not composer.takes[2].kept
    assert composer.panel.status.text().startswith("Take undone")          # the status follows the undo stack
    stack.redo()
    assert composer.panel.status.text() == "Kept; Undo takes it back" and composer.takes[2].kept
    stack.undo()
    window.session.push(NotesEdit(1, removed=(window.session.song.track(1).notes[0],)))  # drops the redo
    assert not composer.takes[2].kept and len(composer.takes) == 3
    stack.undo()
    stack.undo()                                                            # the Generate itself
    assert composer.takes == [] and window.session.song == original and composer.overlay.take is None


def test_discard_drops_takes_and_leaves_the_song(qtbot, window, composer):
    original = window.session.song
    select_bars(window, 1, 2)
    assert generate(qtbot, composer, task="melody") == "done"
    first = composer.current
    click(composer.panel.discard, composer.panel.discard.rect().center())
    assert first not in [t.id for t in composer.takes] and len(composer.takes) == 2
    assert composer.current == composer.takes[0].id                         # the next take shows
    key(window.editor.roll, Qt.Key_Backspace, Qt.ControlModifier)
    key(window.editor.roll, Qt.Key_Backspace, Qt.ControlModifier)
    assert composer.takes == [] and composer.overlay.take is None
    stack = window.session.undo_stack
    assert window.session.song == original
    assert [stack.text(i) for i in range(stack.count())] == ["Generate takes"] + ["Discard take"] * 3
    listed = []
    for _ in range(3):
        stack.undo()
        listed.append([t.id for t in composer.takes])
    assert listed == [[first + 2], [first + 1, first + 2], [first, first + 1, first + 2]]   # each back in its place


def test_takes_are_saved_with_the_project_and_restored(qtbot, window, composer, tmp_path):
    select_bars(window, 0, 1)
    assert generate(qtbot, composer, task="bass") == "done"
    composer.keep()
    saved = [t.to_json() for t in composer.takes]
    path = tmp_path / "song.cadenza"
    assert window.files.save_as(str(path))
    assert load_project(path).state.takes == saved
    window.files.new()
    assert composer.takes == []
    assert window.files.open_file(str(path), confirm=False)
    assert [t.to_json() for t in composer.takes] == saved
    assert composer.takes[0].kept and composer.current is None
    key(window.editor.roll, Qt.Key_BracketRight)                            # shows the newest Generate's takes
    assert composer.current is not None
    before = window.session.song
    composer.show_take(composer.takes[1].id)
    assert composer.keep() and window.session.song != before
    window.session.undo_stack.undo()
    assert window.session.song == before


def test_cancel_mid_generation_leaves_the_song_unchanged(qtbot, window, composer):
    original = window.session.song
    composer.panel.takes.setValue(8)
    select_bars(window, 0, 3)
    QTest.mouseClick(window.track_list.row_for(2), Qt.LeftButton, Qt.ControlModifier)
    progressed = []
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        composer.panel.set_task("fill")
        click(composer.panel.generate, composer.panel.generate.rect().center())
        composer.job.progressed.connect(progressed.append)
        qtbot.waitUntil(lambda: bool(progressed) or composer.job is None, timeout=JOB_MS)
        assert composer.panel.cancel.isEnabled()
        click(composer.panel.cancel, composer.panel.cancel.rect().center())
    assert finished.args == ["cancelled"], "the job ended before Cancel reached it"
    assert 0 < progressed[0] < 1
    assert window.session.song == original and composer.takes == []
    assert "nothing changed" in composer.panel.status.text()
    assert composer.panel.generate.isEnabled() and not composer.panel.cancel.isEnabled()


def test_a_missing_checkpoint_says_so_and_the_song_stays(qtbot, window, composer, tmp_path):
    original = window.session.song
    composer.model_path = str(tmp_path / "missing.pt")
    select_bars(window, 0, 0)
    assert generate(qtbot, composer, task="melody") == "failed"
    text = composer.panel.status.text()
    assert "missing.pt" in text and "no composer checkpoint" in text and "\n" not in text
    assert window.session.song == original and composer.takes == []


def test_locked_notes_and_locked_tracks_are_kept(qtbot, window, composer):
    session = window.session
    select_bars(window, 0, 1)
    session.set_selection({session.song.track(1).notes[1]})
    key(window.editor.roll, Qt.Key_L, Qt.ControlModifier | Qt.ShiftModifier)
    locked = session.song.track(1).notes[1]
    QTest.mouseClick(window.track_list.row_for(2), Qt.LeftButton, Qt.ControlModifier)
    click(window.track_list.row_for(2).lock, window.track_list.row_for(2).lock.rect().center())
    assert composer.region.locked_tracks == {2}
    assert generate(qtbot, composer, task="melody") == "done"
    for take in composer.takes:
        assert set(take.notes) == {1}                                       # the locked bass is context only
        assert locked in take.notes[1]
    bass = session.song.track(2).notes
    composer.keep()
    assert locked in session.song.track(1).notes and session.song.track(2).notes == bass


def test_locks_are_saved_with_the_project_and_come_back_on_reopen(qtbot, window, composer, tmp_path):
    session = window.session
    session.set_selection(set(session.song.track(1).notes[:2]))
    key(window.editor.roll, Qt.Key_L, Qt.ControlModifier | Qt.ShiftModifier)   # Lock selected notes
    kept = {n.with_(locked=True) for n in session.song.track(1).notes[:2]}
    assert session.song.track(1).notes[:2] == tuple(sorted(kept))
    click(window.track_list.row_for(2).lock, window.track_list.row_for(2).lock.rect().center())
    assert window.files.dirty                                               # locks are something to save
    path = tmp_path / "locks.cadenza"
    assert window.files.save_as(str(path))
    saved = load_project(path).song
    assert [t.id for t in saved.tracks if t.locked] == [2] and {n for n in saved.track(1).notes if n.locked} == kept
    window.files.new()
    assert not composer.region.locked_tracks
    assert not window.track_list.row_for(1).lock.isChecked()
    assert window.files.open_file(str(path), confirm=False)
    assert not window.files.dirty
    assert window.track_list.row_for(2).lock.isChecked()                    # the padlock is back
    assert composer.region.locked_tracks == {2} and composer.region.locked_in(1) == kept
    select_bars(window, 0, 1)
    QTest.mouseClick(window.track_list.row_for(2), Qt.LeftButton, Qt.ControlModifier)
    assert generate(qtbot, composer, task="melody") == "done"
    for take in composer.takes:
        assert set(take.notes) == {1} and kept <= set(take.notes[1])        # the generation keeps those notes


def test_suggest_chords_writes_the_chord_lane_as_one_step(qtbot, window, composer):
    """The region's bars start with no chord (N.C.), so a kept chord take must show in the lane: Keep doing
    nothing, or writing other chords than the take's, fails here."""
    from composer.proposals.candidate import chord_lane_with
    from engine.chords import ChordEvent
    from engine.edits import SongPropertiesEdit

    session = window.session
    meters = session.song.meter_map
    silent = tuple(c for c in session.song.chords if not meters.bar_start(1) <= c.tick < meters.bar_start(3))
    session.push(SongPropertiesEdit.changing(session.song, chords=silent + (ChordEvent(meters.bar_start(1), None),)))
    original = session.song
    select_bars(window, 1, 2)
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        key(window.editor.roll, Qt.Key_C, Qt.ControlModifier | Qt.AltModifier)
    assert finished.args == ["done"]
    take = composer.current_take
    assert take.task == "chords" and any(c.chord is not None for c in take.chords) and take.notes == {}
    composer.keep()
    start, end = take.ticks
    song = session.song
    assert song.chords == chord_lane_with(original, start, end, take.chords) and song.chords != original.chords
    assert song.tracks == original.tracks
    session.undo_stack.undo()
    assert session.song == original


def test_audition_plays_the_take_without_touching_the_document(qtbot, window, composer):
    original = window.session.song
    select_bars(window, 0, 1)
    assert generate(qtbot, composer, task="melody") == "done"
    take = composer.current_take
    click(composer.panel.audition, composer.panel.audition.rect().center())
    player = window.transport.player
    assert player.is_playing and window.options.loop == take.ticks and window.options.loop_enabled
    start, end = take.ticks
    assert tuple(n for n in player.song.track(1).notes if start <= n.start < end) == take.notes[1]
    assert window.session.song == original
    key(window.editor.roll, Qt.Key_BracketRight)                            # the next take plays instead
    assert tuple(n for n in player.song.track(1).notes if start <= n.start < end) == composer.current_take.notes[1]
    click(composer.panel.audition, composer.panel.audition.rect().center())
    assert not player.is_playing and window.transport.preview is None
    assert window.options.loop is None and player.song == original


def test_continue_appends_bars_after_the_song(qtbot, window, composer):
    original = window.session.song
    composer.panel.continue_bars.setValue(2)
    assert generate(qtbot, composer, task="continue") == "done"
    take = composer.current_take
    assert take.bars == (4, 5) and take.ticks[0] == original.end_tick
    composer.keep()
    assert window.session.song.bar_count() == 6
    window.session.undo_stack.undo()
    assert window.session.song == original


def test_new_sketch_fills_an_empty_song_as_one_undo_step(qtbot, window, composer):
    from app.proposals.sketch import SketchDialog

    window.files.new()
    empty = window.session.song
    assert "New sketch" in composer.panel.region_label.text()
    dialog = SketchDialog(window)
    dialog.bars.setValue(4)
    dialog.parts["drums"].setChecked(False)
    request = dialog.request(seed=5, adventure=5, model_path=composer.model_path)
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        assert composer.new_sketch(request)
    assert finished.args == ["done"]
    song = window.session.song
    assert [t.role.value for t in song.tracks] == ["melody", "bass", "accompaniment"]
    assert [t.name for t in song.tracks] == ["Melody", "Bass", "Accompaniment"]   # named in the interface language
    assert song.chords and song.bar_count() == 4 and song.note_count > 0
    window.session.undo_stack.undo()
    assert window.session.song == empty


def test_the_model_warms_up_in_the_background_after_the_window_is_shown(qtbot, window, composer, tmp_path):
    warm = composer.warm
    assert warm.scheduled                                                   # shown: the single-shot timer ran or runs
    warm.timer.stop()
    missing = composer.model_path
    composer.model_path = str(tmp_path / "missing.pt")
    assert not warm.start()                                                 # no model file: nothing to warm
    composer.model_path = missing
    with qtbot.waitSignal(warm.finished, timeout=JOB_MS) as warmed:
        assert warm.start()
        assert not warm.start()                                             # once per session
    assert warmed.args == ["done"] and warm.delay_ms is not None
    assert gc.isenabled()                                                   # the collector is back on after it
    composer.shutdown()                                                     # cancel-safe: nothing left running
    assert not warm.timer.isActive()


def test_quiet_gc_switches_the_collector_off_once_for_nested_users_and_freezes_what_they_made():
    from app.proposals.job import quiet_gc

    assert gc.isenabled()
    with quiet_gc():
        made = [[i] for i in range(1000)]
        with quiet_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()                                           # the outer user still needs it off
    assert gc.isenabled() and gc.get_freeze_count() >= len(made)
    gc.disable()
    try:
        with quiet_gc():
            pass
        assert not gc.isenabled()                                           # it restores what it found
    finally:
        gc.enable()


def test_the_window_stays_responsive_while_generating(qtbot, window, composer, capsys):
    """Reports the event-loop probe's worst lateness (no timing in pass/fail: the machine is shared)."""
    select_bars(window, 0, 3)
    QTest.mouseClick(window.track_list.row_for(2), Qt.LeftButton, Qt.ControlModifier)
    composer.panel.takes.setValue(8)
    delays = []
    for task in ("fill", "melody", "fill"):
        assert generate(qtbot, composer, task=task) == "done"
        assert composer.probe.samples > 0
        delays.append(round(composer.last_delay_ms, 1))
    with capsys.disabled():
        print(f"\nevent-loop delay during generation (ms, worst per run): {delays}")


def take_rows(composer) -> dict[int, str]:
    """What the panel's take list shows, per take id."""
    listed = composer.panel.takes_list
    return {listed.item(i).data(Qt.UserRole): listed.item(i).text() for i in range(listed.count())
            if listed.item(i).data(Qt.UserRole) is not None}


def test_the_take_list_says_kept_only_while_the_take_is_in_the_song(qtbot, window, composer):
    session, roll = window.session, window.editor.roll
    original = session.song
    select_bars(window, 0, 1)
    assert generate(qtbot, composer, task="melody") == "done"
    first, second = composer.takes[0].id, composer.takes[1].id
    composer.show_take(second)
    key(roll, Qt.Key_Return, Qt.ControlModifier)                            # Keep
    assert take_rows(composer)[second].startswith(KEPT_MARK)
    assert not take_rows(composer)[first].startswith(KEPT_MARK)
    key(roll, Qt.Key_Z, Qt.ControlModifier)                                 # Undo
    assert session.song == original
    assert not take_rows(composer)[second].startswith(KEPT_MARK)          # no longer in the song
    key(roll, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)              # Redo
    assert take_rows(composer)[second].startswith(KEPT_MARK)
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    listed = composer.panel.takes_list
    row = next(listed.item(i) for i in range(listed.count()) if listed.item(i).data(Qt.UserRole) == second)
    mark_end = listed.visualItemRect(row).left() + QFontMetrics(listed.font()).horizontalAdvance(KEPT_MARK)
    assert mark_end < listed.viewport().width()                             # the mark is never scrolled away
    click(listed.viewport(), listed.visualItemRect(row).center())           # it can be kept again
    assert composer.current == second
    click(composer.panel.keep, composer.panel.keep.rect().center())
    assert session.song != original and take_rows(composer)[second].startswith(KEPT_MARK)
    composer.show_take(first)                                               # another take over the same bars
    key(roll, Qt.Key_Return, Qt.ControlModifier)
    rows = take_rows(composer)
    assert rows[first].startswith(KEPT_MARK) and not rows[second].startswith(KEPT_MARK)
    key(roll, Qt.Key_Z, Qt.ControlModifier)                                 # back to the second take
    rows = take_rows(composer)
    assert rows[second].startswith(KEPT_MARK) and not rows[first].startswith(KEPT_MARK)


def test_undoing_the_keep_of_a_take_the_song_already_sounds_like_takes_its_mark_away(window):
    """A take equal to what the bars hold (a model may write that): keeping it changes no note, yet Undo undoes it."""
    from composer.proposals.session import AddTakes, ProjectEdit
    from take_helpers import make_take

    controller, roll = window.proposals, window.editor.roll
    same = window.session.song.track(1).notes_between(0, 1920)
    window.session.push_project(ProjectEdit(None, AddTakes((make_take(99, 1, "melody", (0, 0), (0, 1920),
                                                                      {1: same}),)), "Generate takes"))
    controller.show_take(99)
    assert not take_rows(controller)[99].startswith(KEPT_MARK)
    key(roll, Qt.Key_Return, Qt.ControlModifier)                            # Keep
    assert take_rows(controller)[99].startswith(KEPT_MARK)
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    assert not take_rows(controller)[99].startswith(KEPT_MARK) and not controller.takes[0].kept
    key(roll, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert take_rows(controller)[99].startswith(KEPT_MARK) and controller.takes[0].kept
