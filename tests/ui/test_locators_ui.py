"""In the reader, a quote from a display part is copied as "part N" (issue 13)."""

from __future__ import annotations

from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import wait_for_scan


async def test_copying_from_a_split_fomc_report_cites_a_part(app_factory, system_clipboard, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        app.open_report("049_73e9958d0c926e56", paragraph=40)
        for _ in range(200):
            await pilot.pause()
            view = app.screen.query_one(DocumentView) if app.screen.query(DocumentView) else None
            if view is not None and view.paragraph == 39:
                break
        await pilot.press("c")
        assert app.clipboard.endswith(", part 40") and "¶" not in app.clipboard
        assert any("of part 40" in message for message in told)
