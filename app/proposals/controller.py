"""The proposal feature's wiring: region -> job -> takes -> overlay, and Keep / Discard / Audition.

Everything the user does with proposals goes through here; the panel, menus
and context menus only call these methods. The song changes in exactly one
place, `keep`, through `Session.push` (one undo step); generating, stepping,
auditioning and discarding never touch it. Takes live in `self.takes` and in
the project file (FileController asks `takes_json`, hands back `restore`).

`WARM_UP_MS` after the window is first shown (interactive windows only), a
background job imports torch and loads the model (`job.warm_up`), so the first
Generate does not pay for torch's import on the UI's time; an event-loop probe
runs while it does (`warm_up_delay_ms`). Closing the window cancels it.
"""
from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, QT_TRANSLATE_NOOP

from app.i18n import fill
from app.i18n.terms import role_name
from app.proposals.job import ProposalJob, ProposalRequest, model_file, run_proposal, warm_up
from app.proposals.overlay import TakeOverlay
from app.proposals.panel import ProposalPanel
from app.proposals.probe import EventLoopProbe
from app.proposals.region import RegionState
from composer.proposals.spec import Region
from app.proposals.takes import Take, takes_from_json
from app.roll.options import EditorOptions
from app.session import Session
from app.transport import Transport
from engine.edits import EditError, ReplaceSong
from engine.errors import CadenzaError

# What a task writes, as the status line names it ("Writing 4 takes of bass line…"); translated when shown.
TASK_NAMES = {
    "melody": QT_TRANSLATE_NOOP("ProposalController", "melody"),
    "chords": QT_TRANSLATE_NOOP("ProposalController", "chords"),
    "bass": QT_TRANSLATE_NOOP("ProposalController", "bass line"),
    "accompaniment": QT_TRANSLATE_NOOP("ProposalController", "accompaniment"),
    "drums": QT_TRANSLATE_NOOP("ProposalController", "drums"),
    "fill": QT_TRANSLATE_NOOP("ProposalController", "fill"),
    "continue": QT_TRANSLATE_NOOP("ProposalController", "continuation"),
    "variation-rhythm": QT_TRANSLATE_NOOP("ProposalController", "variation"),
    "variation-contour": QT_TRANSLATE_NOOP("ProposalController", "variation"),
}


WARM_UP_MS = 2000
KEPT = QT_TRANSLATE_NOOP("ProposalController", "Kept; Undo takes it back")
UNDONE = QT_TRANSLATE_NOOP("ProposalController", "Take undone; it is still in the list (Keep applies it again)")


class ProposalController(QObject):
    takesChanged = Signal()
    jobFinished = Signal(str)    # "done", "failed", "cancelled"
    warmedUp = Signal(str)       # "done", "failed", "cancelled"

    def __init__(self, session: Session, options: EditorOptions, transport: Transport, panel: ProposalPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.options = options
        self.transport = transport
        self.panel = panel
        self.region = RegionState(session, self)
        self.overlay = TakeOverlay(self.region)
        self.probe = EventLoopProbe(self)
        self.model_path: str | None = None      # None: the shipped checkpoint in resources/
        self.takes: list[Take] = []
        self.current: int | None = None
        self.last_shown: int | None = None     # the take shown last: ] and [ go on from it once none is shown
        self.job: ProposalJob | None = None
        self.last_delay_ms: float | None = None
        self._auditioning = False
        self._loop_before = None
        self._started = 0.0
        self.warm_timer = QTimer(self)
        self.warm_timer.setSingleShot(True)
        self.warm_timer.setInterval(WARM_UP_MS)
        self.warm_timer.timeout.connect(self.warm_up)
        self.warm_job: ProposalJob | None = None
        self.warm_probe = EventLoopProbe(self)
        self.warm_up_delay_ms: float | None = None   # the event loop's worst lateness while warming up
        self.warm_up_seconds: float | None = None
        self._warm_scheduled = False
        self._kept_step = None          # (undo index after the last Keep, its command): the status follows it; False: closed
        self._kept_shown: frozenset[int] = frozenset()   # the takes the list marks kept (the song holds them)
        self._keeping: tuple | None = None   # (edit, take id) while Keep pushes its step
        panel.generate.clicked.connect(lambda: self.generate())
        panel.cancel.clicked.connect(self.cancel)
        panel.previous.clicked.connect(lambda: self.step(-1))
        panel.next.clicked.connect(lambda: self.step(1))
        panel.keep.clicked.connect(self.keep)
        panel.discard.clicked.connect(self.discard)
        panel.audition.clicked.connect(self.set_audition)
        panel.takes_list.currentItemChanged.connect(self._list_picked)
        transport.stopped.connect(self._audition_stopped)
        self.region.changed.connect(self._show_region)
        session.songChanged.connect(lambda *_: self._show_region())
        session.songChanged.connect(self._song_changed_takes)
        session.add_follower(self._follow_keep)
        session.undo_stack.indexChanged.connect(self._undo_moved)
        self._show_region()
        self._show_takes()

    # --- generating -------------------------------------------------------------------------
    @property
    def auditioning(self) -> bool:
        return self._auditioning

    @property
    def running(self) -> bool:
        return self.job is not None

    def generate(self, task: str | None = None) -> bool:
        """Start a proposal for the region (task: the panel's when None). False, with a message, when it cannot."""
        if self.running:
            self._say(self.tr("A proposal is already running (Cancel stops it)"))
            return False
        if task is not None:
            self.panel.set_task(task)
        settings = self.panel.settings()
        task = settings["task"]
        region = self.region.request(settings["continue_bars"] if task == "continue" else None)
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
        settings = {**self.panel.settings(), **settings, "task": task}
        settings["seed"] = self.panel.next_seed()
        request = ProposalRequest(self.session.song, region, task, settings, self.model_path)
        self._start(partial(run_proposal, request), partial(self._proposed, request))
        self._say(fill(self.tr("Writing %n take(s) of %1…", "", int(settings["takes"])), self.tr(TASK_NAMES[task])))
        return True

    def _start(self, work, on_success) -> None:
        if self._kept_step:     # a new job: the status is about it now
            self._kept_step = None
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

    def _proposed(self, request: ProposalRequest, candidates: list) -> None:
        group = max((t.group for t in self.takes), default=0) + 1
        next_id = max((t.id for t in self.takes), default=0) + 1
        region = request.region
        new = [Take.from_candidate(c, next_id + i, group, (region.first_bar, region.last_bar), request.settings)
               for i, c in enumerate(candidates)]
        self.takes.extend(new)
        self._takes_edited()
        self._show(new[0].id)
        seconds = time.perf_counter() - self._started
        self._finish("done", fill(self.tr("%n take(s) in %1 s; [ and ] step through them, Keep applies one", "",
                                          len(new)), f"{seconds:.1f}"))

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

    # --- warming up --------------------------------------------------------------------------
    def warm_up_when_shown(self, window) -> None:
        """Warm up `WARM_UP_MS` after `window` is first shown (never on the way to showing it)."""
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Show and not self._warm_scheduled:
            self._warm_scheduled = True
            watched.removeEventFilter(self)
            self.warm_timer.start()
        return False

    def warm_up(self) -> bool:
        """Import torch and load the model on a worker thread; False when there is no model file or it is running."""
        if self.warm_job is not None or not model_file(self.model_path).is_file():
            return False
        job = self.warm_job = ProposalJob(partial(warm_up, self.model_path), self)
        job.succeeded.connect(lambda seconds: self._warmed("done", seconds))
        job.failed.connect(self._model_failed)
        job.cancelled.connect(lambda: self._warmed("cancelled"))
        job.finished.connect(job.deleteLater)
        self.warm_probe.start()
        job.start()
        return True

    def _model_failed(self, message: str) -> None:
        """A missing or damaged model: said at once, so the user knows before asking; editing goes on, and
        Generate tries the file again (and says why again) in case it was replaced."""
        self._say(fill(self.tr("No proposals: %1"), message), error=True)
        self._warmed("failed")

    def _warmed(self, outcome: str, seconds: float | None = None) -> None:
        self.warm_up_delay_ms = self.warm_probe.stop()
        self.warm_up_seconds = seconds
        self.warmedUp.emit(outcome)

    def shutdown(self) -> None:
        """Window closing: stop running jobs (the warm-up too) and wait for their threads."""
        self.warm_timer.stop()
        self._warm_scheduled = True
        if self._kept_step is not False:    # once: the stack may be deleted before this object
            self.session.undo_stack.indexChanged.disconnect(self._undo_moved)
        self._kept_step = False
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
    @property
    def current_take(self) -> Take | None:
        return next((t for t in self.takes if t.id == self.current), None)

    def step(self, delta: int) -> None:
        """The previous/next take of the shown take's Generate (wrapping).

        With none shown (after Keep, Undo of a Keep, Discard), it goes on from
        the take shown last, so ] after keeping take 2 shows take 3; the newest
        take when that one is gone too."""
        take = self.current_take
        if take is None:
            last = next((t for t in self.takes if t.id == self.last_shown), None)
            if last is None:
                if self.takes:
                    self._show(self.takes[-1].id)
                return
            take = last
        siblings = [t for t in self.takes if t.group == take.group]
        index = siblings.index(take)
        self._show(siblings[(index + delta) % len(siblings)].id)

    def show_take(self, take_id: int | None) -> None:
        self._show(take_id)

    def keep(self) -> bool:
        """Apply the shown take as one undo step; the take stays in the list, marked kept while the song holds it."""
        take = self.current_take
        if take is None:
            return False
        self.set_audition(False)
        try:
            edit = take.edit(self.session.song)
        except (CadenzaError, EditError, KeyError, ValueError) as error:
            self._say(fill(self.tr("Cannot keep this take: %1"), error), error=True)
            return False
        self._keeping = (edit, take.id)      # `_follow_keep` marks it kept when the step is applied
        try:
            if not self.session.push(edit):
                return False
        finally:
            self._keeping = None
        self._takes_edited()
        self._show(None)
        stack = self.session.undo_stack
        self._kept_step = (stack.index(), stack.command(stack.index() - 1))
        self._say(self.tr(KEPT))
        return True

    def _follow_keep(self, edit, given_back):
        """A Session follower: a Keep's step marks its take kept; undoing the step unmarks it, redoing marks it again.

        (The step hands back (take id, kept) each time it is applied the other way.)
        """
        if given_back is not None:
            take_id, kept = given_back[0], not given_back[1]
        elif self._keeping is not None and edit is self._keeping[0]:
            take_id, kept = self._keeping[1], True
        else:
            return None
        self.takes = [t.with_(kept=kept) if t.id == take_id else t for t in self.takes]
        self._show_takes()
        return take_id, kept

    def _undo_moved(self, index: int) -> None:
        """After Keep, the status follows the undo stack: undone, kept again (redo), or no longer about it."""
        if not self._kept_step:
            return
        kept_at, command = self._kept_step
        if self.session.undo_stack.command(kept_at - 1) is not command:   # history cleared or rewritten
            self._kept_step = None
        elif index < kept_at:
            self._say(self.tr(UNDONE))
        elif index == kept_at:
            self._say(self.tr(KEPT))

    def discard(self) -> None:
        """Drop the shown take; the next take of its Generate (if any) is shown instead."""
        take = self.current_take
        if take is None:
            return
        siblings = [t for t in self.takes if t.group == take.group and t.id != take.id]
        self.takes = [t for t in self.takes if t.id != take.id]
        self._takes_edited()
        self._show(siblings[0].id if siblings else None)

    def takes_json(self) -> list:
        return [t.to_json() for t in self.takes]

    def restore(self, items: list) -> None:
        """A project was opened (or a new song started): its takes, none shown."""
        self.set_audition(False)
        self.takes, skipped = takes_from_json(items)
        self.last_shown = None
        self.region.clear()
        self._show(None)
        if skipped:
            self._say(self.tr("%n saved take(s) could not be read and were left out", "", skipped), error=True)

    def _takes_edited(self) -> None:
        self.session.undo_stack.resetClean()  # takes are saved with the project: there is something to save
        self.takesChanged.emit()

    def _list_picked(self, item, previous) -> None:
        if item is not None:
            take_id = item.data(Qt.UserRole)
            if take_id is not None and take_id != self.current:
                self._show(take_id)

    def _show(self, take_id: int | None) -> None:
        self.current = take_id
        take = self.current_take
        if take is not None:
            self.last_shown = take.id
        self.overlay.take = take
        self._show_takes()
        if take is not None:
            self.region.set_bars(*take.bars)
            warnings = "\n" + "; ".join(take.warnings) if take.warnings else ""
            self.panel.show_message(take.label(take.id in self._kept_shown) + warnings)
            if self._auditioning:
                self._preview(take)
        elif self._auditioning:
            self.set_audition(False)
        self.takesChanged.emit()

    def kept_ids(self) -> frozenset[int]:
        """The takes the song holds now: kept (a Keep not undone) and not written over since."""
        song = self.session.song
        return frozenset(t.id for t in self.takes if t.kept and t.applied_in(song))

    def _song_changed_takes(self, *_) -> None:
        """Undo, Redo or any edit may put a kept take into the song or take it out: the list follows."""
        if self.takes and self.kept_ids() != self._kept_shown:
            self._show_takes()

    def _show_takes(self) -> None:
        self._kept_shown = self.kept_ids()
        self.panel.show_takes(self.takes, self.current, self._kept_shown)

    # --- audition ----------------------------------------------------------------------------
    def set_audition(self, on: bool, start: int | None = None) -> None:
        """Loop the take's bars with the take playing; the document is never changed.

        `start` (a tick before the take) plays from there instead: call-and-response
        loops the recorded phrase and its answer together.
        """
        take = self.current_take
        on = bool(on) and take is not None
        self.panel.audition.setChecked(on)
        if on == self._auditioning:
            return
        self._auditioning = on
        if on:
            self._loop_before = (self.options.loop, self.options.loop_enabled)
            if not self._preview(take):
                self._auditioning = False
                self.panel.audition.setChecked(False)
                return
            loop = (take.ticks[0] if start is None else min(start, take.ticks[0]), take.ticks[1])
            self.options.set(loop=loop, loop_enabled=True)
            self.transport.seek(loop[0])
            self.transport.play()
        else:
            self.transport.set_preview(None)
            if self.transport.is_playing:
                self.transport.stop()
            loop, enabled = self._loop_before or (None, False)
            self.options.set(loop=loop, loop_enabled=enabled)

    def _preview(self, take: Take) -> bool:
        try:
            song = take.edit(self.session.song).apply(self.session.song)
        except (CadenzaError, EditError, KeyError, ValueError) as error:
            self._say(fill(self.tr("Cannot play this take: %1"), error), error=True)
            return False
        self.transport.set_preview(song)
        return True

    def _audition_stopped(self) -> None:
        if self._auditioning:
            self.set_audition(False)

    # --- showing --------------------------------------------------------------------------------
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
