"""The orders the library list can be sorted in.

Newest first is the list's own order (and the ties of every other one): a report list
is read by date. The others put first what a reader looks for: a title A to Z, the
reports with most directives, those with most of your notes. The index holds the rows
in the same orders (storage/library_index.py), so a list painted before the files are
checked is already sorted; notes live in the store, not there, so until the scan has
read them that order paints newest first.
"""

from __future__ import annotations

from collections.abc import Mapping

from minutesreader.core.library import ReportSummary

SORTS = ("date", "title", "directives", "notes")
SORT_LABELS = {
    "date": "newest first",
    "title": "by title, A to Z",
    "directives": "most directives first",
    "notes": "most notes first",
}


def next_sort(sort: str) -> str:
    """The order after this one (the key cycles through them)."""
    return SORTS[(SORTS.index(sort) + 1) % len(SORTS)] if sort in SORTS else SORTS[0]


def ordered_ids(summaries: Mapping[str, ReportSummary], sort: str, notes: Mapping[str, int]) -> list[str]:
    """The reports' ids in this order; ties newest first, then by id."""
    # Undated reports after dated ones; then by id (the index's ORDER).
    newest = sorted(summaries, key=lambda i: (summaries[i].date is not None, summaries[i].date or "", i), reverse=True)
    if sort == "title":
        # Unreadable files last (their "title" is a file name); sorted() is stable: ties stay newest first.
        return sorted(newest, key=lambda i: (summaries[i].error is not None, summaries[i].title.casefold()))
    if sort == "directives":
        return sorted(newest, key=lambda i: -summaries[i].directives)
    if sort == "notes":
        return sorted(newest, key=lambda i: -notes.get(i, 0))
    return newest
