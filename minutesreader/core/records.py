"""The reader's records: notes, tag marks, briefs, and the errors of keeping them.

Plain frozen values, shared by every layer: the store builds them from its JSON
(storage/model.py is the one place that knows that JSON), the session hands them to
the screens, the brief export and the CLI print them. Nothing here reads or writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class StoreError(Exception):
    """A store problem the user must hear about, in one line."""


class AnnotationNotFound(StoreError):
    """The note or tag is gone (deleted here or by another window)."""


@dataclass(frozen=True)
class Note:
    id: str
    report: str
    paragraph: int
    quote: str
    text: str
    tags: tuple[str, ...]
    created: str
    updated: str
    orphaned: bool = False
    prefix: str = ""
    suffix: str = ""
    # On some words of the paragraph (issue 13): where they start in it (the quote is
    # then those words, prefix/suffix the paragraph's text around them); None: on the
    # whole paragraph (the quote is its text, prefix/suffix its neighbours').
    start: int | None = None


@dataclass(frozen=True)
class TagMark:
    report: str
    paragraph: int
    quote: str
    tag: str
    orphaned: bool = False
    id: str = ""
    prefix: str = ""
    suffix: str = ""
    created: str = ""
    start: int | None = None  # as Note.start


@dataclass(frozen=True)
class Highlight:
    """Words the user kept (`m` on a selection): always a span, as Note.start describes."""

    id: str
    report: str
    paragraph: int
    start: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    created: str = ""
    orphaned: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.quote)


@dataclass(frozen=True)
class AnchorResult:
    """Where a report's annotations belong in its current text.

    notes/tags/highlights: placed ones, paragraph numbers valid for the paragraphs given.
    orphan_notes/orphan_tags/orphan_highlights: could not be placed with confidence; they keep their old
    paragraph number and quote, for an orphans view (re-attach or delete).
    moved: ids whose paragraph number changed in this call.
    """

    notes: list[Note] = field(default_factory=list)
    tags: list[TagMark] = field(default_factory=list)
    orphan_notes: list[Note] = field(default_factory=list)
    orphan_tags: list[TagMark] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    orphan_highlights: list[Highlight] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)


BRIEF_ITEM_KINDS = ("quote", "heading", "comment")


@dataclass(frozen=True)
class BriefItem:
    kind: str  # "quote", "heading" or "comment"
    text: str  # the quote's exact words, or the user's heading or comment
    report: str = ""  # quotes: where the words come from
    paragraph: int = 0
    title: str = ""
    date: str | None = None
    # The paragraph's number in the file, 0 for a display part (core.citations.locator);
    # None in quotes saved before it was kept.
    published: int | None = None


@dataclass(frozen=True)
class Brief:
    name: str
    items: tuple[BriefItem, ...]
    created: str
    updated: str

    def holds(self, quote: BriefItem) -> bool:
        """These words of this report are already quoted, alone or inside a longer quote
        (a sentence of a quoted paragraph): adding them again warns."""
        return any(item.text.find(quote.text) >= 0 for item in self._quotes_of(quote.report))

    def quoted_within(self, quote: BriefItem) -> list[BriefItem]:
        """The shorter quotes of this report that these words hold (the sentences already
        quoted from a paragraph about to be quoted whole)."""
        return [item for item in self._quotes_of(quote.report) if item.text != quote.text and item.text in quote.text]

    def _quotes_of(self, report: str) -> list[BriefItem]:
        return [item for item in self.items if item.kind == "quote" and item.report == report]
