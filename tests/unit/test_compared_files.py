"""Comparisons of report files: worked out once however many threads ask, the same
whether the reader hands over its own analysis or the file is read again."""

from __future__ import annotations

import threading

import pytest

from minutesreader.core.analysis import ReportAnalysis
from minutesreader.core.compare import compare_reports
from minutesreader.core.compared_files import OnceEach, compare_files, compared_already, forget
from minutesreader.core.directives import load_classifier
from minutesreader.core.library import ReportUnreadable, read_report
from tests.conftest import BUNDLED_LIBRARY

OLD = BUNDLED_LIBRARY / "047_5f5873a58be44df2.txt"
NEW = BUNDLED_LIBRARY / "048_653eb7bcc905d09c.txt"


def test_a_comparison_asked_for_while_under_way_waits_for_it_instead_of_working_again():
    """`D` pressed while the reader compares ahead: one piece of work, not two side by side."""
    kept: OnceEach[object] = OnceEach(2)
    entered, release = threading.Event(), threading.Event()
    calls: list[int] = []
    results: list[object] = []

    def work() -> object:
        calls.append(1)
        entered.set()
        release.wait(10)
        return object()

    first = threading.Thread(target=lambda: results.append(kept.get("pair", work)))
    first.start()
    entered.wait(10)
    second = threading.Thread(target=lambda: results.append(kept.get("pair", work)))
    second.start()
    release.set()
    first.join(10)
    second.join(10)
    assert len(calls) == 1 and len(results) == 2 and results[0] is results[1]
    assert kept.peek("pair") is results[0]


def test_a_failure_reaches_every_asker_and_is_not_kept():
    kept: OnceEach[int] = OnceEach(2)

    def fails() -> int:
        raise ReportUnreadable("gone")

    with pytest.raises(ReportUnreadable):
        kept.get("pair", fails)
    assert kept.peek("pair") is None
    assert kept.get("pair", lambda: 3) == 3


def test_the_readers_analysis_gives_the_same_comparison_as_the_files(tmp_path):
    forget()
    classifier, _ = load_classifier(None)
    expected = compare_reports(read_report(OLD), read_report(NEW), classifier)
    assert compared_already(OLD, NEW, classifier) is None
    new = read_report(NEW)
    analysis = ReportAnalysis(new, classifier)  # not filled: paragraphs analysed as asked for
    _, shown_new, changes = compare_files(OLD, NEW, classifier, (new, analysis))
    assert list(changes) == expected and shown_new is new
    assert compared_already(OLD, NEW, classifier) is not None
    forget()
    assert list(compare_files(OLD, NEW, classifier)[2]) == expected
