"""Looking at a store folder finds every save of any window, and says what it touched."""

from __future__ import annotations

from minutesreader.storage.store import Store
from minutesreader.storage.store_files import compare, look


def test_a_note_saved_is_a_change_of_its_shard_only(tmp_path):
    store = Store.open(tmp_path / "store")
    before = look(store.directory)
    store.add_note("r1", 1, "quote", "text")
    change = compare(before, look(store.directory))
    assert change is not None and change.shards == {store.shard_of("r1")} and not change.others


def test_a_rename_is_a_change_beyond_the_shards(tmp_path):
    store = Store.open(tmp_path / "store")
    before = look(store.directory)
    store.set_title("r1", "A new title")
    change = compare(before, look(store.directory))
    assert change is not None and change.shards == frozenset() and change.others


def test_nothing_saved_is_no_change(tmp_path):
    store = Store.open(tmp_path / "store")
    store.add_note("r1", 1, "quote", "text")
    before = look(store.directory)
    store.notes("r1")
    store.note_counts()  # rewrites the derived counts file, which is not the user's data
    assert compare(before, look(store.directory)) is None
