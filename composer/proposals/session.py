"""The proposal session: the takes of a project, the take shown, and the edits that change them.

Qt-free, so the rules of takes can be tested without a window and any front
end (the editor, a script) uses the same ones. What is *project state* (the
takes, their groups and kept marks) changes only through `TakesEdit`s, values
that know their inverse like the song's edits: the editor pushes them on the
same undo history as the song (a Keep is one undo step that changes the song
and marks the take), so Undo and Redo restore the take list exactly and the
history's clean state says honestly whether there is something to save.
What the user is looking at (the take shown, the one shown last) is not
project state and changes directly.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from composer.proposals.candidate import Candidate
from composer.proposals.takes import Take, as_saved, takes_from_json
from engine.edits import Edit, EditError
from engine.song import Song


class TakesEdit(ABC):
    """A change of the take list: `apply(takes) -> takes` (EditError when it does not fit) and its `inverse()`."""

    @abstractmethod
    def apply(self, takes: tuple[Take, ...]) -> tuple[Take, ...]:
        """The take list after this edit."""

    @abstractmethod
    def inverse(self) -> TakesEdit:
        """The edit that takes the result of `apply` back."""


@dataclass(frozen=True)
class AddTakes(TakesEdit):
    """Takes appended at the end of the list (one Generate's candidates)."""

    takes: tuple[Take, ...]

    def apply(self, takes):
        ids = {t.id for t in takes}
        if any(t.id in ids for t in self.takes):
            raise EditError("a take with this number is already in the list")
        return takes + self.takes

    def inverse(self):
        return RemoveTakes(self.takes)


@dataclass(frozen=True)
class RemoveTakes(TakesEdit):
    """Takes taken out of the list; undone, they come back where they were (`positions`, in list order)."""

    takes: tuple[Take, ...]
    positions: tuple[int, ...] | None = None    # None: they were the last ones (the inverse of AddTakes)

    def apply(self, takes):
        if any(t not in takes for t in self.takes):
            raise EditError("a take to remove is not in the list")
        return tuple(t for t in takes if t not in self.takes)

    def inverse(self):
        if self.positions is None:
            return AddTakes(self.takes)
        return InsertTakes(self.takes, self.positions)


@dataclass(frozen=True)
class InsertTakes(TakesEdit):
    """Takes put back at `positions` (the inverse of a Discard)."""

    takes: tuple[Take, ...]
    positions: tuple[int, ...]

    def apply(self, takes):
        out = list(takes)
        for take, position in sorted(zip(self.takes, self.positions), key=lambda pair: pair[1]):
            out.insert(min(position, len(out)), take)
        return tuple(out)

    def inverse(self):
        return RemoveTakes(self.takes, self.positions)


@dataclass(frozen=True)
class MarkKept(TakesEdit):
    """Kept marks from `before` to `after` (take id -> kept)."""

    before: tuple[tuple[int, bool], ...]
    after: tuple[tuple[int, bool], ...]

    def apply(self, takes):
        current = {t.id: t.kept for t in takes}
        if any(current.get(take_id) != kept for take_id, kept in self.before):
            raise EditError("the takes' kept marks changed since this edit was made")
        after = dict(self.after)
        return tuple(t.with_(kept=after[t.id]) if t.id in after else t for t in takes)

    def inverse(self):
        return MarkKept(self.after, self.before)


@dataclass(frozen=True)
class ProjectEdit:
    """One undo step of project state: an edit of the song, of the takes, or both (a Keep)."""

    song: Edit | None = None
    takes: TakesEdit | None = None
    label: str = "Edit"

    def inverse(self) -> ProjectEdit:
        return ProjectEdit(None if self.song is None else self.song.inverse(),
                           None if self.takes is None else self.takes.inverse(), self.label)


class ProposalSession:
    """The takes of one project and which of them the user is looking at."""

    def __init__(self) -> None:
        self.takes: tuple[Take, ...] = ()
        self.current: int | None = None        # the take shown (as an overlay), None: none
        self.last_shown: int | None = None     # ] and [ go on from it once none is shown

    # --- reading ----------------------------------------------------------------------------
    def take(self, take_id: int | None) -> Take | None:
        return next((t for t in self.takes if t.id == take_id), None)

    @property
    def current_take(self) -> Take | None:
        return self.take(self.current)

    def kept_ids(self) -> frozenset[int]:
        return frozenset(t.id for t in self.takes if t.kept)

    # --- project state: edits ----------------------------------------------------------------
    def apply(self, edit: TakesEdit) -> None:
        """Apply a takes edit (the undo history calls this both ways); a take no longer listed is not shown."""
        self.takes = edit.apply(self.takes)
        if self.current_take is None:
            self.current = None

    def added(self, candidates: list[Candidate], bars: tuple[int, int], controls: dict) -> AddTakes:
        """The edit that lists one Generate's candidates as a new group."""
        group = max((t.group for t in self.takes), default=0) + 1
        first = max((t.id for t in self.takes), default=0) + 1
        return AddTakes(tuple(Take(first + i, group, as_saved(c), bars, dict(controls))
                              for i, c in enumerate(candidates)))

    def keep(self, song: Song) -> ProjectEdit:
        """The one step that puts the shown take into `song` and marks it kept (a kept take it writes over is
        unmarked in the same step); raises EditError, KeyError or ValueError when it no longer fits the song."""
        take = self.current_take
        if take is None:
            raise EditError("no take is shown")
        song_edit = take.edit(song)
        song_edit.apply(song)                       # a take that no longer fits says so before anything changes
        over = [t for t in self.takes if t.kept and t.id != take.id and t.overlaps(take)]
        before = tuple((t.id, t.kept) for t in [take, *over])
        after = ((take.id, True),) + tuple((t.id, False) for t in over)
        return ProjectEdit(song_edit, MarkKept(before, after), song_edit.label)

    def discard(self) -> tuple[RemoveTakes, int | None] | None:
        """(the edit that drops the shown take, the take of its Generate to show next), None when none is shown."""
        take = self.current_take
        if take is None:
            return None
        siblings = [t for t in self.takes if t.group == take.group and t.id != take.id]
        return RemoveTakes((take,), (self.takes.index(take),)), siblings[0].id if siblings else None

    def restore(self, items: list) -> int:
        """A project's takes replace the list (not an edit: opening clears the history); returns how many
        saved entries could not be read."""
        takes, skipped = takes_from_json(items)
        self.takes, self.current, self.last_shown = tuple(takes), None, None
        return skipped

    def to_json(self) -> list:
        return [t.to_json() for t in self.takes]

    # --- what is shown ---------------------------------------------------------------------------
    def show(self, take_id: int | None) -> Take | None:
        self.current = take_id if self.take(take_id) is not None else None
        if self.current is not None:
            self.last_shown = self.current
        return self.current_take

    def step(self, delta: int) -> Take | None:
        """Show the previous/next take of the shown take's Generate (wrapping).

        With none shown (after Keep, Undo of a Keep, Discard), it goes on from
        the take shown last, so ] after keeping take 2 shows take 3; the newest
        take when that one is gone too."""
        take = self.current_take or self.take(self.last_shown)
        if take is None:
            return self.show(self.takes[-1].id) if self.takes else None
        siblings = [t for t in self.takes if t.group == take.group]
        return self.show(siblings[(siblings.index(take) + delta) % len(siblings)].id)

