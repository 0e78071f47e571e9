"""Renaming, merging and deleting tags across the library."""

from __future__ import annotations

from minutesreader.storage.store import Store
from minutesreader.storage.tag_admin import delete_tag, rename_tag, tag_usage


def store_with_tags(tmp_path) -> Store:
    store = Store.open(tmp_path / "store")
    store.add_tags("a", 1, "para a1", ["econ"])
    store.add_tags("a", 2, "para a2", ["econ", "economy"])
    store.add_tags("b", 5, "para b5", ["economy"])
    store.add_note("c", 3, "para c3", "a note", tags=["econ"])
    return store


def test_rename_everywhere(tmp_path):
    store = store_with_tags(tmp_path)
    assert tag_usage(store, "econ") == 3
    assert rename_tag(store, "econ", "trade") == 3
    assert store.tag_counts() == {"trade": 3, "economy": 2}
    assert [m.paragraph for m in store.tagged("trade")] == [1, 2]
    assert store.notes("c")[0].tags == ("trade",)


def test_rename_onto_an_existing_tag_merges(tmp_path):
    store = store_with_tags(tmp_path)
    rename_tag(store, "econ", "economy")
    marks = store.tagged("economy")
    assert sorted((m.report, m.paragraph) for m in marks) == [("a", 1), ("a", 2), ("b", 5)]  # ¶2 once, not twice
    assert "econ" not in store.tag_counts()


def test_delete_everywhere_keeps_the_notes(tmp_path):
    store = store_with_tags(tmp_path)
    assert delete_tag(store, "econ") == 3
    assert store.tag_counts() == {"economy": 2}
    assert store.notes("c")[0].text == "a note" and store.notes("c")[0].tags == ()
    # A new window sees it too.
    assert Store.open(tmp_path / "store").tag_counts() == {"economy": 2}
