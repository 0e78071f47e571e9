"""A start shows the list from the library index before any file is checked, reading only
the rows on screen."""

from __future__ import annotations

import threading

import minutesreader.core.catalog as catalog_module
from minutesreader.core.paged import PAGE, PagedRows
from minutesreader.widgets.report_table import ReportTable
from tests.ui.conftest import wait_for_scan


async def test_the_list_is_painted_from_the_index_reading_only_the_rows_drawn(app_factory, tmp_path, monkeypatch):
    library = tmp_path / "many"
    library.mkdir()
    for n in range(3 * PAGE):
        (library / f"r{n:03}.txt").write_text(f" date 2020-{n % 12 + 1:02}-01 Report number {n}.\n", "utf-8")
    async with app_factory(library).run_test() as pilot:  # the first start fills the index
        await wait_for_scan(pilot)

    release = threading.Event()
    real_paths = catalog_module.report_paths

    def held(folder):  # the files are not checked until the test has looked at the screen
        release.wait(30)
        return real_paths(folder)

    monkeypatch.setattr(catalog_module, "report_paths", held)
    app = app_factory(library)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(ReportTable)
        for _ in range(50):
            await pilot.pause(0.02)
            if len(table.rows) == 3 * PAGE:
                break
        rows = table.rows
        assert isinstance(rows, PagedRows) and rows.fetched == PAGE  # one page: what the screen shows
        assert "600 reports" in str(app.screen.query_one("#library-status").render())
        assert table.current is not None and table.current.date == "2020-12-01"
        await pilot.press("end")
        await pilot.pause()
        assert table.current.date == "2020-01-01" and rows.fetched == 2 * PAGE  # the last page, not those between
        release.set()
        await wait_for_scan(pilot)
        assert isinstance(table.rows, tuple) and len(table.rows) == 3 * PAGE
        assert table.current.date == "2020-01-01"  # the cursor stayed on the report the user went to
