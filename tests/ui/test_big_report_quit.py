"""q while a big report is still being read: the reading stops within the part it is
parsing, so the app's exit (which waits for its workers) never waits on the rest of it."""

from __future__ import annotations

import threading

from textual.worker import get_current_worker

from minutesreader.screens.reader import ReaderScreen
from tests.ui.conftest import wait_for_scan


async def test_quitting_while_a_part_is_parsed_stops_the_part(app_factory, library, monkeypatch):
    import minutesreader.core.report_parts as parts

    # 3 MB: a first part shown at once, then parts of about 1 MB, ~9,000 paragraphs each.
    paragraphs = [f"Paragraph {i} says the committee must act on item {i} of the plan." for i in range(1, 40_001)]
    (library / "big.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    midway, cancelled = threading.Event(), threading.Event()
    split_after_cancel = []
    real_split = parts.split_long_paragraph
    calls = 0

    def split(text):
        # A thousand paragraphs into the second part, q is pressed; the part has ~13,000 left.
        nonlocal calls
        worker = get_current_worker()
        if worker.name != "load_report":  # the library's count of its directives reads it too
            return real_split(text)
        calls += 1
        if cancelled.is_set():
            split_after_cancel.append(text)
        elif calls == 1_000:
            midway.set()
            for _ in range(3_000):  # at most 30 s; the test's q cancels the worker long before
                if worker.is_cancelled:
                    break
                threading.Event().wait(0.01)
            cancelled.set()
        return real_split(text)

    monkeypatch.setattr(parts, "split_long_paragraph", split)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        app.open_report("big")
        while not midway.is_set():
            await pilot.pause(0.01)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
    await app.workers.wait_for_complete()
    assert cancelled.is_set()
    assert split_after_cancel == []  # not one more paragraph of that part was parsed after q
