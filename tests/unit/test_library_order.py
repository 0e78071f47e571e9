"""Sorting the library: by date, title, directives or notes, the same from the index's
rows (painted before the files are checked) as from the full list, and in `list --sort`."""

from __future__ import annotations

from pathlib import Path

import pytest

import minutesreader.core.catalog as catalog_module
from minutesreader.cli import main
from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.library_order import SORTS, next_sort
from minutesreader.core.paged import PagedRows
from minutesreader.storage.library_index import LibraryIndex
from minutesreader.storage.store import Store
from tests.unit.catalog_helpers import scan

REPORTS = {
    # id: (date, title line, directive sentences)
    "a": ("2021-03-01", "Zoning board minutes", 1),
    "b": ("2023-01-01", "budget committee readout", 3),
    "c": ("2022-06-01", "Audit office report", 0),
    "d": (None, "Mayor's briefing", 2),
}


@pytest.fixture
def library(tmp_path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for report, (date, title, directives) in REPORTS.items():
        stamp = f" date {date} " if date else ""
        body = " ".join(["The council must act."] * directives + ["The weather was mild."])
        (folder / f"{report}.txt").write_text(f"{stamp}{title}\n\n{body}\n", "utf-8")
    (folder / "b0.txt").write_bytes(b"\x00" * 100)  # unreadable: listed as "b0", but last by title
    return folder


EXPECTED = {
    "date": ["b", "c", "a", "d", "b0"],
    "title": ["c", "b", "d", "a", "b0"],  # A to Z, whatever the case; unreadable files last
    "directives": ["b", "d", "a", "c", "b0"],
}


@pytest.mark.parametrize("sort", list(EXPECTED))
def test_the_full_list_and_the_index_s_rows_agree_in_each_order(library, tmp_path, monkeypatch, sort):
    full = scan(library, tmp_path / "index.sqlite3")
    full.set_sort(sort)
    assert [s.id for s in full.ordered] == EXPECTED[sort]
    # A later start paints from the index, in the order asked, before any file is read.
    monkeypatch.setattr(catalog_module, "report_paths", lambda folder: [])
    catalog = Catalog(library, DirectiveClassifier(), None, LibraryIndex(tmp_path / "index.sqlite3", "key"))
    next(catalog.scan())
    catalog.set_sort(sort)
    rows = catalog.listing.ordered
    assert isinstance(rows, PagedRows) and [s.id for s in rows[:5]] == EXPECTED[sort]


def test_notes_order_counts_the_user_s_notes(library, tmp_path):
    store = Store.open(tmp_path / "db")
    for paragraph in (1, 2):
        store.add_note("c", paragraph, "", "one")
    store.add_note("a", 1, "", "two")
    catalog = Catalog(library, DirectiveClassifier(), store, LibraryIndex(tmp_path / "index.sqlite3", "key"))
    for _ in catalog.scan():
        pass
    catalog.set_sort("notes")
    assert [s.id for s in catalog.ordered] == ["c", "a", "b", "d", "b0"]  # then newest first


def test_the_sort_key_cycles_through_every_order():
    seen = ["date"]
    while (following := next_sort(seen[-1])) != "date":
        seen.append(following)
    assert tuple(seen) == SORTS


def test_list_sort(library, tmp_path, capsys):
    code = main(["list", "--sort", "title", "--library", str(library), "--db", str(tmp_path / "db")])
    assert code == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == EXPECTED["title"]
