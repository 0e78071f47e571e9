"""`i` in the reader shows and edits a report's details; the heading and citations use them (issue 13)."""

from __future__ import annotations

from minutesreader.core.sources import ReportSource
from minutesreader.dialogs.report_details import ReportDetailsDialog
from tests.ui.conftest import open_model

MODEL = "000_9d62e18ffa0ab910"


def heading(app) -> str:
    return str(app.screen.query_one("#reader-heading").render())


async def test_details_edited_in_the_reader_show_in_the_heading_and_the_citation(app_factory, system_clipboard, library):
    before = (library / f"{MODEL}.txt").read_bytes()
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ReportDetailsDialog)
        await pilot.press(*"ftp://nope", "tab", *"Municipal government", "enter")
        # A bad detail is named in the dialog and nothing is saved.
        assert isinstance(app.screen, ReportDetailsDialog)
        assert "not an http(s) address" in str(app.screen.query_one("#details-problem").render())
        app.screen.query_one("#details-url").value = "https://example.org/readout"
        await pilot.press("tab", *"2023-05-05", "enter")  # from the publisher to the meeting date
        await pilot.pause()
        assert not isinstance(app.screen, ReportDetailsDialog)
        assert app.session.source(MODEL) == ReportSource("https://example.org/readout", "Municipal government", "2023-05-05")
        assert "Municipal government · met 2023-05-05 · https://example.org/readout" in heading(app)
        app.template = "{quote} ({publisher}, {url})"
        await pilot.press("j", "l", "c")
        assert app.clipboard.endswith("(Municipal government, https://example.org/readout)")
        await pilot.press("u")  # undo takes the details back
        await pilot.pause()
        assert app.session.source(MODEL).is_empty()
        assert "Municipal government" not in heading(app)
    assert (library / f"{MODEL}.txt").read_bytes() == before  # the report file is never modified


async def test_escape_leaves_the_details_as_they_were(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("i", *"https://x.org", "escape")
        assert not isinstance(app.screen, ReportDetailsDialog)
        assert app.session.source(MODEL).is_empty()
