"""The catalog's index: a start re-reads only the reports that changed (counted by calls)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import minutesreader.core.catalog as catalog_module
from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.library import read_listing, read_report, summarize
from minutesreader.core.listing import filter_reports
from minutesreader.storage.library_index import LibraryIndex
from tests.conftest import BUNDLED_LIBRARY
from tests.unit.catalog_helpers import scan, small_library


@pytest.fixture
def library(tmp_path) -> Path:
    return small_library(tmp_path)


@pytest.fixture
def calls(monkeypatch) -> dict[str, list[str]]:
    """Every file the catalog reads, by what it read it for."""
    seen: dict[str, list[str]] = {"listed": [], "counted": [], "text": []}

    def list_many(paths):
        seen["listed"] += [Path(p).name for p in paths]
        return [read_listing(Path(p)) for p in paths]

    def summarize_many(paths, classifier):
        seen["counted"] += [Path(p).name for p in paths]
        return [summarize(Path(p), classifier) for p in paths]

    real_read = catalog_module.read_report_text

    def read_report_text(path):
        seen["text"].append(Path(path).name)
        return real_read(path)

    monkeypatch.setattr(catalog_module, "list_many", list_many)
    monkeypatch.setattr(catalog_module, "summarize_many", summarize_many)
    monkeypatch.setattr(catalog_module, "read_report_text", read_report_text)
    return seen


def test_a_warm_start_reads_no_report(library, tmp_path, calls):
    scan(library, tmp_path / "index.sqlite3")
    assert sorted(calls["listed"]) == sorted(calls["counted"]) == sorted(p.name for p in library.iterdir())
    for seen in calls.values():
        seen.clear()
    catalog = scan(library, tmp_path / "index.sqlite3")
    assert calls == {"listed": [], "counted": [], "text": []}
    assert len(catalog.summaries) == 4 and all(s.counted for s in catalog.summaries.values())
    assert [s.id for s in filter_reports(catalog.listing, "must report").reports] == ["plain"]  # text from the cache


def test_a_changed_report_is_read_again_and_only_it(library, tmp_path, calls):
    scan(library, tmp_path / "index.sqlite3")
    for seen in calls.values():
        seen.clear()
    changed = library / "plain.txt"
    stat = changed.stat()
    changed.write_text(" date 2024-03-09 The council met. Officials shall file returns.\n", "utf-8")
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    catalog = scan(library, tmp_path / "index.sqlite3")
    assert calls["listed"] == calls["counted"] == ["plain.txt"]
    assert calls["text"] == []  # its text came with the listing; the others' from the cache
    assert catalog.summaries["plain"].date == "2024-03-09"
    assert catalog.summaries["plain"].counts == summarize(changed, DirectiveClassifier()).counts
    assert [s.id for s in filter_reports(catalog.listing, "officials").reports] == ["plain"]
    assert filter_reports(catalog.listing, "must report").reports == ()


def test_a_same_size_edit_is_seen_by_its_modification_time(library, tmp_path, calls):
    scan(library, tmp_path / "index.sqlite3")
    for seen in calls.values():
        seen.clear()
    changed = library / "plain.txt"
    text = changed.read_text("utf-8")
    stat = changed.stat()
    changed.write_text(text.replace("2024-02-01", "2024-02-02"), "utf-8")
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    catalog = scan(library, tmp_path / "index.sqlite3")
    assert calls["listed"] == ["plain.txt"]
    assert catalog.summaries["plain"].date == "2024-02-02"


def test_a_removed_report_leaves_the_list_and_the_index(library, tmp_path, calls):
    scan(library, tmp_path / "index.sqlite3")
    (library / "plain.txt").unlink()
    catalog = scan(library, tmp_path / "index.sqlite3")
    assert "plain" not in catalog.summaries
    assert not any(path.endswith("plain.txt") for path in LibraryIndex(tmp_path / "index.sqlite3", "key").entries())


def test_another_classifier_recounts_everything(library, tmp_path, calls):
    scan(library, tmp_path / "index.sqlite3")
    calls["counted"].clear()
    catalog = Catalog(library, DirectiveClassifier(), None, LibraryIndex(tmp_path / "index.sqlite3", "other rules"))
    for _ in catalog.scan():
        pass
    assert len(calls["counted"]) == 4


def test_the_listing_title_and_date_are_those_of_the_full_parse(tmp_path):
    long_line = tmp_path / "oneline.txt"
    long_line.write_text(" date 2020-01-02 " + "The committee met on Monday. " * 3000, "utf-8")
    for path in [*sorted(BUNDLED_LIBRARY.glob("*.txt")), long_line]:
        summary, _ = read_listing(path)
        report = read_report(path)
        assert (summary.title, summary.date) == (report.title, report.date), path.name


def test_typing_on_narrows_to_the_same_reports_as_a_fresh_filter(library, tmp_path):
    catalog = scan(library, tmp_path / "index.sqlite3")
    last = None
    for query in ["c", "co", "com", "comm", "committee", "committee m", "committee mu", "committee", "e"]:
        last = filter_reports(catalog.listing, query, last)
        assert last == filter_reports(catalog.listing, query), query


def test_the_scan_names_each_report_as_its_path_does(library, monkeypatch):
    # The index is keyed by these strings: a scan that spelled a path differently would
    # miss the index and read every report again.
    from minutesreader.core.library import report_files, report_paths

    monkeypatch.chdir(library)
    for folder in (library, Path("."), Path("/") / library.relative_to("/"), Path(str(library) + "/")):
        assert report_paths(folder) == [str(path) for path in report_files(folder)]
