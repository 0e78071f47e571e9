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


def test_the_older_reports_sentences_are_kept_between_runs_for_the_same_file_and_rules(tmp_path, monkeypatch):
    """`D` in a freshly started app: the previous report, compared once before, is not
    analysed again; a changed file or other rules are."""
    import shutil

    import minutesreader.core.compared_files as compared_files
    from minutesreader.core.directives import DirectiveClassifier
    from minutesreader.storage.kept_sentences import KeptSentences

    old = tmp_path / OLD.name
    shutil.copy(OLD, old)
    keeper = KeptSentences.for_store(tmp_path / "store")
    classifier = DirectiveClassifier()
    expected = compare_reports(read_report(old), read_report(NEW), classifier)
    forget()
    assert list(compare_files(old, NEW, classifier, keeper=keeper)[2]) == expected
    analysed: list[str] = []
    real = compared_files.analyze_report
    monkeypatch.setattr(compared_files, "analyze_report", lambda report, c: analysed.append(report.id) or real(report, c))

    forget()  # a new run: only what is on disk is kept
    assert list(compare_files(old, NEW, classifier, keeper=keeper)[2]) == expected
    assert analysed == []  # both reports' sentences came from the disk

    forget()  # other rules: every directive category may differ
    other = DirectiveClassifier(never_triggers=["the Committee"])
    assert list(compare_files(old, NEW, other, keeper=keeper)[2]) == compare_reports(read_report(old), read_report(NEW), other)
    assert sorted(analysed) == sorted([old.stem, NEW.stem])
    analysed.clear()

    forget()  # the file edited: read and analysed again, its new sentence compared
    old.write_text(old.read_text(encoding="utf-8") + "\n\nA sentence added since.\n", encoding="utf-8")
    changes = compare_files(old, NEW, classifier, keeper=keeper)[2]
    assert any(change.old == "A sentence added since." and change.change == "removed" for change in changes)
    assert old.stem in analysed

    forget()  # the reader's own report is kept too: it is the older one of the next comparison
    for kept in keeper.folder.iterdir():
        kept.unlink()
    new = read_report(NEW)
    compare_files(old, NEW, classifier, (new, ReportAnalysis(new, classifier)), keeper)
    forget()
    analysed.clear()
    compare_files(NEW, old, classifier, keeper=keeper)
    assert analysed == []

    class NotAnalysedYet(list):  # the reader still looking for directives
        def __getitem__(self, index):
            raise AssertionError("the reader's analysis was waited for")

    forget()  # and then used instead of waiting for the reader's analysis, the file unchanged
    assert list(compare_files(old, NEW, classifier, (read_report(NEW), NotAnalysedYet()), keeper)[2]) == compare_reports(
        read_report(old), read_report(NEW), classifier)

    for kept in keeper.folder.iterdir():  # a damaged entry is a miss, not an error
        kept.write_bytes(b"\x00garbage")
    forget()
    assert list(compare_files(old, NEW, classifier, keeper=keeper)[2]) == list(changes)
