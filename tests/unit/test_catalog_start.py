"""A start lists every report from the index at once, then checks the files."""

from __future__ import annotations

import os
import shutil

import minutesreader.core.catalog as catalog_module
from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.listing import filter_reports
from minutesreader.storage.library_index import LibraryIndex
from tests.conftest import BUNDLED_LIBRARY


def test_the_list_is_complete_before_any_file_is_checked_and_a_changed_one_is_read_again(tmp_path, monkeypatch):
    library = tmp_path / "library"
    library.mkdir()
    for path in sorted(BUNDLED_LIBRARY.glob("*.txt"))[:4]:
        shutil.copy(path, library / path.name)
    index_path = tmp_path / "index.sqlite3"
    for _ in Catalog(library, DirectiveClassifier(), None, LibraryIndex(index_path, "key")).scan():
        pass
    changed = sorted(library.glob("*.txt"))[1]
    changed.write_text(" date 2030-01-01 The council met. Officials must file returns.\n", "utf-8")
    os.utime(changed, ns=(1, 2_000_000_000_000_000_000))

    checked: list[str] = []
    real = catalog_module.size_and_mtime
    monkeypatch.setattr(catalog_module, "size_and_mtime", lambda path: checked.append(path) or real(path))
    catalog = Catalog(library, DirectiveClassifier(), None, LibraryIndex(index_path, "key"))
    scan = catalog.scan()
    first = next(scan)
    assert checked == [] and first.done == first.total == 4 and len(catalog.ordered) == 4  # painted from the index
    for _ in scan:
        pass
    assert len(checked) == 4
    assert catalog.summaries[changed.stem].date == "2030-01-01"  # the changed file was read again


def test_a_first_start_shows_the_list_as_it_fills_without_sorting_it_again_at_every_step(tmp_path, monkeypatch):
    # Each listing shown is sorted and drawn whole: made at every progress step, a first
    # start of 100,000 reports spent most of its time remaking it.
    library = tmp_path / "library"
    library.mkdir()
    for number in range(150):
        (library / f"r{number:03d}.txt").write_text(f" date 2020-01-{number % 28 + 1:02d} Report {number}.\n", "utf-8")
    monkeypatch.setattr(catalog_module, "PROGRESS_EVERY_SECONDS", 0.0)  # a step after every batch
    monkeypatch.setattr(catalog_module, "POOL_BATCH", 1)
    catalog = Catalog(library, DirectiveClassifier(), None, LibraryIndex(tmp_path / "index.sqlite3", "key"))
    shown: list[int] = []
    steps = 0
    for progress in catalog.scan():
        if progress.stage != "listing":
            break
        steps += 1
        if not shown or catalog.version != shown[-1]:
            shown.append(catalog.version)
            rows = catalog.ordered
            assert [(r.date, r.id) for r in rows] == sorted(((r.date, r.id) for r in rows), reverse=True)
        assert len(catalog.ordered) <= progress.done
    assert steps >= 150
    assert 3 < len(shown) <= 30  # the list still fills as it is read, but is remade ~20 times, not 150
    assert len(catalog.ordered) == 150


def test_a_first_start_holds_a_bounded_number_of_texts_and_the_filter_still_finds_every_report(tmp_path, monkeypatch):
    library = tmp_path / "library"
    library.mkdir()
    for number in range(12):
        (library / f"r{number:02d}.txt").write_text(f" date 2020-01-01 Report {number} on word{number}x.\n", "utf-8")
    monkeypatch.setattr(catalog_module, "HELD_TEXTS", 3, raising=False)
    index = LibraryIndex(tmp_path / "index.sqlite3", "key")
    catalog = Catalog(library, DirectiveClassifier(), None, index)
    scan = catalog.scan()
    for progress in scan:
        if progress.stage == "counting":
            assert len(index._pending_texts) <= 3  # held in memory until the texts are indexed
            break
    for _ in scan:
        pass
    for number in range(12):
        assert filter_reports(catalog.listing, f"word{number}x").reports[0].id == f"r{number:02d}"


def test_a_count_cut_short_by_a_quit_keeps_what_it_counted(tmp_path, monkeypatch):
    library = tmp_path / "library"
    library.mkdir()
    for number in range(12):
        (library / f"r{number:02d}.txt").write_text(f" date 2020-01-01 Report {number}. Staff must file it.\n", "utf-8")
    monkeypatch.setattr(catalog_module, "PROGRESS_EVERY_SECONDS", 0.0)
    monkeypatch.setattr(catalog_module, "POOL_BATCH", 1)
    index_path = tmp_path / "index.sqlite3"
    scan = Catalog(library, DirectiveClassifier(), None, LibraryIndex(index_path, "key")).scan()
    for progress in scan:
        if progress.stage == "counting" and progress.done >= 6 and progress.done < progress.total:
            break
    scan.close()  # the app quit while counting
    counted: list[str] = []
    real = catalog_module.summarize_many
    monkeypatch.setattr(catalog_module, "summarize_many",
                        lambda paths, classifier: counted.extend(paths) or real(paths, classifier))
    catalog = Catalog(library, DirectiveClassifier(), None, LibraryIndex(index_path, "key"))
    for _ in catalog.scan():
        pass
    assert 0 < len(counted) <= 6
    assert all(summary.counted and summary.counts for summary in catalog.ordered)
