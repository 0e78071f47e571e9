"""Track a phrase across the library: in which reports, how often, and where first.

The search index finds the paragraphs that may hold the phrase (an FTS5 phrase query);
each is then counted exactly here. A phrase matches its words in order, case and
accents aside, whatever punctuation or line breaks stand between them
("high-quality development" matches "high quality\\ndevelopment"). Scripts written
without spaces (Chinese, Japanese) are matched on their characters, punctuation aside.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Protocol

from minutesreader.core.search import fold, words_of
from minutesreader.core.sentences import split_sentences

BY = ("report", "month", "year")
_WORD = re.compile(r"[^\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Ideographs, kana and hangul: written without spaces between words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


class ParagraphSource(Protocol):
    """The search index (storage.search_index.SearchIndex), as far as tracking needs it."""

    def report_paragraphs(self, match: str = "", containing: str = "") -> list[tuple[str, int, str, str | None, str | None]]: ...


@dataclass(frozen=True)
class Phrase:
    text: str  # as the user typed it
    words: tuple[str, ...]  # folded

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The phrase in folded text: its words in order, anything but letters and digits between."""
        first = re.escape(self.words[0])
        rest = "".join(r"[\W_]+" + re.escape(word) for word in self.words[1:])
        # The first word as a literal, its boundary checked after: the regex engine then
        # skips ahead to the literal (about 9 times faster than a leading look-behind).
        return re.compile(first + r"(?<![^\W_]" + first + ")" + rest + r"(?![^\W_])")

    @cached_property
    def unspaced(self) -> bool:
        return bool(_UNSPACED.search("".join(self.words)))

    def fts_expression(self) -> str:
        return '"' + " ".join(self.words).replace('"', '""') + '"'

    def needle(self) -> str:
        """For unspaced scripts: the longest run of the phrase, to find candidates by."""
        return max(self.words, key=len)


def parse_phrase(text: str) -> Phrase | None:
    """The phrase's words, or None if it has none."""
    words = tuple(fold(w) for w in _WORD.findall(text))
    return Phrase(" ".join(text.split()), words) if words else None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A report holding the phrase; for a period (--by month or year), the sum of its
    reports, with the first of them."""

    report: str
    date: str | None
    title: str
    count: int
    paragraph: int  # of the first occurrence
    text: str = field(repr=False, compare=False, default="")  # that paragraph's text
    offset: int = 0  # where in it the phrase first occurs
    period: str = ""  # "2023-07", "2023" or "undated" when grouped
    reports: int = 1

    @property
    def sentence(self) -> str:
        """The sentence of the first occurrence, worked out when asked for: a timeline
        of 5,000 reports shows a screenful of them at first."""
        return sentence_at(self.text, self.offset)

    def as_json(self, by: str = "report") -> dict[str, object]:
        record: dict[str, object] = {
            "report": self.report, "date": self.date, "title": self.title, "count": self.count,
            "paragraph": self.paragraph, "sentence": self.sentence,
        }
        if by != "report":
            record = {"period": self.period, "reports": self.reports, **record}
        return record


def count_in(phrase: Phrase, text: str) -> list[int]:
    """Start offsets of the phrase in text (offsets into text), word by word."""
    if phrase.unspaced:
        return _count_unspaced(phrase, text)
    words = words_of(text)
    size = len(phrase.words)
    starts, i = [], 0
    while i <= len(words) - size:
        if tuple(w for w, _, _ in words[i:i + size]) == phrase.words:
            starts.append(words[i][1])
            i += size  # occurrences do not overlap ("high high" is once in "high high high")
        else:
            i += 1
    return starts


def how_many(phrase: Phrase, text: str) -> int:
    """How often the phrase occurs: count_in's answer, in C for all but unspaced scripts
    (case and accents are folded over the whole text, then one regex runs)."""
    if phrase.unspaced:
        return len(_count_unspaced(phrase, text))
    return len(phrase.pattern.findall(_folded(text)))


def _folded(text: str) -> str:
    return text.lower() if text.isascii() else _COMBINING.sub("", unicodedata.normalize("NFD", text.lower()))


def first_offset(phrase: Phrase, text: str) -> int:
    """Where the phrase first occurs in text (0 if it does not)."""
    if not phrase.unspaced:
        folded = _folded(text)
        if len(folded) == len(text):  # folding kept every offset: search in C
            match = phrase.pattern.search(folded)
            return match.start() if match else 0
    starts = count_in(phrase, text)
    return starts[0] if starts else 0


def _count_unspaced(phrase: Phrase, text: str) -> list[int]:
    wanted = "".join(phrase.words)
    chars: list[str] = []
    offsets: list[int] = []
    for match in _WORD.finditer(text):
        folded = fold(match.group())
        chars.append(folded if len(folded) == len(match.group()) else match.group().lower())
        offsets.extend(range(match.start(), match.end()))
    compact = "".join(chars)
    found, at = [], compact.find(wanted)
    while at >= 0:
        found.append(offsets[at])
        at = compact.find(wanted, at + len(wanted))
    return found


def sentence_at(text: str, offset: int, reach: int = 500) -> str:
    """The sentence around offset. Only a stretch of text around it is split (thousands
    of reports each give one sentence); a sentence the stretch cuts short is found again
    in the whole text."""
    low, high = max(0, offset - reach), min(len(text), offset + reach)
    spans = split_sentences(text[low:high])
    for number, (start, end) in enumerate(spans):
        if start <= offset - low < end:
            whole = (number > 0 or low == 0) and (number < len(spans) - 1 or high == len(text))
            if whole:
                return text[low + start:low + end]
            break
    if low == 0 and high == len(text):
        return text
    return sentence_at(text, offset, len(text))


def occurrences(phrase: Phrase, paragraphs: Iterable[tuple[str, int, str, str | None, str | None]]) -> list[Occurrence]:
    """Per report, ordered by date (undated last), from (report, paragraph, text, date,
    title) rows of candidate paragraphs in any order."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str, str | None, str | None]] = {}  # report: (paragraph, text, date, title)
    for report, paragraph, text, date, title in paragraphs:
        count = how_many(phrase, text)
        if not count:
            continue
        counts[report] = counts.get(report, 0) + count
        known = first.get(report)
        if known is None or paragraph < known[0]:
            first[report] = (paragraph, text, date, title)
    found = []
    for report, (paragraph, text, date, title) in first.items():
        found.append(Occurrence(report, date, title or report, counts[report], paragraph, text, first_offset(phrase, text)))
    return sorted(found, key=lambda o: (o.date is None, o.date or "", o.report))


def track(index: ParagraphSource, phrase: Phrase) -> list[Occurrence]:
    """Every report holding the phrase, by date: candidates from the index, counted here."""
    if phrase.unspaced:  # the index's words are whole runs of such text: look for the characters
        rows = index.report_paragraphs(containing=phrase.needle())
    else:
        rows = index.report_paragraphs(match=phrase.fts_expression())
    return occurrences(phrase, rows)


def by_period(rows: list[Occurrence], by: str) -> list[Occurrence]:
    """Reports grouped by month ("2023-07") or year; each period names its first report."""
    if by == "report":
        return rows
    width = 7 if by == "month" else 4
    periods: dict[str, Occurrence] = {}
    for row in rows:
        period = row.date[:width] if row.date else "undated"
        known = periods.get(period)
        if known is None:
            periods[period] = replace(row, period=period, reports=1)
        else:
            periods[period] = replace(known, count=known.count + row.count, reports=known.reports + 1)
    return list(periods.values())
