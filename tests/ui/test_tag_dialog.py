"""The tag dialog adds what you type, removes only what you remove, keeps case, completes (issue 9, defect 2)."""

from __future__ import annotations

from textual.widgets import Input

from minutesreader.core.records import BriefItem
from minutesreader.dialogs.tag_dialog import TagDialog
from minutesreader.screens.brief import BriefScreen
from tests.ui.conftest import open_model, paragraph_text, settle

MODEL = "000_9d62e18ffa0ab910"
TAGGED = ["Investment", "economy", "growth targets"]


def tags_on_first(app) -> list[str]:
    return sorted((m.tag for m in app.session.tags(MODEL) if m.paragraph == 1), key=str.casefold)


async def open_tagged(pilot, library) -> None:
    pilot.app.session.store.add_tags(MODEL, 1, paragraph_text(library, MODEL, 1), TAGGED)
    await open_model(pilot)


async def test_typing_adds_to_the_paragraphs_tags(app_factory, library):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_tagged(pilot, library)
        await pilot.press("t", *"policy", "enter")
        assert tags_on_first(app) == ["economy", "growth targets", "Investment", "policy"]


async def test_tab_completes_an_existing_tag(app_factory, library):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_tagged(pilot, library)
        await pilot.press("j", "t", *"eco", "tab", "enter")
        assert [m.tag for m in app.session.tags(MODEL) if m.paragraph == 2] == ["economy"]


async def test_right_arrow_completes_and_keeps_the_case_of_what_was_typed(app_factory, library):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_tagged(pilot, library)
        await pilot.press("j", "t", *"SOE, gro", "right")
        assert app.screen.query_one(Input).value == "SOE, growth targets"
        await pilot.press("enter")
        assert sorted(m.tag for m in app.session.tags(MODEL) if m.paragraph == 2) == ["SOE", "growth targets"]


async def test_removing_a_tag_is_its_own_visible_act(app_factory, library):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_tagged(pilot, library)
        await pilot.press("t", "down", "down", "x")
        assert isinstance(app.screen, TagDialog)
        listed = app.screen.query_one("#tag-current")
        assert "removed when you save" in str(listed.get_option_at_index(1).prompt)
        await pilot.press("enter")
        assert tags_on_first(app) == ["growth targets", "Investment"]


async def test_the_brief_heading_editor_adds_to_the_heading(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        app.session.store.briefs.save(app.session.current_brief, [BriefItem("heading", "Growth")])
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("e", *" and prices", "enter")
        await settle(pilot)
        assert [item.text for item in app.screen.items] == ["Growth and prices"]


async def test_a_tag_typed_as_shown_completes_and_the_message_names_what_was_stored(app_factory, library):
    """`#eco` did not complete; and '##, # growth' was reported saved as typed ('+##',
    '+# growth') while `#` alone was dropped and '# growth' stored as 'growth'."""
    app = app_factory()
    async with app.run_test() as pilot:
        await open_tagged(pilot, library)
        await pilot.press("j", "t", *"#eco", "tab")
        assert app.screen.query_one(Input).value == "#economy"
        await pilot.press(*", ##, # growth", "enter")
        assert sorted(m.tag for m in app.session.tags(MODEL) if m.paragraph == 2) == ["economy", "growth"]
        assert any("(+economy, +growth)" in str(n.message) for n in app._notifications)
