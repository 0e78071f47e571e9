"""The brief list stops at its ends; g and G go to the first and last item (issue 9, defect 13)."""

from __future__ import annotations

from textual.widgets import OptionList

from minutesreader.core.records import BriefItem
from minutesreader.screens.brief import BriefScreen
from tests.ui.conftest import settle


async def test_the_cursor_stops_at_the_ends_and_g_G_jump(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        items = [BriefItem("heading", "One"), BriefItem("comment", "Two"), BriefItem("heading", "Three")]
        app.session.store.briefs.save(app.session.current_brief, items)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        brief_list = app.screen.query_one(OptionList)
        assert brief_list.highlighted == 0
        await pilot.press("up")
        assert brief_list.highlighted == 0  # not the last item
        await pilot.press("G")
        assert brief_list.highlighted == 2
        await pilot.press("down")
        assert brief_list.highlighted == 2
        await pilot.press("g")
        assert brief_list.highlighted == 0
        # A heading added "after the selected item" after Up on the first goes after item 1.
        await pilot.press("up", "h", *"After one", "enter")
        await settle(pilot)
        assert [item.text for item in app.screen.items] == ["One", "After one", "Two", "Three"]


async def test_R_renames_and_D_deletes_the_brief_once_confirmed(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        app.session.store.briefs.save(app.session.current_brief, [BriefItem("heading", "One")])
        old = app.session.current_brief
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press("R", "ctrl+a", "ctrl+k", *"Trade", "enter")
        await settle(pilot)
        assert app.session.current_brief == "Trade" and list(app.session.brief_names()) == ["Trade"]
        assert old != "Trade"
        await pilot.press("D")
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")  # not confirmed: kept
        await settle(pilot)
        assert list(app.session.brief_names()) == ["Trade"]
        await pilot.press("D", "y")
        await settle(pilot)
        assert not app.session.brief_names()
