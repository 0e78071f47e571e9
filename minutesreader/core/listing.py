"""The listing: one immutable snapshot of what the library knows, and the filter over it.

The catalog's scan runs in a worker while the UI thread filters on every keystroke and
the search worker reads titles. So the catalog never hands out a dict it still writes:
each update builds a new `Listing` and swaps it in with one assignment, and whoever
holds a listing reads it in peace. Filtering is a pure function of a listing and a
query (plus, to narrow as the user types on, the previous result).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol

from minutesreader.core.library import ReportSummary


class TextSearch(Protocol):
    def containing(self, term: str) -> frozenset[str]:
        """Ids of the reports whose casefolded text holds `term` (a word, casefolded)."""
        ...


class TextsInMemory:
    """The reports' texts kept in memory: for a catalog without an index (tests, one-offs)."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = texts

    def containing(self, term: str) -> frozenset[str]:
        return frozenset(report for report, text in self._texts.items() if term in text)


@dataclass(frozen=True, slots=True)
class Listing:
    """Every report as of one moment; never changed once made."""

    summaries: Mapping[str, ReportSummary] = field(default_factory=lambda: MappingProxyType({}))
    # Newest first; undated after dated. A tuple, or (painted before the files are
    # checked) rows read from the index as they are drawn (core/paged.py).
    ordered: Sequence[ReportSummary] = ()
    version: int = 0  # differs between any two listings the filter could see differently
    texts: TextSearch | None = None  # the reports' text, for the filter; None until the scan got to it
    unreadable: int = 0  # reports that cannot be read
    tag_names: tuple[str, ...] = ()
    report_tags: Mapping[str, frozenset[str]] | None = None  # None until a scan read them
    notes_by_report: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    # Memos of pure functions of the fields above. Filled by whichever thread filters
    # (single gets and sets, never iterated, so no thread can see them change under it).
    # The hay memo is handed from listing to listing: an entry is used only while its
    # summary is the very same object.
    hay_memo: dict[str, tuple[ReportSummary, str]] = field(default_factory=dict, compare=False, repr=False)
    tag_memo: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    text_memo: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def hay(self, summary: ReportSummary) -> str:
        """Title, date and id, casefolded, as the filter searches them."""
        memo = self.hay_memo.get(summary.id)
        if memo is not None and memo[0] is summary:
            return memo[1]
        hay = f"{summary.title} {summary.date_label} {summary.id}".casefold()
        self.hay_memo[summary.id] = (summary, hay)
        return hay

    def reports_tagged_like(self, term: str) -> frozenset[str]:
        """Reports with a tag containing `term` (casefolded); none while the tags are unread."""
        reports = self.tag_memo.get(term)
        if reports is None:
            tags = {tag for tag in self.tag_names if term in tag.casefold()}
            reports = frozenset()
            if tags and self.report_tags is not None:
                reports = frozenset(report for report, marks in self.report_tags.items() if not marks.isdisjoint(tags))
            self.tag_memo[term] = reports
        return reports

    def reports_containing(self, term: str) -> frozenset[str]:
        """Reports whose text holds `term`, asked once a listing (typing on reuses it)."""
        reports = self.text_memo.get(term)
        if reports is None:
            reports = self.texts.containing(term) if self.texts is not None else frozenset()
            self.text_memo[term] = reports
        return reports


@dataclass(frozen=True, slots=True)
class Filtered:
    """The reports one query shows from one listing."""

    version: int
    terms: tuple[str, ...]
    reports: Sequence[ReportSummary]


def _reports_holding(listing: Listing, term: str) -> frozenset[str]:
    """The reports whose text or tags hold `term`; written as a tag is shown (#name), their tags alone."""
    if term.startswith("#"):
        return listing.reports_tagged_like(term.lstrip("#"))
    texts, tags = listing.reports_containing(term), listing.reports_tagged_like(term)
    return texts | tags if tags else texts


def filter_reports(listing: Listing, query: str, last: Filtered | None = None) -> Filtered:
    """Reports matching every word of the query in title, date, id, tags or text (a word
    written #name: in tags alone).

    last: the previous result, if any: typing on narrows it instead of the whole listing."""
    terms = tuple(query.casefold().split())
    if not terms:
        return Filtered(listing.version, terms, listing.ordered)
    candidates = listing.ordered
    # Every report matching the new query matched the last one when each of its words
    # extends the word at the same place (and the listing is the same).
    if last and last.version == listing.version and len(last.terms) <= len(terms) and all(
        old in new for old, new in zip(last.terms, terms)
    ):
        candidates = last.reports
    # Per word, the reports holding it in their text or tags; the title, date and id are
    # looked at only for the others (most reports hold a common word in their text).
    found = [_reports_holding(listing, term) for term in terms]
    hay_of = listing.hay
    matches = []
    for summary in candidates:
        for term, reports in zip(terms, found):
            if summary.id not in reports and (term.startswith("#") or term not in hay_of(summary)):
                break
        else:
            matches.append(summary)
    return Filtered(listing.version, terms, tuple(matches))
