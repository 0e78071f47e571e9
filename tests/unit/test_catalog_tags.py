"""The library filter finds reports by their tags, from an index of tags kept per shard.

Tags are animals no report mentions: the filter also searches report text."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.listing import filter_reports
from minutesreader.storage.store import Store
from tests.unit.catalog_helpers import small_library


@pytest.fixture
def library(tmp_path) -> Path:
    return small_library(tmp_path, plain=False)


def scanned(library: Path, store_dir: Path) -> Catalog:
    catalog = Catalog(library, DirectiveClassifier(), Store.open(store_dir))
    for _ in catalog.scan():
        pass
    return catalog


def _shard_reads(store: Store, monkeypatch) -> list[str]:
    """Every shard the store parses from now on (the reader's name for it, whichever)."""
    name = "shard_data" if hasattr(store, "shard_data") else "_read"
    real = getattr(store, name)
    read: list[str] = []
    monkeypatch.setattr(store, name, lambda shard: read.append(shard) or real(shard))
    return read


def test_tags_filter_the_list_and_a_later_start_parses_no_shard(library, tmp_path, monkeypatch):
    ids = sorted(p.stem for p in library.glob("*.txt"))
    store = Store.open(tmp_path / "store")
    store.add_tags(ids[0], 1, "quote", ["okapi"])
    store.add_tags(ids[1], 2, "quote", ["okapi", "quagga"])
    store.add_note(ids[2], 1, "quote", "a note, no tag")
    assert {s.id for s in filter_reports(scanned(library, tmp_path / "store").listing, "okapi").reports} == set(ids[:2])

    catalog = Catalog(library, DirectiveClassifier(), Store.open(tmp_path / "store"))
    read = _shard_reads(catalog.store, monkeypatch)
    for _ in catalog.scan():
        pass
    assert [s.id for s in filter_reports(catalog.listing, "quagga").reports] == [ids[1]]
    assert read == []  # every shard's tags came from the index


def test_a_tag_saved_in_another_window_is_found_at_the_next_start(library, tmp_path):
    report = sorted(p.stem for p in library.glob("*.txt"))[0]
    assert filter_reports(scanned(library, tmp_path / "store").listing, "zebu").reports == ()
    Store.open(tmp_path / "store").add_tags(report, 1, "quote", ["zebu"])  # another window
    assert [s.id for s in filter_reports(scanned(library, tmp_path / "store").listing, "zebu").reports] == [report]


def test_an_orphaned_tag_does_not_list_its_report(library, tmp_path):
    report = sorted(p.stem for p in library.glob("*.txt"))[0]
    store = Store.open(tmp_path / "store")
    store.add_tags(report, 99, "a paragraph this report never had", ["gnu"])
    store.anchor(report, ["one paragraph", "another paragraph"])  # cannot place it: orphaned
    assert filter_reports(scanned(library, tmp_path / "store").listing, "gnu").reports == ()


def test_a_tag_typed_with_its_hash_is_the_same_tag_and_hash_finds_only_tags(library, tmp_path):
    """Tags are shown as #name: typing `#okapi` made a second tag `##okapi`, and the filter
    `#okapi` found nothing. Now `#` is not part of a name, and `#okapi` in the filter finds
    the reports tagged so (not those that merely say "okapi")."""
    ids = sorted(p.stem for p in library.glob("*.txt"))
    store = Store.open(tmp_path / "store")
    store.add_tags(ids[0], 1, "quote", ["okapi"])
    store.add_tags(ids[0], 2, "quote", ["#okapi", "##quagga"])
    assert sorted({mark.tag for mark in store.tags(ids[0])}) == ["okapi", "quagga"]
    (library / ids[1]).with_suffix(".txt").write_text("Title\n\nThe okapi was seen.\n", "utf-8")
    listing = scanned(library, tmp_path / "store").listing
    assert {s.id for s in filter_reports(listing, "okapi").reports} == {ids[0], ids[1]}
    assert [s.id for s in filter_reports(listing, "#okapi").reports] == [ids[0]]
    assert [s.id for s in filter_reports(listing, "#quag").reports] == [ids[0]]
