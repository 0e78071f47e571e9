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
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Protocol

from minutesreader.core.search import fold, words_of
from minutesreader.core.sentences import split_sentences

BY = ("report", "month", "year")
# Counting a phrase from its words' places costs about a tenth of reading and counting
# one candidate paragraph per place (measured on the 10,000-report bench library).
PLACES_PER_PARAGRAPH = 10
_WORD = re.compile(r"[^\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Ideographs, kana and hangul: written without spaces between words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


class Placing(Protocol):
    """The index's map of paragraphs to reports (storage.report_ranges.ReportRanges)."""

    def per_report(self, chunk_counts: dict[int, int]) -> list[tuple[str, int, int, int, str | None, str | None]]: ...


class ParagraphSource(Protocol):
    """The search index (storage.search_index.SearchIndex), as far as tracking needs it."""

    def report_paragraphs(self, match: str = "", containing: str = "") -> list[tuple[str, int, str, str | None, str | None]]: ...

    def word_reports(self, word: str) -> list[tuple[str, int, int, int, str | None, str | None]]: ...

    def word_places(self, word: str) -> list[tuple[int, int]]: ...

    def reading(self) -> AbstractContextManager[None]: ...

    def ranges(self) -> Placing | None: ...

    def word_chunk_counts(self, word: str) -> dict[int, int]: ...

    def word_place_numbers(self, word: str) -> list[int]: ...

    def paragraph_count(self, match: str) -> int: ...

    def word_total(self, word: str) -> int: ...

    def matching_paragraphs(self, match: str) -> list[tuple[int, str, int, str | None, str | None]]: ...

    def paragraph_texts(self, chunks: list[int]) -> dict[int, str]: ...


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


@dataclass(slots=True)  # not frozen: its __init__ was a fifth of counting "the" in 10,000 reports
class Occurrence:
    """A report holding the phrase; for a period (--by month or year), the sum of its
    reports, with the first of them. Not to be changed once made (dataclasses.replace)."""

    report: str
    date: str | None
    title: str
    count: int
    paragraph: int  # of the first occurrence
    # That paragraph's text and where in it the phrase first occurs: loaded only for the
    # reports shown (with_sentences), as a phrase in every report must not read them all.
    text: str = field(repr=False, compare=False, default="")
    offset: int = -1  # -1: not loaded yet
    period: str = ""  # "2023-07", "2023" or "undated" when grouped
    reports: int = 1
    chunk: int = field(repr=False, compare=False, default=0)  # the paragraph in the search index

    @property
    def sentence(self) -> str:
        """The sentence of the first occurrence (with_sentences must have loaded it)."""
        if self.offset < 0:
            raise ValueError(f"the sentence of {self.report} is not loaded: pass the rows shown through with_sentences()")
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
    title) rows of candidate paragraphs in any order; each keeps its first paragraph's
    text (with_sentences then only finds the sentence)."""
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
    found = [Occurrence(report, date, title or report, counts[report], paragraph, text)
             for report, (paragraph, text, date, title) in first.items()]
    return _by_date(found)


def _by_date(found: list[Occurrence]) -> list[Occurrence]:
    return sorted(found, key=lambda o: (o.date is None, o.date or "", o.report))


def track(index: ParagraphSource, phrase: Phrase) -> list[Occurrence]:
    """Every report holding the phrase, by date, with exact counts; the first sentences
    are loaded by with_sentences for the rows shown.

    Counted from the index, no text read: a one-word phrase from its per-report counts;
    a longer one, its words found at consecutive places. The index's words are ours
    (case and accents folded, anything but letters and digits between), so the counts
    are exact. A phrase of common words ("of the") has far more places than
    paragraphs: those paragraphs are read and counted instead. Unspaced scripts: the
    paragraphs holding the phrase's characters, in their text.

    With the index's map of paragraphs to reports warm (the timeline builds it when it
    opens: SearchIndex.warm_ranges), the counts are placed in their reports in memory;
    without it (a command run once), the index joins each paragraph to its report."""
    if phrase.unspaced:  # the index's words are whole runs of such text: look for the characters
        return occurrences(phrase, index.report_paragraphs(containing=phrase.needle()))
    with index.reading():
        ranges = index.ranges()
        if len(phrase.words) == 1:
            word = phrase.words[0]
            if ranges is None:
                return _rows(index.word_reports(word))
            return _rows(ranges.per_report(index.word_chunk_counts(word)), ordered=True)
        if ranges is None:
            return _track_joined(index, phrase)
        places = sum(index.word_total(word) for word in set(phrase.words))
        if places > PLACES_PER_PARAGRAPH * index.paragraph_count(phrase.fts_expression()):
            return occurrences(phrase, index.report_paragraphs(match=phrase.fts_expression()))
        return _rows(ranges.per_report(_placed_counts(phrase.words, index)), ordered=True)


def _rows(reports: Iterable[tuple[str, int, int, int, str | None, str | None]], ordered: bool = False) -> list[Occurrence]:
    """Occurrences of (report, count, paragraph, chunk, date, title) rows, by date
    (ordered: they are already)."""
    rows = [Occurrence(report, date, title or report, count, paragraph, chunk=chunk)
            for report, count, paragraph, chunk, date, title in reports]
    return rows if ordered else _by_date(rows)


def _track_joined(index: ParagraphSource, phrase: Phrase) -> list[Occurrence]:
    """A phrase of several words counted in the paragraphs an FTS5 phrase query finds,
    each joined to its report by the index."""
    candidates = {row[0]: row for row in index.matching_paragraphs(phrase.fts_expression())}
    if sum(index.word_total(word) for word in set(phrase.words)) > PLACES_PER_PARAGRAPH * len(candidates):
        return occurrences(phrase, index.report_paragraphs(match=phrase.fts_expression()))
    counts = _phrase_counts(phrase.words, candidates.keys(), index)
    # Summed per report in plain lists, one Occurrence each at the end: building one per
    # paragraph was a fifth of counting a phrase in 5,000 reports.
    reports: dict[str, list[Any]] = {}  # report: [count, first paragraph, its chunk, date, title]
    for chunk, count in counts.items():
        _, report, paragraph, date, title = candidates[chunk]
        known = reports.get(report)
        if known is None:
            reports[report] = [count, paragraph, chunk, date, title]
        else:
            known[0] += count
            if paragraph < known[1]:
                known[1:] = [paragraph, chunk, date, title]
    return _rows((report, count, paragraph, chunk, date, title)
                 for report, (count, paragraph, chunk, date, title) in reports.items())


def _placed_counts(words: tuple[str, ...], index: ParagraphSource) -> dict[int, int]:
    """Per chunk (notes' too), how often the words stand at consecutive places,
    occurrences not overlapping. A place is one number (chunk << 32 | word number), so
    the phrase's starts are the intersection of sets (in C) of each word's places moved
    back by its position in the phrase: about half the time of testing each place of
    the first word against the others' in Python, and no join of paragraphs to reports."""
    numbers: dict[str, list[int]] = {}
    starts: set[int] | None = None
    for position, word in sorted(enumerate(words), key=lambda pw: index.word_total(pw[1])):  # the rarest first
        if word not in numbers:
            numbers[word] = index.word_place_numbers(word)
        moved = {number - position for number in numbers[word]} if position else set(numbers[word])
        starts = moved if starts is None else starts & moved
        if not starts:
            return {}
    counts: dict[int, int] = {}
    if not _can_overlap(words):
        for number in starts or ():
            chunk = number >> 32
            counts[chunk] = counts.get(chunk, 0) + 1
        return counts
    free_from: dict[int, int] = {}  # chunk: the first place a next occurrence may start at
    for number in sorted(starts or ()):
        chunk, at = number >> 32, number & 0xFFFFFFFF
        if at >= free_from.get(chunk, 0):
            counts[chunk] = counts.get(chunk, 0) + 1
            free_from[chunk] = at + len(words)
    return counts


def _can_overlap(words: tuple[str, ...]) -> bool:
    """Whether two occurrences can share words ("high high", "a b a"): the phrase ends
    as it begins."""
    return any(words[size:] == words[:-size] for size in range(1, len(words)))


def _phrase_counts(words: tuple[str, ...], chunks: Iterable[int], index: ParagraphSource) -> dict[int, int]:
    """Per chunk, how often the words stand at consecutive places, occurrences not
    overlapping ("high high" is once in "high high high")."""
    wanted = set(chunks)
    places: dict[str, set[tuple[int, int]]] = {}
    for word in set(words[1:]):
        places[word] = {place for place in index.word_places(word) if place[0] in wanted}
    counts: dict[int, int] = {}
    free_from: dict[int, int] = {}  # chunk: the first place a next occurrence may start at
    for chunk, at in sorted(index.word_places(words[0])):  # (already in that order: the sort only checks)
        if chunk not in wanted or at < free_from.get(chunk, 0):
            continue
        if all((chunk, at + k) in places[word] for k, word in enumerate(words[1:], 1)):
            counts[chunk] = counts.get(chunk, 0) + 1
            free_from[chunk] = at + len(words)
    return counts


def with_sentences(phrase: Phrase, rows: list[Occurrence], index: ParagraphSource | None = None) -> list[Occurrence]:
    """The rows with their first occurrence's paragraph text and place loaded: for the
    rows shown (a page of a timeline, the lines a command prints), never all of them.
    Rows counted from the index (a one-word phrase) have their text read from it."""
    missing = [row.chunk for row in rows if not row.text and row.chunk]
    texts = index.paragraph_texts(missing) if missing and index is not None else {}
    loaded = []
    for row in rows:
        if row.offset >= 0:
            loaded.append(row)
            continue
        text = row.text or texts.get(row.chunk, "")
        loaded.append(replace(row, text=text, offset=first_offset(phrase, text)))
    return loaded


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
