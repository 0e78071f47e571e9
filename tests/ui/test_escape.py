"""Escape closes the innermost thing, and the footer says where it goes (issue 9, defect 12)."""

from __future__ import annotations

from textual.widgets import Input

from minutesreader.screens.library import LibraryScreen
from minutesreader.screens.reader import ReaderScreen
from minutesreader.screens.search import SearchScreen
from minutesreader.widgets.find_bar import FindBar
from tests.ui.conftest import open_model, settle, wait_for_scan

MODEL = "000_9d62e18ffa0ab910"


def escape_goes_to(app) -> str:
    """What the footer shows for Escape just now."""
    return app.screen.active_bindings["escape"].binding.description


async def test_escape_closes_find_before_leaving_the_report(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        assert escape_goes_to(app) == "Library"
        await pilot.press("slash", *"necessary")
        assert escape_goes_to(app) == "Close find"
        await pilot.press("enter")  # finds, and the cursor goes back to the text with the bar still open
        assert escape_goes_to(app) == "Close find"
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        assert not app.screen.query_one(FindBar).has_class("-shown")
        assert escape_goes_to(app) == "Library"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_escape_closes_the_outline_even_when_the_text_has_the_cursor(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("o", "enter")  # jump to a directive: the text has the focus, the outline stays
        assert escape_goes_to(app) == "Close outline"
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        assert not app.screen.query_one("#outline").has_class("-shown")


async def test_search_report_tags_report_is_two_escapes_from_the_list(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"consumption", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("t", *"growth", "enter", "T")
        await settle(pilot)
        await pilot.press("enter")  # the tag
        await settle(pilot)
        await pilot.press("enter")  # its paragraph: another reader
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert escape_goes_to(app) == "Search"
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_the_help_lists_only_what_escape_does_now(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("question_mark")
        escapes = [description for keys, description in app.screen.keys if keys == "esc"]
        assert escapes == ["Library"]
        await pilot.press("escape")
        assert isinstance(app.screen.query_one(Input), Input)


async def test_each_view_names_where_escape_goes(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert escape_goes_to(app) == "Library"
        await pilot.press("escape", "slash", *MODEL, "enter")
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert escape_goes_to(app) == "Report"
        await pilot.press("A")
        await settle(pilot)
        assert escape_goes_to(app) == "Tags"
        await pilot.press("escape")
        assert escape_goes_to(app) == "Report"
