"""What a write did: the record every session write returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One write through the session, as the screens need to hear of it.

    kind: what happened ("note added", "note edited", "note re-added", "note deleted",
    "tags changed", "reattached", "annotation deleted", "title", "details", "series",
    "brief", "brief renamed", "brief deleted", "tag renamed", "tag deleted", "undone",
    "redone").
    reports, ids, tags, briefs: what it touched (reports whose notes or tags changed,
    note and tag mark ids, tag names, brief names).
    count: how many records a library-wide change touched (a tag rename: its paragraphs
    and notes).
    revision: the session's write counter after this change: a snapshot taken at an
    earlier revision may be out of date.
    """

    kind: str
    revision: int
    reports: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    briefs: tuple[str, ...] = ()
    count: int = 0
    what: str = ""  # an undo or redo: the name of the step it went through
