"""Compare two reports sentence by sentence: what is the same, moved, changed, added, removed.

Alignment, in three passes over the reports' sentences (normalised: words only, folded):

1. difflib's matching blocks on the normalised sentences give the sentences kept in
   order (`same`).
2. An identical sentence found elsewhere is `moved` (a paragraph reordered): it keeps
   its text and shows both paragraph numbers.
3. In each gap between kept sentences, a small dynamic programme pairs what is left by
   word similarity: one old with one new sentence (`changed`), one old with two
   consecutive new ones (a split) or two old with one new (a merge); a split or merge
   is one `changed` entry whose text joins the parts with a space. What is still left is
   paired across the whole report by similarity (a reordered paragraph with an edit);
   the rest is `added` or `removed`.

Entries come in the new report's reading order; a removed sentence comes where it stood,
after what preceded it in the old report.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from minutesreader.core.analysis import AnalyzedSentence, analyze_report
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.reports import Report
from minutesreader.core.search import fold

CHANGES = ("same", "moved", "changed", "added", "removed")
# Two sentences are one changed sentence if at least this share of their words match.
SIMILAR = 0.5
# Gaps larger than this (old x new sentences) skip the in-order pairing: the global pass
# pairs them instead, in time that grows with the gap, not with its square.
GAP_CELLS = 4000
_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"[^\W_]+|\s+|[^\w\s]|_")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a report, where it stands and what kind of directive it is."""

    text: str
    paragraph: int
    category: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    change: str  # one of CHANGES
    old: str | None
    new: str | None
    old_paragraph: int | None
    new_paragraph: int | None
    old_category: str | None = None
    new_category: str | None = None
    # The word runs, worked out when first asked for: they are most of the cost of
    # comparing two FOMC minutes, and the redline's first screen needs a few of them.
    _words: tuple[tuple[str, str], ...] | None = field(default=None, compare=False, repr=False)

    @property
    def words(self) -> tuple[tuple[str, str], ...]:
        """A changed sentence's ("=", "-" or "+", text) runs; () for the others."""
        if self.change != "changed":
            return ()
        if self._words is None:
            object.__setattr__(self, "_words", word_changes(self.old or "", self.new or ""))
        return self._words  # type: ignore[return-value]

    def as_json(self) -> dict[str, object]:
        record: dict[str, object] = {
            "change": self.change, "old": self.old, "new": self.new,
            "old_paragraph": self.old_paragraph, "new_paragraph": self.new_paragraph,
            "old_category": self.old_category, "new_category": self.new_category,
        }
        if self.change == "changed":
            record["words"] = [list(run) for run in self.words]
        return record

    @property
    def is_directive(self) -> bool:
        return bool(self.old_category or self.new_category)


def report_sentences(report: Report, classifier: DirectiveClassifier) -> list[Sentence]:
    return sentences_of(report, analyze_report(report, classifier))


def sentences_of(report: Report, analysis: Sequence[list[AnalyzedSentence]]) -> list[Sentence]:
    """The report's sentences from its analysis (the reader's, filled or not, will do:
    a paragraph not yet analysed is analysed when asked for)."""
    sentences = []
    for number, paragraph in enumerate(report.paragraphs):
        for sentence in analysis[number]:
            category = sentence.directive.category if sentence.directive else None
            sentences.append(Sentence(sentence.text, paragraph.number, category))
    return sentences


def compare_reports(old: Report, new: Report, classifier: DirectiveClassifier) -> list[Change]:
    return compare_sentences(report_sentences(old, classifier), report_sentences(new, classifier))


def normalise(sentence: str) -> tuple[str, ...]:
    """The words of a sentence as compared: punctuation, spacing and case set aside."""
    return tuple(fold(word) for word in _WORD.findall(sentence))


class _Unit:
    """Old and new sentences aligned with each other (either side may be empty)."""

    __slots__ = ("in_order", "new", "old")

    def __init__(self, old: list[int], new: list[int], in_order: bool = True) -> None:
        self.old = old
        self.new = new
        self.in_order = in_order


def compare_sentences(old: Sequence[Sentence], new: Sequence[Sentence]) -> list[Change]:
    old_words = [normalise(s.text) for s in old]
    new_words = [normalise(s.text) for s in new]
    units: list[_Unit] = []
    old_unit: list[_Unit | None] = [None] * len(old)
    new_unit: list[_Unit | None] = [None] * len(new)

    def add(unit: _Unit) -> None:
        units.append(unit)
        for i in unit.old:
            old_unit[i] = unit
        for j in unit.new:
            new_unit[j] = unit

    # 1. sentences kept in order
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    anchors: list[tuple[int, int]] = []
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            add(_Unit([a + k], [b + k]))
            anchors.append((a + k, b + k))

    # 2. identical sentences elsewhere: moved
    waiting: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, words in enumerate(old_words):
        if old_unit[i] is None:
            waiting[words].append(i)
    for j, words in enumerate(new_words):
        if new_unit[j] is None and waiting.get(words):
            add(_Unit([waiting[words].pop(0)], [j], in_order=False))

    # 3. similar sentences: in each gap between anchors, then anywhere
    similarity = _Similarity(old_words, new_words)
    bounds = [(-1, -1), *anchors, (len(old), len(new))]
    for (a0, b0), (a1, b1) in pairwise(bounds):
        gap_old = [i for i in range(a0 + 1, a1) if old_unit[i] is None]
        gap_new = [j for j in range(b0 + 1, b1) if new_unit[j] is None]
        if gap_old and gap_new and len(gap_old) * len(gap_new) <= GAP_CELLS:
            for olds, news in _pair_gap(gap_old, gap_new, similarity):
                add(_Unit(olds, news))
    for pair_old, pair_new in similarity.best_pairs([i for i, u in enumerate(old_unit) if u is None],
                                                    [j for j, u in enumerate(new_unit) if u is None]):
        add(_Unit(list(pair_old), list(pair_new), in_order=False))

    for i, unit in enumerate(old_unit):
        if unit is None:
            add(_Unit([i], []))
    for j, unit in enumerate(new_unit):
        if unit is None:
            add(_Unit([], [j]))
    return [_change(unit, old, new) for unit in _reading_order(old_unit, new_unit)]


def _reading_order(old_unit: Sequence[_Unit | None], new_unit: Sequence[_Unit | None]) -> list[_Unit]:
    """Units in the new report's order; a removed sentence as soon as all before it in
    the old report are placed."""
    placed: set[int] = set()
    ordered: list[_Unit] = []
    i = j = 0
    while i < len(old_unit) or j < len(new_unit):
        unit = old_unit[i] if i < len(old_unit) else None
        if unit is not None and (id(unit) in placed or not unit.new or not unit.in_order):
            if not unit.new:
                placed.add(id(unit))
                ordered.append(unit)
            i += 1
            continue
        if j < len(new_unit):
            unit = new_unit[j]
            assert unit is not None
            if id(unit) not in placed:
                placed.add(id(unit))
                ordered.append(unit)
            j += 1
        else:
            i += 1
    return ordered


class _Similarity:
    def __init__(self, old_words: list[tuple[str, ...]], new_words: list[tuple[str, ...]]) -> None:
        self.old_words = old_words
        self.new_words = new_words
        self._cache: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}
        self._old_sets = [frozenset(words) for words in old_words]
        self._new_sets = [frozenset(words) for words in new_words]

    def matched(self, olds: tuple[int, ...], news: tuple[int, ...]) -> float:
        """Words in common, in order, if the sentences are similar enough; else 0."""
        key = (olds, news)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._similar(olds, news)
        return found

    def _similar(self, olds: tuple[int, ...], news: tuple[int, ...]) -> float:
        size_a = sum(len(self.old_words[i]) for i in olds)
        size_b = sum(len(self.new_words[j]) for j in news)
        total = size_a + size_b
        # Cheap bounds first (lengths; distinct words in common plus repeats; words in
        # common in any order): most pairs of a long report fail them, and difflib
        # costs far more.
        if not size_a or not size_b or 2 * min(size_a, size_b) / total < SIMILAR:
            return 0.0
        if not self._may_share(olds, news, size_a, size_b, total):
            return 0.0
        a = [w for i in olds for w in self.old_words[i]]
        b = [w for j in news for w in self.new_words[j]]
        if 2 * _common(a, b) / total < SIMILAR:
            return 0.0
        ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
        return ratio * total / 2 if ratio >= SIMILAR else 0.0

    def _may_share(self, olds: tuple[int, ...], news: tuple[int, ...], size_a: int, size_b: int, total: int) -> bool:
        """Whether enough words could be in common: the distinct words shared (sets, in
        C), plus every repeat of the shorter side, is at least what SIMILAR asks."""
        words_a = self._old_sets[olds[0]] if len(olds) == 1 else frozenset().union(*(self._old_sets[i] for i in olds))
        words_b = self._new_sets[news[0]] if len(news) == 1 else frozenset().union(*(self._new_sets[j] for j in news))
        repeats = min(size_a - len(words_a), size_b - len(words_b))
        return 2 * (len(words_a & words_b) + repeats) / total >= SIMILAR

    def best_pairs(self, olds: list[int], news: list[int]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        """Pairs of similar sentences anywhere (one to one, or a split or merge of
        neighbours), most words in common first, found through the rarest words each
        old sentence shares with the new ones."""
        if not olds or not news:
            return []
        holders: dict[str, set[int]] = defaultdict(set)
        for j in news:
            for word in self.new_words[j]:
                holders[word].add(j)
        free_old, free_new = set(olds), set(news)
        scored = []
        for i in olds:
            words = sorted(set(self.old_words[i]) & holders.keys(), key=lambda w: len(holders[w]))[:4]
            candidates = set().union(*(holders[w] for w in words)) if words else set()
            for j in candidates:
                # Only a pair that is similar on its own can be part of a split or
                # merge: a half of a sentence shares at least half its words with it.
                if not self.matched((i,), (j,)):
                    continue
                pairs: list[tuple[tuple[int, ...], tuple[int, ...]]] = [((i,), (j,))]
                if j + 1 in free_new:
                    pairs.append(((i,), (j, j + 1)))
                if j - 1 in free_new:
                    pairs.append(((i,), (j - 1, j)))
                if i + 1 in free_old:
                    pairs.append(((i, i + 1), (j,)))
                if i - 1 in free_old:
                    pairs.append(((i - 1, i), (j,)))
                for pair in pairs:
                    shared = self.matched(*pair)
                    if shared:
                        # A neighbour that adds no words in common is not part of a split.
                        scored.append((-shared + 0.5 * (len(pair[0]) + len(pair[1]) - 2), pair))
        scored.sort()
        chosen: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        used_old: set[int] = set()
        used_new: set[int] = set()
        for _, (pair_old, pair_new) in scored:
            if used_old.isdisjoint(pair_old) and used_new.isdisjoint(pair_new):
                used_old.update(pair_old)
                used_new.update(pair_new)
                chosen.append((pair_old, pair_new))
        return chosen


def _common(a: list[str], b: list[str]) -> int:
    """Words two sentences have in common, counted with repeats, in any order."""
    counts = Counter(b)
    common = 0
    for word in a:
        if counts.get(word, 0) > 0:
            counts[word] -= 1
            common += 1
    return common


def _pair_gap(olds: list[int], news: list[int], similarity: _Similarity) -> list[tuple[list[int], list[int]]]:
    """In-order pairs (1-1, 1-2 split, 2-1 merge) that keep the most words in common."""
    n, m = len(olds), len(news)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for x in range(n + 1):
        for y in range(m + 1):
            if x == 0 and y == 0:
                continue
            options: list[tuple[float, tuple[int, int]]] = []
            if x:
                options.append((best[x - 1][y], (1, 0)))
            if y:
                options.append((best[x][y - 1], (0, 1)))
            for dx, dy in ((1, 1), (1, 2), (2, 1)):
                if x >= dx and y >= dy:
                    shared = similarity.matched(tuple(olds[x - dx:x]), tuple(news[y - dy:y]))
                    if shared:
                        options.append((best[x - dx][y - dy] + shared + 0.01 * (dx == dy), (dx, dy)))
            best[x][y], step[x][y] = max(options, key=lambda o: o[0])
    pairs = []
    x, y = n, m
    while x or y:
        dx, dy = step[x][y]  # type: ignore[misc]
        if dx and dy:
            pairs.append((olds[x - dx:x], news[y - dy:y]))
        x, y = x - dx, y - dy
    pairs.reverse()
    return pairs


def _change(unit: _Unit, old: Sequence[Sentence], new: Sequence[Sentence]) -> Change:
    olds = [old[i] for i in unit.old]
    news = [new[j] for j in unit.new]
    old_text = " ".join(s.text for s in olds) or None
    new_text = " ".join(s.text for s in news) or None
    old_category = next((s.category for s in olds if s.category), None)
    new_category = next((s.category for s in news if s.category), None)
    old_paragraph = olds[0].paragraph if olds else None
    new_paragraph = news[0].paragraph if news else None
    if not olds:
        kind = "added"
    elif not news:
        kind = "removed"
    elif len(olds) == len(news) == 1 and normalise(olds[0].text) == normalise(news[0].text):
        kind = "same" if unit.in_order else "moved"
    else:
        kind = "changed"
    return Change(kind, old_text, new_text, old_paragraph, new_paragraph, old_category, new_category)


def work_out_words(changes: Iterable[Change]) -> None:
    """Every changed sentence's word runs worked out now (ahead, in a worker)."""
    for change in changes:
        change.words  # noqa: B018 - the property keeps what it works out


def word_changes(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The runs of a changed sentence: ("=", kept), ("-", removed), ("+", added). The
    "=" and "-" runs spell the old sentence, the "=" and "+" runs the new one."""
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    # Alternating blocks: kept text, or (removed, added) text.
    blocks: list[tuple[str, str, str]] = []  # (kept, removed, added)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            kept = "".join(a[a0:a1])
            blocks.append((kept, "", ""))
        else:
            blocks.append(("", "".join(a[a0:a1]), "".join(b[b0:b1])))
    # A kept stretch of only spaces or punctuation between two changes reads better as
    # part of one change ("-large increases+small decreases", not three runs).
    merged: list[tuple[str, str, str]] = []
    for index, block in enumerate(blocks):
        kept, removed, added = block
        inside = 0 < index < len(blocks) - 1
        if kept and inside and not _WORD.search(kept) and not blocks[index - 1][0] and not blocks[index + 1][0]:
            block = ("", kept, kept)
            kept = ""
        if merged and not block[0] and not merged[-1][0]:
            previous = merged.pop()
            block = ("", previous[1] + block[1], previous[2] + block[2])
        elif merged and block[0] and merged[-1][0]:
            previous = merged.pop()
            block = (previous[0] + block[0], "", "")
        merged.append(block)
    runs: list[tuple[str, str]] = []
    for kept, removed, added in merged:
        if kept:
            runs.append(("=", kept))
        if removed:
            runs.append(("-", removed))
        if added:
            runs.append(("+", added))
    return tuple(runs)


def spell(runs: Sequence[tuple[str, str]], side: str) -> str:
    """The old ("-") or new ("+") sentence spelled by a changed sentence's runs."""
    return "".join(text for op, text in runs if op in ("=", side))


def summary_counts(changes: Sequence[Change]) -> dict[str, int]:
    counts = dict.fromkeys(CHANGES, 0)
    for change in changes:
        counts[change.change] += 1
    return counts
