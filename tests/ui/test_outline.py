"""The directive outline: closing it keeps the cursor in view; a small terminal keeps the
text beside it; each entry shows the directive around its trigger (issue 9, defects 14, 16)."""

from __future__ import annotations

from minutesreader.widgets.document import DocumentView
from minutesreader.widgets.outline import DirectiveOutline
from tests.ui.conftest import settle, wait_for_scan

FOMC = "049_73e9958d0c926e56"


async def open_report(pilot, report_id: str) -> None:
    await wait_for_scan(pilot)
    await pilot.press("slash", *report_id, "enter")
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)


def cursor_on_screen(app) -> bool:
    """Is a line of the cursor paragraph (drawn with the ▌ bar) among the lines on screen?"""
    view = app.screen.query_one(DocumentView)
    return any("▌" in view.render_line(y).text for y in range(view.scrollable_content_region.height))


async def test_closing_the_outline_keeps_the_cursor_paragraph_on_screen(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_report(pilot, FOMC)
        await pilot.press(*"j" * 12)
        await settle(pilot)
        assert cursor_on_screen(app)
        await pilot.press("o")
        await settle(pilot)
        assert cursor_on_screen(app)
        await pilot.press("escape")
        await settle(pilot)
        assert cursor_on_screen(app)


async def test_on_a_small_terminal_the_outline_leaves_room_for_the_text(app_factory):
    app = app_factory()
    async with app.run_test(size=(60, 20)) as pilot:
        await open_report(pilot, FOMC)
        await pilot.press("o")
        await settle(pilot)
        view = app.screen.query_one(DocumentView)
        outline = app.screen.query_one(DirectiveOutline)
        assert outline.region.width > 0
        assert view.region.width >= 30  # the text stays readable beside the outline


async def test_each_entry_shows_its_directive_around_the_trigger(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_report(pilot, FOMC)
        await pilot.press("o")
        await settle(pilot)
        outline = app.screen.query_one("#outline-list")
        directives = [s.directive for sentences in app.screen.analysis for s in sentences if s.directive]
        assert len(directives) == outline.option_count > 0
        late = [d for d in directives if d.start > 60]
        assert late, "the FOMC minutes have directives whose trigger comes late in the sentence"
        for index, directive in enumerate(directives):
            label = str(outline.get_option_at_index(index).prompt)
            assert " ".join(directive.trigger.split()) in label
