"""The catalog: what the library list knows of every report, kept fresh cheaply.

Summaries (title, date, directive counts) come from a persisted index, re-read per file
only when its size or modification time changed, so a start reads only what changed.
Annotation counts, tags and user titles come from the store.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.library import ReportSummary, ReportUnreadable, read_report_text, report_files, summarize
from minutesreader.core.text import normalise_space

PROGRESS_EVERY_SECONDS = 0.1
# Reports larger than this are not held in memory for the filter.
MAX_FILTER_BYTES = 2_000_000


class SummaryIndex(Protocol):
    def get(self, path: str, size: int, mtime_ns: int) -> ReportSummary | None: ...
    def put(self, summary: ReportSummary) -> None: ...
    def save(self, keep: set[str]) -> None: ...


@dataclass(frozen=True, slots=True)
class ScanProgress:
    done: int
    total: int
    final: bool = False


class Catalog:
    def __init__(self, folder: Path, classifier: DirectiveClassifier, store: Any, index: SummaryIndex | None = None) -> None:
        self.folder = folder
        self.classifier = classifier
        self.store = store
        self.index = index
        self.raw: dict[str, ReportSummary] = {}  # as read from the files
        self.summaries: dict[str, ReportSummary] = {}  # with the user's titles
        self.bodies: dict[str, str] = {}  # casefolded text, for the filter
        self.ordered: list[ReportSummary] = []
        self.note_counts: dict[str, int] = {}
        self.tag_names: list[str] = []
        self._tag_matches: dict[str, set[str]] = {}
        self.titles: dict[str, str] = {}
        self.scanning = False
        self.refresh_annotations()

    # -- reports -------------------------------------------------------------------
    def scan(self) -> Iterator[ScanProgress]:
        """Read the folder, yielding progress now and then; raises LibraryError."""
        self.scanning = True
        try:
            paths = report_files(self.folder)
            seen: dict[str, ReportSummary] = {}
            last = time.monotonic()
            for done, path in enumerate(paths, 1):
                summary = self._summary(path)
                seen[summary.id] = summary
                self.raw[summary.id] = summary
                self.summaries[summary.id] = self._titled(summary)
                if time.monotonic() - last > PROGRESS_EVERY_SECONDS:
                    last = time.monotonic()
                    self._order()
                    yield ScanProgress(done, len(paths))
            for gone in set(self.summaries) - set(seen):
                del self.summaries[gone]
                self.raw.pop(gone, None)
                self.bodies.pop(gone, None)
            if self.index is not None:
                self.index.save({s.path for s in seen.values()})
            self._order()
            yield ScanProgress(len(paths), len(paths))
            # The list is usable now; the text for the filter follows.
            for summary in seen.values():
                if summary.id not in self.bodies and not summary.error and summary.size <= MAX_FILTER_BYTES:
                    self.bodies[summary.id] = _body_text(Path(summary.path))
        finally:
            self.scanning = False
        yield ScanProgress(len(paths), len(paths), final=True)

    def _summary(self, path: Path) -> ReportSummary:
        if self.index is not None:
            try:
                stat = path.stat()
            except OSError:
                stat = None
            if stat is not None:
                cached = self.index.get(str(path), stat.st_size, stat.st_mtime_ns)
                if cached is not None:
                    return cached
        summary = summarize(path, self.classifier)
        if self.index is not None and summary.mtime_ns:
            self.index.put(summary)
        return summary

    def update(self, path: Path) -> ReportSummary:
        """Re-read one report (after it was opened and found changed)."""
        summary = self._summary(path)
        self.raw[summary.id] = summary
        self.summaries[summary.id] = self._titled(summary)
        self.bodies.pop(summary.id, None)
        self._order()
        return self.summaries[summary.id]

    def _titled(self, summary: ReportSummary) -> ReportSummary:
        title = self.titles.get(summary.id)
        if title and not summary.error:
            return replace(summary, title=title)
        return summary

    def _order(self) -> None:
        # Newest first; undated reports after dated ones; then by title.
        self.ordered = sorted(self.summaries.values(), key=lambda s: (s.date is not None, s.date or "", s.id), reverse=True)

    # -- annotations -------------------------------------------------------------------
    def refresh_annotations(self) -> None:
        if self.store is None:
            return
        self.note_counts = self.store.note_counts()
        self.titles = self.store.titles()
        self.tag_names = list(self.store.tag_counts())
        self._tag_matches: dict[str, set[str]] = {}
        self.summaries = {report_id: self._titled(summary) for report_id, summary in self.raw.items()}
        self._order()

    def reports_tagged_like(self, term: str) -> set[str]:
        """Reports with a tag containing `term` (casefolded); cached until the store changes."""
        if term not in self._tag_matches:
            reports: set[str] = set()
            for tag in self.tag_names:
                if term in tag.casefold():
                    reports.update(mark.report for mark in self.store.tagged(tag))
            self._tag_matches[term] = reports
        return self._tag_matches[term]

    def title_of(self, report_id: str, derived: str) -> str:
        return self.titles.get(report_id) or derived


def filter_reports(catalog: Catalog, query: str) -> list[ReportSummary]:
    """Reports matching every word of the query in title, date, id, tags or text."""
    terms = query.casefold().split()
    if not terms:
        return catalog.ordered
    matches = []
    tagged = [catalog.reports_tagged_like(term) for term in terms]
    bodies = catalog.bodies
    for summary in catalog.ordered:
        hay = f"{summary.title} {summary.date_label} {summary.id}".casefold()
        body = bodies.get(summary.id, "")
        if all(term in hay or summary.id in tags or term in body for term, tags in zip(terms, tagged)):
            matches.append(summary)
    return matches


def _body_text(path: Path) -> str:
    try:
        return normalise_space(read_report_text(path)).casefold()
    except ReportUnreadable:
        return ""
