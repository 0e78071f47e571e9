"""Sentences of a paragraph, each with its directive (or none)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from minutesreader.core.directives import CATEGORIES, Directive, DirectiveClassifier
from minutesreader.core.reports import Paragraph, Report
from minutesreader.core.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class AnalyzedSentence:
    start: int
    end: int
    text: str
    directive: Directive | None


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
        sentences.append(AnalyzedSentence(start, end, sentence, directive))
    return sentences


def analyze_report(report: Report, classifier: DirectiveClassifier) -> list[list[AnalyzedSentence]]:
    return [analyze_paragraph(p, classifier) for p in report.paragraphs]


def directive_counts(analysis: list[list[AnalyzedSentence]]) -> dict[str, int]:
    counts = Counter(s.directive.category for para in analysis for s in para if s.directive)
    return {category: counts.get(category, 0) for category in CATEGORIES}
