"""The proposal feature's wiring: the user's intents -> the proposal session, jobs, overlay and panel.

Everything the user does with proposals goes through here; the panel, menus
and context menus only call these methods. What is project state (the takes,
their kept marks, the song) lives in the Qt-free `ProposalSession`
(`session.proposals`, composer.proposals.session) and changes only as steps
on the one undo history (`Session.push_project`): Generate lists its takes,
Keep puts a take into the song and marks it kept, Discard drops one; each is
one undo step. Showing a take, stepping through takes and auditioning change
nothing that is saved. The model warms up in the background
(app.proposals.warm_up); audition lives in app.proposals.audition.
"""
from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal, QT_TRANSLATE_NOOP

from app.i18n import fill
from app.i18n.terms import role_name, task_noun
from app.proposals.audition import TakeAudition
from app.proposals.controls import composer_controls
from app.proposals.job import ProposalJob, ProposalRequest, run_proposal
from app.proposals.overlay import TakeOverlay
from app.proposals.panel import ProposalPanel
from app.proposals.probe import EventLoopProbe
from app.proposals.region import RegionState
from app.proposals.takes import take_label
from app.proposals.warm_up import ModelWarmUp
from app.roll.options import EditorOptions
from app.session import Session
from app.transport import Transport
from composer.proposals.session import ProjectEdit
from composer.proposals.spec import Region, Task
from composer.proposals.takes import Take
from composer.proposals.tasks import TASKS, task_for_role
from engine.edits import EditError, ReplaceSong
from engine.errors import CadenzaError
from engine.instruments import is_drum_kit

KEPT = QT_TRANSLATE_NOOP("ProposalController", "Kept; Undo takes it back")
UNDONE = QT_TRANSLATE_NOOP("ProposalController", "Take undone; it is still in the list (Keep applies it again)")


class ProposalController(QObject):
    takesChanged = Signal()
    jobFinished = Signal(str)    # "done", "failed", "cancelled"

    def __init__(self, session: Session, options: EditorOptions, transport: Transport, panel: ProposalPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.proposals = session.proposals
        self.panel = panel
        self.region = RegionState(session, self)
        self.overlay = TakeOverlay(self.region)
        self.audition = TakeAudition(options, transport, self)
        self.probe = EventLoopProbe(self)
        self.model_path: str | None = None      # None: the shipped checkpoint in resources/
        self.warm = ModelWarmUp(lambda: self.model_path, self)
        self.job: ProposalJob | None = None
        self.last_delay_ms: float | None = None
        self._started = 0.0
        self._kept = self.proposals.kept_ids()    # what the status last said was kept
        panel.generate.clicked.connect(lambda: self.generate())
        panel.cancel.clicked.connect(self.cancel)
        panel.previous.clicked.connect(lambda: self.step(-1))
        panel.next.clicked.connect(lambda: self.step(1))
        panel.keep.clicked.connect(self.keep)
        panel.discard.clicked.connect(self.discard)
        panel.audition.clicked.connect(self.set_audition)
        panel.takes_list.itemClicked.connect(self._list_picked)       # a user's pick, never a list refresh
        panel.takes_list.itemActivated.connect(self._list_picked)
        self.audition.message.connect(lambda text: self._say(text, error=True))
        transport.stopped.connect(lambda: self.panel.audition.setChecked(self.audition.on))
        self.warm.failed.connect(self._model_failed)
        self.region.changed.connect(self._show_region)
        session.songChanged.connect(lambda *_: self._show_region())
        session.takesChanged.connect(self._takes_changed)
        session.currentTrackChanged.connect(self._write_for_track)
        self._show_region()
        self._show_takes()

    # --- reading ----------------------------------------------------------------------------------
    @property
    def takes(self) -> list[Take]:
        return list(self.proposals.takes)

    @property
    def current(self) -> int | None:
        return self.proposals.current

    @property
    def current_take(self) -> Take | None:
        return self.proposals.current_take

    @property
    def auditioning(self) -> bool:
        return self.audition.on

    @property
    def running(self) -> bool:
        return self.job is not None

    # --- generating -------------------------------------------------------------------------
    def generate(self, task: str | None = None) -> bool:
        """Start a proposal for the region (task: the panel's when None). False, with a message, when it cannot."""
        if self.running:
            self._say(self.tr("A proposal is already running (Cancel stops it)"))
            return False
        if task is not None:
            self.panel.set_task(task)
        settings = self.panel.settings()
        task = settings["task"]
        try:
            region = self.region.request(settings["continue_bars"] if task == "continue" else None)
        except CadenzaError as error:
            region = str(error)
        if isinstance(region, str):
            self._say(region, error=True)
            return False
        if task == "chords":
            region = Region(region.first_bar, region.last_bar)
        elif not region.track_ids:
            self._say(self.tr("Add a track first"), error=True)
            return False
        return self.propose(region, task)

    def propose(self, region: Region, task: str, **settings) -> bool:
        """Start takes of `task` for `region` with the panel's settings (overridden by `settings`).

        Generate asks here for the selected region; call-and-response asks for
        the bars after a recorded phrase, without touching the panel's task.
        """
        if self.running:
            self._say(self.tr("A proposal is already running (Cancel stops it)"))
            return False
        words = {**self.panel.settings(), **settings, "task": task}
        words["seed"] = self.panel.next_seed()
        try:
            controls = composer_controls(self.session.song, region, words)
        except CadenzaError as error:
            self._say(str(error), error=True)
            return False
        request = ProposalRequest(self.session.song, region, Task(task), controls, words.get("style"), self.model_path)
        self._start(partial(run_proposal, request), partial(self._proposed, region, words))
        self._say(fill(self.tr("Writing %n take(s) of %1…", "", controls.candidates), task_noun(task)))
        return True

    def _start(self, work, on_success) -> None:
        self.job = ProposalJob(work, self)
        self.job.progressed.connect(lambda value: self.panel.progress.setValue(round(value * 100)))
        self.job.succeeded.connect(on_success)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.job.finished.connect(self.job.deleteLater)  # its thread may still be returning after the result
        self.panel.show_running(True)
        self._started = time.perf_counter()
        self.probe.start()
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self._say(self.tr("Cancelling…"))

    def _proposed(self, region: Region, words: dict, candidates: list) -> None:
        """The takes are listed as one undo step (Undo takes the whole Generate back), the first one shown;
        each records the panel's words it was made with (the take list says them)."""
        added = self.proposals.added(candidates, (region.first_bar, region.last_bar), words)
        self.session.push_project(ProjectEdit(None, added, "Generate takes"))
        self._show(added.takes[0].id)
        seconds = time.perf_counter() - self._started
        self._finish("done", fill(self.tr("%n take(s) in %1 s; [ and ] step through them, Keep applies one", "",
                                          len(added.takes)), f"{seconds:.1f}"))

    def _failed(self, message: str) -> None:
        """The composer's reason (English for now: composer/ has no translations) after a translated lead."""
        self._finish("failed", fill(self.tr("Proposal failed: %1"), message), error=True)

    def _cancelled(self) -> None:
        self._finish("cancelled", self.tr("Cancelled: nothing changed"))

    def _finish(self, outcome: str, text: str, error: bool = False) -> None:
        self.job = None  # the next Generate may start now
        self.last_delay_ms = self.probe.stop()
        self.panel.show_running(False)
        self._say(fill(self.tr("%1 (UI delay ≤ %2 ms)"), text,
                       f"{self.last_delay_ms:.0f}") if outcome == "done" else text,
                  error)
        self.jobFinished.emit(outcome)

    def _model_failed(self, message: str) -> None:
        """A missing or damaged model: said at once; editing goes on, and Generate tries the file again."""
        self._say(fill(self.tr("No proposals: %1"), message), error=True)

    def shutdown(self) -> None:
        """Window closing: stop running jobs (the warm-up too) and wait for their threads."""
        self.warm.stop()
        for job in self.findChildren(ProposalJob):
            job.cancel()
            job.wait()

    # --- a new sketch -------------------------------------------------------------------------
    def new_sketch(self, request) -> bool:
        from app.proposals.sketch import run_sketch

        if self.running:
            self._say(self.tr("A proposal is already running (Cancel stops it)"))
            return False
        before = self.session.song
        self._start(partial(run_sketch, request), partial(self._sketched, before))
        self._say(fill(self.tr("Composing a sketch of %n bar(s): %1…", "", request.bars),
                       self.tr(", ").join(role_name(p) for p in request.parts)))
        return True

    def _sketched(self, before, song) -> None:
        if self.session.song is before:
            from engine.markers import keep_picture   # the cue's timecode, markers and fitted tempo stay
            self.session.push(ReplaceSong(before, keep_picture(before, song), self.tr("New sketch")))
            self._finish("done", self.tr("Sketch written; Undo takes it back"))
        else:
            self._finish("failed", self.tr("The song changed while the sketch was written; it was not applied"),
                         error=True)

    # --- takes ----------------------------------------------------------------------------------
    def step(self, delta: int) -> None:
        """The previous/next take of the shown take's Generate (wrapping); see ProposalSession.step."""
        take = self.proposals.step(delta)
        self._show(None if take is None else take.id)

    def show_take(self, take_id: int | None) -> None:
        self._show(take_id)

    def keep(self) -> bool:
        """Put the shown take into the song and mark it kept: one undo step (Undo unmarks it too)."""
        if self.current_take is None:
            return False
        self.set_audition(False)
        try:
            edit = self.proposals.keep(self.session.song)
        except (CadenzaError, EditError, KeyError, ValueError) as error:
            self._say(fill(self.tr("Cannot keep this take: %1"), error), error=True)
            return False
        if not self.session.push_project(edit):   # the status says "Kept" (_takes_changed)
            return False
        self._show(None)
        return True

    def discard(self) -> bool:
        """Drop the shown take (one undo step); the next take of its Generate (if any) is shown instead."""
        dropping = self.proposals.discard()
        if dropping is None:
            return False
        edit, next_take = dropping
        shown = self.current
        self.proposals.show(next_take)          # shown before the step, so an audition plays on into it
        if not self.session.push_project(ProjectEdit(None, edit, "Discard take")):
            self.proposals.show(shown)
            return False
        self._show(next_take)
        return True

    def takes_json(self) -> list:
        return self.proposals.to_json()

    def restore(self, items: list) -> None:
        """A project was opened (or a new song started): its takes, none shown."""
        self.set_audition(False)
        skipped = self.proposals.restore(items)
        self._kept = self.proposals.kept_ids()
        self.region.clear()
        self._show(None)
        if skipped:
            self._say(self.tr("%n saved take(s) could not be read and were left out", "", skipped), error=True)

    def _takes_changed(self) -> None:
        """An undo step changed the takes (Generate, Keep, Discard, or their Undo/Redo): the list follows,
        and the status says when a kept mark came or went (Keep, its Undo, its Redo)."""
        kept = self.proposals.kept_ids()
        if kept - self._kept:
            self._say(self.tr(KEPT))
        elif self._kept - kept:
            self._say(self.tr(UNDONE))
        self._kept = kept
        if self.current_take is None and self.audition.on:
            self.set_audition(False)
        self.overlay.take = self.current_take
        self._show_takes()
        self.takesChanged.emit()

    def _list_picked(self, item) -> None:
        take_id = item.data(Qt.UserRole) if item is not None else None
        if take_id is not None and take_id != self.current:
            self._show(take_id)

    def _show(self, take_id: int | None) -> None:
        take = self.proposals.show(take_id)
        self.overlay.take = take
        self._show_takes()
        if take is not None:
            self.region.set_bars(*take.bars)
            warnings = "\n" + "; ".join(take.warnings) if take.warnings else ""
            self.panel.show_message(take_label(take) + warnings)
            if self.audition.on:
                self.audition.show(take, self.session.song)
        elif self.audition.on:
            self.set_audition(False)
        self.takesChanged.emit()

    def _show_takes(self) -> None:
        self.panel.show_takes(self.proposals.takes, self.current)

    # --- audition ----------------------------------------------------------------------------
    def set_audition(self, on: bool, start: int | None = None) -> None:
        """Loop the shown take's bars with the take playing (app.proposals.audition); the document never changes."""
        take = self.current_take
        if on and take is not None:
            self.audition.start(take, self.session.song, start)
        else:
            self.audition.stop()
        self.panel.audition.setChecked(self.audition.on)

    # --- showing --------------------------------------------------------------------------------
    def _write_for_track(self, *_) -> None:
        """The Write box follows the selected track: a task that names a part becomes the track's own part
        (Fill for a chords or other track); Fill, Continue, the variations and Chords stay as chosen."""
        track = self.session.current_track
        chosen = TASKS.get(self.panel.settings()["task"])
        if track is None or chosen is None or chosen.role is None:
            return
        self.panel.set_task(task_for_role("drums" if is_drum_kit(track) or track.is_drums else track.role.value))

    def _show_region(self) -> None:
        song = self.session.song
        bars = self.region.bars
        names = [song.track(t).name or fill(self.tr("Track %1"),
                                            song.track_index(t) + 1) for t in self.region.track_ids]
        locked = [song.track(t).name for t in self.region.track_ids if t in self.region.locked_tracks]
        comma = self.tr(", ")
        if bars is None:
            where = self.tr("No bars selected: Shift+drag on the ruler, or draw a rubber band over notes.")
        elif bars[1] > bars[0]:
            where = fill(self.tr("Bars %1–%2"), bars[0] + 1, bars[1] + 1)
        else:
            where = fill(self.tr("Bar %1"), bars[0] + 1)
        tracks = comma.join(names) or self.tr("(none)")
        lines = [where, fill(self.tr("Tracks: %1 (locked: %2)"), tracks, comma.join(locked)) if locked
                 else fill(self.tr("Tracks: %1"), tracks)]
        if song.note_count == 0:
            lines.append(self.tr("An empty song: try New sketch… below."))
        text = "\n".join(lines)
        self.panel.region_label.setText(text)
        self.panel.sketch.setDefault(song.note_count == 0)
        self.takesChanged.emit()

    def _say(self, text: str, error: bool = False) -> None:
        self.panel.show_message(text, error)
        self.session.message.emit(text)
