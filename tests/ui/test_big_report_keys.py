"""Walk report item 4: keys pressed while a big report says "Opening … reading 6 MB" were
thrown away (nothing had the focus yet). They are held and applied, in order, once the
text is shown; Escape still leaves at once."""

from __future__ import annotations

import threading

import pytest
from textual import events

from minutesreader.screens.library import LibraryScreen
from minutesreader.screens.reader import ReaderScreen
from tests.ui.conftest import settle, settle_until, wait_for_scan


@pytest.fixture
def slow_big_report(library, monkeypatch) -> threading.Event:
    """A 1.1 MB report (read in parts) whose first part is read only once the gate opens."""
    import minutesreader.screens.reader as reader_module

    paragraphs = [f"Paragraph {i} says the committee must act on item {i}. It is in the plan." for i in range(1, 15_001)]
    (library / "big.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    gate = threading.Event()
    real_read = reader_module.read_in_parts

    def read_in_parts(path, **options):
        assert gate.wait(30)
        return real_read(path, **options)

    monkeypatch.setattr(reader_module, "read_in_parts", read_in_parts)
    return gate


def status(app) -> str:
    return str(app.screen.query_one("#reader-status").render())


async def test_keys_typed_while_a_big_report_opens_are_applied_once_it_is_shown(app_factory, slow_big_report):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        app.open_report("big")
        await settle_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        for key in ("j", "j", "j", "l"):  # typed at the "Opening big… reading 1 MB" screen
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert app.screen.report is None  # still opening: the keys came first
        slow_big_report.set()
        await settle_until(pilot, lambda: status(app).startswith("¶4/"))
        assert "sentence 2/" in status(app)
    await app.workers.wait_for_complete()


async def test_escape_while_a_big_report_opens_leaves_at_once_and_drops_the_keys_typed_for_it(app_factory, slow_big_report):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        app.open_report("big")
        await settle_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        for key in ("G", "r", "escape"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        slow_big_report.set()
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)  # `r` did not open a rename there
