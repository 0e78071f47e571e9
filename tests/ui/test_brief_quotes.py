"""The brief's quotes (issue 13): opened at their place, cited with the report's current
title and details, never added twice by mistake."""

from __future__ import annotations

from minutesreader.core.sources import ReportSource
from minutesreader.screens.brief import BriefScreen
from minutesreader.screens.reader import ReaderScreen
from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model

MODEL = "000_9d62e18ffa0ab910"


async def wait_for_reader_at(pilot, paragraph: int) -> DocumentView | None:
    view = None
    for _ in range(200):
        await pilot.pause()
        screen = pilot.app.screen
        view = screen.query_one(DocumentView) if isinstance(screen, ReaderScreen) and screen.query(DocumentView) else None
        if view is not None and view.paragraph == paragraph and screen.hits:
            break
    return view


async def test_the_same_quote_twice_warns_and_is_kept_once(app_factory, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "b", "b")
        assert any("already in the brief" in message for message in told)
        await pilot.press("B")  # the whole paragraph is another quote
        await pilot.press("ctrl+b")
        assert [(i.kind, i.paragraph) for i in app.screen.items] == [("quote", 2), ("quote", 2)]


async def test_enter_or_o_on_a_quote_opens_its_report_at_the_quote(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "j", "l", "b", "escape")  # the second sentence of ¶3
        await pilot.press("ctrl+b")
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("enter")
        view = await wait_for_reader_at(pilot, 2)
        assert view is not None and view.paragraph == 2
        [(paragraph, start, end)] = app.screen.hits
        quoted = app.screen.report.paragraphs[paragraph].text[start:end]
        # The quote's words are found (a find matches words: the closing full stop is not in the hit).
        assert quoted == app.session.brief().items[0].text.removesuffix(".")
        await pilot.press("ctrl+b", "o")
        view = await wait_for_reader_at(pilot, 2)
        assert view is not None and view.paragraph == 2


async def test_a_rename_after_adding_shows_in_the_brief_and_its_export(app_factory, system_clipboard):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "b")
        await pilot.press("r", "ctrl+a", "ctrl+k", *"Shenzhen readout", "enter")
        app.save_changes(lambda session: session.set_source(MODEL, ReportSource(publisher="Municipal government")), "saved")
        app.template = "“{quote}” — {publisher}, {title}, {date}, {locator}"
        await pilot.press("ctrl+b", "y")
        assert "[^1]: Municipal government, Shenzhen readout, 2023-05-06, ¶2" in app.clipboard
        assert "Party group" not in app.clipboard


async def test_words_inside_a_quote_or_holding_one_are_not_added_silently(app_factory, told):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "j", "l", "b")  # ¶3, sentence 2
        told.clear()
        await pilot.press("B")  # the paragraph holds it: added, and said so
        assert any("already quoted part of this paragraph" in message for message in told), told
        told.clear()
        await pilot.press("l", "b")  # sentence 3 lies inside the paragraph's quote
        assert any("already in the brief" in message for message in told), told
        quotes = [item for item in app.session.brief().items if item.kind == "quote"]
        assert len(quotes) == 2 and quotes[0].text in quotes[1].text
