"""Undo and redo: the session's history of changes, each kept with what it replaced.

A step is the list of records one action changed, each with its value before and after
(None: the record did not exist). Undoing writes the before side back, redoing the after
side. Writing is the caller's job (storage/undo_records.py for the store), and it must
first check that every record still holds what this window left there, and refuse with
StaleStep otherwise: an undo never takes back another window's work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Steps kept; the issue asks for at least 50 back within a session.
HISTORY_LIMIT = 200


class StaleStep(Exception):
    """A record no longer holds what this window wrote (changed elsewhere): the step is dropped."""


@dataclass(frozen=True)
class RecordChange:
    kind: str  # where the record lives: "notes", "tags", "title", "brief"
    key: str  # its id within that kind: a note or tag id, a report id, a brief name
    before: Any  # None: the record did not exist before the change
    after: Any  # None: the change removed it

    def inverse(self) -> RecordChange:
        return RecordChange(self.kind, self.key, self.after, self.before)


@dataclass(frozen=True)
class Step:
    what: str  # for the notification, e.g. "new note on ¶3"
    changes: tuple[RecordChange, ...]

    def inverse(self) -> Step:
        return Step(self.what, tuple(change.inverse() for change in reversed(self.changes)))


Apply = Callable[[Step], None]


class UndoHistory:
    """Steps done (undoable) and undone (redoable); a new step clears what was undone."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self._limit = limit
        self._done: list[Step] = []
        self._undone: list[Step] = []

    @property
    def next_undo(self) -> Step | None:
        return self._done[-1] if self._done else None

    @property
    def next_redo(self) -> Step | None:
        return self._undone[-1] if self._undone else None

    def record(self, step: Step) -> None:
        if not step.changes:
            return  # nothing changed (e.g. deleting what another window had deleted)
        self._done.append(step)
        del self._done[:-self._limit]
        self._undone.clear()

    def undo(self, apply: Apply) -> Step | None:
        """Undo the last step with apply(inverse); None when there is nothing to undo."""
        return self._move(self._done, self._undone, apply, Step.inverse)

    def redo(self, apply: Apply) -> Step | None:
        return self._move(self._undone, self._done, apply, lambda step: step)

    @staticmethod
    def _move(source: list[Step], target: list[Step], apply: Apply, direction: Callable[[Step], Step]) -> Step | None:
        if not source:
            return None
        step = source[-1]
        try:
            apply(direction(step))
        except StaleStep:
            source.pop()  # it can never apply again; the steps before it check their own records
            raise
        # Any other failure (a full disk) leaves the step in place, to try again.
        target.append(source.pop())
        return step
