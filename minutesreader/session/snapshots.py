"""What the session hands out to read: frozen values, safe to keep and to pass between threads."""

from __future__ import annotations

from dataclasses import dataclass

from minutesreader.core.records import AnchorResult, Highlight, Note, TagMark


@dataclass(frozen=True)
class ReportMarks:
    """A report's notes, tags and highlights, placed on its current paragraphs, and what could not be placed.

    revision: the report's annotations on disk as they were read (Session.revision):
    a different value later means another window (or the CLI) changed them.
    """

    report: str
    notes: tuple[Note, ...]
    tags: tuple[TagMark, ...]
    orphan_notes: tuple[Note, ...]
    orphan_tags: tuple[TagMark, ...]
    revision: object
    highlights: tuple[Highlight, ...] = ()
    orphan_highlights: tuple[Highlight, ...] = ()

    @property
    def orphan_count(self) -> int:
        return len(self.orphan_notes) + len(self.orphan_tags) + len(self.orphan_highlights)

    @classmethod
    def of(cls, report: str, placed: AnchorResult, revision: object) -> ReportMarks:
        return cls(report, tuple(placed.notes), tuple(placed.tags), tuple(placed.orphan_notes),
                   tuple(placed.orphan_tags), revision, tuple(placed.highlights), tuple(placed.orphan_highlights))


@dataclass(frozen=True)
class TaggedMarks:
    """Every paragraph carrying one tag, across the library, newest report first."""

    tag: str
    marks: tuple[TagMark, ...]
