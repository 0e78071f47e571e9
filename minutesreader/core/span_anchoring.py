"""Find where a span (a highlight, a note or tag on some words) belongs after its report
changed: anchoring.py's four steps, at the scale of words inside a paragraph.

A span remembers its paragraph number, where it started in that paragraph, its exact
words (the quote) and a little of the paragraph's text before and after it, as a W3C
TextQuoteSelector does. The words decide; the numbers only break ties:

1. exact: the same words (whitespace may differ); several: the best context, then the
   nearest paragraph, then the nearest start;
2. context: the words between the same text before and after, if still recognisably
   the span (an edit inside it);
3. fuzzy: the most similar run of words, if similar enough and clearly better than any
   other place;
4. otherwise an orphan.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from minutesreader.core.anchoring import (
    CONTEXT_CHARS,
    CONTEXT_THRESHOLD,
    FUZZY_MARGIN,
    FUZZY_THRESHOLD,
    normalise,
    similarity,
)

WORD = re.compile(r"\S+")
# How far past the quote's own length an edit inside it may stretch it and still be found.
STRETCH = 40
# Paragraphs whose runs of words are compared with an edited quote: those sharing the most
# of its words. Comparing every run of a 3 MB report took 90 s for a quote of common words.
FUZZY_PARAGRAPHS = 12


@dataclass(frozen=True)
class SpanPlacement:
    paragraph: int | None  # 1-based; None: orphan
    start: int = 0  # characters into the paragraph's text
    end: int = 0
    method: str = "orphan"  # "exact", "context", "fuzzy", "position" or "orphan"
    score: float = 0.0


def span_context(text: str, start: int, end: int) -> tuple[str, str]:
    """(the paragraph's words just before text[start:end], those just after), clipped."""
    return normalise(text[:start])[-CONTEXT_CHARS:], normalise(text[end:])[:CONTEXT_CHARS]


def _ends_alike(found: str, stored: str) -> bool:
    # Compared on the shorter common length: the stored context may have been clipped.
    # Nothing stored means the span began the paragraph.
    if not stored:
        return not found
    return bool(found) and found.endswith(stored[-len(found):]) and stored.endswith(found[-len(stored):])


def context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """0, 0.5 or 1: how much of the stored text around the span is still around text[start:end]."""
    before, after = span_context(text, start, end)
    prefix, suffix = normalise(prefix), normalise(suffix)
    return (_ends_alike(before, prefix) + _ends_alike(after[::-1], suffix[::-1])) / 2


def _words_pattern(text: str) -> re.Pattern[str] | None:
    """The words of text with any whitespace between them (a line break may become a space)."""
    words = text.split()
    return re.compile(r"\s+".join(map(re.escape, words))) if words else None


class SpanPlacer:
    """One report's paragraphs, to place many spans on them."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self._bags: list[Counter[str]] | None = None

    def locate(self, paragraph: int, start: int, quote: str, prefix: str, suffix: str) -> SpanPlacement:
        old = paragraph - 1
        in_range = 0 <= old < len(self.paragraphs)
        end = start + len(quote)
        pattern = _words_pattern(quote)
        if pattern is None:
            return SpanPlacement(paragraph, start, start, "position") if in_range else SpanPlacement(None)
        # Still there, with the same words around it: by far the most common case.
        if in_range and self.paragraphs[old][start:end] == quote \
                and context_score(self.paragraphs[old], start, end, prefix, suffix) == 1:
            return SpanPlacement(paragraph, start, end, "exact", 1.0)
        exact = [(i, m.start(), m.end()) for i, text in enumerate(self.paragraphs) for m in pattern.finditer(text)]
        if exact:
            return self._best(exact, old, start, prefix, suffix, "exact", 1.0)
        return self._between_same_words(quote, prefix, suffix) or self._most_similar(quote, old, start, prefix, suffix)

    def _best(self, found: list[tuple[int, int, int]], old: int, start: int, prefix: str, suffix: str,
              method: str, score: float) -> SpanPlacement:
        def rank(place: tuple[int, int, int]) -> tuple[float, int, int]:
            index, begin, end = place
            return (-context_score(self.paragraphs[index], begin, end, prefix, suffix), abs(index - old), abs(begin - start))

        index, begin, end = min(found, key=rank)
        return SpanPlacement(index + 1, begin, end, method, score)

    def _between_same_words(self, quote: str, prefix: str, suffix: str) -> SpanPlacement | None:
        """Step 2: the one place with the stored words before and after it, holding words
        still like the quote."""
        before, after = _words_pattern(prefix), _words_pattern(suffix)
        if before is None and after is None:
            return None  # a whole paragraph: its neighbours are not ours to know
        wanted = normalise(quote)
        between = rf"\s*(.{{1,{len(quote) + STRETCH}}}?)\s*"
        shape = re.compile(
            (before.pattern if before else r"\A") + between + (after.pattern if after else r"\Z"), re.DOTALL)
        found = []
        for index, text in enumerate(self.paragraphs):
            for match in shape.finditer(text):
                score = similarity(wanted, normalise(match.group(1)))
                if score >= CONTEXT_THRESHOLD:
                    found.append(SpanPlacement(index + 1, match.start(1), match.end(1), "context", score))
        return found[0] if len(found) == 1 else None

    def _most_similar(self, quote: str, old: int, start: int, prefix: str, suffix: str) -> SpanPlacement:
        """Step 3, else step 4: the run of words most like the quote, if clearly the best."""
        wanted = normalise(quote)
        words = wanted.split()
        bag = Counter(words)
        need = CONTEXT_THRESHOLD * len(words)
        shared = {index: sum((bag & self._bag(index)).values()) for index in range(len(self.paragraphs))}
        # Too few of the quote's words in a paragraph: it cannot hold the quote, edited.
        likely = sorted((i for i, count in shared.items() if count >= need), key=lambda i: (-shared[i], abs(i - old)))
        scored: list[tuple[float, int, int, int]] = []
        for index in likely[:FUZZY_PARAGRAPHS]:
            text = self.paragraphs[index]
            spans = [m.span() for m in WORD.finditer(text)]
            for size in {max(1, len(words) - 1), len(words), len(words) + 1}:
                for first in range(len(spans) - size + 1):
                    begin, end = spans[first][0], spans[first + size - 1][1]
                    score = similarity(wanted, normalise(text[begin:end]))
                    if score >= FUZZY_THRESHOLD:
                        scored.append((score, index, begin, end))
        if not scored:
            return SpanPlacement(None)
        scored.sort(reverse=True)
        top, index, begin, end = scored[0]
        # Another place (not an overlapping run of the same words) nearly as good: a guess.
        rivals = [s for s in scored[1:] if top - s[0] < FUZZY_MARGIN and (s[1] != index or s[2] >= end or s[3] <= begin)]
        if rivals:
            close = [(index, begin, end), *((i, b, e) for _, i, b, e in rivals)]
            contexts = [context_score(self.paragraphs[i], b, e, prefix, suffix) for i, b, e in close]
            best = max(contexts)
            if best == 0 or contexts.count(best) > 1:
                return SpanPlacement(None, method="orphan", score=top)
            index, begin, end = close[contexts.index(best)]
        return SpanPlacement(index + 1, begin, end, "fuzzy", top)

    def _bag(self, index: int) -> Counter[str]:
        if self._bags is None:
            self._bags = [Counter(text.split()) for text in self.paragraphs]
        return self._bags[index]


def locate_span(paragraph: int, start: int, quote: str, prefix: str, suffix: str,
                paragraphs: Sequence[str]) -> SpanPlacement:
    """Where one span belongs now (SpanPlacer places many on the same paragraphs)."""
    return SpanPlacer(paragraphs).locate(paragraph, start, quote, prefix, suffix)
