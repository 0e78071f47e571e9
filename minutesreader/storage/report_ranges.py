"""Which report each paragraph of the search index belongs to, held in memory.

Tracking a phrase in thousands of reports found each matching paragraph's report,
date and title with two lookups per paragraph (the chunks table, then files): for
"monetary policy", 8,000 paragraphs, that join was half of the count. A report's
paragraphs are written one after the other (storage.search_index._index_file), so their
row ids are one run: the library is a sorted list of runs, and a paragraph's report is
one bisection. Built once (~0.15 s for 10,000 reports) when the timeline opens, before
the phrase is typed, and used only while the index is what it was built from: the
index's listing of files (removed as soon as an update changes a file, written back
when it is through) and titles signature, read in the same read transaction as the
counts.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from minutesreader.storage import word_counts

# Per report file: its first and last paragraph row, how many there are, the first and
# last paragraph's numbers, the report, its date and title; in row order.
_RUNS = """
SELECT r.first, r.last, r.n, (SELECT paragraph FROM chunks WHERE id = r.first),
       (SELECT paragraph FROM chunks WHERE id = r.last), r.report, r.date, coalesce(u.title, r.title)
FROM (SELECT f.report, f.date, f.title,
             (SELECT min(id) FROM chunks WHERE path = f.path) AS first,
             (SELECT max(id) FROM chunks WHERE path = f.path) AS last,
             (SELECT count(*) FROM chunks WHERE path = f.path) AS n
      FROM files AS f WHERE f.error IS NULL) AS r
LEFT JOIN titles AS u ON u.report = r.report WHERE r.first IS NOT NULL ORDER BY r.first
"""
_TOKEN = "SELECT (SELECT value FROM meta WHERE key = 'listing'), (SELECT value FROM meta WHERE key = 'titles')"

Row = tuple[str, int, int, int, "str | None", "str | None"]  # (report, count, paragraph, chunk, date, title)


@dataclass(frozen=True)
class ReportRanges:
    token: tuple[object, object]
    starts: list[int]  # first paragraph row of each report file, ascending
    ends: list[int]
    first_paragraphs: list[int]
    reports: list[str]
    dates: list[str | None]
    titles: list[str | None]
    ranks: list[int]  # each run's place in the order of core.track's rows: by date (undated last), then report

    def per_report(self, chunk_counts: dict[int, int]) -> list[Row]:
        """(report, count, first paragraph, its chunk, date, title) per report holding
        the chunks counted, in date order (undated last, then by report); chunks of no
        report (notes) are left out. A report id of two files (a.txt and a.TXT) is one
        report, as in storage.word_counts: its first paragraph is that of either file."""
        starts, ends = self.starts, self.ends
        found: dict[str, list[int]] = {}  # report: [count, first chunk, run]
        for chunk, count in chunk_counts.items():
            run = bisect_right(starts, chunk) - 1
            if run < 0 or chunk > ends[run]:
                continue  # a note's row
            known = found.get(self.reports[run])
            if known is None:
                found[self.reports[run]] = [count, chunk, run]
            else:
                known[0] += count
                if chunk < known[1]:
                    known[1:] = [chunk, run]
        ranks = self.ranks
        return [(report, count, self.first_paragraphs[run] + chunk - starts[run], chunk, self.dates[run], self.titles[run])
                for report, (count, chunk, run) in sorted(found.items(), key=lambda item: ranks[item[1][2]])]


def token(db: sqlite3.Connection) -> tuple[object, object]:
    """What the ranges were built from; None as listing while an update runs."""
    row = db.execute(_TOKEN).fetchone()
    return (row[0], row[1])


def build(db: sqlite3.Connection) -> ReportRanges | None:
    """The ranges of the index as it is now (call inside a read transaction), or None
    if it is being updated, or a report's rows or paragraph numbers are not one run
    (never written so)."""
    now = token(db)
    if now[0] is None:
        return None
    starts: list[int] = []
    ends: list[int] = []
    paragraphs: list[int] = []
    reports: list[str] = []
    dates: list[str | None] = []
    titles: list[str | None] = []
    for first, last, count, paragraph, last_paragraph, report, date, title in db.execute(_RUNS):
        if not last - first == last_paragraph - paragraph == count - 1 or (starts and first <= ends[-1]):
            return None
        starts.append(first)
        ends.append(last)
        paragraphs.append(paragraph)
        reports.append(report)
        dates.append(date)
        titles.append(title)
    order = sorted(range(len(starts)), key=lambda run: (dates[run] is None, dates[run] or "", reports[run]))
    ranks = [0] * len(order)
    for rank, run in enumerate(order):
        ranks[run] = rank
    return ReportRanges(now, starts, ends, paragraphs, reports, dates, titles, ranks)


class RangedCounting:
    """The search index's reads for counting a phrase with its paragraphs placed in
    their reports (core.track); a part of storage.search_index.SearchIndex."""

    _ranges: ReportRanges | None

    def _connect(self) -> sqlite3.Connection:
        raise NotImplementedError

    def _unreadable(self, exc: sqlite3.DatabaseError) -> Exception:
        raise NotImplementedError

    @staticmethod
    def _in_body(db: sqlite3.Connection, word: str) -> str:
        raise NotImplementedError

    @contextmanager
    def reading(self) -> Iterator[None]:
        """The reads inside see the index as of one moment (the report ranges and the
        counts placed with them); nested, the outer one holds."""
        db = self._connect()
        if db.in_transaction:
            yield
            return
        db.execute("BEGIN")
        try:
            yield
        finally:
            if db.in_transaction:
                db.execute("ROLLBACK")

    def warm_ranges(self) -> None:
        """Build the in-memory map of paragraphs to reports (storage.report_ranges) if
        the index changed since it was built: before a phrase is counted in the app."""
        try:
            with self.reading():
                db = self._connect()
                if self._ranges is None or self._ranges.token != token(db):
                    self._ranges = build(db)
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def ranges(self) -> ReportRanges | None:
        """The map warm_ranges built, if the index is still what it was built from."""
        ranges = self._ranges
        try:
            return ranges if ranges is not None and ranges.token == token(self._connect()) else None
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def word_chunk_counts(self, word: str) -> dict[int, int]:
        """The word's count per report file, keyed by its first paragraph's chunk."""
        try:
            return word_counts.chunk_counts(self._connect(), word)
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def word_place_numbers(self, word: str) -> list[int]:
        """Every place of the word (notes too) as one number: chunk << 32 | word number."""
        try:
            db = self._connect()
            rows = db.execute(f"SELECT (doc << 32) | offset FROM temp.word_places WHERE term = ?{self._in_body(db, word)}", (word,))
            return [number for (number,) in rows]
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def paragraph_count(self, match: str) -> int:
        """How many paragraphs (notes too) match an FTS5 expression."""
        try:
            return int(self._connect().execute("SELECT count(*) FROM chunk_text WHERE chunk_text MATCH ?", (match,)).fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None
