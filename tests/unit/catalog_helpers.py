"""A small library and a fresh start of the catalog over it, shared by the catalog's tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.storage.library_index import LibraryIndex
from tests.conftest import BUNDLED_LIBRARY

PLAIN_REPORT = " date 2024-02-01 The committee met. It must report by May.\n"


def small_library(tmp_path: Path, plain: bool = True) -> Path:
    """Three bundled reports and, with `plain`, one with no title of its own."""
    folder = tmp_path / "library"
    folder.mkdir()
    for path in sorted(BUNDLED_LIBRARY.glob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    if plain:
        (folder / "plain.txt").write_text(PLAIN_REPORT, "utf-8")
    return folder


def scan(library: Path, index_path: Path) -> Catalog:
    """A start: a fresh catalog and index object, as a new process would have."""
    catalog = Catalog(library, DirectiveClassifier(), None, LibraryIndex(index_path, "key"))
    for _ in catalog.scan():
        pass
    return catalog
