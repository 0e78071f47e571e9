"""The library index in SQLite: migration from the JSON index, the filter's text, files
changed or removed while the app was closed."""

from __future__ import annotations

import json
import os
import random
import sqlite3
from pathlib import Path

import pytest

import minutesreader.core.catalog as catalog_module
import minutesreader.storage.library_index as library_index
from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.library import ReportSummary, read_listing, summarize
from minutesreader.core.listing import filter_reports
from minutesreader.core.paged import PagedRows
from minutesreader.storage.library_index import LibraryIndex
from tests.unit.catalog_helpers import scan, small_library


@pytest.fixture
def library(tmp_path) -> Path:
    return small_library(tmp_path)


def write_json_index(library: Path, index: LibraryIndex) -> dict[str, dict]:
    """The index as the JSON version of minutesreader left it (library-HASH.json and .text)."""
    classifier = DirectiveClassifier()
    reports = {}
    for path in sorted(library.glob("*.txt")):
        summary = summarize(path, classifier)
        reports[str(path)] = {name: getattr(summary, name) for name in ReportSummary.__slots__}
    index.legacy_path.parent.mkdir(parents=True, exist_ok=True)
    index.legacy_path.write_text(json.dumps({"version": 2, "classifier": "key", "reports": reports}), "utf-8")
    index.legacy_path.with_suffix(".text").write_bytes(b"minutesreader-text 1\n{\"files\": {}}\n")
    return reports


def reads(monkeypatch) -> list[str]:
    """The report files the catalog reads for their listing or counts."""
    seen: list[str] = []

    def list_many(paths):
        seen.extend(Path(p).name for p in paths)
        return [read_listing(Path(p)) for p in paths]

    def summarize_many(paths, classifier):
        seen.extend(Path(p).name for p in paths)
        return [summarize(Path(p), classifier) for p in paths]

    monkeypatch.setattr(catalog_module, "list_many", list_many)
    monkeypatch.setattr(catalog_module, "summarize_many", summarize_many)
    return seen


def test_the_json_index_is_migrated_once_and_no_report_is_read_again(library, tmp_path, monkeypatch):
    index = LibraryIndex(tmp_path / "index" / "library-x.sqlite3", "key")
    reports = write_json_index(library, index)
    seen = reads(monkeypatch)
    catalog = scan(library, index.path)
    assert seen == []  # listed and counted from the migrated rows
    assert {s.path: s.counts for s in catalog.summaries.values()} == {p: e["counts"] for p, e in reports.items()}
    assert not index.legacy_path.exists() and not index.legacy_path.with_suffix(".text").exists()
    assert [s.id for s in filter_reports(catalog.listing, "must report").reports] == ["plain"]


def test_a_migration_cut_short_leaves_no_index_behind_and_the_json_in_place(library, tmp_path, monkeypatch):
    index = LibraryIndex(tmp_path / "index" / "library-x.sqlite3", "key")
    write_json_index(library, index)

    def broken(self):
        yield from []
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(LibraryIndex, "_legacy_rows", broken)
    assert index.count() == (0, 0)  # read as empty: the list is read from the files
    assert sorted(p.name for p in index.path.parent.iterdir()) == ["library-x.json", "library-x.text"]


def test_a_start_paints_from_the_index_reading_only_the_rows_drawn(tmp_path, monkeypatch):
    library = tmp_path / "library"
    library.mkdir()
    for n in range(450):
        (library / f"r{n:03}.txt").write_text(f" date 2020-01-{n % 28 + 1:02} Report number {n}.\n", "utf-8")
    full = scan(library, tmp_path / "index.sqlite3").listing
    checked: list[str] = []
    monkeypatch.setattr(catalog_module, "report_paths", lambda folder: checked.append(folder) or [])
    catalog = Catalog(library, DirectiveClassifier(), None, LibraryIndex(tmp_path / "index.sqlite3", "key"))
    first = next(catalog.scan())
    rows = catalog.listing.ordered
    assert checked == [] and first.done == len(rows) == 450  # before the folder is even listed
    assert isinstance(rows, PagedRows) and rows.fetched == 0
    top = rows[0]
    assert (top.date, rows[449].date) == ("2020-01-28", "2020-01-01")  # newest first, as the full list
    assert rows.fetched == 200 + 50  # the first page and the last one, nothing between
    assert catalog.listing.summaries[top.id] == top
    assert list(rows) == list(full.ordered)  # a filter typed now goes through the same rows
    assert filter_reports(catalog.listing, "number 4").reports == filter_reports(full, "number 4").reports


def test_reports_edited_or_removed_while_closed_are_right_once_checked(library, tmp_path):
    scan(library, tmp_path / "index.sqlite3")
    (library / "plain.txt").unlink()
    edited = sorted(library.glob("*.txt"))[0]
    stat = edited.stat()
    edited.write_text(" date 2031-05-05 The treasury met. Auditors shall sign the ledger.\n", "utf-8")
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    catalog = scan(library, tmp_path / "index.sqlite3")
    assert "plain" not in catalog.summaries and catalog.summaries[edited.stem].date == "2031-05-05"
    assert filter_reports(catalog.listing, "must report").reports == ()  # the removed report's text is gone
    assert [s.id for s in filter_reports(catalog.listing, "ledger").reports] == [edited.stem]
    assert filter_reports(catalog.listing, "enlarged meeting").reports == ()  # nor the edited one's old text
    assert LibraryIndex(tmp_path / "index.sqlite3", "key").count() == (3, 0)


def test_the_text_search_finds_exactly_what_python_finds(tmp_path):
    """Every term length (one and two characters have their own table), any script."""
    rng = random.Random(16)
    alphabet = "abcé中文ßσ\"'*-. \n"
    texts = {f"r{n}": "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for n in range(60)}
    index = LibraryIndex(tmp_path / "index.sqlite3", "key")
    for report, text in texts.items():
        index.put_text(ReportSummary(report, f"/x/{report}.txt", None, report, mtime_ns=1), text)
    index.flush()
    terms = {"".join(rng.choice(alphabet.replace(" ", "").replace("\n", "")) for _ in range(rng.randint(1, 4)))
             for _ in range(300)}
    for term in terms:
        assert index.containing(term) == {r for r, text in texts.items() if term in text}, term


def test_a_damaged_index_is_rebuilt_from_the_files(library, tmp_path):
    scan(library, tmp_path / "index.sqlite3")
    (tmp_path / "index.sqlite3").write_bytes(b"not a database at all" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp_path / 'index.sqlite3'}{suffix}").unlink(missing_ok=True)
    catalog = scan(library, tmp_path / "index.sqlite3")
    assert len(catalog.summaries) == 4
    assert library_index.LibraryIndex(tmp_path / "index.sqlite3", "key").count() == (4, 0)


def test_a_removed_report_leaves_the_index_on_a_rescan_cut_short(library, tmp_path):
    catalog = scan(library, tmp_path / "index.sqlite3")
    (library / "plain.txt").unlink()
    progress = catalog.scan()  # `r` in the library
    for step in progress:
        if step.stage == "counting":  # the list is complete: the user quits here
            break
    progress.close()
    assert LibraryIndex(tmp_path / "index.sqlite3", "key").count() == (3, 0)


def test_the_list_command_prints_without_indexing_the_texts_for_the_filter(library, tmp_path, capsys):
    from minutesreader.cli import main

    assert main(["list", "--library", str(library), "--db", str(tmp_path / "db")]) == 0
    assert "plain" in capsys.readouterr().out
    index = LibraryIndex(next((tmp_path / "db" / "index").glob("library-*.sqlite3")), "any")
    assert index.text_signatures() == {}  # only the app's filter needs them


def test_a_first_start_lists_every_report_before_indexing_any_text(library, tmp_path):
    catalog = Catalog(library, DirectiveClassifier(), None, LibraryIndex(tmp_path / "index.sqlite3", "key"))
    for step in catalog.scan():
        if step.stage == "counting":  # the list is complete
            assert LibraryIndex(tmp_path / "index.sqlite3", "key").count() == (4, 0)
            assert LibraryIndex(tmp_path / "index.sqlite3", "key").text_signatures() == {}
    assert len(LibraryIndex(tmp_path / "index.sqlite3", "key").text_signatures()) == 4
    assert [s.id for s in filter_reports(catalog.listing, "must report").reports] == ["plain"]


def test_rows_with_damaged_counts_are_read_again_from_their_files(library, tmp_path, monkeypatch):
    import marshal

    catalog = scan(library, tmp_path / "index.sqlite3")
    before = {s.id: s.counts for s in catalog.summaries.values()}
    with sqlite3.connect(tmp_path / "index.sqlite3") as db:
        paths = [row[0] for row in db.execute("SELECT path FROM reports ORDER BY path")]
        # Two rows damaged alike: each is judged on its own, not passed as the first was.
        db.execute("UPDATE reports SET counts = ? WHERE path IN (?, ?)", (marshal.dumps({"x": "7"}), paths[1], paths[2]))
    seen = reads(monkeypatch)
    catalog = scan(library, tmp_path / "index.sqlite3")
    assert set(seen) == {Path(paths[1]).name, Path(paths[2]).name}
    assert {s.id: s.counts for s in catalog.summaries.values()} == before
