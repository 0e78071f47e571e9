"""Find where an annotation belongs after its report changed (pure functions, no I/O).

An annotation remembers its paragraph number, the paragraph's text (the quote) and a
little context: the end of the paragraph before and the start of the one after. As in the
W3C Web Annotation TextQuoteSelector, the quote decides and the number only breaks ties:

1. exact: a paragraph with the same text (several: the best context, then the nearest
   to the old number);
2. context: the paragraph sitting between the same neighbours, if its text is still
   recognisably the same paragraph (an edit inside it);
3. fuzzy: the most similar paragraph, if similar enough and clearly better than the
   runner-up;
4. otherwise an orphan: better shown apart than beside the wrong paragraph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# Context kept around a quote: enough to tell two identical paragraphs apart
# (e.g. "Agreed." twice), small enough not to bloat the shard.
CONTEXT_CHARS = 64
# Similarity (difflib ratio) a paragraph needs to count as the quote, edited.
FUZZY_THRESHOLD = 0.8
# Between unchanged neighbours a heavier edit is still recognisable.
CONTEXT_THRESHOLD = 0.5
# The best fuzzy candidate must beat the runner-up by this much, or it is a guess.
FUZZY_MARGIN = 0.05
# Below this many characters, compare character by character (word matching is too coarse).
SHORT_TEXT = 200


@dataclass(frozen=True)
class Placement:
    paragraph: int | None  # 1-based; None: orphan
    method: str  # "exact", "context", "fuzzy", "position" or "orphan"
    score: float = 1.0


def normalise(text: str) -> str:
    return " ".join(text.split())


def context_of(paragraphs: Sequence[str], index: int) -> tuple[str, str]:
    """(end of the previous paragraph, start of the next) for paragraphs[index] (0-based)."""
    prefix = normalise(paragraphs[index - 1])[-CONTEXT_CHARS:] if index > 0 else ""
    suffix = normalise(paragraphs[index + 1])[:CONTEXT_CHARS] if index + 1 < len(paragraphs) else ""
    return prefix, suffix


def context_score(paragraphs: Sequence[str], index: int, prefix: str, suffix: str) -> float:
    """0, 0.5 or 1: how many of the stored neighbours are still next to paragraphs[index]."""
    before, after = context_of(paragraphs, index)
    prefix, suffix = normalise(prefix), normalise(suffix)
    # Compare on the shorter common length: the stored context may have been clipped.
    hits = 0
    if prefix:
        hits += bool(before) and before.endswith(prefix[-len(before):]) and prefix.endswith(before[-len(prefix):])
    else:
        hits += index == 0
    if suffix:
        hits += bool(after) and after.startswith(suffix[: len(after)]) and suffix.startswith(after[: len(suffix)])
    else:
        hits += index + 1 == len(paragraphs)
    return hits / 2


def similarity(a: str, b: str) -> float:
    """difflib ratio: by words for paragraphs, by characters for short texts.

    Character matching of two 1,000-character paragraphs costs ~20 ms, and a report has
    dozens; word matching gives the same verdict (a fixed typo is one word in a hundred)
    for a fraction of that. A bag-of-words bound skips paragraphs that cannot qualify.
    """
    if not a or not b:
        return 0.0
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < CONTEXT_THRESHOLD:
        return 0.0
    # Imported here: every command loads this module (the store's model does) and most
    # never re-anchor a note.
    from difflib import SequenceMatcher

    if min(len(a), len(b)) < SHORT_TEXT:
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        return matcher.ratio() if matcher.quick_ratio() >= CONTEXT_THRESHOLD else 0.0
    words_a, words_b = a.split(), b.split()
    shared = sum((Counter(words_a) & Counter(words_b)).values())
    if 2 * shared / (len(words_a) + len(words_b)) < CONTEXT_THRESHOLD:
        return 0.0
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def _nearest(candidates: list[int], old_index: int) -> int:
    return min(candidates, key=lambda i: (abs(i - old_index), i))


class Placer:
    """One report's paragraphs, to place many annotations on them.

    Placing each annotation used to normalise every paragraph again: 20 notes on a
    4.9 MB report cost 0.6 s. Now an annotation still on its paragraph, between the same
    neighbours (a report unchanged there: by far the most common case), is checked
    where it is; the whole report is normalised, once, only for one that moved."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self._texts: list[str] | None = None
        self._where: dict[str, list[int]] = {}

    @property
    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = [normalise(p) for p in self.paragraphs]
            for index, text in enumerate(self._texts):
                self._where.setdefault(text, []).append(index)
        return self._texts

    def locate(self, paragraph: int, quote: str, prefix: str, suffix: str) -> Placement:
        """Where the annotation stored as (paragraph, quote, prefix, suffix) belongs now."""
        old_index = paragraph - 1
        quote = normalise(quote)
        in_range = 0 <= old_index < len(self.paragraphs)
        if not quote:
            # Nothing to check against: trust the number while it exists.
            return Placement(paragraph, "position", 0.0) if in_range else Placement(None, "orphan", 0.0)
        # Still there, between the same neighbours: no other exact match can beat it
        # (it has the best context, and it is the nearest to its own number).
        if in_range and normalise(self.paragraphs[old_index]) == quote \
                and context_score(self.paragraphs, old_index, prefix, suffix) == 1:
            return Placement(paragraph, "exact")

        texts = self.texts
        exact = self._where.get(quote, [])
        if exact:
            best = max(context_score(texts, i, prefix, suffix) for i in exact)
            tied = [i for i in exact if context_score(texts, i, prefix, suffix) == best]
            return Placement(_nearest(tied, old_index) + 1, "exact")

        scores = [similarity(quote, text) for text in texts]
        between_neighbours = [
            i for i, score in enumerate(scores)
            if score >= CONTEXT_THRESHOLD and (prefix or suffix) and context_score(texts, i, prefix, suffix) == 1
        ]
        if len(between_neighbours) == 1:
            i = between_neighbours[0]
            return Placement(i + 1, "context", scores[i])

        ranked = sorted(range(len(texts)), key=lambda i: scores[i], reverse=True)
        if ranked and scores[ranked[0]] >= FUZZY_THRESHOLD:
            top = scores[ranked[0]]
            close = [i for i in ranked if top - scores[i] < FUZZY_MARGIN]
            if len(close) > 1:
                # Near-identical candidates: only the neighbours can tell them apart.
                best = max(context_score(texts, i, prefix, suffix) for i in close)
                close = [i for i in close if context_score(texts, i, prefix, suffix) == best]
                if len(close) > 1 or best == 0:
                    return Placement(None, "orphan", top)
            return Placement(close[0] + 1, "fuzzy", top)
        return Placement(None, "orphan", scores[ranked[0]] if ranked else 0.0)


def locate(
    paragraph: int, quote: str, prefix: str, suffix: str, paragraphs: Sequence[str]
) -> Placement:
    """Where one annotation belongs now (Placer places many on the same paragraphs)."""
    return Placer(paragraphs).locate(paragraph, quote, prefix, suffix)
