"""The film composer's path end to end: hits by timecode, fit, a 16-bar sketch, the bars around a hit regenerated.

Real widgets and a real tiny checkpoint (trained once per test session). The
hits must come through the sketch and the regeneration at their timecodes and
still on their bar lines, and each step must be one undo step.
"""
from __future__ import annotations

from editor_helpers import click, seeded_proposals, select_bars
from engine.edits import SongPropertiesEdit
from engine.timecode import song_timecode

JOB_MS = 120_000
HITS = (("Door", "01:00:04:19"), ("Slam", "01:00:12:00"), ("Cut", "01:00:19:05"))


def hit_report(song):
    """(timecode, seconds off its nearest bar line) of every hit point."""
    report = []
    for hit in (m for m in song.markers if m.is_hit):
        meters = song.meter_map
        bar = meters.position(hit.tick).bar
        nearest = min((meters.bar_start(bar), meters.bar_start(bar + 1)), key=lambda t: abs(song.seconds(t) - hit.seconds))
        report.append((song.timecode.text_at(hit.seconds), abs(song.seconds(nearest) - hit.seconds)))
    return report


def test_hits_fit_then_a_sketch_and_a_regeneration_keep_them_on_the_beat(qtbot, window, proposal_checkpoint):
    from app.fit_tempo_dialog import FitTempoDialog
    from app.proposals.sketch import SketchDialog

    session = window.session
    composer = seeded_proposals(window, proposal_checkpoint, takes=2)
    window.files.new()
    session.push(SongPropertiesEdit.changing(session.song, "Change timecode",
                                             timecode=song_timecode("24", "01:00:00:00")))
    for name, label in HITS:
        assert window.editor.marker_lane.add_hit_at_timecode(label, name)
    dialog = FitTempoDialog(session, window)
    assert dialog.apply()
    fitted = session.song
    assert [tc for tc, _ in hit_report(fitted)] == [label for _, label in HITS]
    assert all(off <= 0.5 / 24 for _, off in hit_report(fitted))

    sketch = SketchDialog(window)
    sketch.bars.setValue(16)
    sketch.parts["drums"].setChecked(False)
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        assert composer.new_sketch(sketch.request(seed=5, adventure=5, model_path=composer.model_path))
    assert finished.args == ["done"]
    song = session.song
    assert song.bar_count() >= 16 and song.note_count > 0
    assert (song.tempos, song.timecode, song.markers) == (fitted.tempos, fitted.timecode, fitted.markers)

    slam = next(m for m in song.markers if m.text == "Slam")
    bar = song.meter_map.position(slam.tick).bar
    select_bars(window, bar - 1, bar + 1)
    assert composer.region.bars == (bar - 1, bar + 1)
    with qtbot.waitSignal(composer.jobFinished, timeout=JOB_MS) as finished:
        composer.panel.set_task("melody")
        click(composer.panel.generate, composer.panel.generate.rect().center())
    assert finished.args == ["done"]
    steps = session.undo_stack.count()
    composer.keep()
    assert session.undo_stack.count() == steps + 1
    after = session.song
    assert after != song
    assert (after.tempos, after.timecode, after.markers) == (song.tempos, song.timecode, song.markers)
    assert [tc for tc, _ in hit_report(after)] == [label for _, label in HITS]
    assert all(off <= 0.5 / 24 for _, off in hit_report(after))
