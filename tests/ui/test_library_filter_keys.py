"""Walk report item 11: Down in the library's filter box did nothing; only Tab reached the
list, and nothing said so. As in fzf or VS Code's quick open: Down goes into the list,
Up on its first row goes back to the filter, and the footer names the key."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer, Input

from minutesreader.screens.reader import ReaderScreen
from minutesreader.widgets.report_table import ReportTable
from tests.ui.conftest import burst, settle, settle_until, wait_for_scan

FILTER = "federal"  # the FOMC minutes: the 2023 minutes first (newest), then 1994's
SECOND_MATCH = "044_da5f0730ca9a2dfe"


async def test_down_down_enter_from_the_filter_opens_the_second_match(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await pilot.press("slash", *FILTER)
        assert len(app.screen.query_one(ReportTable).rows) == 2
        await pilot.press("down", "down", "enter")
        await settle_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.report_id == SECOND_MATCH


async def test_down_down_enter_typed_at_once_opens_the_second_match(app_factory):
    """A fast typist: the keys are all queued before the app reads the first Down."""
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await burst(pilot, "/" + FILTER)
        for key in ("down", "down", "enter"):
            app.post_message(events.Key(key, None))
        await settle(pilot)
        await settle_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.report_id == SECOND_MATCH


async def test_up_on_the_first_row_goes_back_to_typing_in_the_filter(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        await pilot.press("slash", *"fede", "down", "down", "up")
        assert app.screen.focused is table and table.cursor == 0
        await pilot.press("up", *"ral")
        assert app.screen.query_one("#filter", Input).value == FILTER
        await pilot.press("down", "enter")
        await settle_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.report_id != SECOND_MATCH  # the first match


async def test_the_footer_names_down_while_the_filter_has_the_keys(app_factory):
    app = app_factory()
    async with app.run_test(size=(140, 30)) as pilot:
        await wait_for_scan(pilot)

        def footer_says() -> str:
            return " ".join(str(key.render()) for key in app.screen.query_one(Footer).query("FooterKey"))

        assert "To the list" not in footer_says()
        await pilot.press("slash")
        await settle(pilot)
        assert "To the list" in footer_says()
        await pilot.press("down")
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one(ReportTable)
        assert "To the list" not in footer_says()


async def test_down_from_a_filter_that_matches_nothing_stays_in_the_filter(app_factory):
    """With no match, Down moved into the empty list, where `q` typed next quit the app."""
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await pilot.press("slash", *"zzzz")
        assert len(app.screen.query_one(ReportTable).rows) == 0
        await pilot.press("down", *"q")
        assert app.is_running and isinstance(app.focused, Input)
        assert app.focused.value == "zzzzq"
