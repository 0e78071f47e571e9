"""Fault injection for the store's writer: every error a disk can give, at every step of
a save. Afterwards the file holds the old notes or the new ones, parses, and the store
goes on working; the caller gets a StoreError (so the user's text is still in hand)."""

from __future__ import annotations

import errno
import json
import os
import types
from pathlib import Path

import pytest

from minutesreader.core import folders
from minutesreader.storage import atomic
from minutesreader.storage.store import Store, StoreError

ERRORS = [errno.ENOSPC, errno.EFBIG, errno.EROFS, errno.EACCES]
# (step, function in atomic.py's view of os, which call of it fails)
STEPS = [
    ("create temp", "open", 1),
    ("temp write", "write", 1),
    ("fsync", "fsync", 1),
    ("backup rotation", "replace", 1),  # moving .bak1 to .bak2 (backups exist after two saves)
    ("backup link", "link", 1),
    ("replace", "replace", 3),  # after .bak2->.bak3 and .bak1->.bak2 comes temp->file
    ("folder fsync", "fsync", 2),
]


class FailingOs(types.SimpleNamespace):
    """os, as atomic.py sees it, with one function failing on its n-th call."""

    def __init__(self, name: str, nth: int, code: int) -> None:
        super().__init__()
        self.calls = 0
        self._name, self._nth, self._code = name, nth, code

    def __getattr__(self, attribute: str):
        real = getattr(os, attribute)
        if attribute != self._name:
            return real

        def failing(*args, **kwargs):
            self.calls += 1
            if self.calls == self._nth:
                raise OSError(self._code, os.strerror(self._code))
            return real(*args, **kwargs)

        return failing


def shard_notes(store: Store, report: str) -> set[str]:
    path = store.directory / "shards" / f"{store.shard_of(report)}.json"
    data = json.loads(path.read_bytes())  # must parse: never half a file
    return {doc["text"] for doc in data.get("notes", {}).values()}


@pytest.mark.parametrize("code", ERRORS, ids=errno.errorcode.get)
@pytest.mark.parametrize("step, function, nth", STEPS, ids=[s[0] for s in STEPS])
def test_a_failed_save_leaves_the_old_or_the_new_file(tmp_path: Path, monkeypatch, step, function, nth, code) -> None:
    store = Store.open(tmp_path / "db")
    for n in range(3):  # three saves: .bak1 and .bak2 exist, so rotation renames files
        store.add_note("r", 1, "quote", f"old {n}")
    old = shard_notes(store, "r")
    failing = FailingOs(function, nth, code)
    monkeypatch.setattr(atomic, "os", failing)
    monkeypatch.setattr(folders, "os", failing)  # the folder fsync after the rename
    try:
        store.add_note("r", 1, "quote", "new")
        raised = None
    except StoreError as exc:
        raised = str(exc)
    monkeypatch.setattr(atomic, "os", os)
    monkeypatch.setattr(folders, "os", os)
    assert failing.calls >= nth, f"{step}: the fault was never reached"
    after = shard_notes(store, "r")
    assert after in (old, old | {"new"})
    if step != "backup link":  # a backup is a convenience: without it the save still succeeds
        assert raised is not None and os.strerror(code) in raised
    leftovers = [p.name for p in (store.directory / "shards").iterdir() if atomic.TEMP_MARK in p.name]
    assert leftovers == []
    # The store goes on: the next save keeps everything that is on disk.
    store.add_note("r", 1, "quote", "later")
    assert shard_notes(store, "r") == after | {"later"}
