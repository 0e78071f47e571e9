"""Search queries: what the user typed, where it matches, and how a hit is shown.

Query language, the same in the library search and the reader's `/`:

    inflation housing        every word must occur (in the same paragraph or note)
    "domestic demand"        a phrase: these words, consecutive, in this order
    stabil*                  a word beginning with "stabil"

Words are runs of letters and digits, compared in lower case and without accents, the way
SQLite's unicode61 tokenizer (remove_diacritics 2) compares them, so that what the
index finds and what is highlighted agree. Punctuation in a query is a word separator,
never syntax: `2.5%` is the phrase "2 5". Chinese has no spaces: each ideograph is a
word, and a query word of several ideographs is a phrase of adjacent ones (加快 finds
加快 inside 会议强调要加快推进); core.search_cjk indexes them as pairs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from minutesreader.core.language import CJK_CHAR, has_cjk
from minutesreader.core.pattern_cache import PATTERNS
from minutesreader.core.search_cjk import is_cjk_word, term_expression

# Letters and digits; "_" and marks separate words, as in SQLite's unicode61; each
# ideograph or kana a word of its own.
_WORD = PATTERNS.compile(f"[{CJK_CHAR}]|[^\\W_{CJK_CHAR}]+")
_QUOTED = PATTERNS.compile(r'"([^"]*)"?|“([^”]*)”?')
SNIPPET_CHARS = 160


@dataclass(frozen=True, slots=True)
class Term:
    """One word of a query, or a phrase of consecutive words; `prefix`: the last word
    may be the start of a longer word."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[Term, ...] = ()
    text: str = ""

    def __bool__(self) -> bool:
        return bool(self.terms)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A paragraph of a report, or a note, that matches every term of a query."""

    report: str
    date: str | None
    title: str
    paragraph: int  # as numbered in the reader (core.reports.parse_report), from 1
    kind: str  # "report" (the report's text) or "note" (the user's note on that paragraph)
    snippet: str  # a stretch of the paragraph or note around the first match
    spans: tuple[tuple[int, int], ...]  # matches inside snippet, (start, end), sorted
    score: float  # higher is better
    note: str | None = None  # the note id for kind "note"
    text: str = field(default="", repr=False)  # the whole paragraph or note

    @property
    def date_label(self) -> str:
        return self.date or "undated"


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """A word as compared: lower case, accents removed (é -> e), as unicode61 does."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_of(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of text."""
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def parse_query(text: str) -> Query:
    """The terms of what the user typed; an unclosed quote runs to the end."""
    terms: list[Term] = []
    seen: set[Term] = set()

    def add(term: Term) -> None:
        if term.words and term not in seen:
            seen.add(term)
            terms.append(term)

    def loose(part: str) -> None:
        for raw in part.split():
            words = [fold(w) for w in _WORD.findall(raw)]
            if not words:
                continue
            prefix = raw.endswith("*") and len(words) == 1
            # "covid-19" or "2.5" is a short phrase, as the index sees it.
            add(Term(tuple(words), prefix))

    cursor = 0
    for match in _QUOTED.finditer(text):
        loose(text[cursor:match.start()])
        inner = match.group(1) if match.group(1) is not None else match.group(2) or ""
        add(Term(tuple(fold(w) for w in _WORD.findall(inner)), inner.rstrip().endswith("*")))
        cursor = match.end()
    loose(text[cursor:])
    return Query(tuple(terms), text)


def fts_expression(query: Query) -> str:
    """The query in SQLite FTS5 syntax: every term quoted, so no input is syntax."""
    return " AND ".join(term_expression(term.words, term.prefix) for term in query.terms)


def _term_spans(term: Term, words: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    size = len(term.words)
    last = size - 1
    found = []
    for i in range(len(words) - last):
        ok = True
        for j in range(size):
            word = words[i + j][0]
            wanted = term.words[j]
            if j == last and term.prefix:
                if not word.startswith(wanted):
                    ok = False
                    break
            elif word != wanted:
                ok = False
                break
            # The ideographs of one Chinese word are adjacent, not split by punctuation.
            if j and is_cjk_word(wanted) and words[i + j][1] != words[i + j - 1][2]:
                ok = False
                break
        if ok:
            found.append((words[i][1], words[i + last][2]))
    return found


def match_spans(query: Query | str, text: str, require_all: bool = True) -> list[tuple[int, int]]:
    """Where the query's terms occur in text, sorted and merged.

    With require_all (the query's meaning), text missing any term has no spans at all.
    """
    if isinstance(query, str):
        query = parse_query(query)
    if not query or not text:
        return []
    words = words_of(text)
    spans: list[tuple[int, int]] = []
    for term in query.terms:
        found = _term_spans(term, words)
        if not found and require_all:
            return []
        spans.extend(found)
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        # Only overlapping spans merge: touching ones are separate matches (水利水利).
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def find_in_paragraphs(query: Query | str, paragraph_texts: list[str]) -> list[tuple[int, int, int]]:
    """The reader's `/`: every match as (paragraph index from 0, start, end), in reading order.

    Same meaning as the library search: a paragraph counts only if it holds every term.
    """
    if isinstance(query, str):
        query = parse_query(query)
    if not query:
        return []
    hits = []
    for index, text in enumerate(paragraph_texts):
        for start, end in match_spans(query, text):
            hits.append((index, start, end))
    return hits


def make_snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `width` characters of text around the first match, cut at spaces, with "…"
    where text was left out, and the matches that fall inside it. Chinese takes two
    cells a character: its snippets hold half as many, so they fill the same room."""
    flat = text.replace("\n", " ")
    if has_cjk(flat):
        width //= 2
    if len(flat) <= width:
        return flat, tuple(spans)
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 4)
    if start:
        space = flat.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and start - space < 30 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.find(" ", end)
        end = space if space >= 0 and space - end < 30 else end
    lead = "…" if start else ""
    tail = "…" if end < len(flat) else ""
    shift = len(lead) - start
    inside = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end
    )
    return lead + flat[start:end] + tail, inside
