"""Put the proposal feature into a main window: the dock, the Compose menu and the hooks in the roll editor.

The roll, ruler and chord lane know nothing of proposals: they offer generic
hooks (`decorations`, `menu_for`, `context_menu`, `barsSelected`,
`bandSelected`) and this module plugs the feature into them, and into the
track list (region and lock marks), the file controller (takes in the
project), the transport (auditioning a take) and the MIDI keyboard
(call-and-response, learnable Generate and Adventurousness).
"""
from __future__ import annotations

from app.proposals.controller import ProposalController
from app.proposals.learn_style import style_names
from app.proposals.menu import ComposeMenu
from app.proposals.panel import ProposalPanel
from app.roll.reveal import reveal_span


def install_proposals(window) -> ComposeMenu:
    panel = ProposalPanel()
    controller = ProposalController(window.session, window.options, window.transport, panel, window)
    compose = ComposeMenu(window, controller, panel)
    window.menuBar().insertMenu(window.menus.help.menuAction(), compose.menu)
    window.tabifyDockWidget(window.history_dock, compose.dock)
    compose.dock.raise_()
    editor, overlay, region = window.editor, controller.overlay, controller.region
    editor.roll.decorations.append(overlay.paint_roll)
    editor.ruler.decorations.append(overlay.paint_ruler)
    editor.chord_lane.decorations.append(overlay.paint_chords)
    editor.ruler.barsSelected.connect(region.set_bars)
    editor.ruler.menu_for = lambda tick: compose.context_menu() if _inside(region.ticks(), tick) else None
    editor.roll.context_menu = compose.context_menu
    editor.roll.bandSelected.connect(lambda: region.select_notes(window.session.selection))
    track_list = window.track_list
    track_list.regionToggled.connect(region.toggle_track)
    track_list.lockToggled.connect(region.set_track_locked)
    region.changed.connect(lambda: track_list.show_marks(region.track_ids, region.locked_tracks))
    controller.takesChanged.connect(_repainter(editor))
    controller.jobFinished.connect(lambda outcome: outcome == "done" and _reveal(editor, controller.current_take))
    region.changed.connect(_repainter(editor))
    window.files.takes_source = controller.takes_json
    window.files.style_source = lambda: panel.style.currentData()
    window.files.projectShown.connect(lambda project: controller.restore(project.state.takes))
    window.files.projectShown.connect(lambda project: panel.show_styles(style_names(), project.state.style))
    window.midi.use_proposals(controller)   # call-and-response, and the learnable Generate and Adventurousness
    track_list.show_marks(region.track_ids, region.locked_tracks)
    panel.show_styles(style_names())
    if window.files.interactive:   # not in screenshot mode: a batch run never loads the model
        controller.warm.when_shown(window)
    return compose


def _inside(span, tick: float) -> bool:
    return span is not None and span[0] <= tick < span[1]


def _reveal(editor, take) -> None:
    """New takes are shown where they are (a Continue lands right of the screen): app.roll.reveal."""
    if take is not None:
        track = editor.session.current_track
        notes = take.notes.get(track.id, ()) if track is not None else ()
        reveal_span(editor, *take.ticks, (n.pitch for n in notes or (n for ns in take.notes.values() for n in ns)))


def _repainter(editor):
    def repaint(*_) -> None:
        for widget in (editor.roll, editor.ruler, editor.chord_lane):
            widget.update()
    return repaint
