"""The catalog: what the library list knows of every report, kept fresh cheaply.

Summaries (title, date, directive counts) come from a persisted index, re-read per file
only when its size or modification time changed, so a start reads only what changed.
Annotation counts, tags and user titles come from the store.

A scan runs in stages, each yielding progress so the list is usable as it fills:
the list as the index last saw it (rows read as they are drawn: a start costs the same
at any size), listing (index entries, or a cheap read of the first paragraph for new
files), counting directives for new files (in worker processes when there are many),
the filter's text (kept in the index, read only for reports it lacks), then the tags of
every report (for the filter).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from minutesreader.core.directive_count import COUNT_IN_PARTS_ABOVE, summarize_in_parts
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.file_stat import size_and_mtime
from minutesreader.core.library import (
    ReportSummary,
    ReportUnreadable,
    list_many,
    read_report_text,
    report_paths,
    summarize,
    summarize_many,
)
from minutesreader.core.library_order import ordered_ids
from minutesreader.core.listing import Listing, TextsInMemory
from minutesreader.core.paged import PagedRows, PagedSummaries

if TYPE_CHECKING:  # imported when a pool is needed: they cost a start 40 ms
    from concurrent.futures import Future, ProcessPoolExecutor

PROGRESS_EVERY_SECONDS = 0.1
LISTING_GROWTH = 1.25  # a first start's list is shown again when it has grown by this much
# Reports larger than this are not held in memory for the filter.
MAX_FILTER_BYTES = 2_000_000
# Reading a new report costs ~0.3 ms, counting its directives ~2 ms: past this many
# reports, worker processes share the work.
POOL_ABOVE = 200
POOL_BATCH = 40
HELD_TEXTS = 5_000  # texts kept from a first start's listing for the index (~30 MB)
TEXT_BATCH = 50  # texts written to the index a transaction: ~0.1 s, so a quit need not wait
T = TypeVar("T")


class SummaryIndex(Protocol):
    """What the catalog keeps between starts (storage/library_index.py)."""

    def count(self) -> tuple[int, int]: ...
    def page(self, offset: int, limit: int, sort: str = "date") -> list[ReportSummary | None]: ...
    def find(self, report_id: str) -> ReportSummary | None: ...
    def ids(self) -> list[str]: ...
    def every(self, sort: str = "date") -> list[ReportSummary | None]: ...
    def entries(self) -> dict[str, ReportSummary]: ...
    def put(self, summary: ReportSummary) -> None: ...
    def put_text(self, summary: ReportSummary, text: str) -> None: ...
    def text_signatures(self) -> dict[str, tuple[int, int]]: ...
    def containing(self, term: str) -> frozenset[str]: ...
    def flush(self, texts: int | None = None) -> int: ...
    def forget(self, paths: list[str]) -> None: ...


@dataclass(frozen=True, slots=True)
class ScanProgress:
    done: int
    total: int
    final: bool = False
    # listing | counting | text | tags: what is being done; the list is complete from "counting" on.
    stage: str = "listing"


class Catalog:
    def __init__(self, folder: Path, classifier: DirectiveClassifier, store: Any, index: SummaryIndex | None = None) -> None:
        self.folder = folder
        self.classifier = classifier
        self.store = store
        self.index = index
        # The working state below is written by the scan (a worker) and by updates (the
        # UI thread), one at a time under the lock, and never handed out: readers get
        # `listing`, a snapshot made by _publish.
        self._lock = threading.RLock()
        self._raw: dict[str, ReportSummary] = {}  # as read from the files
        self._summaries: dict[str, ReportSummary] = {}  # with the user's titles
        self._order: list[str] | None = None  # ids in the list's order; None when to sort again
        self._unreadable = 0  # counted when sorting
        # Casefolded text for the filter when there is no index to keep it (tests, one-offs).
        self._texts: dict[str, str] = {}
        self._listing = Listing()
        self.note_counts: dict[str, int] = {}  # notes + tagged paragraphs: tells which reports changed
        self.notes_by_report: dict[str, int] = {}  # notes alone: what the library shows
        self.tag_names: list[str] = []
        self.report_tags: dict[str, frozenset[str]] | None = None  # None until the scan read them
        self.titles: dict[str, str] = {}
        self.scanning = False
        self._pool: ProcessPoolExecutor | None = None  # during a scan with many files to read
        self.sort = "date"  # the list's order (core/library_order.py)
        # The store is read by scan() (a worker), not here: building the app must not
        # parse 100,000 annotations on the UI thread.

    # -- the snapshot -----------------------------------------------------------------
    @property
    def listing(self) -> Listing:
        """The reports as of the last update: immutable, safe to read from any thread."""
        return self._listing

    @property
    def summaries(self) -> Mapping[str, ReportSummary]:
        return self._listing.summaries

    @property
    def ordered(self) -> Sequence[ReportSummary]:
        return self._listing.ordered

    @property
    def version(self) -> int:
        return self._listing.version

    def _publish(self) -> None:
        """Swap in a new listing made from the working state."""
        with self._lock:
            summaries = dict(self._summaries)
            # Another order than the date's follows what the scan and the store change
            # (counts, notes, titles): sorted again each time (~50 ms at 50,000 reports).
            if self._order is None or self.sort != "date":
                self._order = ordered_ids(summaries, self.sort, self.notes_by_report)
                self._unreadable = sum(1 for summary in summaries.values() if summary.error)
            ordered = tuple(summaries[report] for report in self._order)
            report_tags = self.report_tags
            self._listing = Listing(
                summaries=MappingProxyType(summaries),
                ordered=ordered,
                version=self._listing.version + 1,
                texts=self.index if self.index is not None else TextsInMemory(dict(self._texts)),
                unreadable=self._unreadable,
                tag_names=tuple(self.tag_names),
                report_tags=MappingProxyType(report_tags) if report_tags is not None else None,
                notes_by_report=MappingProxyType(dict(self.notes_by_report)),
                hay_memo=self._listing.hay_memo,
            )

    # -- reports -------------------------------------------------------------------
    def scan(self) -> Iterator[ScanProgress]:
        """Read the folder, yielding progress now and then; raises LibraryError."""
        self.scanning = True
        try:
            if self.store is not None:
                self.titles = self.store.titles()  # cheap; the counts wait until the list is shown
            if self.index is not None and not self._raw:
                shown = self._preview(self.index)
                if shown:
                    yield ScanProgress(shown, shown)
            keys = report_paths(self.folder)
            total = len(keys)
            seen: dict[str, ReportSummary] = {}
            missing: list[str] = []
            last = time.monotonic()
            # The list is painted from the index at once; each file is then checked, and
            # any that changed since is read again (and its row replaced).
            listed, vanished = self._listed(keys)
            if listed:
                for summary in listed.values():
                    self._set(summary)
                    seen[summary.id] = summary
                self._publish()
                yield ScanProgress(len(seen), total)
            for key in keys:
                known = listed.get(key)
                if known is None or size_and_mtime(key) != (known.size, known.mtime_ns):
                    missing.append(key)
            published = len(seen)
            held = 0
            for results in self._batches(missing, list_many):
                for summary, body in results:
                    # The text read with the listing is kept until the list is complete,
                    # up to a bound: at 100,000 reports all of it held ~1 GB. The rest is
                    # read again when the texts are indexed (0.3 ms a file, 2 ms to index).
                    if held < HELD_TEXTS or self.index is None:
                        held += 1
                        self._put_text(summary, body)
                    if self.index is not None and summary.mtime_ns:
                        self.index.put(summary)
                    self._set(summary)
                    seen[summary.id] = summary
                if time.monotonic() - last > PROGRESS_EVERY_SECONDS:
                    last = time.monotonic()
                    # Each new listing is sorted here and drawn whole by the list: made
                    # every 0.1 s, a first start of 100,000 reports spent most of its
                    # time on it. Made when the list has grown by a quarter, the work is
                    # linear in the library; the progress count still moves every 0.1 s.
                    if len(seen) >= published * LISTING_GROWTH:
                        published = len(seen)
                        self._publish()
                    yield ScanProgress(len(seen), total)
            with self._lock:
                for gone in set(self._summaries) - set(seen):
                    del self._summaries[gone]
                    self._raw.pop(gone, None)
                    self._texts.pop(gone, None)
                    self._order = None
            if self.index is not None:
                self.index.forget(vanished)  # files the index held that are gone
                self.index.flush(texts=0)  # the list as read, even if the counting is cut short
            self._publish()
            yield ScanProgress(total, total, stage="counting")  # the list is complete
            self.refresh_annotations()
            yield from self._count([s for s in seen.values() if not s.counted])
            if self.index is not None:
                self.index.flush(texts=0)
            yield ScanProgress(total, total, stage="text")
            yield from self._read_texts(list(seen.values()))
            self._publish()
            yield ScanProgress(total, total, stage="tags")
            self._read_tags()
        finally:
            self.scanning = False
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
        yield ScanProgress(total, total, final=True, stage="tags")

    def set_sort(self, sort: str) -> None:
        """Put the list in another order (one of library_order.SORTS); a new listing follows."""
        with self._lock:
            self.sort = sort
            self._order = None
            if not self._raw and self.index is not None:
                self._preview(self.index)  # still painted from the index: ask it for that order
            else:
                self._publish()

    def _preview(self, index: SummaryIndex) -> int:
        """Show the list as the index last saw it, rows read as drawn; how many it holds."""
        count, unreadable = index.count()
        if count:
            titled = self._titled
            sort = self.sort
            self._listing = Listing(
                summaries=PagedSummaries(count, index.find, index.ids, titled),
                ordered=PagedRows(count, lambda offset, limit: index.page(offset, limit, sort), lambda: index.every(sort), titled),
                version=self._listing.version + 1,
                texts=index,
                unreadable=unreadable,
            )
        return count

    def _listed(self, keys: list[str]) -> tuple[dict[str, ReportSummary], list[str]]:
        """What the index holds for these files, as last seen (not checked yet), and the
        files it holds that are gone."""
        if self.index is None:
            return {}, []
        entries = self.index.entries()
        listed = {key: entries.pop(key) for key in keys if key in entries}
        return listed, list(entries)

    def _set(self, summary: ReportSummary) -> None:
        with self._lock:
            before = self._raw.get(summary.id)
            if before is None or before.date != summary.date or before.error != summary.error:
                self._order = None
            self._raw[summary.id] = summary
            self._summaries[summary.id] = self._titled(summary)

    def _count(self, pending: list[ReportSummary]) -> Iterator[ScanProgress]:
        """Count the directives of reports listed but not counted yet, progress as they come."""
        total = len(self._summaries)
        done = total - len(pending)
        if not pending:
            return
        last = time.monotonic()
        small = [s.path for s in pending if s.size <= COUNT_IN_PARTS_ABOVE]
        for results in self._batches(small, summarize_many, self.classifier):
            for summary in results:
                self._set(summary)
                if self.index is not None and summary.mtime_ns:
                    self.index.put(summary)
            done += len(results)
            if time.monotonic() - last > PROGRESS_EVERY_SECONDS:
                last = time.monotonic()
                if self.index is not None:
                    # Kept as they come: counting 100,000 reports takes many minutes on
                    # a busy machine, and a quit before the end lost every count made.
                    self.index.flush(texts=0)
                self._publish()
                yield ScanProgress(done, total, stage="counting")
        # A big report is counted here, a paragraph at a time, with progress between
        # them: whole, a 50 MB one held ~530 MB and kept a quit waiting for seconds.
        for listed in [s for s in pending if s.size > COUNT_IN_PARTS_ABOVE]:
            counting = summarize_in_parts(Path(listed.path), self.classifier)
            try:
                while True:
                    next(counting)
                    if time.monotonic() - last > PROGRESS_EVERY_SECONDS:
                        last = time.monotonic()
                        yield ScanProgress(done, total, stage="counting")
            except StopIteration as finished:
                counted: ReportSummary = finished.value
            finally:
                counting.close()  # the scan was abandoned (a quit): stop reading at once
            self._set(counted)
            if self.index is not None and counted.mtime_ns:
                self.index.put(counted)
            done += 1
        self._publish()

    def _batches(self, paths: list[str], work: Callable[..., list[T]], *args: Any) -> Iterator[list[T]]:
        """work(batch, *args) over batches of paths, results as they come: in worker
        processes when there are many (reading and classifying are pure Python, and in a
        thread they would hold the GIL against the UI), here otherwise."""
        batches = [paths[i:i + POOL_BATCH] for i in range(0, len(paths), POOL_BATCH)]
        workers = os.cpu_count() or 1
        if self._pool is None and len(paths) > POOL_ABOVE and workers > 1:
            try:
                self._pool = _process_pool(workers)
            except (OSError, ValueError):
                pass  # no processes to be had: work here
        if self._pool is None or len(paths) <= POOL_ABOVE:
            for batch in batches:
                yield work(batch, *args)
            return
        from concurrent.futures import FIRST_COMPLETED, wait

        queue = list(reversed(batches))
        running: set[Future[Any]] = set()
        while queue or running:
            while queue and len(running) < workers * 2:
                running.add(self._pool.submit(work, queue.pop(), *args))
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()

    def update(self, path: Path) -> ReportSummary:
        """Re-read one report (after it was opened and found changed)."""
        summary = summarize(path, self.classifier)
        if self.index is not None and summary.mtime_ns:
            self.index.put(summary)
        body = _body_text(Path(summary.path)) if not summary.error and summary.size <= MAX_FILTER_BYTES else None
        with self._lock:
            self._set(summary)
            self._texts.pop(summary.id, None)
            if body is not None:
                self._put_text(summary, body)
        if self.index is not None:
            self.index.flush()
        self._publish()
        return self.summaries[summary.id]

    def _titled(self, summary: ReportSummary) -> ReportSummary:
        title = self.titles.get(summary.id)
        if title and not summary.error:
            return replace(summary, title=title)
        return summary

    # -- the filter's text ---------------------------------------------------------------
    def _put_text(self, summary: ReportSummary, body: bytes | str) -> None:
        if summary.size > MAX_FILTER_BYTES:
            return
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        if self.index is not None:
            if summary.mtime_ns:
                self.index.put_text(summary, text)
        else:
            with self._lock:
                self._texts[summary.id] = text

    def _read_texts(self, summaries: list[ReportSummary]) -> Iterator[ScanProgress]:
        """Text for every report the index lacks (or holds as of an older file), read and
        written a batch at a time: a first start of 50,000 reports takes a while, and a
        quit must not wait for it."""
        wanted = [s for s in summaries if not s.error and s.size <= MAX_FILTER_BYTES]
        if self.index is None:
            for summary in wanted:
                if summary.id not in self._texts:
                    self._put_text(summary, _body_text(Path(summary.path)))
            return
        held = self.index.text_signatures()
        stale = [s for s in wanted if held.get(s.path) != (s.size, s.mtime_ns)]
        for summary in summaries:
            held.pop(summary.path, None)
        self.index.forget(list(held))  # texts of files no longer in the library
        last = time.monotonic()
        # The texts read with the listing first (a first start), then those the index lacks.
        while self.index.flush(texts=TEXT_BATCH):
            if time.monotonic() - last > PROGRESS_EVERY_SECONDS:
                last = time.monotonic()
                yield ScanProgress(len(summaries), len(summaries), stage="text")
        for number, summary in enumerate(stale, 1):
            self._put_text(summary, _body_text(Path(summary.path)))
            if number % TEXT_BATCH == 0:
                self.index.flush()
            if time.monotonic() - last > PROGRESS_EVERY_SECONDS:
                last = time.monotonic()
                yield ScanProgress(len(summaries), len(summaries), stage="text")
        self.index.flush()

    # -- annotations -------------------------------------------------------------------
    def refresh_annotations(self, changed: list[str] | None = None) -> None:
        """Re-read counts and titles from the store. Tags are re-read for the reports in
        `changed` (opened since) and those whose annotation count changed (here or in
        another window); a rescan re-reads them all."""
        if self.store is None:
            return
        totals = self.store.annotation_totals()
        before, self.note_counts = self.note_counts, totals.note_counts
        self.notes_by_report = totals.notes_per_report
        changed = list(changed or ())
        changed += [report for report in before.keys() | self.note_counts.keys()
                    if before.get(report) != self.note_counts.get(report)]
        self.titles = self.store.titles()
        self.tag_names = list(totals.tag_counts)
        if self.report_tags is not None and changed:
            report_tags = dict(self.report_tags)
            for report in changed:
                report_tags[report] = frozenset(mark.tag for mark in self.store.tags(report))
            self.report_tags = report_tags
        with self._lock:
            self._summaries = {report_id: self._titled(summary) for report_id, summary in self._raw.items()}
            self._publish()

    def _read_tags(self) -> None:
        """The tags on each report's paragraphs, from the store's index of them (kept by
        shard signature, as the counts are): parsing 1,024 shards took 40% of a scan."""
        if self.store is None:
            self.report_tags = {}
            self._publish()
            return
        self.report_tags = {report: tags for report, tags in self.store.report_tags().items()
                            if tags and report in self.listing.summaries}
        self._publish()

    def title_of(self, report_id: str, derived: str) -> str:
        return self.titles.get(report_id) or derived


def _body_text(path: Path) -> str:
    # Filter terms never hold whitespace, so the text needs no normalising, only casefolding.
    try:
        return read_report_text(path).casefold()
    except ReportUnreadable:
        return ""


def _process_pool(workers: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context, resource_tracker

    # The pool's resource tracker is started with the process's stderr; under Textual
    # sys.stderr is a capture whose fileno() is -1, which the start refuses.
    saved = sys.stderr
    try:
        if sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_lower_priority)


def _lower_priority() -> None:
    try:
        os.nice(10)
    except OSError:
        pass
