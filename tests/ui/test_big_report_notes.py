"""Notes on a big report read in parts: never orphaned by a save made before the last part."""

from __future__ import annotations

import threading

from minutesreader.cli import main
from minutesreader.screens.reader import ReaderScreen
from minutesreader.storage.store import Store
from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import wait_for_scan


async def test_a_note_saved_while_a_big_report_is_read_orphans_no_later_note(app_factory, library, store_dir, monkeypatch):
    import minutesreader.screens.reader as reader_module

    paragraphs = [f"Paragraph {i} says the committee must act on item {i} of the plan." for i in range(1, 24_001)]
    (library / "big.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")  # 1.6 MB: read in parts
    assert main(["note", "--library", str(library), "--db", str(store_dir), "big", "24000", "the last item"]) == 0
    gate = threading.Event()
    real_read = reader_module.read_in_parts

    def read_in_parts(path, **options):
        report, later = real_read(path, **options)

        def held():
            assert gate.wait(30)
            yield from later

        return report, held()

    monkeypatch.setattr(reader_module, "read_in_parts", read_in_parts)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        app.open_report("big")
        while not (isinstance(app.screen, ReaderScreen) and app.screen.report is not None):
            await pilot.pause(0.01)
        screen = app.screen
        assert len(screen.report.paragraphs) < 24_000  # only the first part is in
        await pilot.press("n", *"an early note", "ctrl+s")
        await pilot.pause()
        assert Store.open(store_dir).orphans("big") == ([], [])  # not even for a while
        gate.set()
        while screen.query_one("#legend").render().plain.startswith("Reading"):
            await pilot.pause(0.05)
        await pilot.pause()
        store = Store.open(store_dir)
        assert store.orphans("big") == ([], [])
        assert sorted((n.paragraph, n.text) for n in store.notes("big")) == [(1, "an early note"), (24_000, "the last item")]
        assert screen.query_one(DocumentView).marks.keys() >= {0, 23_999}  # both shown, where they belong
    await app.workers.wait_for_complete()
