"""What the reader's workers tell it: each a message, posted from the worker's thread.

post_message is thread-safe, never waits for the screen, and drops a message to a reader
the user has left; the reader applies each on the UI thread.
"""

from __future__ import annotations

from textual.message import Message

from minutesreader.core.analysis import ReportAnalysis
from minutesreader.core.reports import Paragraph, Report
from minutesreader.session import ReportMarks


class ReportReading(Message):
    """A big report is being read: `size` bytes."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size


class ReportRead(Message):
    """The report (or its first part: `placed` is then None) is read, its notes placed
    (with the revision of the notes taken before they were placed)."""

    def __init__(self, report: Report, analysis: ReportAnalysis, placed: ReportMarks | None) -> None:
        super().__init__()
        self.report = report
        self.analysis = analysis
        self.placed = placed


class ParagraphsRead(Message):
    """More of a big report's paragraphs."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        super().__init__()
        self.paragraphs = paragraphs


class ReportComplete(Message):
    """The last part of a big report is in; its notes are placed on all of it."""

    def __init__(self, placed: ReportMarks) -> None:
        super().__init__()
        self.placed = placed


class ReportFailed(Message):
    """The report cannot be read."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class DirectivesProgress(Message):
    """Directives found in `done` of `total` paragraphs."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class DirectivesFound(Message):
    """Every paragraph analysed: the counts and the outline can be shown."""


class SeriesFound(Message):
    """The library's series are worked out: the heading can name the neighbours."""
