"""The app's one watcher: other windows' notes, store warnings and index progress reach
the screen on top without a key pressed, each once."""

from __future__ import annotations

import threading

from minutesreader.storage.search_index import SearchIndex
from minutesreader.storage.store import Store
from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model, wait_until

MODEL = "000_9d62e18ffa0ab910"


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_a_note_saved_by_another_window_shows_in_the_open_reader(app_factory, store_dir):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        document = app.screen.query_one(DocumentView)
        assert document.marks == {}
        other = Store.open(store_dir)  # a second window on the same store
        other.add_note(MODEL, 4, app.screen.report.paragraphs[3].text, "written elsewhere")
        await wait_until(pilot, lambda: 3 in document.marks)
        assert document.marks[3].notes[0][1] == "written elsewhere"
        # Deleted there: gone here too.
        other.delete_note(other.notes(MODEL)[0].id)
        await wait_until(pilot, lambda: 3 not in document.marks)


async def test_a_note_saved_elsewhere_while_a_dialog_is_open_shows_when_it_closes(app_factory, store_dir):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        reader = app.screen
        await pilot.press("question_mark")  # the help is on top: the reader is hidden
        Store.open(store_dir).add_note(MODEL, 2, reader.report.paragraphs[1].text, "while hidden")
        app.watcher.check()  # the watcher looks (as it does twice a second) and tells the help screen
        await pilot.pause()
        assert reader.query_one(DocumentView).marks == {}  # a hidden screen does no work
        await pilot.press("escape")
        await wait_until(pilot, lambda: 1 in reader.query_one(DocumentView).marks)


async def test_a_store_file_found_damaged_later_is_told_once(app_factory, store_dir, told):
    store = Store.open(store_dir)
    store.add_note(MODEL, 2, "quote", "a note")
    shard = store.directory / "shards" / f"{store.shard_of(MODEL)}.json"
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        shard.write_bytes(b"\x00 not json")  # a disk fault, or a bad hand edit, after the start
        await wait_until(pilot, lambda: any("moved to" in message for message in told))
        app.watcher.check()  # two more looks: nothing new to tell
        app.watcher.check()
        await pilot.pause()
        assert len([message for message in told if "moved to" in message]) == 1


async def test_search_shows_the_index_progress_then_every_result(app_factory, monkeypatch):
    release = threading.Event()
    update = SearchIndex.update

    def slow_update(index, store=None, progress=None, should_stop=None):
        progress(1, 3)
        release.wait(60)  # the test lets it go on once it has seen the progress
        return update(index, store, progress, should_stop)

    monkeypatch.setattr(SearchIndex, "update", slow_update)
    app = app_factory()
    async with app.run_test() as pilot:
        try:
            await pilot.press("s")
            await wait_until(pilot, lambda: "Indexing the library… 1/3" in text_of(app, "#search-status"))
        finally:
            release.set()
        await pilot.press(*"inflation")
        # Once indexed, the results are shown again, complete.
        await wait_until(pilot, lambda: "result(s)" in text_of(app, "#search-status") and app.screen.hits)
