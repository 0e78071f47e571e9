"""A big report's directives are counted a paragraph at a time: the same counts as the
whole report, and a scan abandoned part way (a quit) stops within a paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

import minutesreader.core.catalog as catalog_module
import minutesreader.core.directive_count as count_module
from minutesreader.core import report_parts
from minutesreader.core.catalog import Catalog
from minutesreader.core.directive_count import summarize_in_parts
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.library import read_report, summarize
from tests.conftest import BUNDLED_LIBRARY, MODEL_READOUT

FOMC = BUNDLED_LIBRARY / "048_653eb7bcc905d09c.txt"
# A lead-in whose list runs on over the next paragraphs: counted across a part's end too.
LIST = "The ministers agreed that partners must:\n\n(i) share the data;\n\n(ii) fund the registry.\n\n"


class CountingClassifier(DirectiveClassifier):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def classify(self, sentence, language="en"):
        self.calls += 1
        return super().classify(sentence, language)


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of a few KB, so that a report of ~200 KB is read in many of them."""
    monkeypatch.setattr(report_parts, "FIRST_PART_BYTES", 3_000)
    monkeypatch.setattr(report_parts, "PART_BYTES", 2_000)


def _big_report(folder: Path) -> Path:
    path = folder / "big.txt"
    readouts = [MODEL_READOUT.read_text("utf-8"), FOMC.read_text("utf-8")]
    path.write_text("\n\n".join(readouts + [LIST] + readouts + [LIST * 3]), encoding="utf-8")
    return path


def _drain(counting):
    while True:
        try:
            next(counting)
        except StopIteration as finished:
            return finished.value


def test_a_report_counted_in_parts_has_the_counts_of_the_whole(tmp_path, small_parts):
    path = _big_report(tmp_path)
    classifier = DirectiveClassifier()
    whole = summarize(path, classifier)
    assert whole.directives > 50 and len(read_report(path).paragraphs) > 100
    assert _drain(summarize_in_parts(path, classifier)) == whole


def test_a_chinese_report_read_in_parts_is_split_and_labelled_as_the_whole(tmp_path, small_parts):
    # Later parts were split as English and labelled English: a Chinese report over 1 MB
    # lost its directives after the first part.
    sentence = "会议强调，各部门必须加强协调，抓紧落实各项任务。"
    paragraphs = [sentence * (1 + i % 40) for i in range(120)] + ["The council must act now on the budget."]
    path = tmp_path / "zh.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    whole = read_report(path)
    report, later = report_parts.read_in_parts(path)
    parts = list(report.paragraphs) + [p for more in later for p in more]
    assert parts == whole.paragraphs
    classifier = DirectiveClassifier()
    assert _drain(summarize_in_parts(path, classifier)) == summarize(path, classifier)


def test_a_long_run_in_a_later_part_is_broken_as_in_the_whole(tmp_path, small_parts):
    path = tmp_path / "run.txt"
    path.write_text("Opening words of the meeting.\n\n" * 200 + "x" * 5_000 + " must end.\n\nLast.", encoding="utf-8")
    report, later = report_parts.read_in_parts(path)
    assert list(report.paragraphs) + [p for more in later for p in more] == read_report(path).paragraphs


def test_a_scan_abandoned_while_counting_a_big_report_stops_within_a_paragraph(tmp_path, small_parts, monkeypatch):
    monkeypatch.setattr(count_module, "COUNT_IN_PARTS_ABOVE", 10_000)
    monkeypatch.setattr(catalog_module, "COUNT_IN_PARTS_ABOVE", 10_000)
    monkeypatch.setattr(catalog_module, "PROGRESS_EVERY_SECONDS", 0)
    folder = tmp_path / "library"
    folder.mkdir()
    _big_report(folder)
    everything = CountingClassifier()
    for _ in Catalog(folder, everything, None).scan():
        pass

    classifier = CountingClassifier()
    scan = Catalog(folder, classifier, None).scan()
    for progress in scan:
        if progress.stage == "counting" and progress.done < progress.total:
            break  # the big report is being counted: the user quits
    scan.close()
    assert 0 < classifier.calls < everything.calls / 20
