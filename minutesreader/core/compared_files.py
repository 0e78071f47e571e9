"""Comparisons of report files, kept for a few pairs and worked out once however many
threads ask.

The reader compares its report with the previous one of the series while the user reads,
so that `D` only draws; `D` pressed before that is done waits for the same work instead
of starting a second copy beside it (two threads on one GIL: both finish late). A
report's sentences are kept too, by file, so that stepping through a series (049
against 048, then 048 against 047) analyses each report once, and the reader can hand
over the sentences and directives it has already found for its own report.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future
from functools import lru_cache
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from minutesreader.core.analysis import AnalyzedSentence, analyze_report
from minutesreader.core.compare import Change, Sentence, compare_sentences, sentences_of
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.file_stat import size_and_mtime
from minutesreader.core.library import ReportUnreadable, read_report
from minutesreader.core.reports import Report

T = TypeVar("T")
Comparison = tuple[Report, Report, tuple[Change, ...]]
Analysed = tuple[Report, list[Sentence]]


class OnceEach(Generic[T]):
    """Results by key, the last `size` kept; a key asked for while it is being worked
    out waits for that work (a failure is raised to every waiter, and not kept)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._done: OrderedDict[Hashable, T] = OrderedDict()
        self._running: dict[Hashable, Future[T]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, work: Callable[[], T]) -> T:
        with self._lock:
            if key in self._done:
                self._done.move_to_end(key)
                return self._done[key]
            running = self._running.get(key)
            if running is None:
                running = self._running[key] = Future()
                mine = True
            else:
                mine = False
        if not mine:
            return running.result()
        try:
            result = work()
        except BaseException as exc:
            running.set_exception(exc)
            with self._lock:
                del self._running[key]
            raise
        with self._lock:
            self._done[key] = result
            while len(self._done) > self.size:
                self._done.popitem(last=False)
            del self._running[key]
        running.set_result(result)
        return result

    def peek(self, key: Hashable) -> T | None:
        """The result if already worked out, without waiting or working."""
        with self._lock:
            return self._done.get(key)

    def clear(self) -> None:
        with self._lock:
            self._done.clear()


class SentenceKeeper(Protocol):
    """Reports' sentences kept between runs (storage.kept_sentences.KeptSentences)."""

    def load(self, path: Path, signature: tuple[int, int], rules: str) -> list[tuple[str, int, str | None]] | None: ...

    def save(self, path: Path, signature: tuple[int, int], rules: str, rows: list[tuple[str, int, str | None]]) -> None: ...


_comparisons: OnceEach[Comparison] = OnceEach(8)
_reports: OnceEach[Analysed] = OnceEach(4)  # stepping through a series needs two or three


def file_signature(path: Path) -> tuple[int, int]:
    """Size and mtime, (-1, -1) for a file that cannot be looked at (a key of the caches)."""
    return size_and_mtime(path) or (-1, -1)


def _key(old: Path, new: Path, classifier: DirectiveClassifier) -> tuple[Hashable, ...]:
    return (old, file_signature(old), new, file_signature(new), classifier)


def compare_files(old: Path, new: Path, classifier: DirectiveClassifier,
                  new_analysed: tuple[Report, Sequence[list[AnalyzedSentence]]] | None = None,
                  keeper: SentenceKeeper | None = None) -> Comparison:
    """Two report files compared (raises ReportUnreadable). `new_analysed`: the new
    report as the reader read it and its analysis (filled or not), used instead of
    reading and analysing the file again. `keeper`: where reports' sentences are kept
    between runs (the newer report is the older one of the next comparison)."""
    from_reader: list[list[Sentence]] = []  # the reader's sentences, if this thread worked them out

    def work() -> Comparison:
        old_report, old_sentences = analysed_file(old, classifier, keeper)
        if new_analysed is not None:
            new_report = new_analysed[0]
            kept = _kept_for_reader(new, new_report, classifier, keeper) if keeper is not None else None
            if kept is not None:  # not waiting for the reader's search for directives
                new_sentences = kept
            else:
                new_sentences = sentences_of(*new_analysed)
                from_reader.append(new_sentences)
        else:
            new_report, new_sentences = analysed_file(new, classifier, keeper)
        return old_report, new_report, tuple(compare_sentences(old_sentences, new_sentences))

    comparison = _comparisons.get(_key(old, new, classifier), work)
    if from_reader and keeper is not None:  # after the comparison is handed to whoever waits for it
        _keep_from_reader(new, comparison[1], from_reader[0], classifier, keeper)
    return comparison


def _kept_for_reader(path: Path, report: Report, classifier: DirectiveClassifier, keeper: SentenceKeeper) -> list[Sentence] | None:
    """The kept sentences of the reader's report, if the file still holds what it read."""
    rows = keeper.load(path, file_signature(path), detection_key(classifier))
    return [Sentence(*row) for row in rows] if rows is not None and _unchanged(path, report) else None


def _unchanged(path: Path, report: Report) -> bool:
    try:
        return [(p.number, p.text) for p in read_report(path).paragraphs] == [(p.number, p.text) for p in report.paragraphs]
    except ReportUnreadable:
        return False


def _keep_from_reader(path: Path, report: Report, sentences: list[Sentence], classifier: DirectiveClassifier,
                      keeper: SentenceKeeper) -> None:
    """Keep the sentences of the reader's report, if the file still holds what it read."""
    signature = file_signature(path)  # before the read: a change meanwhile is seen next time
    if _unchanged(path, report):
        keeper.save(path, signature, detection_key(classifier), [(s.text, s.paragraph, s.category) for s in sentences])


def compared_already(old: Path, new: Path, classifier: DirectiveClassifier) -> Comparison | None:
    """The comparison if it is already worked out: the redline then draws it at once."""
    return _comparisons.peek(_key(old, new, classifier))


def analysed_file(path: Path, classifier: DirectiveClassifier, keeper: SentenceKeeper | None = None) -> Analysed:
    """A report file read and its sentences found, kept by file for the last few (and
    between runs by `keeper`)."""

    def work() -> Analysed:
        signature = file_signature(path)  # before the read: a change meanwhile is seen next time
        report = read_report(path)
        rows = keeper.load(path, signature, detection_key(classifier)) if keeper is not None else None
        if rows is not None:
            return report, [Sentence(*row) for row in rows]
        sentences = sentences_of(report, analyze_report(report, classifier))
        if keeper is not None:
            keeper.save(path, signature, detection_key(classifier), [(s.text, s.paragraph, s.category) for s in sentences])
        return report, sentences

    return _reports.get((path, file_signature(path), classifier), work)


@lru_cache(maxsize=4)
def detection_key(classifier: DirectiveClassifier) -> str:
    """Changes whenever a sentence's directive category could: the code that splits and
    classifies sentences (every module of core/, and the learned model's weights) or the
    user's rules."""
    digest = hashlib.sha1(repr(classifier.rules).encode())
    folder = Path(__file__).parent
    for source in sorted([*folder.glob("*.py"), *folder.glob("*.json")]):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def forget() -> None:
    """Drop what is kept (for benchmarks that time the work from nothing)."""
    _comparisons.clear()
    _reports.clear()
