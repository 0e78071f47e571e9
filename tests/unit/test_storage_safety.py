"""Bad files are kept and reported, failed writes change nothing, backups restore."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from minutesreader.storage import atomic
from minutesreader.storage.store import Store, StoreError

QUOTE = "Cadres must implement the plan."

BAD_FILES = {
    "empty": b"",
    "truncated": b'{"notes":{"1":{"id":"00-aa","report":"r1","paragraph":1,"te',
    "not JSON": b"\x00\x01 this is not json at all",
    "wrong shape": b"[1, 2, 3]",
    "bad record": b'{"notes":{"1":{"id":"00-aa","report":"r1"}}}',
}


def shard_file(store: Store, report: str) -> Path:
    return store.directory / "shards" / f"{store.shard_of(report)}.json"


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_unreadable_shard_is_moved_aside_byte_for_byte(tmp_path: Path, case: str) -> None:
    store = Store.open(tmp_path / "db")
    path = shard_file(store, "r1")
    path.write_bytes(BAD_FILES[case])
    store = Store.open(tmp_path / "db")
    assert store.notes("r1") == []
    [warning] = store.warnings
    moved = Path(warning.split("moved to ")[1].split(",")[0])
    assert moved.read_bytes() == BAD_FILES[case]
    assert str(path) in warning and "\n" not in warning
    # Later saves work and do not touch the kept file.
    note = store.add_note("r1", 1, QUOTE, "after")
    assert [n.id for n in Store.open(tmp_path / "db").notes("r1")] == [note.id]
    assert moved.read_bytes() == BAD_FILES[case]


@pytest.mark.parametrize("name", ["titles.json", "meta.json"])
def test_unreadable_titles_or_meta_is_kept_and_store_opens(tmp_path: Path, name: str) -> None:
    Store.open(tmp_path / "db").set_title("r1", "Kept?")
    (tmp_path / "db" / name).write_bytes(b'{"titles": ')
    store = Store.open(tmp_path / "db")
    store.titles()
    [warning] = store.warnings
    assert name in warning and "truncated JSON" in warning
    corrupt = list((tmp_path / "db").glob(f"{name}.corrupt-*"))
    assert [p.read_bytes() for p in corrupt] == [b'{"titles": ']
    store.set_title("r2", "New")
    expected = {"r2": "New"} if name == "titles.json" else {"r1": "Kept?", "r2": "New"}
    assert Store.open(tmp_path / "db").titles() == expected


@pytest.mark.parametrize("failing", ["write", "replace", "fsync"])
def test_failed_write_leaves_old_file_and_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    store = Store.open(tmp_path / "db")
    kept = store.add_note("r1", 1, QUOTE, "kept")
    before = shard_file(store, "r1").read_bytes()

    real_write = os.write

    def broken(*args: object) -> int:
        if failing == "write":
            fd, data = args
            real_write(fd, bytes(data)[: len(data) // 2])  # half the file reaches the disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    with pytest.raises(StoreError, match="No space left"):
        store.add_note("r1", 2, QUOTE, "lost")
    monkeypatch.undo()
    assert shard_file(store, "r1").read_bytes() == before
    assert [n.id for n in store.notes("r1")] == [kept.id]  # memory agrees with disk
    assert not [p for p in shard_file(store, "r1").parent.iterdir() if atomic.TEMP_MARK in p.name]
    assert store.add_note("r1", 3, QUOTE, "later").text == "later"


def test_backups_keep_three_previous_versions_and_restore(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db")
    for n in range(5):
        store.add_note("r1", 1, QUOTE, f"note {n}")
    path = shard_file(store, "r1")
    backups = sorted(path.parent.glob(path.name + ".bak*"))
    assert [p.name[-4:] for p in backups] == ["bak1", "bak2", "bak3"]
    # As documented in store.py: copy the backup over the file.
    shutil.copy2(path.with_name(path.name + ".bak1"), path)
    assert sorted(n.text for n in store.notes("r1")) == [f"note {n}" for n in range(4)]
    shutil.copy2(path.with_name(path.name + ".bak3"), path)
    assert len(Store.open(tmp_path / "db").notes("r1")) == 2


def test_unwritable_store_folder_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "db"
    Store.open(folder)
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="not writable"):
            Store.open(folder)
    finally:
        folder.chmod(0o700)


def test_leftover_temp_files_from_a_crash_are_cleaned(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db")
    path = shard_file(store, "r1")
    store.add_note("r1", 1, QUOTE, "x")
    stale = path.parent / f".{path.name}{atomic.TEMP_MARK}123-456"
    stale.write_bytes(b'{"half": ')
    reopened = Store.open(tmp_path / "db")
    assert not stale.exists()
    assert reopened.warnings == [] and len(reopened.notes("r1")) == 1


def test_store_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x")
    with pytest.raises(StoreError, match="cannot create store folder") as caught:
        Store.open(tmp_path / "plain-file" / "db")
    assert "\n" not in str(caught.value)
