"""Sentences of a paragraph, each with its directive (or none)."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import overload

from minutesreader.core import directive_grammar as grammar
from minutesreader.core.directives import CATEGORIES, Directive, DirectiveClassifier
from minutesreader.core.language import has_directive_rules
from minutesreader.core.reports import Paragraph, Report
from minutesreader.core.sentences import split_sentences
from minutesreader.core.sentences_zh import split_chinese_sentences


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
_CLOSING = frozenset(".!?:;\"”’')]。！？；：」』）")
# ... unless it is an item of a list or of notes ("* Rich will start the thread"), which
# needs no full stop.
_ITEM = re.compile(r"^(?:[*•\-–]\s|\[[ xX]\]\s|\(?[0-9a-z]{1,2}[.)]\s)")
# ... or a line that lays a duty ("Resolution 3 - That the Council should appoint the
# accountant"): a heading names a subject, it does not say what must be done.
_DUTY = re.compile(r"(?<=\w\s)(?:should|must|shall)\b", re.IGNORECASE)
# ... or a line of notes that someone said or that runs on after a comma ("Florian:
# ...", "When you do, please add ..."): a subtitle has neither.
_UTTERANCE = re.compile(r"^\S{1,20}(?:\s\S{1,20})?:\s|,\s")


def split_for(language: str) -> Callable[[str], list[tuple[int, int]]]:
    """The sentence splitter for a report's language: Chinese and Japanese end at 。."""
    return split_chinese_sentences if language in ("zh", "ja") else split_sentences


def analyze_paragraph(
    paragraph: Paragraph, classifier: DirectiveClassifier, lead_in: str | None = None
) -> list[AnalyzedSentence]:
    """The sentences of `paragraph`. `lead_in` is the category of a lead-in that ended
    the paragraph before ("partners must:"), whose list may go on here."""
    return _analyze(paragraph, classifier, lead_in)[0]


def _analyze(
    paragraph: Paragraph, classifier: DirectiveClassifier, lead_in: str | None
) -> tuple[list[AnalyzedSentence], str | None]:
    """analyze_paragraph, and the lead-in still open at its end (trailing_lead_in)."""
    text = paragraph.text
    language = paragraph.language
    sentences = []
    ruled = has_directive_rules(language)
    for start, end in split_for(language)(text):
        sentence = text[start:end]
        heading = paragraph.headline or (
            (text.startswith("\n", end) or _page_top_line(paragraph, end))
            and sentence[-1] not in _CLOSING and not _ITEM.match(sentence) and not _UTTERANCE.search(sentence)
            and not _DUTY.search(sentence)
        )
        directive = None if heading or not ruled else classifier.classify(sentence, language)
        if lead_in is not None and lead_in.startswith(COMMANDS):
            directive = _command_item(sentence, lead_in[len(COMMANDS):], directive) if ruled else directive
        elif lead_in is not None and not heading and ruled:
            directive = _list_item(sentence, lead_in, directive)
        sentences.append(AnalyzedSentence(start, end, text, directive))
        lead_in = _governs(sentences[-1], lead_in)
    return sentences, lead_in


def _page_top_line(paragraph: Paragraph, end: int) -> bool:
    """A short line of its own near the top of a stored page ("Leaders vow to boost
    trade", under the site's furniture) is a headline, though not the first line."""
    text = paragraph.text
    # A line with a Markdown link ("Review the [board](...)") is from notes, not a page's top.
    return paragraph.number <= 3 and end == len(text) and "\n" not in text and text.count(" ") < 14 and "](" not in text


def _list_item(sentence: str, lead_in: str, own: Directive | None) -> Directive | None:
    """An item of a list under a lead-in takes its category ("The ministers agreed that
    partners must: (i) share the data; (ii) fund the registry"), unless its own is
    stronger; the item's own trigger, or else its first word, is the trigger."""
    item = grammar.LIST_ITEM.match(sentence)
    if item is None:
        return own
    if lead_in == OPTIONS:  # "1. Rearrange the meeting" as one of the options: undecided
        return own if own is not None and own.category != "task" else None
    if own is None and (_sub_title(sentence) or _NOTHING.match(item.group("word"))
                        or _LINK_ONLY.match(sentence, item.start("word"))):
        return None
    if own is not None:
        stronger = min(own.category, lead_in, key=CATEGORIES.index)
        return Directive(stronger, own.trigger, own.start, own.end)
    return Directive(lead_in, item.group("word"), item.start("word"), item.end("word"))


def _sub_title(sentence: str) -> bool:
    """"- Sovereign Tech Fund": the title of a sub-list, not an item of its own."""
    item = grammar.LIST_ITEM.match(sentence)
    words = sentence[item.start("word"):].split() if item else []
    return 0 < len(words) <= 5 and all(word[:1].isupper() for word in words)


# "- https://github.com/...", "- Next: https://...": a link under the lead-in, what to act
# on, not an act.
_LINK_ONLY = re.compile(r"(?:[\w ]{1,20}:\s*)?<?https?://\S+\s*$")
# "* Nothing new to report", "- No update": an item that says there is nothing to do.
_NOTHING = re.compile(r"(?:nothing|no|none|n/a)\b", re.IGNORECASE)


# A lead-in that offers a choice ("The Mayor has three options:"): the items under it are
# alternatives, none of them decided. Stands for a lead-in "category".
OPTIONS = "options"


# A lead-in whose colon the sentence runs on past, into its first command ("the
# Committee directs the Desk to: Undertake open market operations ... . Conduct overnight
# ... . Roll over at auction ..."): the commands that follow, sentence after sentence, each
# opening with its verb, are its items until the quotation closes. Stands for a lead-in
# "category": COMMANDS and the category.
COMMANDS = "commands:"
_RUN_ON_LEAD_IN = re.compile(r"\b(?:to|following)\s*:\s+(?=[A-Z][a-z]+\s)")
# A sentence that opens with a capitalised verb: not a determiner, a pronoun, a
# preposition or a conjunction, nor an adverb, a participle or a verb in the third person
# ("Overall ...", "Members agreed ...", "Job gains have been ..."); nor a word followed by
# a finite verb.
_COMMAND_ITEM = re.compile(
    r"^[\s\"“]*(?!(?:The|This|That|These|Those|It|Its|We|They|He|She|There|Here|In|On|At|For|With|As|If|When|While|"
    r"After|Before|By|Of|To|From|A|An|All|Some|Most|Many|Members|Participants|Such|Any|Each|Both|But|And|Or|So|However|"
    r"Also|Overall|Over|Under|Since|Although|Because|Given|One|Two|Three|Several|Other|Another)\b)"
    r"(?P<word>[A-Z][a-z]+)(?<!ly)(?<!ing)(?<!ed)(?<![^s]s)\s+"
    r"(?!(?:is|are|was|were|has|have|had|will|would|should|can|could|may|might|must|and)\b)\S")
_QUOTE_CLOSED = re.compile(r"[.!?][\"”]\s*$")


def _command_item(sentence: str, category: str, own: Directive | None) -> Directive | None:
    """A command under a run-on lead-in takes its category, unless its own is stronger."""
    item = _COMMAND_ITEM.match(sentence)
    if item is None:
        return own
    if own is not None:
        return Directive(min(own.category, category, key=CATEGORIES.index), own.trigger, own.start, own.end)
    return Directive(category, item.group("word"), item.start("word"), item.end("word"))


def _governs(sentence: AnalyzedSentence, lead_in: str | None) -> str | None:
    """The category that the next sentence inherits if it is a list item."""
    directive = sentence.directive
    if lead_in is not None and lead_in.startswith(COMMANDS):
        # The commands go on while each opens with its verb, up to the closing quotation mark.
        if _COMMAND_ITEM.match(sentence.text) and not _QUOTE_CLOSED.search(sentence.text):
            return lead_in
        return None
    if directive is not None:
        run_on = _RUN_ON_LEAD_IN.search(sentence.text, directive.end)
        if run_on is not None and not _QUOTE_CLOSED.search(sentence.text) and _COMMAND_ITEM.match(
                sentence.text[run_on.end():]):
            return COMMANDS + directive.category
    if lead_in == OPTIONS and grammar.LIST_ITEM.match(sentence.text):
        return OPTIONS
    if directive is None and lead_in is not None and _sub_title(sentence.text):
        return lead_in  # the list goes on under its sub-title
    if directive is None:
        # A heading "Action items" makes the list under it a list of tasks, whatever
        # shape each item has ("- Tim: Preliminary review of DEP 10").
        if grammar.ACTION_HEADING.match(sentence.text):
            return "task"
        return OPTIONS if grammar.ALTERNATIVES.search(sentence.text) else None
    # A lead-in ends with a colon, or breaks off at "that" ("We would like to see a
    # proposal that"): its items complete it.
    # Only when the trigger is in the clause that the colon ends: in "Need someone to
    # write it up; points include:" the items are what it includes, not what is needed.
    text = sentence.text.rstrip()
    if text.endswith((":", "：")) and ";" not in text[directive.end:] or grammar.BROKEN_OFF.search(text):
        return directive.category
    # An item that inherited keeps the list going; one with its own trigger too.
    return lead_in if grammar.LIST_ITEM.match(sentence.text) else None


def trailing_lead_in(sentences: list[AnalyzedSentence], lead_in: str | None = None) -> str | None:
    """The lead-in category still open at the end of a paragraph that began under
    `lead_in`, for the next one."""
    for sentence in sentences:
        lead_in = _governs(sentence, lead_in)
    return lead_in


def analyze_report(report: Report, classifier: DirectiveClassifier) -> list[list[AnalyzedSentence]]:
    analysis: list[list[AnalyzedSentence]] = []
    lead_in: str | None = None
    for paragraph in report.paragraphs:
        # The lead-in as the paragraph's own analysis left it: trailing_lead_in would
        # ask each sentence again (~2 ms of the FOMC minutes' 32).
        sentences, lead_in = _analyze(paragraph, classifier, lead_in)
        analysis.append(sentences)
    return analysis


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
        self._lead_in: list[str | None] = [None] * len(report.paragraphs)  # each paragraph began under

    def __len__(self) -> int:
        return len(self._paragraphs)

    def grow(self) -> None:
        """The report has more paragraphs (a big report is read in parts)."""
        added = len(self.report.paragraphs) - len(self._paragraphs)
        self._paragraphs.extend([None] * added)
        self._lead_in.extend([None] * added)

    @overload
    def __getitem__(self, index: int) -> list[AnalyzedSentence]: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[AnalyzedSentence]]: ...
    def __getitem__(self, index: int | slice) -> list[AnalyzedSentence] | list[list[AnalyzedSentence]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        sentences = self._paragraphs[index]
        if sentences is None:
            # A list may run on from the paragraphs before: work those out first, from
            # the first that is not an item, without recursing.
            paragraphs = self.report.paragraphs
            first = index
            while first > 0 and self._paragraphs[first - 1] is None and _ITEM.match(paragraphs[first].text):
                first -= 1
            for number in range(first, index + 1):
                if self._paragraphs[number] is None:
                    lead_in = None
                    if number > 0 and (_ITEM.match(paragraphs[number].text) or _COMMAND_ITEM.match(paragraphs[number].text)):
                        before = self._paragraphs[number - 1]
                        if before is None:  # only when `first` stopped at a paragraph not an item
                            before = analyze_paragraph(paragraphs[number - 1], self.classifier)
                        lead_in = trailing_lead_in(before, self._lead_in[number - 1])
                    self._lead_in[number] = lead_in
                    self._paragraphs[number] = analyze_paragraph(paragraphs[number], self.classifier, lead_in)
            sentences = self._paragraphs[index]
            assert sentences is not None
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


def next_directive(analysis: Sequence[list[AnalyzedSentence]], paragraph: int, sentence: int, step: int,
                   within: int | None = None) -> tuple[int, int] | None:
    """(paragraph, sentence) of the first directive after (step 1) or before (step -1) this
    sentence, in reading order; None if there is none that way (within that many more
    paragraphs, if given: a paragraph not worked out yet costs ~0.2 ms)."""
    index, sentences, position = paragraph, analysis[paragraph], sentence + step
    while True:
        while 0 <= position < len(sentences):
            if sentences[position].directive is not None:
                return index, position
            position += step
        index += step
        if not 0 <= index < len(analysis) or within is not None and abs(index - paragraph) > within:
            return None
        sentences = analysis[index]
        position = 0 if step > 0 else len(sentences) - 1
