"""Choosing what a proposal writes (no model needed): ruler gestures, track rows, rubber band, panel settings, takes JSON."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.proposals.panel import ProposalPanel
from editor_helpers import drag, roll_point


def ruler_x(window, tick: int) -> int:
    return round(window.editor.ruler.view.x_of(tick))


def test_shift_drag_selects_bars_and_plain_drag_still_sets_the_loop(window):
    ruler, bar = window.editor.ruler, window.session.song.meter_map.bar_start(1)
    y = ruler.height() // 2
    drag(ruler, QPoint(ruler_x(window, bar // 4), y), QPoint(ruler_x(window, bar + bar // 2), y), mods=Qt.ShiftModifier)
    assert window.proposals.region.bars == (0, 1) and window.options.loop is None
    drag(ruler, QPoint(ruler_x(window, 0), y), QPoint(ruler_x(window, bar), y))
    assert window.options.loop == (0, bar) and window.proposals.region.bars == (0, 1)
    QTest.mouseClick(ruler, Qt.LeftButton, Qt.ShiftModifier, QPoint(ruler_x(window, 2 * bar + 10), y))
    assert window.proposals.region.bars == (2, 2)                      # Shift+click: one bar
    assert "Bar 3" in window.proposals.panel.region_label.text()


def test_ctrl_click_rows_chooses_tracks_and_the_lock_button_locks(window):
    region, rows = window.proposals.region, window.track_list
    assert region.track_ids == (1,)                                      # the current track by default
    QTest.mouseClick(rows.row_for(2), Qt.LeftButton, Qt.ControlModifier)
    assert region.track_ids == (1, 2) and window.session.current_track_id == 1
    assert rows.row_for(1).in_region and rows.row_for(2).in_region
    QTest.mouseClick(rows.row_for(1), Qt.LeftButton, Qt.ControlModifier)
    assert region.track_ids == (2,) and not rows.row_for(1).in_region
    QTest.mouseClick(rows.row_for(2).lock, Qt.LeftButton)
    assert region.locked_tracks == {2}
    region.set_bars(0, 0)
    assert region.request() == "Every track of the region is locked: unlock one to write into it"


def test_a_rubber_band_over_notes_sets_the_region_to_their_bars(window, roll):
    window.edit_toolbar.tool_actions["Select"].trigger()
    drag(roll, roll_point(roll, 500, 66), roll_point(roll, 1200, 59))
    assert len(window.session.selection) == 2
    assert window.proposals.region.bars == (0, 0) and window.proposals.region.track_ids == (1,)


def test_generate_without_a_region_says_what_to_do(window):
    assert not window.proposals.generate("melody")
    assert "Shift+drag on the ruler" in window.proposals.panel.status.text()
    assert window.proposals.job is None


def test_panel_settings_persist(qtbot):
    panel = ProposalPanel()
    qtbot.addWidget(panel)
    panel.adventure.setValue(8)
    panel.density.setCurrentIndex(panel.density.findData("busy"))
    panel.seed_locked.setChecked(True)
    panel.seed.setValue(4242)
    panel.set_task("bass")
    again = ProposalPanel()
    qtbot.addWidget(again)
    assert again.settings() == panel.settings()
    assert again.next_seed() == 4242                                     # a locked seed stays


