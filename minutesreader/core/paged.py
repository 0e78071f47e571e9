"""The list as the index last saw it, read a page at a time: what a start paints first.

Before the scan has checked a single file, the list is painted from the persisted index.
Making 50,000 summaries for that took seconds; the screen shows 40 rows. So the rows are
a sequence that asks the index for the page holding a row when it is first drawn, and
keeps a few pages; the catalog swaps in its full listing once the files are checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import overload

from minutesreader.core.library import ReportSummary

PAGE = 200
KEPT_PAGES = 8


class PagedRows(Sequence[ReportSummary]):
    """Reports in the list's order, fetched page by page from `fetch(offset, limit)`."""

    def __init__(self, length: int, fetch: Callable[[int, int], list[ReportSummary | None]],
                 every: Callable[[], Iterable[ReportSummary | None]], titled: Callable[[ReportSummary], ReportSummary]) -> None:
        self._length = length
        self._fetch = fetch
        self._every = every  # all rows in order, in one pass: a filter typed before the full list comes
        self._titled = titled  # the user's titles over those read from the files
        self._pages: dict[int, list[ReportSummary]] = {}
        self.fetched = 0  # rows read from the index so far (what a test can count)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> ReportSummary: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[ReportSummary]: ...
    def __getitem__(self, index: int | slice) -> ReportSummary | Sequence[ReportSummary]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        number = index // PAGE
        page = self._pages.get(number)
        if page is None:
            rows = self._fetch(number * PAGE, PAGE)
            self.fetched += len(rows)
            page = [self._titled(row) if row is not None else _damaged(number * PAGE + i) for i, row in enumerate(rows)]
            if len(self._pages) >= KEPT_PAGES:
                del self._pages[next(iter(self._pages))]
            self._pages[number] = page
        offset = index - number * PAGE
        # The index changed under the preview (another window saved it): a blank row
        # until the full listing, moments away, replaces this one.
        return page[offset] if offset < len(page) else _damaged(index)

    def __iter__(self) -> Iterator[ReportSummary]:
        # One pass, not page after page: each page's OFFSET skips the rows before it.
        for index, row in enumerate(self._every()):
            if index >= self._length:
                return
            yield self._titled(row) if row is not None else _damaged(index)


class PagedSummaries(Mapping[str, ReportSummary]):
    """Summaries by id, looked up in the index one at a time."""

    def __init__(self, length: int, find: Callable[[str], ReportSummary | None], ids: Callable[[], list[str]],
                 titled: Callable[[ReportSummary], ReportSummary]) -> None:
        self._length = length
        self._find = find
        self._ids = ids
        self._titled = titled

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, report_id: str) -> ReportSummary:
        summary = self._find(report_id)
        if summary is None:
            raise KeyError(report_id)
        return self._titled(summary)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids())


def _damaged(index: int) -> ReportSummary:
    return ReportSummary(f"#{index}", "", None, "", error="not in the index any more", counted=False)
