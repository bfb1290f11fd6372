"""Call and response: play a phrase on the keyboard, and the model answers it with the bars that follow.

A mode beside Record (MIDI menu and toolbar). While it is on, every recording
that puts notes in the song is a *call*. When the recording stops (R, Space,
the play button, a learned Record pad) the phrase is already in the song as
its own undo step (the recorder's "Record"), and the proposal controller is
asked for the *answer*: takes for the bars right after the phrase, on the
recorded track, through the same job worker (off the UI thread, cancellable),
take list and overlay as Generate. When they arrive the first take plays at
once through the controller's audition, looped from the phrase's first bar,
so the player hears the call and then the answer; Keep (one undo step),
Discard, [ and ] work on them as on any take.

Why the answer waits for the stop, with no automatic stop after N bars: the
phrase may be as long as the player needs and is never cut off a beat early,
and a learned Record pad stops it without leaving the keyboard.

Where the phrase lies: from the bar where recording started to the bar where
its last note ends; a release up to an eighth note into the next bar still
belongs to the bar before (players let go late). The answer is `answer_bars`
long (MIDI preferences; 0 = as long as the phrase). Where the phrase ends the
song, the answer is the composer's `continue` (it appends bars); where the
song goes on after the phrase, a `fill` of those bars on that track, because
`continue` only writes after the song's last bar. Both keep the song's key,
see the phrase (and the other tracks) as context and write the track in its
own role.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.i18n import fill
from app.midi_input import preferences
from app.midi_input.recording import RecordController
from app.proposals.controller import ProposalController
from composer.proposals.spec import Region
from app.session import Session
from engine.notes import Note
from engine.song import Song


def phrase_bars(song: Song, start_tick: int, notes: tuple[Note, ...]) -> tuple[int, int]:
    """The first and last bar (0-based, inclusive) of a recorded phrase (see the module docstring)."""
    meters = song.meter_map
    late = song.ticks_per_quarter // 2
    last = max(max(n.start for n in notes), max(n.end for n in notes) - 1 - late)
    first = meters.position(start_tick).bar
    return first, max(first, meters.position(last).bar)


def answer_request(song: Song, track_id: int, phrase: tuple[int, int], bars: int,
                   locked: frozenset[Note] = frozenset()) -> tuple[Region, str]:
    """The region and task of the answer: `bars` bars after the phrase on its track."""
    first = phrase[1] + 1
    last = first + bars - 1
    start, end = song.meter_map.bar_range(first, last)
    kept = tuple(sorted(n for n in locked if start <= n.start < end))
    task = "continue" if first >= song.bar_count() else "fill"
    return Region(first, last, (track_id,), {track_id: kept} if kept else {}), task


class CallResponse(QObject):
    stateChanged = Signal()

    def __init__(self, session: Session, recording: RecordController, proposals: ProposalController,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.recording, self.proposals = session, recording, proposals
        self.enabled = False
        self._play_from: int | None = None    # an answer is being written: audition from this tick when it comes
        recording.takeRecorded.connect(self._answer)
        proposals.jobFinished.connect(self._answered)

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        self.session.message.emit(self.tr("Call and response: record a phrase; the model answers when you stop")
                                  if self.enabled else self.tr("Call and response off"))
        self.stateChanged.emit()

    @property
    def answering(self) -> bool:
        return self._play_from is not None

    def _answer(self, take) -> None:
        """A take is in the song: ask for the bars after it (the proposal runs off the UI thread)."""
        if not self.enabled:
            return
        if not take.notes:
            self.session.message.emit(self.tr("Call and response: no notes to answer"))
            return
        song = self.session.song
        phrase = phrase_bars(song, take.start_tick, take.notes)
        bars = preferences.load().answer_bars or phrase[1] - phrase[0] + 1
        region, task = answer_request(song, take.track_id, phrase, bars,
                                      self.proposals.region.locked_in(take.track_id))
        if self.proposals.propose(region, task, continue_bars=bars):
            self._play_from = song.meter_map.bar_start(phrase[0])
            self.session.message.emit(fill(self.tr("Answering bars %1–%2 with bars %3–%4…"), phrase[0] + 1,
                                           phrase[1] + 1, region.first_bar + 1, region.last_bar + 1))

    def _answered(self, outcome: str) -> None:
        """The answer's job ended: play call and answer, unless the player is already recording again."""
        start, self._play_from = self._play_from, None
        if start is not None and outcome == "done" and not self.recording.recording:
            self.proposals.set_audition(True, start)
