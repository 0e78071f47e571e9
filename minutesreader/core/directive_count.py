"""The directive counts of a big report, worked out a paragraph at a time.

summarize() reads a report whole, then analyses it: for a 50 MB report the library scan
held ~530 MB and could not stop for seconds, so quitting waited on it. Here the report
is read in parts (core.report_parts) and each paragraph is analysed and forgotten; the
generator yields after every paragraph, so whoever drives it can stop between any two,
and closing it releases the file. The counts are those of summarize(): the paragraphs
are the same, and a list under a lead-in carries over from one paragraph to the next
as analyze_report carries it.

    counting = summarize_in_parts(path, classifier)
    for _ in counting: ...            # stop here at will (counting.close())
    # or: summary = yield from summarize_in_parts(path, classifier)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING

from minutesreader.core.categories import CATEGORIES
from minutesreader.core.language import has_directive_rules
from minutesreader.core.library import ReportSummary, ReportUnreadable, name_problem, summarize
from minutesreader.core.report_parts import NotUtf8, read_in_parts
from minutesreader.core.reports import Paragraph, report_id_for

if TYPE_CHECKING:
    from minutesreader.core.directives import DirectiveClassifier

# Below this a report is summarised whole: reading in parts pays only for big files.
COUNT_IN_PARTS_ABOVE = 1_000_000


def summarize_in_parts(path: Path, classifier: DirectiveClassifier) -> Generator[None, None, ReportSummary]:
    """summarize(path, classifier), yielding after each paragraph analysed."""
    if name_problem(path):
        return summarize(path, classifier)  # listed as unreadable, as summarize says
    try:
        info = path.stat()
        size, mtime_ns = info.st_size, info.st_mtime_ns
        report, later = read_in_parts(path)
    except (OSError, ReportUnreadable):
        return summarize(path, classifier)  # which says what is wrong, as for any report
    counts: Counter[str] = Counter()
    words = 0
    tally = _Tally(classifier, has_directive_rules(report.language))
    try:
        for paragraph in report.paragraphs:
            words += tally.add(paragraph, counts)
            yield
        for paragraphs in later:
            for paragraph in paragraphs:
                words += tally.add(paragraph, counts)
                yield
    except NotUtf8:
        return summarize(path, classifier)  # decoded as a whole, as every command reads it
    finally:
        close = getattr(later, "close", None)
        if close is not None:
            close()  # the file's mapping, when the count is stopped part way
    by_category = {category: counts.get(category, 0) for category in CATEGORIES} if tally.ruled else {}
    return ReportSummary(report_id_for(path), str(path), report.date, report.title, by_category, words, size, mtime_ns)


class _Tally:
    """Directives counted paragraph by paragraph, with the lead-in that runs across them."""

    def __init__(self, classifier: DirectiveClassifier, ruled: bool) -> None:
        self.classifier = classifier
        self.ruled = ruled
        self.lead_in: str | None = None

    def add(self, paragraph: Paragraph, counts: Counter[str]) -> int:
        """Count the paragraph's directives into `counts`; its words."""
        if self.ruled:
            # Here, not at the top: a listing never counts, and the rules take a good
            # part of a command's start to compile.
            from minutesreader.core.analysis import analyze_paragraph, trailing_lead_in

            sentences = analyze_paragraph(paragraph, self.classifier, self.lead_in)
            self.lead_in = trailing_lead_in(sentences, self.lead_in)
            counts.update(s.directive.category for s in sentences if s.directive)
        return paragraph.text.count(" ") + 1
