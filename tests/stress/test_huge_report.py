"""A 50 MB report in the library: listed, opened behind an indicator, the screen answering."""

from __future__ import annotations

import shutil
import threading

import pytest

from minutesreader.app import make_app
from minutesreader.cli import Context
from minutesreader.screens.reader import ReaderScreen
from minutesreader.widgets.document import DocumentView
from minutesreader.widgets.report_table import ReportTable
from tests.conftest import BUNDLED_LIBRARY, MODEL_READOUT

pytestmark = pytest.mark.stress

FIFTY_MB = 50_000_000


@pytest.fixture(scope="module")
def huge_library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("huge")
    shutil.copy(MODEL_READOUT, folder)
    minutes = (BUNDLED_LIBRARY / "048_653eb7bcc905d09c.txt").read_text(encoding="utf-8")
    with (folder / "fifty.txt").open("w", encoding="utf-8") as out:
        written = 0
        while written < FIFTY_MB:
            written += out.write(minutes + "\n\n")
    return folder


async def test_fifty_megabytes_are_listed_and_opened_while_the_screen_answers(huge_library, tmp_path, monkeypatch):
    import minutesreader.screens.reader as reader_module

    # Hold the worker while it reads, to press keys right then.
    reading, go_on = threading.Event(), threading.Event()
    real_read = reader_module.read_in_parts

    def read_in_parts(path, **options):
        reading.set()
        assert go_on.wait(30)
        return real_read(path, **options)

    monkeypatch.setattr(reader_module, "read_in_parts", read_in_parts)
    app = make_app(Context(huge_library, tmp_path / "store", None))
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(ReportTable)
        while len(table.rows) < 2:  # listed before its directives are counted
            await pilot.pause(0.05)
        table.select_id("fifty")
        await pilot.press("enter")
        assert reading.wait(30)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.query_one("#reader-heading").render().plain.startswith("Opening fifty… reading 50 MB")
        await pilot.press("question_mark")  # answered while 50 MB are read
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        go_on.set()
        while screen.report is None:
            await pilot.pause(0.01)
        view = screen.query_one(DocumentView)
        assert len(view.report.paragraphs) < 50_000  # the first part is shown before the rest is read
        while screen.query_one("#legend").render().plain.startswith("Reading"):
            await pilot.pause(0.1)
        assert len(view.report.paragraphs) > 50_000
        await pilot.press("G", "k", "l")  # usable before every directive is found
        assert view.paragraph == len(view.report.paragraphs) - 2
        assert screen.query_one("#legend").render().plain.startswith("Finding directives…")
        await pilot.press("escape")  # leaving cancels the rest of the work
        await app.workers.wait_for_complete()


async def test_quitting_while_fifty_megabytes_are_read_stops_the_reading(huge_library, tmp_path, monkeypatch):
    import minutesreader.screens.reader as reader_module

    parts_read = []
    real_read = reader_module.read_in_parts

    def read_in_parts(path, **options):
        report, later = real_read(path, **options)

        def counted():
            for paragraphs in later:
                parts_read.append(len(paragraphs))
                yield paragraphs

        return report, counted()

    monkeypatch.setattr(reader_module, "read_in_parts", read_in_parts)
    app = make_app(Context(huge_library, tmp_path / "store", None))
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_report("fifty")
        while not parts_read:
            await pilot.pause(0.01)
        await pilot.press("q")
    await app.workers.wait_for_complete()
    assert len(parts_read) < 40  # of about 50: the worker stopped at the next part, not at the end
