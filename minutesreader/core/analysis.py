"""Sentences of a paragraph, each with its directive (or none)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from minutesreader.core.directives import CATEGORIES, Directive, DirectiveClassifier
from minutesreader.core.reports import Paragraph, Report
from minutesreader.core.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class AnalyzedSentence:
    start: int
    end: int
    # The paragraph's text, shared by its sentences: a copy per sentence doubled the
    # memory of a 50 MB report once analysed.
    paragraph_text: str = field(repr=False)
    directive: Directive | None

    @property
    def text(self) -> str:
        return self.paragraph_text[self.start:self.end]


# A sentence that ends at a kept line break without any closing punctuation is a
# heading line (a subtitle under the headline): like a headline, never a directive,
# even when imperative in form.
_CLOSING = frozenset(".!?:;\"”’')]")


def analyze_paragraph(paragraph: Paragraph, classifier: DirectiveClassifier) -> list[AnalyzedSentence]:
    text = paragraph.text
    sentences = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        heading = paragraph.headline or (text.startswith("\n", end) and sentence[-1] not in _CLOSING)
        directive = None if heading else classifier.classify(sentence)
        sentences.append(AnalyzedSentence(start, end, text, directive))
    return sentences


def analyze_report(report: Report, classifier: DirectiveClassifier) -> list[list[AnalyzedSentence]]:
    return [analyze_paragraph(p, classifier) for p in report.paragraphs]


def directive_counts(analysis: list[list[AnalyzedSentence]]) -> dict[str, int]:
    counts = Counter(s.directive.category for para in analysis for s in para if s.directive)
    return {category: counts.get(category, 0) for category in CATEGORIES}


class ReportAnalysis(Sequence[list[AnalyzedSentence]]):
    """The sentences and directives of every paragraph, each worked out when first needed.

    The reader draws a paragraph as soon as it is on screen, so a long report opens at
    once; a worker fills in the rest (`fill`) for the counts and the outline. Two threads
    may work out the same paragraph: the result is the same, and assigning it is atomic.
    """

    def __init__(self, report: Report, classifier: DirectiveClassifier) -> None:
        self.report = report
        self.classifier = classifier
        self._paragraphs: list[list[AnalyzedSentence] | None] = [None] * len(report.paragraphs)

    def __len__(self) -> int:
        return len(self._paragraphs)

    def grow(self) -> None:
        """The report has more paragraphs (a big report is read in parts)."""
        self._paragraphs.extend([None] * (len(self.report.paragraphs) - len(self._paragraphs)))

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        sentences = self._paragraphs[index]
        if sentences is None:
            sentences = analyze_paragraph(self.report.paragraphs[index], self.classifier)
            self._paragraphs[index] = sentences
        return sentences

    def fill(self, should_stop: Callable[[], bool] = lambda: False,
             progress: Callable[[int, int], None] | None = None, every: float = 0.1) -> bool:
        """Work out every paragraph; False if stopped first."""
        total = len(self)
        last = time.monotonic()
        for index in range(total):
            if should_stop():
                return False
            self[index]
            if progress is not None and time.monotonic() - last > every:
                last = time.monotonic()
                progress(index + 1, total)
        return True
