"""A store that cannot be written (full disk, read-only folder): the app still opens a
changed report and shows its notes where they now are."""

from __future__ import annotations

import os

from minutesreader.storage.store import Store
from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model

MODEL = "000_9d62e18ffa0ab910"


def full_disk(*args, **kwargs):
    raise OSError(28, "No space left on device")


async def test_a_changed_report_opens_when_the_store_is_full(app_factory, library, store_dir, monkeypatch):
    path = library / f"{MODEL}.txt"
    text = path.read_text(encoding="utf-8")
    store = Store.open(store_dir)
    third = text.split("\n\n")[2]
    store.add_note(MODEL, 3, third, "on the third")
    stamp, _, body = text.partition(" On the morning")
    paragraphs = ("On the morning" + body).split("\n\n")
    paragraphs.insert(1, "An inserted paragraph about something else entirely.")
    path.write_text(stamp + " " + "\n\n".join(paragraphs), encoding="utf-8")
    shard = store_dir / "shards" / f"{store.shard_of(MODEL)}.json"
    before = shard.read_bytes()
    monkeypatch.setattr("minutesreader.storage.tinystorage.write_atomic", full_disk)
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        view = app.screen.query_one(DocumentView)
        assert [index for index, marks in view.marks.items() if marks.notes] == [3]  # now ¶4
    assert shard.read_bytes() == before


async def test_the_app_starts_on_a_read_only_store(app_factory, library, store_dir, monkeypatch):
    second = (library / f"{MODEL}.txt").read_text(encoding="utf-8").split("\n\n")[1]
    Store.open(store_dir).add_note(MODEL, 2, second, "a note")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: not str(p).startswith(str(store_dir)) and real_access(p, mode, **kw))
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        assert app.session.store.read_only
        view = app.screen.query_one(DocumentView)
        assert any(marks.notes for marks in view.marks.values())
