"""The footer of a covered screen does no work until its screen is shown again: `D`
in the reader rebuilt the hidden reader's keys while the redline was being drawn."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from minutesreader.screens.compare import CompareScreen
from minutesreader.screens.reader import ReaderScreen
from tests.ui.test_compare_screens import NEW, library, open_report, settle  # noqa: F401 - the fixture

__all__ = ["library"]


def footer_keys(screen) -> list[FooterKey]:
    return list(screen.query(FooterKey))


async def test_the_readers_keys_are_left_alone_behind_the_redline_and_shown_on_return(app_factory):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_report(pilot, NEW)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        before = footer_keys(reader)
        assert any(key.description == "Compare" for key in before)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert footer_keys(reader) == before  # the same keys, not rebuilt while covered
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is reader
        assert any(key.description == "Compare" for key in footer_keys(reader))
