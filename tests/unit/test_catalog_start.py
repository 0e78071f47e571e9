"""A start lists every report from the index at once, then checks the files."""

from __future__ import annotations

import os
import shutil

import minutesreader.core.catalog as catalog_module
from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
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
    real = catalog_module._file_signature
    monkeypatch.setattr(catalog_module, "_file_signature", lambda path: checked.append(path) or real(path))
    catalog = Catalog(library, DirectiveClassifier(), None, LibraryIndex(index_path, "key"))
    scan = catalog.scan()
    first = next(scan)
    assert checked == [] and first.done == first.total == 4 and len(catalog.ordered) == 4  # painted from the index
    for _ in scan:
        pass
    assert len(checked) == 4
    assert catalog.summaries[changed.stem].date == "2030-01-01"  # the changed file was read again
