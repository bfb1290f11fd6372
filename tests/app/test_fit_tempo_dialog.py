"""The fit-tempo dialog: hits by timecode, targets per hit, errors shown, Apply as one undo step, refusals in one line."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.fit_tempo_dialog import FitTempoDialog
from engine.timecode import song_timecode


@pytest.fixture
def cue(window):
    """24 fps from 01:00:00:00 and three hits marked at timecodes, as a film composer would."""
    from engine.edits import SongPropertiesEdit

    session = window.session
    session.push(SongPropertiesEdit.changing(session.song, "Change timecode",
                                             timecode=song_timecode("24", "01:00:00:00")))
    lane = window.editor.marker_lane
    for name, label in (("Door", "01:00:04:19"), ("Slam", "01:00:12:00"), ("Cut", "01:00:19:05")):
        assert lane.add_hit_at_timecode(label, name)
    return window


def rows(dialog):
    return [[dialog.table.item(r, c).text() for c in range(1, 5)] for r in range(dialog.table.rowCount())]


def test_nearest_downbeats_land_every_hit_within_half_a_frame_and_apply_is_one_undo_step(cue):
    session = cue.session
    before, steps = session.song, session.undo_stack.count()
    dialog = FitTempoDialog(session, cue)
    table = rows(dialog)
    assert [r[:2] for r in table] == [["Door", "01:00:04:19"], ["Slam", "01:00:12:00"], ["Cut", "01:00:19:05"]]
    frames = [float(r[3].split(", ")[1].split(" frames")[0]) for r in table]
    assert all(abs(f) <= 0.5 for f in frames)
    assert dialog.summary.text().startswith("Tempo ") and dialog.buttons.button(QDialogButtonBox.Apply).isEnabled()
    assert dialog.apply()
    song = session.song
    assert session.undo_stack.count() == steps + 1 and len(song.tempos) == 1
    hits = [m for m in song.markers if m.is_hit]
    assert [song.timecode.text_at(h.seconds) for h in hits] == ["01:00:04:19", "01:00:12:00", "01:00:19:05"]
    for hit in hits:                                   # each hit now sits on a bar line, within half a frame
        pos = song.meter_map.position(hit.tick)
        bar_tick = song.meter_map.bar_start(pos.bar + (1 if pos.beat else 0))
        assert abs(song.seconds(bar_tick) - hit.seconds) <= 0.5 / 24
    session.undo_stack.undo()
    assert session.song == before


def test_chosen_targets_a_ramp_and_an_excluded_hit(cue):
    dialog = FitTempoDialog(cue.session, cue)
    dialog.set_target(0, "3")
    dialog.set_target(1, "7.3")
    dialog.set_included(2, False)
    dialog.ramp.setChecked(True)
    table = rows(dialog)
    assert table[0][3].startswith("bar 3 beat 1: ") and table[1][3].startswith("bar 7 beat 3: ") and table[2][3] == ""
    assert dialog.summary.text().startswith("Ramp ")
    assert all(abs(float(r[3].split(": ")[1].split(" ms")[0])) < 1 for r in table[:2])   # two hits, two tempos: exact


def test_no_tempo_fits_is_one_red_line_apply_off_and_nothing_changes(cue):
    before, steps = cue.session.song, cue.session.undo_stack.count()
    dialog = FitTempoDialog(cue.session, cue)
    for row, bar in enumerate(("900", "1000", "1100")):   # 4/4 bars 900+ within 20 s: over 400 BPM
        dialog.set_target(row, bar)
    assert dialog.summary.text().startswith("no tempo between 20 and 400 BPM fits these hits (best fit: ")
    assert "\n" not in dialog.summary.text()
    assert not dialog.buttons.button(QDialogButtonBox.Apply).isEnabled() and not dialog.apply()
    dialog.set_target(0, "soon")
    assert dialog.summary.text() == "target 'soon' of 'Door' is not a bar, bar.beat or 'down'"
    assert cue.session.song is before and cue.session.undo_stack.count() == steps


def test_the_dialog_opens_from_the_marker_lane_menu_signal(cue, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(FitTempoDialog, "exec", lambda self: opened.append(rows(self)) or 0)
    cue.editor.marker_lane.fitRequested.emit()
    assert len(opened) == 1 and len(opened[0]) == 3
